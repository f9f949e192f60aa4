import { describe, expect, it } from 'vitest';
import { ItemNumbers, orderById } from '../../lib/reader/item-numbers';

/**
 * The way from an item's id to its search number (lib/reader/item-numbers.ts): halving over the order saved
 * with the index, a Map for the items numbered since. It answers as a plain Map would, whatever is added and
 * removed after a restore.
 */
describe('item numbers', () => {
  it('finds every saved id by halving, none removed or unknown, and numbers the new ones after the saved', () => {
    const ids = ['b', null, 'a', 'é', 'ab', 'B', 'a b', null];
    const numbers = new ItemNumbers([...ids], orderById(ids));
    expect([...orderById(ids)].map((number) => ids[number])).toEqual(['B', 'a', 'a b', 'ab', 'b', 'é']);
    ids.forEach((id, number) => id !== null && expect(numbers.numberOf(id)).toBe(number));
    expect(numbers.numberOf('c')).toBeUndefined();
    expect(numbers.numberOf('')).toBeUndefined();
    expect(numbers.size).toBe(6);
    expect(numbers.length).toBe(8);
    expect(numbers.remove('ab')).toBe(4);
    expect(numbers.remove('ab')).toBeUndefined();
    expect(numbers.numberOf('ab')).toBeUndefined();
    expect(numbers.idOf(4)).toBeNull();
    // Back again: a new number, found in the Map of the new ones.
    expect(numbers.add('ab')).toBe(8);
    expect(numbers.numberOf('ab')).toBe(8);
    expect(numbers.size).toBe(6);
    const again = new ItemNumbers(numbers.snapshot().ids, numbers.snapshot().order);
    for (const id of ['b', 'a', 'é', 'ab', 'B', 'a b', 'c']) expect(again.numberOf(id)).toBe(numbers.numberOf(id));
  });

  it('answers as a Map through many adds and removes, before and after a restore', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const model = new Map<string, number>();
    let numbers = new ItemNumbers();
    for (let step = 0; step < 3000; step++) {
      const id = `item-${Math.floor(random() * 400)}`;
      if (random() < 0.6) {
        if (numbers.numberOf(id) === undefined) model.set(id, numbers.add(id));
      } else {
        expect(numbers.remove(id)).toBe(model.get(id));
        model.delete(id);
      }
      // Saved and restored now and then, as the dashboard does between two openings.
      if (step % 500 === 499) numbers = new ItemNumbers(numbers.snapshot().ids, numbers.snapshot().order);
      expect(numbers.size).toBe(model.size);
    }
    for (let n = 0; n < 400; n++) expect(numbers.numberOf(`item-${n}`)).toBe(model.get(`item-${n}`));
  });
});
