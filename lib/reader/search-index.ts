import { Index } from 'flexsearch';
import type { Item } from '../model/item';
import { fold } from '../text/fold';
import { textOfHtml } from '../text/html-text';
import { ItemNumbers } from './item-numbers';
import { PackedTerms, packTerms, type PackedIndex } from './packed-terms';

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

/**
 * A search index as saved between two openings of the dashboard (see search-snapshot.ts): both indexes
 * packed, the numbering of items and their texts' fingerprints. `format` changes when the words indexed
 * would (tokenizer, stop words, fields), or the packing does in a way search-snapshot.ts cannot read back: a
 * snapshot of another format is built again. (The numbers' bytes of 0.9.2 did not: 0.9's are repacked.)
 */
export interface SearchSnapshot {
  format: number;
  /** The item id of each number FlexSearch knows (null: removed since). */
  ids: (string | null)[];
  /** Fingerprints of each number's text and annotations, two numbers per item. */
  prints: Uint32Array;
  /**
   * The numbers of the ids held, sorted by id (item-numbers.ts): the way from an id to its number without
   * building a Map of them all. Absent from an index saved by Vigie 0.9: sorted once then.
   */
  order?: Uint32Array;
  text: PackedIndex;
  annotations: PackedIndex;
}

export const SEARCH_FORMAT = 2;

// "forward" indexes every prefix of every word: that is what lets "elec" find "élection" at once.
// Fast update keeps a reverse map, worth its memory only on the small index that changes often (FlexSearch
// drops it from an imported index, whose removals then walk that small index).
const textIndex = () => new Index({ tokenize: 'forward', encode: searchTerms, resolution: 1 });
const annotationsIndex = (fastupdate = true) => new Index({ tokenize: 'forward', encode: searchTerms, resolution: 1, fastupdate });

/**
 * FlexSearch's inner layout: a term's lists by score slot, the register of numbers, and whether it keeps a
 * reverse map. Read to pack an index and to remove many items in one pass; written once, to give a restored
 * index its packed terms (see packed-terms.ts). A FlexSearch whose layout changed fails the round trip of
 * tests/reader/search-index.test.ts, not silently.
 */
interface IndexInternals {
  map: Map<string, number[][]>;
  reg: Set<number> | Map<number, unknown>;
  fastupdate: boolean;
}

const internalsOf = (index: Index) => index as unknown as IndexInternals;

const pack = (index: Index): PackedIndex => packTerms(internalsOf(index).map, internalsOf(index).reg.keys());

/** A packed index given back to FlexSearch: its terms unpacked as they are searched. */
function unpack(packed: PackedIndex, index: Index): void {
  const internals = internalsOf(index);
  internals.map = new PackedTerms(packed);
  internals.reg = new Set(packed.register);
  // FlexSearch keeps no reverse map of an index it did not build.
  internals.fastupdate = false;
}

/**
 * Removes item numbers from an index. Without a reverse map, FlexSearch removes one number by walking every
 * term of the index; here many are removed in one walk, and the terms of a restored index that are still
 * packed are not walked at all: they leave those numbers out when unpacked.
 */
function drop(index: Index, numbers: ReadonlySet<number>): void {
  const internals = internalsOf(index);
  if (internals.fastupdate) {
    for (const number of numbers) index.remove(number);
    return;
  }
  const { map } = internals;
  if (map instanceof PackedTerms) map.forget(numbers);
  for (const [term, slots] of map instanceof PackedTerms ? map.unpacked() : map.entries()) {
    let left = 0;
    for (let slot = 0; slot < slots.length; slot++) {
      const kept = slots[slot]?.filter((number) => !numbers.has(number));
      if (kept) slots[slot] = kept;
      left += kept?.length ?? 0;
    }
    if (left === 0) map.delete(term);
  }
  for (const number of numbers) internals.reg.delete(number);
}

export class SearchIndex {
  // FlexSearch is given numbers, not item ids: its lists then hold small integers (half the memory and half
  // the saved size of ids as strings), and the numbering is saved with the index.
  private numbers = new ItemNumbers();
  /**
   * Each number's fingerprints, text then annotations: flat and typed, as saved, so that a restore copies
   * nothing (200,000 objects cost a restore 0.5 s; an array copied from them, 50 ms in the worker).
   */
  private prints: Uint32Array = new Uint32Array(0);

  private readonly text = textIndex();
  private annotations = annotationsIndex();

  /** The index a snapshot saved, or undefined when the snapshot is of another format. */
  static restore(snapshot: SearchSnapshot): SearchIndex | undefined {
    if (snapshot.format !== SEARCH_FORMAT || snapshot.prints.length !== snapshot.ids.length * 2) return undefined;
    const index = new SearchIndex();
    // FlexSearch imports no reverse map: the restored index is made without one.
    index.annotations = annotationsIndex(false);
    unpack(snapshot.text, index.text);
    unpack(snapshot.annotations, index.annotations);
    index.numbers = new ItemNumbers(snapshot.ids, snapshot.order);
    index.prints = snapshot.prints;
    return index;
  }

  /** Everything needed to restore this index without reading the items again. */
  snapshot(): SearchSnapshot {
    return {
      format: SEARCH_FORMAT,
      ...this.numbers.snapshot(),
      prints: this.prints.slice(0, this.numbers.length * 2),
      text: pack(this.text),
      annotations: pack(this.annotations),
    };
  }

  get size(): number {
    return this.numbers.size;
  }

  has(id: string): boolean {
    return this.numbers.numberOf(id) !== undefined;
  }

  /** Adds an item, or re-indexes the parts of it whose words changed. */
  put(doc: SearchDoc): void {
    const next = { text: fingerprint(doc.text), annotations: fingerprint(doc.annotations) };
    let number = this.numbers.numberOf(doc.id);
    const previous = number === undefined ? undefined : { text: this.prints[number * 2], annotations: this.prints[number * 2 + 1] };
    if (number === undefined) {
      number = this.numbers.add(doc.id);
      if (number * 2 + 1 >= this.prints.length) {
        const grown = new Uint32Array(Math.max(64, this.prints.length * 2));
        grown.set(this.prints);
        this.prints = grown;
      }
    }
    this.prints[number * 2] = next.text;
    this.prints[number * 2 + 1] = next.annotations;
    // An item indexed before loses its previous words first (FlexSearch's own `update` would walk every term).
    if (previous?.text !== next.text) {
      if (previous) drop(this.text, new Set([number]));
      this.text.add(number, doc.text);
    }
    if (previous?.annotations !== next.annotations) {
      if (previous) drop(this.annotations, new Set([number]));
      this.annotations.add(number, doc.annotations);
    }
  }

  remove(id: string): void {
    this.removeMany([id]);
  }

  /** Removes items (a source deleted, old items pruned: many at once, in one walk of each index). */
  removeMany(ids: readonly string[]): void {
    const numbers = new Set(ids.flatMap((id) => this.numbers.remove(id) ?? []));
    if (numbers.size === 0) return;
    drop(this.text, numbers);
    drop(this.annotations, numbers);
  }

  /** The ids of the items that have every term of the query (in their text or their annotations). */
  search(query: string): string[] {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return [];
    const limit = this.numbers.length + 1;
    const perTerm = terms.map((term) => {
      const found = new Set(this.text.search(term, { limit }) as number[]);
      for (const number of this.annotations.search(term, { limit }) as number[]) found.add(number);
      return found;
    });
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perTerm as [Set<number>, ...Set<number>[]];
    return [...smallest].flatMap((number) => (others.every((set) => set.has(number)) ? (this.numbers.idOf(number) ?? []) : []));
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
