import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { formatRoute, type Route, type View } from '@/lib/reader/route';
import type { UnreadCounts } from '@/lib/store/reader';
import { countText, formatNumber } from '../ui/count';
import { useFirstPaint } from '../ui/use-first-paint';
import { VIEW_KEYS } from './page-title';

/** Longer lists start folded (the one holding the current page stays open): the member opens them. */
const FOLDED_ABOVE = 8;

/** Each view's unread figure, from the counts (« Tous » has none: it would repeat « Non lus »). */
const VIEW_UNREAD: Record<View, (counts: UnreadCounts) => number | undefined> = {
  all: () => undefined,
  unread: (counts) => counts.unread,
  starred: (counts) => counts.starred,
  clips: (counts) => counts.clips,
};

/** The unread figure after a link's name: the number on screen, « 12 non lus » for a screen reader. */
function Unread({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <span class="nav__unread">
      <span aria-hidden="true">{formatNumber(count)}</span>
      <span class="visually-hidden">{` (${countText('navUnreadCount', count)})`}</span>
    </span>
  );
}

const VIEWS = Object.entries(VIEW_KEYS) as [View, string][];

function isCurrent(route: Route, target: Route): boolean {
  return formatRoute({ ...route, ...(route.section === 'items' || route.section === 'alerts' ? { item: undefined } : {}), ...(route.section === 'rules' ? { rule: undefined } : {}), ...(route.section === 'fiches' ? { fiche: undefined } : {}) } as Route) === formatRoute(target);
}

/** The dashboard's sections, then each source and each tag as a shortcut to its items, in lists that fold. */
export interface NavProps {
  route: Route;
  sources: Source[];
  tags: Tag[];
  unreadAlerts: number;
  unreadShares: number;
  /** Fiches conseils a colleague changed since this member read them. */
  changedFiches?: number;
  /** Unread items per view, source and tag; absent until counted (the first frame goes without). */
  counts?: UnreadCounts;
}

export function Nav({ route, sources, tags, unreadAlerts, unreadShares, changedFiches = 0, counts }: NavProps) {
  const link = (target: Route, label: string, extra?: preact.ComponentChildren, unread?: number) => (
    <li>
      <a href={formatRoute(target)} aria-current={isCurrent(route, target) ? 'page' : undefined}>
        {extra}
        <span class="nav__label">{label}</span>
        <Unread count={unread} />
      </a>
    </li>
  );
  const language = uiLanguage() === 'fr' ? 'fr' : 'en';
  // On a narrow screen (a phone, or 200 % zoom and more) the menu folds under a « Menu » button, so that the
  // section keeps the width (RGAA 10.11); choosing a section folds it again. Wide, the button is not shown.
  const [unfolded, setUnfolded] = useState(false);
  const where = formatRoute(route);
  useEffect(() => setUnfolded(false), [where]);
  // A folded list's entries are not seen in the first frame: they are built once it is painted (a third of
  // the first screen's elements with the collective's sources and tags).
  const painted = useFirstPaint();
  const sourcesOpen = sources.length <= FOLDED_ABOVE || (route.section === 'items' && !!route.sourceId);
  const tagsOpen = tags.length <= FOLDED_ABOVE || (route.section === 'items' && !!route.tag);
  // Règles, Sources and Paramètres stay in view whatever the number of sources: before the long lists.
  const admin = (
    <ul class="nav__admin">
      {link({ section: 'rules' }, t('navRules'))}
      {link({ section: 'sources' }, t('navSources'))}
      {link({ section: 'settings' }, t('navSettings'))}
    </ul>
  );
  return (
    <nav class="nav" aria-label={t('navLabel')}>
      <div class="nav__top">
        <p class="nav__brand">Vigie</p>
        <button type="button" class="button button--quiet nav__toggle" aria-expanded={unfolded} aria-controls="nav-lists" onClick={() => setUnfolded(!unfolded)}>
          {t('navMenu')}
        </button>
      </div>
      <div id="nav-lists" class={unfolded ? 'nav__lists nav__lists--unfolded' : 'nav__lists'}>
        <ul>
          {link({ section: 'alerts' }, unreadAlerts > 0 ? countText('navAlertsUnread', unreadAlerts) : t('navAlerts'))}
          {VIEWS.map(([view, key]) => link({ section: 'items', view }, t(key), undefined, counts && VIEW_UNREAD[view](counts)))}
          {link({ section: 'copil' }, unreadShares > 0 ? countText('navCopilUnread', unreadShares) : t('navCopil'))}
          {link({ section: 'fiches' }, changedFiches > 0 ? countText('navFichesChanged', changedFiches) : t('navFiches'))}
          {link({ section: 'digest' }, t('navDigest'))}
          {link({ section: 'timeline' }, t('navTimeline'))}
        </ul>
        {admin}
        <details class="nav__group" open={sourcesOpen}>
          <summary>
            <span class="nav__heading">
              {t('navBySource')} <span class="nav__count">({formatNumber(sources.length)})</span>
            </span>
          </summary>
          {(sourcesOpen || painted) && (
            <ul>
              {[...sources]
                .sort((a, b) => a.title.localeCompare(b.title, language))
                .map((source) => link({ section: 'items', view: 'all', sourceId: source.id }, source.title, undefined, counts?.bySource[source.id]))}
            </ul>
          )}
        </details>
        <details class="nav__group" open={tagsOpen}>
          <summary>
            <span class="nav__heading">
              {t('navByTag')} <span class="nav__count">({formatNumber(tags.length)})</span>
            </span>
          </summary>
          {(tagsOpen || painted) && (
            <ul>
              {tags.map((tag) =>
                link(
                  { section: 'items', view: 'all', tag: tag.id },
                  tag.label[language],
                  <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />,
                  counts?.byTag[tag.id],
                ),
              )}
            </ul>
          )}
        </details>
      </div>
    </nav>
  );
}
