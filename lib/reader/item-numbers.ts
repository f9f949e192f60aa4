/**
 * The numbers the search index knows items by, and the way back from an item's id to its number.
 *
 * A restored index holds every item's number. At 200,000 items, a Map from id to number took the dashboard's
 * search worker about 0.4 s to build at each opening (the worker's first run, on a cold heap). So the numbers
 * saved with the index are found by halving over their order by id (`order`, saved with them), and only the
 * items numbered since the restore go into a Map.
 */
export class ItemNumbers {
  /** Ids numbered since the restore. */
  private readonly added = new Map<string, number>();
  /** The ids of restored numbers removed since: the halving still compares them. */
  private readonly removed = new Map<number, string>();
  private held: number;

  /**
   * `ids`: each number's id, null once removed (as saved, or empty); kept, not copied (200,000 ids copied took
   * the worker 40 ms). `order`: the numbers of the ids held, sorted by id (`orderById`).
   */
  constructor(
    private readonly ids: (string | null)[] = [],
    private readonly order: Uint32Array = orderById(ids),
  ) {
    this.held = order.length;
  }

  /** How many items are held. */
  get size(): number {
    return this.held;
  }

  /** How many numbers were ever given (the removed ones included): the next one is this. */
  get length(): number {
    return this.ids.length;
  }

  idOf(number: number): string | null {
    return this.ids[number] ?? null;
  }

  numberOf(id: string): number | undefined {
    const added = this.added.get(id);
    if (added !== undefined) return added;
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const number = this.order[middle]!;
      const other = this.ids[number] ?? this.removed.get(number)!;
      if (other < id) low = middle + 1;
      else if (other > id) high = middle;
      // Removed since, it may have come back under a new number (found in `added` above).
      else return this.ids[number] === id ? number : undefined;
    }
    return undefined;
  }

  /** A new number for an id that has none. */
  add(id: string): number {
    const number = this.ids.length;
    this.ids.push(id);
    this.added.set(id, number);
    this.held += 1;
    return number;
  }

  /** Forgets an id; returns the number it had, if any. */
  remove(id: string): number | undefined {
    const number = this.numberOf(id);
    if (number === undefined) return undefined;
    this.ids[number] = null;
    if (!this.added.delete(id)) this.removed.set(number, id);
    this.held -= 1;
    return number;
  }

  /** As saved with the index: each number's id, and the order `numberOf` halves over once restored. */
  snapshot(): { ids: (string | null)[]; order: Uint32Array } {
    return { ids: [...this.ids], order: orderById(this.ids) };
  }
}

/** The numbers of the ids held (not null), sorted by id as `numberOf` compares them. */
export function orderById(ids: readonly (string | null)[]): Uint32Array {
  const held: number[] = [];
  ids.forEach((id, number) => id !== null && held.push(number));
  return Uint32Array.from(held).sort((a, b) => {
    const first = ids[a]!;
    const second = ids[b]!;
    return first < second ? -1 : first > second ? 1 : 0;
  });
}
