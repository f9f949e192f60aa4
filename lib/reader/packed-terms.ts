/**
 * A FlexSearch index's terms and lists packed in typed arrays, as the dashboard saves its search index
 * (search-snapshot.ts), and given back to FlexSearch without unpacking them all.
 *
 * FlexSearch's own export is JSON: at 200,000 items, 213 million characters to parse at each opening (1.6 s).
 * Packed, the lists are bytes IndexedDB hands back as they were written; and rather than copying 31 million
 * numbers into FlexSearch's arrays before the first search (another 0.7–1 s), `PackedTerms` is the Map FlexSearch
 * keeps its terms in, and unpacks a term's lists the first time FlexSearch asks for it: a search for « elec »
 * unpacks the lists of « el », « ele », « elec », not the whole index.
 *
 * A list's numbers are kept as the differences between neighbours in variable-length bytes (7 bits a byte):
 * a list holds numbers in the order items were indexed, mostly rising, and most differences fit one byte
 * where a number took four. At 200,000 items that is the bulk of what a dashboard reads back at each opening.
 */
export interface PackedIndex {
  /** The index's terms, one per line (a term never holds a line break: see `searchTerms`). */
  terms: string;
  /** How many score slots each term has (one at the resolution used here; kept for any other). */
  slots: Uint8Array;
  /** The length of each slot's list, term after term. */
  lengths: Uint32Array;
  /** The size in bytes of each slot's list in `numbers`. */
  sizes: Uint32Array;
  /** Every list's item numbers, one list after another, each list encoded by `encodeList`. */
  numbers: Uint8Array;
  /** The item numbers the index holds (FlexSearch's register). */
  register: Uint32Array;
  /**
   * Terms in code-unit order (since 0.9.2): a term is found by halving over them, where a Map of 200,000 terms
   * took the search worker over 100 ms to build at each opening. Unsorted (0.9), they go into a Map as before.
   */
  sorted?: boolean;
}

type Lists = number[][];

/** A difference as an unsigned number (zigzag: 0, -1, 1, -2… as 0, 1, 2, 3…): an item indexed again goes back. */
const zigzag = (difference: number) => (difference >= 0 ? difference * 2 : -difference * 2 - 1);

/** The bytes `encodeList` writes for a list. */
function encodedSize(list: ArrayLike<number>): number {
  let size = 0;
  let previous = 0;
  for (let n = 0; n < list.length; n++) {
    let value = zigzag(list[n]! - previous);
    previous = list[n]!;
    do {
      size++;
      value = Math.floor(value / 128);
    } while (value > 0);
  }
  return size;
}

