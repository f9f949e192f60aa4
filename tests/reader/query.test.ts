import { describe, expect, it } from 'vitest';
import { cachedKeys, DEFAULT_QUERY, firstScreen, resolveQuery, type ItemKeys } from '../../lib/reader/query';

/** Five items, oldest first: a1 … a5, with their flags. */
const DATES: Record<string, string> = {
  a1: '2026-11-01T00:00:00.000Z',
  a2: '2026-11-02T00:00:00.000Z',
  a3: '2026-11-03T00:00:00.000Z',
  a4: '2026-11-04T00:00:00.000Z',
  a5: '2026-11-05T00:00:00.000Z',
};

const keys: ItemKeys = {
  async byDate(from, to) {
    return Object.keys(DATES).filter((id) => (!from || DATES[id]! >= from) && (!to || DATES[id]! <= to));
  },
  newest: async (limit) => Object.keys(DATES).reverse().slice(0, limit),
  unread: async () => new Set(['a1', 'a3', 'a5']),
  starred: async () => new Set(['a2', 'a3']),
  clips: async () => new Set(['a4']),
  ofSource: async (id) => new Set(id === 'meta' ? ['a1', 'a2', 'a3'] : ['a4', 'a5']),
  withTag: async (tag) => new Set(tag === 'ia' ? ['a3', 'a5'] : []),
  withImpact: async (impact) => new Set(impact === 'high' ? ['a3', 'a4'] : []),
};

describe('resolveQuery', () => {
  it('lists everything newest first by default, oldest first when asked', async () => {
    expect(await resolveQuery(DEFAULT_QUERY, keys)).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, order: 'oldest' }, keys)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('keeps a view: unread, favourites, clips', async () => {
    expect(await resolveQuery({ ...DEFAULT_QUERY, view: 'unread' }, keys)).toEqual(['a5', 'a3', 'a1']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, view: 'starred' }, keys)).toEqual(['a3', 'a2']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, view: 'clips' }, keys)).toEqual(['a4']);
  });

  it('combines source, tag, impact, read state and date range', async () => {
    expect(await resolveQuery({ ...DEFAULT_QUERY, sourceId: 'meta', read: 'read' }, keys)).toEqual(['a2']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, tag: 'ia', impact: 'high' }, keys)).toEqual(['a3']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, from: '2026-11-02T00:00:00.000Z', to: '2026-11-04T23:59:59.999Z' }, keys)).toEqual(['a4', 'a3', 'a2']);
  });

  it('keeps only the search matches, in date order', async () => {
    expect(await resolveQuery(DEFAULT_QUERY, keys, new Set(['a1', 'a4']))).toEqual(['a4', 'a1']);
    expect(await resolveQuery({ ...DEFAULT_QUERY, view: 'starred' }, keys, new Set(['a1']))).toEqual([]);
  });

  it('offers a first screen only for the plain list, newest first', async () => {
    expect(await firstScreen(DEFAULT_QUERY, keys, undefined, 2)).toEqual(['a5', 'a4']);
    expect(firstScreen({ ...DEFAULT_QUERY, view: 'unread' }, keys, undefined, 2)).toBeUndefined();
    expect(firstScreen({ ...DEFAULT_QUERY, order: 'oldest' }, keys, undefined, 2)).toBeUndefined();
    expect(firstScreen(DEFAULT_QUERY, keys, new Set(['a1']), 2)).toBeUndefined();
  });

  it('orders a small set of search matches by date rank, as the full walk would', async () => {
    const ids = Array.from({ length: 200 }, (_, n) => `b${String(n).padStart(3, '0')}`);
    const many: ItemKeys = {
      ...keys,
      byDate: async (from) => ids.filter((id) => !from || id >= from),
      unread: async () => new Set(ids.filter((_, n) => n % 2 === 0)),
    };
    const matches = new Set(['b150', 'b007', 'b042', 'b199', 'gone']);
    for (const query of [DEFAULT_QUERY, { ...DEFAULT_QUERY, order: 'oldest' as const }, { ...DEFAULT_QUERY, read: 'unread' as const }, { ...DEFAULT_QUERY, from: 'b100' }]) {
      const walked = await resolveQuery(query, many, matches);
      expect(await resolveQuery(query, cachedKeys(many), matches)).toEqual(walked);
    }
    expect(await resolveQuery(DEFAULT_QUERY, cachedKeys(many), matches)).toEqual(['b199', 'b150', 'b042', 'b007']);
  });
});
