import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { packLists, PackedTerms, packTerms } from '../../lib/reader/packed-terms';
import { SearchIndex, toSearchDoc } from '../../lib/reader/search-index';

/**
 * A saved search index restored without unpacking it (lib/reader/packed-terms.ts): it answers exactly as the
 * index it was saved from, before and after items are added, re-worded and removed, and a search unpacks only
 * the terms it reads.
 */

const WORDS = ['publicité', 'politique', 'portée', 'organique', 'reels', 'modération', 'élection', 'règlement', 'groupes', 'pages', 'vidéo', 'direct', 'algorithme', 'messenger', 'threads', 'instagram', 'conseil', 'élus'];

function corpus(count: number, seed = 7): Item[] {
  let value = seed;
  const random = () => (value = (value * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    id: `i${n}`,
    sourceId: 's',
    title: words(4),
    summary: words(12),
    fetched: '2026-11-01T00:00:00.000Z',
    categories: [],
    read: false,
    starred: false,
    tags: n % 5 === 0 ? ['elus'] : [],
    ...(n % 7 === 0 ? { note: words(3) } : {}),
  }));
}

const labels = (id: string) => (id === 'elus' ? ['Élus', 'Officials'] : []);
const QUERIES = ['pu', 'publicite', 'elec', 'portee organique', 'reg', 'elus', 'officials', 'conseil video', 'mo', 'zzz', 'th in'];

function answers(index: SearchIndex): Record<string, string[]> {
  return Object.fromEntries(QUERIES.map((query) => [query, index.search(query).sort()]));
}

const termsOf = (index: SearchIndex) => (index as unknown as { text: { map: Map<string, number[][]> } }).text.map;

describe('packed search terms', () => {
  it('answers as the index it was saved from, and unpacks only the terms a search reads', () => {
    const items = corpus(400);
    const built = new SearchIndex();
    for (const item of items) built.put(toSearchDoc(item, labels));
    const restored = SearchIndex.restore(structuredClone(built.snapshot()))!;
    const terms = termsOf(restored);
    expect(terms).toBeInstanceOf(PackedTerms);
    expect([...(terms as PackedTerms).unpacked()]).toHaveLength(0);
    expect(restored.search('elec').length).toBeGreaterThan(0);
    // « elec » reads its own lists only: not the hundreds of other prefixes.
    expect([...(terms as PackedTerms).unpacked()].map(([term]) => term)).toEqual(['elec']);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('follows items added, re-worded and removed after a restore, as the built index does', () => {
    const items = corpus(300);
    const built = new SearchIndex();
    for (const item of items) built.put(toSearchDoc(item, labels));
    const restored = SearchIndex.restore(structuredClone(built.snapshot()))!;
    restored.search('pu');
    const changes = (index: SearchIndex) => {
      index.removeMany(['i1', 'i2', 'i3', 'i40']);
      index.remove('i41');
      index.put(toSearchDoc({ ...items[10]!, title: 'Nouveau titre sur la publicité', note: 'à relire' }, labels));
      index.put(toSearchDoc({ ...items[11]!, tags: ['elus'] }, labels));
      index.put(toSearchDoc({ ...items[12]!, id: 'new-1', title: 'Élection municipale' }, labels));
      index.put(toSearchDoc({ ...items[2]!, title: 'Revenu après retrait' }, labels));
    };
    changes(built);
    changes(restored);
    expect(answers(restored)).toEqual(answers(built));
    expect(restored.search('revenu')).toEqual(['i2']);
    expect(restored.search('relire')).toEqual(['i10']);
    expect(restored.size).toBe(built.size);
    // Saved again (every term unpacked for it) and restored: still the same answers.
    const again = SearchIndex.restore(structuredClone(restored.snapshot()))!;
    expect(answers(again)).toEqual(answers(built));
  });

  it('packs lists by slot and gives them back whole, an emptied term gone', () => {
    const map = new Map([
      ['ab', [[1, 2, 3]]],
      ['abc', [[2]]],
      ['x', [[4, 5], [6]]],
    ]);
    const terms = new PackedTerms(structuredClone(packTerms(map, [1, 2, 3, 4, 5, 6])));
    terms.forget([2]);
    expect(terms.get('ab')).toEqual([[1, 3]]);
    expect(terms.has('abc')).toBe(false);
    expect(terms.get('x')).toEqual([[4, 5], [6]]);
    expect(terms.size).toBe(2);
    expect(packTerms(new PackedTerms(packTerms(new Map(), [])), []).terms).toBe('');
  });

  it('finds a term by halving over the sorted terms, or in the order 0.9 saved them (unsorted)', () => {
    const map = new Map([
      ['zeta', [[1, 2]]],
      ['alpha', [[3]]],
      ['é', [[4]]],
      ['Z', [[5]]],
      ['al', [[3, 6]]],
    ]);
    const packed = packTerms(map, [1, 2, 3, 4, 5, 6]);
    expect(packed.terms.split('\n')).toEqual(['Z', 'al', 'alpha', 'zeta', 'é']);
    expect(packed.sorted).toBe(true);
    // As 0.9 saved them: in FlexSearch's order, not sorted.
    const lists = [...map.values()].map(([list]) => list!);
    const unsorted = { terms: [...map.keys()].join('\n'), slots: Uint8Array.of(1, 1, 1, 1, 1), lengths: Uint32Array.from(lists, (list) => list.length), ...packLists(lists), register: Uint32Array.of(1, 2, 3, 4, 5, 6) };
    for (const terms of [new PackedTerms(structuredClone(packed)), new PackedTerms(unsorted)]) {
      for (const [term, termLists] of map) expect(terms.get(term)).toEqual(termLists);
      expect(terms.has('a')).toBe(false);
      expect(terms.has('zz')).toBe(false);
      expect(terms.size).toBe(5);
    }
  });

  it('keeps numbers in about a byte each, and any order and size of number whole', () => {
    // An item indexed again goes to the end of its terms' lists: a list is not always rising.
    const lists = [[0, 1, 2, 3, 130, 131], [7, 3, 2 ** 31 + 5, 0, 2 ** 32 - 1, 2 ** 32 - 1], [], [16_384, 16_383]];
    const map = new Map(lists.map((list, n) => [`t${n}`, [list]]));
    const packed = structuredClone(packTerms(map, [0]));
    expect(packed.numbers).toBeInstanceOf(Uint8Array);
    expect([...packed.lengths]).toEqual([6, 6, 0, 2]);
    // Differences of 1 take a byte; 127 (0 → 130 after 3) takes two; 2³² − 1 from 0 takes five.
    expect(packed.sizes[0]).toBe(7);
    const terms = new PackedTerms(packed);
    lists.forEach((list, n) => expect(terms.get(`t${n}`)).toEqual(list.length ? [list] : undefined));
    const dense = new Map([['de', [Array.from({ length: 10_000 }, (_, n) => n * 3)]]]);
    expect(packTerms(dense, []).numbers.length).toBe(10_000);
  });
});
