import MiniSearch from 'minisearch';
import type { Item } from '../model/item';
import { fold } from '../text/fold';

/**
 * Full-text search over items with MiniSearch: title, summary, content, note and tags. Terms are folded
 * (case and accents dropped) on both sides, so "actualite" finds "Actualité"; a prefix matches as the
 * member types. French elisions ("l'", "d'", "qu'") are split off by the tokenizer and dropped as too short
 * or as stop words.
 */
export interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  content: string;
  note: string;
  tags: string;
}

/** Content beyond this is not indexed: the start of an article says what it is about. */
const CONTENT_CHARS = 4000;

const STOP_WORDS = new Set(['qu', 'jusqu', 'lorsqu', 'puisqu', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'the', 'of', 'and', 'a', 'an']);

function processTerm(term: string): string | null {
  const folded = fold(term);
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
}

export function createSearchIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['title', 'summary', 'content', 'note', 'tags'],
    storeFields: [],
    processTerm,
    searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, tags: 2, note: 2 }, processTerm },
  });
}

/** Sanitized HTML to indexable text: tags out, the few entities the sanitizer writes decoded. */
export function indexableText(html: string | undefined): string {
  if (!html) return '';
  return html
    .slice(0, CONTENT_CHARS * 3)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[entity] ?? ' ')
    .replace(/\s+/g, ' ')
    .slice(0, CONTENT_CHARS);
}

/** `tagLabels` gives the words a tag id stands for (its French and English labels), so tags are found by name. */
export function toSearchDoc(item: Item, tagLabels: (id: string) => string[]): SearchDoc {
  return {
    id: item.id,
    title: item.title,
    summary: [item.summary, item.clip?.quote, item.clip?.description, item.clip?.siteName].filter(Boolean).join(' '),
    content: indexableText(item.contentHtml),
    note: item.note ?? '',
    tags: item.tags.flatMap((tag) => [tag, ...tagLabels(tag)]).join(' '),
  };
}

/** The ids of the items that match, best first. */
export function searchIds(index: MiniSearch<SearchDoc>, query: string): string[] {
  return index.search(query).map((result) => String(result.id));
}
