import type { Significance } from '../model/change';
import type { Impact, Item } from '../model/item';
import type { Source } from '../model/source';
import type { Tag } from '../model/tag';
import { CURATED_CATEGORIES } from '../packs/curated-sources';
import { languageField } from '../reader/language';

/**
 * The timeline ("diagnostic") of Meta's changes: which items are a change of Meta's, and how each one is drawn.
 *
 * Inclusion rule. The timeline shows what Meta changed, not what the press wrote, so an item is a point when:
 * - it comes from Meta itself (a source of the "Meta officiel" category): an announcement;
 * - it is a change of the terms (an Open Terms Archive source, or an item carrying a terms diff);
 * - it is a change of a monitored page (a source of kind `page`, or an item carrying a page diff);
 * - it is a past event a member added by hand (the `history` pseudo-source);
 * - otherwise (news, clips), only when a member (or one of their rules) judged it: it carries a tag of the
 *   shared taxonomy AND has an impact set or a star. The shared tag is what says "this is about one of Meta's
 *   rules"; the impact or the star is what says "someone found it mattered". Without both, every article of
 *   the news feeds would flood the chart.
 */

/** Past events added by hand to build the history back to Facebook's beginnings: a pseudo-source, like clips. */
export const HISTORY_SOURCE_ID = 'history';

export const TIMELINE_KINDS = ['announcement', 'terms', 'page', 'history', 'news'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The shared category a terms change falls in when nobody tagged it. */
const TERMS_CATEGORY = 'conditions-confidentialite';

export interface TimelinePoint {
  itemId: string;
  /** ISO date: when Meta made the change (the item's publication date, or when Vigie saw it if the feed gave none). */
  date: string;
  /** The same date in milliseconds, for sorting and for the time axis. */
  time: number;
  title: string;
  kind: TimelineKind;
  /** The top-level shared category the point is coloured by (the first one among the item's tags). */
  category?: string;
  /** Every top-level shared category of the item, first one first: a filter on any of them finds the point. */
  categories: string[];
  /** The category's colour; none for an item without a shared category (drawn in the muted colour). */
  color?: string;
  impact?: Impact;
  /** What the change is worth: links only and technical ones are hidden unless asked for, greyed when shown. */
  significance?: Significance;
  /** A point of the shipped history: the address it opens (OTA's commit, the event's source), not an item. */
  url?: string;
  /** For a terms change: the document ("Facebook — Privacy Policy"), for the density per document. */
  document?: string;
  /** For a curated event of the shipped history: what changed, in one sentence. */
  summary?: string;
  /** The language of its title (the item's, else its source's), for `lang` (RGAA 8.7). */
  language?: string;
}

/** A change of links or formatting only, or OTA's technical commit: kept on the timeline, hidden unless asked for. */
export function isMinorChange(point: Pick<TimelinePoint, 'significance'>): boolean {
  return point.significance !== undefined && point.significance !== 'substantive';
}

/** The shared taxonomy's tags by id: personal tags are a member's own and draw no category. */
export function sharedTags(tags: readonly Tag[]): Map<string, Tag> {
  return new Map(tags.filter((tag) => tag.scope === 'shared').map((tag) => [tag.id, tag]));
}

/** "Publicité politique" → "Publicité": climbs to the top of the taxonomy (a loop, should one slip in, stops it). */
export function topCategory(id: string, shared: ReadonlyMap<string, Tag>): string | undefined {
  let tag = shared.get(id);
  const seen = new Set<string>();
  while (tag?.parent && shared.has(tag.parent) && !seen.has(tag.parent)) {
    seen.add(tag.id);
    tag = shared.get(tag.parent);
  }
  return tag?.id;
}

function kindOf(item: Item, source: Source | undefined, shared: ReadonlyMap<string, Tag>): TimelineKind | undefined {
  if (item.sourceId === HISTORY_SOURCE_ID) return 'history';
  if (item.change?.kind === 'terms' || source?.category === CURATED_CATEGORIES.terms) return 'terms';
  if (item.change?.kind === 'page' || source?.kind === 'page') return 'page';
  if (source?.category === CURATED_CATEGORIES.meta) return 'announcement';
  const judged = item.impact !== undefined || item.starred;
  return judged && item.tags.some((id) => shared.has(id)) ? 'news' : undefined;
}

function categoriesOf(item: Item, kind: TimelineKind, shared: ReadonlyMap<string, Tag>): string[] {
  const found = new Set<string>();
  for (const id of item.tags) {
    const top = topCategory(id, shared);
    if (top) found.add(top);
  }
  if (found.size === 0 && kind === 'terms' && shared.has(TERMS_CATEGORY)) found.add(TERMS_CATEGORY);
  return [...found];
}

/** One point per item that is one of Meta's changes (see the inclusion rule above), oldest first. */
export function timelinePoints(items: readonly Item[], sources: readonly Source[], tags: readonly Tag[]): TimelinePoint[] {
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const shared = sharedTags(tags);
  const points: TimelinePoint[] = [];
  for (const item of items) {
    const kind = kindOf(item, sourceById.get(item.sourceId), shared);
    if (!kind) continue;
    const date = item.published ?? item.fetched;
    const time = Date.parse(date);
    if (Number.isNaN(time)) continue;
    const categories = categoriesOf(item, kind, shared);
    const category = categories[0];
    points.push({
      itemId: item.id,
      date,
      time,
      title: item.title,
      kind,
      ...(category ? { category, color: shared.get(category)?.color } : {}),
      categories,
      ...(item.impact ? { impact: item.impact } : {}),
      ...(item.change?.significance ? { significance: item.change.significance } : {}),
      ...(item.change?.kind === 'terms' && item.change.documents.length === 1 ? { document: item.change.documents[0]!.name } : {}),
      ...languageField(item.language, sourceById.get(item.sourceId)?.language),
    });
  }
  return points.sort((a, b) => a.time - b.time || a.itemId.localeCompare(b.itemId));
}

/** The top-level shared categories, in the taxonomy's order: the filters' checkboxes and the chart's rows. */
export function topCategories(tags: readonly Tag[]): Tag[] {
  const shared = sharedTags(tags);
  return [...shared.values()].filter((tag) => topCategory(tag.id, shared) === tag.id);
}
