import type { Item } from '../model/item';
import type { RuleField } from '../model/rule';
import type { Source } from '../model/source';
import { textOfHtml } from '../text/html-text';

/**
 * The texts of one item that rules look at, per field, as they are (folding happens once, when the rules
 * read them). A field may hold several values (a summary and a text; a tag's id and its labels): a phrase is
 * looked for within one value, never across two.
 */
export type RuleSubject = Readonly<Record<RuleField, readonly string[]>>;

/**
 * How much of each field rules read, in characters. Bounded so that the time rules take per item is too,
 * whatever a feed sends: the start of an article says what it is about.
 */
export const FIELD_LIMITS: Readonly<Record<RuleField, number>> = {
  title: 1_000,
  content: 20_000,
  url: 2_000,
  author: 500,
  source: 1_000,
  category: 500,
  tags: 4_000,
};

export const EMPTY_SUBJECT: RuleSubject = { title: [], content: [], url: [], author: [], source: [], category: [], tags: [] };

/**
 * What rules see of an item: its title; its content (summary, text of the HTML content, and for a clip the
 * quote and the page's description); link; author; source (id and title); the source's category; tags (ids
 * and labels in both languages, as `tagLabels` gives them).
 */
export function subjectOf(item: Item, source: Source | undefined, tagLabels: (tagId: string) => string[]): RuleSubject {
  const text = textOfHtml(item.contentHtml, FIELD_LIMITS.content).trim();
  // The summary is often the start of the content, cut: read once is enough.
  const summary = item.summary && !text.startsWith(item.summary.replace(/…$/, '')) ? item.summary : undefined;
  return {
    title: capped([item.title], FIELD_LIMITS.title),
    content: capped([summary, text, item.clip?.quote, item.clip?.description], FIELD_LIMITS.content),
    url: capped([item.url], FIELD_LIMITS.url),
    author: capped([item.author], FIELD_LIMITS.author),
    source: capped(source ? [source.id, source.title] : [item.sourceId], FIELD_LIMITS.source),
    category: capped([source?.category], FIELD_LIMITS.category),
    tags: capped(item.tags.flatMap((id) => [id, ...tagLabels(id)]), FIELD_LIMITS.tags),
  };
}

/** The non-empty values, in order, cut so that together they stay within `limit` characters. */
function capped(values: readonly (string | undefined)[], limit: number): string[] {
  const kept: string[] = [];
  let room = limit;
  for (const value of values) {
    if (!value || room <= 0) continue;
    const cut = value.length > room ? value.slice(0, room) : value;
    kept.push(cut);
    room -= cut.length;
  }
  return kept;
}
