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
  const slots = new Uint8Array(map.size);
  const lists: number[][] = [];
  let term = 0;
  for (const termLists of map.values()) {
    slots[term++] = termLists.length;
    for (let slot = 0; slot < termLists.length; slot++) lists.push(termLists[slot] ?? []);
  }
  return { terms: [...map.keys()].join('\n'), slots, lengths: Uint32Array.from(lists, (list) => list.length), ...packLists(lists), register: Uint32Array.from(register) };
}

/**
 * FlexSearch's term map over a packed index: what FlexSearch reads (`get`, `has`) unpacks that term; what walks
 * every term (`entries`, `size`, …: FlexSearch's own removal, a new save) unpacks them all first. Numbers
 * removed while their terms are still packed are left out when those terms are unpacked (`forget`).
 */
export class PackedTerms extends Map<string, Lists> {
  /** Terms not unpacked yet, by their position in the packed index. */
  private readonly packedTerms = new Map<string, number>();
  /** For each term's position: its first list (in `lengths` and `sizes`) and its first byte (in `numbers`). */
  private readonly firstList: Uint32Array;
  private readonly firstByte: Float64Array;
  private readonly removed = new Set<number>();

  constructor(private readonly packed: PackedIndex) {
    super();
    const terms = packed.terms === '' ? [] : packed.terms.split('\n');
    this.firstList = new Uint32Array(terms.length);
    this.firstByte = new Float64Array(terms.length);
    let list = 0;
    let byte = 0;
    terms.forEach((term, position) => {
      this.packedTerms.set(term, position);
      this.firstList[position] = list;
      this.firstByte[position] = byte;
      for (let slot = 0; slot < (packed.slots[position] ?? 0); slot++) byte += packed.sizes[list++] ?? 0;
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
