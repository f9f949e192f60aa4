/**
 * A FlexSearch index's terms and lists packed in typed arrays, as the dashboard saves its search index
 * (search-snapshot.ts), and given back to FlexSearch without unpacking them all.
 *
 * FlexSearch's own export is JSON: at 200,000 items, 213 million characters to parse at each opening (1.6 s).
 * Packed, the lists are numbers IndexedDB hands back as they were written; and rather than copying 31 million
 * of them into FlexSearch's arrays before the first search (another 0.7–1 s), `PackedTerms` is the Map FlexSearch
 * keeps its terms in, and unpacks a term's lists the first time FlexSearch asks for it: a search for « elec »
 * unpacks the lists of « el », « ele », « elec », not the whole index.
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

type Lists = number[][];

/** Packs a term map as FlexSearch keeps it (term → lists by score slot). */
export function packTerms(map: Map<string, Lists>, register: Iterable<number>): PackedIndex {
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
  return { terms: [...map.keys()].join('\n'), slots, lengths: Uint32Array.from(lengths), numbers, register: Uint32Array.from(register) };
}

/**
 * FlexSearch's term map over a packed index: what FlexSearch reads (`get`, `has`) unpacks that term; what walks
 * every term (`entries`, `size`, …: FlexSearch's own removal, a new save) unpacks them all first. Numbers
 * removed while their terms are still packed are left out when those terms are unpacked (`forget`).
 */
export class PackedTerms extends Map<string, Lists> {
  /** Terms not unpacked yet, by their position in the packed index. */
  private readonly packedTerms = new Map<string, number>();
  /** For each term's position: its first list (in `lengths`) and its first number (in `numbers`). */
  private readonly firstList: Uint32Array;
  private readonly firstNumber: Float64Array;
  private readonly removed = new Set<number>();

  constructor(private readonly packed: PackedIndex) {
    super();
    const terms = packed.terms === '' ? [] : packed.terms.split('\n');
    this.firstList = new Uint32Array(terms.length);
    this.firstNumber = new Float64Array(terms.length);
    let list = 0;
    let number = 0;
    terms.forEach((term, position) => {
      this.packedTerms.set(term, position);
      this.firstList[position] = list;
      this.firstNumber[position] = number;
      for (let slot = 0; slot < (packed.slots[position] ?? 0); slot++) number += packed.lengths[list++] ?? 0;
    });
  }

  /** Items removed: left out of every term still packed (the unpacked ones are walked by the caller). */
  forget(numbers: Iterable<number>): void {
    for (const number of numbers) this.removed.add(number);
  }

  /** The terms unpacked so far, without unpacking the others. */
  unpacked(): IterableIterator<[string, Lists]> {
    return super.entries();
  }

  private unpack(term: string): void {
    const position = this.packedTerms.get(term);
    if (position === undefined) return;
    this.packedTerms.delete(term);
    const { slots, lengths, numbers } = this.packed;
    let list = this.firstList[position]!;
    let at = this.firstNumber[position]!;
    const lists: Lists = [];
    let left = 0;
    for (let slot = 0; slot < (slots[position] ?? 0); slot++) {
      const length = lengths[list++] ?? 0;
      const kept: number[] = [];
      for (let n = at; n < at + length; n++) if (!this.removed.has(numbers[n]!)) kept.push(numbers[n]!);
      at += length;
      lists[slot] = kept;
      left += kept.length;
    }
    // A term whose items were all removed is gone, as FlexSearch's own removal leaves it.
    if (left > 0) super.set(term, lists);
  }

  private unpackAll(): void {
    for (const term of [...this.packedTerms.keys()]) this.unpack(term);
  }

  override get(term: string): Lists | undefined {
    this.unpack(term);
    return super.get(term);
  }

  override has(term: string): boolean {
    this.unpack(term);
    return super.has(term);
  }

  override set(term: string, lists: Lists): this {
    this.packedTerms.delete(term);
    return super.set(term, lists);
  }

  override delete(term: string): boolean {
    const packed = this.packedTerms.delete(term);
    return super.delete(term) || packed;
  }

  override clear(): void {
    this.packedTerms.clear();
    super.clear();
  }

  override get size(): number {
    this.unpackAll();
    return super.size;
  }

  override entries(): MapIterator<[string, Lists]> {
    this.unpackAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.unpackAll();
    return super.keys();
  }

  override values(): MapIterator<Lists> {
    this.unpackAll();
    return super.values();
  }

  override forEach(callback: (value: Lists, key: string, map: Map<string, Lists>) => void, thisArg?: unknown): void {
    this.unpackAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, Lists]> {
    return this.entries();
  }
}
