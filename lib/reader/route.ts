/** The dashboard's address (`#/unread`, `#/copil`, `#/source/<id>`, `#/tag/<id>`, `#/sources`, …), so views can be bookmarked and linked to. */
export type View = 'all' | 'unread' | 'starred' | 'clips';

export type Route =
  | { section: 'items'; view: View; sourceId?: string; tag?: string; item?: string }
  | { section: 'alerts'; item?: string }
  | { section: 'digest' }
  | { section: 'copil' }
  | { section: 'fiches'; fiche?: string }
  | { section: 'timeline' }
  | { section: 'rules'; rule?: string }
  | { section: 'sources' }
  | { section: 'settings' };

const VIEWS: readonly View[] = ['all', 'unread', 'starred', 'clips'];

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const item = new URLSearchParams(search).get('item') ?? undefined;
  const [head, ...rest] = path.split('/').map((part) => decodeURIComponent(part));
  const withItem = item ? { item } : {};
  if (head === 'alerts') return { section: 'alerts', ...withItem };
  if (head === 'digest') return { section: 'digest' };
  if (head === 'copil') return { section: 'copil' };
  if (head === 'fiches') return { section: 'fiches', ...(rest[0] ? { fiche: rest[0] } : {}) };
  if (head === 'timeline') return { section: 'timeline' };
  if (head === 'rules') return { section: 'rules', ...(rest[0] ? { rule: rest[0] } : {}) };
  if (head === 'sources') return { section: 'sources' };
  if (head === 'settings') return { section: 'settings' };
  if (head === 'source' && rest[0]) return { section: 'items', view: 'all', sourceId: rest[0], ...withItem };
  if (head === 'tag' && rest[0]) return { section: 'items', view: 'all', tag: rest[0], ...withItem };
  return { section: 'items', view: VIEWS.includes(head as View) ? (head as View) : 'all', ...withItem };
}

export function formatRoute(route: Route): string {
  if (route.section === 'alerts') return `#/alerts${route.item ? `?item=${encodeURIComponent(route.item)}` : ''}`;
  if (route.section === 'rules') return `#/rules${route.rule ? `/${encodeURIComponent(route.rule)}` : ''}`;
  if (route.section === 'fiches') return `#/fiches${route.fiche ? `/${encodeURIComponent(route.fiche)}` : ''}`;
  if (route.section !== 'items') return `#/${route.section}`;
  const path = route.sourceId
    ? `source/${encodeURIComponent(route.sourceId)}`
    : route.tag
      ? `tag/${encodeURIComponent(route.tag)}`
      : route.view;
  return `#/${path}${route.item ? `?item=${encodeURIComponent(route.item)}` : ''}`;
}
