import { Index } from 'flexsearch';
import type { Item } from '../model/item';
import { fold } from '../text/fold';
import { textOfHtml } from '../text/html-text';

/**
 * Full-text search over items with FlexSearch: title, summary, content, note and tags. Terms are folded
 * (case and accents dropped) on both sides, so "actualite" finds "Actualité"; every word of the query must
 * match, as a prefix, so results narrow as the member types. French elisions ("l'", "d'", "qu'") are split
 * off and dropped as too short or as stop words.
 *
 * The list is always shown by date, so no relevance score is needed: FlexSearch answers a term with its ids
 * in well under a millisecond, where a scoring engine spent tens on a common word of 50,000 items.
 *
 * An item's text lives in two indexes: what the feed or the clip gave (large, changes rarely) and what
 * members add, its note and tags (small, changes all day). Re-indexing an item's note then touches only the
 * small one, and a change that leaves both texts alone (read, starred) touches neither.
 */
export interface SearchDoc {
  id: string;
  /** Title, summary, clipped quote and description, start of the content. */
  text: string;
  /** Note and tags (by id and by their labels in both languages). */
  annotations: string;
}

/** Content beyond this is not indexed: the start of an article says what it is about. */
const CONTENT_CHARS = 4000;

const STOP_WORDS = new Set(['qu', 'jusqu', 'lorsqu', 'puisqu', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'the', 'of', 'and', 'an']);

/** Text to search terms: folded words of two characters or more, stop words out. */
export function searchTerms(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 2 && !STOP_WORDS.has(term));
}

/** A cheap fingerprint of a text (FNV-1a), to know whether an item's words changed without keeping them. */
function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class SearchIndex {
  // "forward" indexes every prefix of every word: that is what lets "elec" find "élection" at once.
  // Fast update keeps a reverse map, worth its memory only on the small index that changes often.
  private readonly text = new Index({ tokenize: 'forward', encode: searchTerms, resolution: 1 });
  private readonly annotations = new Index({ tokenize: 'forward', encode: searchTerms, resolution: 1, fastupdate: true });
  private readonly prints = new Map<string, { text: number; annotations: number }>();

  get size(): number {
    return this.prints.size;
  }

  has(id: string): boolean {
    return this.prints.has(id);
  }

  /** Adds an item, or re-indexes the parts of it whose words changed. */
  put(doc: SearchDoc): void {
    const next = { text: fingerprint(doc.text), annotations: fingerprint(doc.annotations) };
    const previous = this.prints.get(doc.id);
    this.prints.set(doc.id, next);
    if (previous?.text !== next.text) this.text[previous ? 'update' : 'add'](doc.id, doc.text);
    if (previous?.annotations !== next.annotations) this.annotations[previous ? 'update' : 'add'](doc.id, doc.annotations);
  }

  remove(id: string): void {
    if (!this.prints.delete(id)) return;
    this.text.remove(id);
    this.annotations.remove(id);
  }

  /** The ids of the items that have every term of the query (in their text or their annotations). */
  search(query: string): string[] {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return [];
    const limit = this.prints.size + 1;
    const perTerm = terms.map((term) => {
      const found = new Set(this.text.search(term, { limit }) as string[]);
      for (const id of this.annotations.search(term, { limit }) as string[]) found.add(id);
      return found;
    });
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perTerm as [Set<string>, ...Set<string>[]];
    return [...smallest].filter((id) => others.every((set) => set.has(id)));
  }
}

/** `tagLabels` gives the words a tag id stands for (its French and English labels), so tags are found by name. */
export function toSearchDoc(item: Item, tagLabels: (id: string) => string[]): SearchDoc {
  return {
    id: item.id,
    text: [item.title, item.summary, item.clip?.quote, item.clip?.description, item.clip?.siteName, textOfHtml(item.contentHtml, CONTENT_CHARS)].filter(Boolean).join(' \n '),
    annotations: [item.note, ...item.tags.flatMap((tag) => [tag, ...tagLabels(tag)])].filter(Boolean).join(' \n '),
  };
}