/** Writes a list at `at` (each number as its difference from the one before, the first from 0); returns the end. */
function encodeList(list: ArrayLike<number>, out: Uint8Array, at: number): number {
  let previous = 0;
  for (let n = 0; n < list.length; n++) {
    let value = zigzag(list[n]! - previous);
    previous = list[n]!;
    while (value >= 128) {
      out[at++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    out[at++] = value;
  }
  return at;
}

/** Packs lists one after another: their sizes in bytes and their bytes. */
export function packLists(lists: readonly ArrayLike<number>[]): { sizes: Uint32Array; numbers: Uint8Array } {
  const sizes = Uint32Array.from(lists, encodedSize);
  const numbers = new Uint8Array(sizes.reduce((sum, size) => sum + size, 0));
  lists.reduce((at, list) => encodeList(list, numbers, at), 0);
  return { sizes, numbers };
}

/** Packs a term map as FlexSearch keeps it (term → lists by score slot). */
export function packTerms(map: Map<string, Lists>, register: Iterable<number>): PackedIndex {
  const entries = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const slots = new Uint8Array(entries.length);
  const lists: number[][] = [];
  entries.forEach(([, termLists], term) => {
    slots[term] = termLists.length;
    for (let slot = 0; slot < termLists.length; slot++) lists.push(termLists[slot] ?? []);
  });
  const terms = entries.map(([term]) => term).join('\n');
  return { terms, slots, lengths: Uint32Array.from(lists, (list) => list.length), ...packLists(lists), register: Uint32Array.from(register), sorted: true };
}

/**
 * FlexSearch's term map over a packed index: what FlexSearch reads (`get`, `has`) unpacks that term; what walks
 * every term (`entries`, `size`, …: FlexSearch's own removal, a new save) unpacks them all first. Numbers
 * removed while their terms are still packed are left out when those terms are unpacked (`forget`).
 */
export class PackedTerms extends Map<string, Lists> {
  /** The packed index's terms, by position. */
  private readonly terms: string[];
  /** Positions still packed (1), and how many. */
  private readonly waiting: Uint8Array;
  private left: number;
  /** Where the terms are not sorted (0.9): their positions by term. */
  private readonly positions?: Map<string, number>;
  /** For each term's position: its first list (in `lengths` and `sizes`) and its first byte (in `numbers`). */
  private readonly firstList: Uint32Array;
  private readonly firstByte: Float64Array;
  private readonly removed = new Set<number>();

  constructor(private readonly packed: PackedIndex) {
    super();
    const terms = (this.terms = packed.terms === '' ? [] : packed.terms.split('\n'));
    this.waiting = new Uint8Array(terms.length).fill(1);
    this.left = terms.length;
    if (!packed.sorted) this.positions = new Map(terms.map((term, position) => [term, position]));
    this.firstList = new Uint32Array(terms.length);
    this.firstByte = new Float64Array(terms.length);
    let list = 0;
    let byte = 0;
    for (let position = 0; position < terms.length; position++) {
      this.firstList[position] = list;
      this.firstByte[position] = byte;
      for (let slot = 0; slot < (packed.slots[position] ?? 0); slot++) byte += packed.sizes[list++] ?? 0;
    }
  }

  /** A term's position while it is still packed. */
  private packedPosition(term: string): number | undefined {
    if (this.left === 0) return undefined;
    let position = this.positions?.get(term);
    if (!this.positions) {
      let low = 0;
      let high = this.terms.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const other = this.terms[middle]!;
        if (other < term) low = middle + 1;
        else if (other > term) high = middle;
        else {
          position = middle;
          break;
        }
      }
    }
    return position !== undefined && this.waiting[position] ? position : undefined;
  }

  /** Marks a term as no longer packed: unpacked, set or deleted. */
  private settle(position: number | undefined): boolean {
    if (position === undefined) return false;
    this.waiting[position] = 0;
    this.left -= 1;
    return true;
  }

  /** Items removed: left out of every term still packed (the unpacked ones are walked by the caller). */
  forget(numbers: Iterable<number>): void {
    for (const number of numbers) this.removed.add(number);
  }

  /** The terms unpacked so far, without unpacking the others. */
  unpacked(): IterableIterator<[string, Lists]> {
    return super.entries();
  }

  private unpack(term: string, position = this.packedPosition(term)): void {
    if (position === undefined) return;
    this.settle(position);
    const { slots, lengths, numbers } = this.packed;
    let list = this.firstList[position]!;
    let at = this.firstByte[position]!;
    const lists: Lists = [];
    let left = 0;
    for (let slot = 0; slot < (slots[position] ?? 0); slot++) {
      const length = lengths[list++] ?? 0;
      const kept: number[] = [];
      // The decoding of encodeList: 7 bits a byte, the last byte of a number under 128; then zigzag and sum.
      let previous = 0;
      for (let n = 0; n < length; n++) {
        let value = 0;
        let scale = 1;
        let byte: number;
        do {
          byte = numbers[at++]!;
          value += (byte & 127) * scale;
          scale *= 128;
        } while (byte >= 128);
        previous += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
        if (!this.removed.has(previous)) kept.push(previous);
      }
      lists[slot] = kept;
      left += kept.length;
    }
    // A term whose items were all removed is gone, as FlexSearch's own removal leaves it.
    if (left > 0) super.set(term, lists);
  }

  private unpackAll(): void {
    for (let position = 0; position < this.terms.length && this.left > 0; position++) if (this.waiting[position]) this.unpack(this.terms[position]!, position);
  }

  // A term already in the Map is no longer packed: FlexSearch asks for every term of every item it adds, and
  // those asked again need no halving.
  override get(term: string): Lists | undefined {
    if (!super.has(term)) this.unpack(term);
    return super.get(term);
  }

  override has(term: string): boolean {
    if (super.has(term)) return true;
    this.unpack(term);
    return super.has(term);
  }

  override set(term: string, lists: Lists): this {
    this.settle(this.packedPosition(term));
    return super.set(term, lists);
  }

  override delete(term: string): boolean {
    const packed = this.settle(this.packedPosition(term));
    return super.delete(term) || packed;
  }

  override clear(): void {
    this.waiting.fill(0);
    this.left = 0;
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
