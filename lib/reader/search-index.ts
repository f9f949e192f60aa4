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

/**
 * One FlexSearch index's words and lists, packed in typed arrays. FlexSearch's own export is JSON: at
 * 200,000 items that is 213 million characters to parse at every opening (1.6 s); packed, the same lists are
 * 125 MB of numbers that IndexedDB hands back as they were written, and the index is rebuilt from them
 * through FlexSearch's own import in a quarter of that time.
 */
export interface PackedIndex {
  /** The index's terms, one per line (a term never holds a line break: see `searchTerms`). */
  terms: string;
  /** How many score slots each term has (one at the resolution used here; kept for any other). */
  slots: Uint8Array;
  /** The length of each slot's list, term after term. */
  lengths: Uint32Array;
  /** Every list's item numbers, one list after another. */
  numbers: Uint32Array;
  /** The item numbers the index holds (FlexSearch's register). */
  register: Uint32Array;
}

/**
 * A search index as saved between two openings of the dashboard (see search-snapshot.ts): both indexes
 * packed, the numbering of items and their texts' fingerprints. `format` changes when the words indexed
 * would (tokenizer, stop words, fields) or the packing does: a snapshot of another format is built again.
 */
export interface SearchSnapshot {
  format: number;
  /** The item id of each number FlexSearch knows (null: removed since). */
  ids: (string | null)[];
  /** Fingerprints of each number's text and annotations, two numbers per item. */
  prints: Uint32Array;
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
 * FlexSearch's inner layout: a term's lists by score slot, and the register of numbers. Read, never written,
 * to pack an index and to remove many items in one pass (see `removeMany`); a FlexSearch whose layout
 * changed fails tests/reader/search-index.test.ts's round trip, not silently.
 */
interface IndexInternals {
  map: Map<string, number[][]>;
  reg: Set<number> | Map<number, unknown>;
}

function pack(index: Index): PackedIndex {
  const { map, reg } = index as unknown as IndexInternals;
  const slots = new Uint8Array(map.size);
  const lengths: number[] = [];
  let total = 0;
  let term = 0;
  for (const lists of map.values()) {
    slots[term++] = lists.length;
    for (let slot = 0; slot < lists.length; slot++) {
      const length = lists[slot]?.length ?? 0;
      lengths.push(length);
      total += length;
    }
  }
  const numbers = new Uint32Array(total);
  let at = 0;
  for (const lists of map.values()) {
    for (const list of lists) {
      if (!list) continue;
      numbers.set(list, at);
      at += list.length;
    }
  }
  return { terms: [...map.keys()].join('\n'), slots, lengths: Uint32Array.from(lengths), numbers, register: Uint32Array.from(reg.keys()) };
}

/** Gives a packed index back to FlexSearch, through its own import (the parsed form of its export). */
function unpack(packed: PackedIndex, index: Index): void {
  const terms = packed.terms === '' ? [] : packed.terms.split('\n');
  const entries: [string, number[][]][] = new Array(terms.length);
  let list = 0;
  let at = 0;
  for (let term = 0; term < terms.length; term++) {
    const lists: number[][] = new Array(packed.slots[term] ?? 0);
    for (let slot = 0; slot < lists.length; slot++) {
      const length = packed.lengths[list++] ?? 0;
      const numbers = new Array<number>(length);
      for (let n = 0; n < length; n++) numbers[n] = packed.numbers[at + n]!;
      at += length;
      lists[slot] = numbers;
    }
    entries[term] = [terms[term]!, lists];
  }
  // FlexSearch's import takes its export's JSON already parsed (typed `string` only in its declarations).
  const load = index.import.bind(index) as (key: string, data: unknown) => void;
  load('reg', Array.from(packed.register));
  load('map', entries);
}

export class SearchIndex {
  // FlexSearch is given numbers, not item ids: its lists then hold small integers (half the memory and half
  // the saved size of ids as strings), and the numbering is saved with the index.
  private readonly numbers = new Map<string, number>();
  private readonly ids: (string | null)[] = [];
  private readonly prints: { text: number; annotations: number }[] = [];

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
    snapshot.ids.forEach((id, number) => {
      index.ids.push(id);
      index.prints.push({ text: snapshot.prints[number * 2] ?? 0, annotations: snapshot.prints[number * 2 + 1] ?? 0 });
      if (id !== null) index.numbers.set(id, number);
    });
    return index;
  }

  /** Everything needed to restore this index without reading the items again. */
  snapshot(): SearchSnapshot {
    return {
      format: SEARCH_FORMAT,
      ids: [...this.ids],
      prints: Uint32Array.from(this.prints.flatMap((print) => [print.text, print.annotations])),
      text: pack(this.text),
      annotations: pack(this.annotations),
    };
  }

  get size(): number {
    return this.numbers.size;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /** Adds an item, or re-indexes the parts of it whose words changed. */
  put(doc: SearchDoc): void {
    const next = { text: fingerprint(doc.text), annotations: fingerprint(doc.annotations) };
    let number = this.numbers.get(doc.id);
    const previous = number === undefined ? undefined : this.prints[number];
    if (number === undefined) {
      number = this.ids.length;
      this.ids.push(doc.id);
      this.numbers.set(doc.id, number);
    }
    this.prints[number] = next;
    if (previous?.text !== next.text) this.text[previous ? 'update' : 'add'](number, doc.text);
    if (previous?.annotations !== next.annotations) this.annotations[previous ? 'update' : 'add'](number, doc.annotations);
  }

  remove(id: string): void {
    this.removeMany([id]);
  }

  /**
   * Removes items. FlexSearch removes one item by walking its whole (large) text index; many items (a source
   * deleted, old items pruned) are removed here in one walk instead of one walk each.
   */
  removeMany(ids: readonly string[]): void {
    const numbers = new Set(ids.flatMap((id) => this.numbers.get(id) ?? []));
    if (numbers.size === 0) return;
    for (const id of ids) this.numbers.delete(id);
    for (const number of numbers) this.ids[number] = null;
    if (numbers.size === 1) {
      const [number] = numbers as unknown as [number];
      this.text.remove(number);
      this.annotations.remove(number);
      return;
    }
    for (const index of [this.text, this.annotations] as unknown as IndexInternals[]) {
      for (const [term, slots] of index.map) {
        let left = 0;
        for (let slot = 0; slot < slots.length; slot++) {
          const kept = slots[slot]?.filter((number) => !numbers.has(number));
          if (kept) slots[slot] = kept;
          left += kept?.length ?? 0;
        }
        if (left === 0) index.map.delete(term);
      }
      for (const number of numbers) index.reg.delete(number);
    }
  }

  /** The ids of the items that have every term of the query (in their text or their annotations). */
  search(query: string): string[] {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return [];
    const limit = this.ids.length + 1;
    const perTerm = terms.map((term) => {
      const found = new Set(this.text.search(term, { limit }) as number[]);
      for (const number of this.annotations.search(term, { limit }) as number[]) found.add(number);
      return found;
    });
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perTerm as [Set<number>, ...Set<number>[]];
    return [...smallest].flatMap((number) => (others.every((set) => set.has(number)) ? (this.ids[number] ?? []) : []));
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
