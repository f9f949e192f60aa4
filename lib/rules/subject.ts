import type { Item } from '../model/item';
import type { RuleField } from '../model/rule';
import type { Source } from '../model/source';

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
  const text = plainText(item.contentHtml, FIELD_LIMITS.content);
  // The summary is often the start of the content, cut: read once is enough.
  const summary = item.summary && !startsWith(text, withoutEllipsis(item.summary)) ? item.summary : undefined;
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

/**
 * Sanitized HTML to text, as `textOfHtml` (lib/text) does, but without squeezing whitespace, which rules do
 * anyway when they fold the text. That squeeze (`replace(/\s+/g, ' ')`) is the slow part of `textOfHtml`: on
 * French text (stored as two-byte strings), about 130 µs for a 2 kB article, more than every rule together.
 */
function plainText(html: string | undefined, maxChars: number): string {
  if (!html) return '';
  let text = (html.length > maxChars * 3 ? html.slice(0, maxChars * 3) : html).replace(/<[^>]*>/g, ' ');
  // Each step copies the article: the ones with nothing to do are skipped.
  if (text.includes('&')) text = text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ENTITIES[entity] ?? ' ');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Whether `summary` is the start of `text`, whitespace aside. Their first hundred characters tell: a summary
 * that begins as the article does is its excerpt.
 */
function startsWith(text: string, summary: string): boolean {
  // Only what is not already a single space is replaced: far faster than /\s+/ on French text (see above).
  const squeeze = (value: string) => value.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  const start = squeeze(summary.slice(0, 100));
  return squeeze(text.slice(0, 300)).startsWith(start);
}

/** WordPress ends its excerpts with "[…]", the pipeline its cut summaries with "…". */
function withoutEllipsis(summary: string): string {
  for (const ellipsis of ['[…]', '[...]', '…', '...']) if (summary.endsWith(ellipsis)) return summary.slice(0, -ellipsis.length);
  return summary;
}
