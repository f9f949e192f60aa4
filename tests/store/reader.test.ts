import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../lib/model/alert';
import type { HubConnection } from '../../lib/model/hub-connection';
import type { Item } from '../../lib/model/item';
import { DEFAULT_QUERY, resolveQuery } from '../../lib/reader/query';
import { META } from '../../lib/store/meta-keys';
import { keysByDate, VigieReader } from '../../lib/store/reader';
import { DB_NAME, DB_VERSION } from '../../lib/store/schema';
import { openVigieDb, toRecord, type VigieStore } from '../../lib/store/store';
import { makeSource, newStore } from './fixtures';

/** The read model: what the pages read, checked against the model on the way out, and never written through. */

function item(id: string, fields: Partial<Item> = {}): Item {
  return { id, sourceId: 'alpha', title: id, fetched: '2026-03-01T08:00:00.000Z', categories: [], read: false, starred: false, tags: [], ...fields };
}

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T08:00:00.000Z`;
const idsOf = (items: readonly Item[]) => items.map((entry) => entry.id);

/** Five items of two sources on five days, one read, one starred, one clipped, one judged, one tagged. */
async function filled(): Promise<{ store: VigieStore; reader: VigieReader }> {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' }), makeSource({ id: 'beta' })]);
  await store.putTags([{ id: 'elus', label: { fr: 'Élus', en: 'Officials' }, scope: 'personal', color: '#1d6fb8' }]);
  await store.putItems([
    item('a1', { published: day(1), read: true }),
    item('a2', { published: day(2), starred: true }),
    item('b3', { sourceId: 'beta', published: day(3), clip: { clippedAt: day(3) } }),
    item('b4', { sourceId: 'beta', published: day(4), impact: 'high', tags: ['elus'] }),
    // No publication date: its fetch time dates it.
    item('a5', { fetched: day(5) }),
  ]);
  return { store, reader: new VigieReader(store.db) };
}

function alert(itemId: string, created: string, read = false): Alert {
  return { id: `rule|${itemId}`, ruleId: 'rule', ruleName: 'Règle', itemId, priority: 'important', created, read };
}

describe('VigieReader', () => {
  it('reads the newest items by date, newest first, up to the limit, as VigieStore.latestItems does', async () => {
    const { store, reader } = await filled();
    expect(idsOf(await reader.newest(3))).toEqual(['a5', 'b4', 'b3']);
    expect(idsOf(await reader.newest(10))).toEqual(['a5', 'b4', 'b3', 'a2', 'a1']);
    expect(await store.latestItems(3)).toEqual(await reader.newest(3));
  });

  it('reads one item, or several by id in one read, leaving out the ones gone', async () => {
    const { reader } = await filled();
    expect((await reader.getItem('a2'))?.starred).toBe(true);
    expect(await reader.getItem('gone')).toBeUndefined();
    expect(idsOf(await reader.getItems(['b4', 'gone', 'a1']))).toEqual(['b4', 'a1']);
    expect(await reader.getItems([])).toEqual([]);
  });

  it('checks objects on the way out: a stored item that no longer passes the model is refused', async () => {
    const { store, reader } = await filled();
    await store.db.put('items', { ...toRecord(item('bad')), title: 42 } as never);
    await expect(reader.getItem('bad')).rejects.toThrow();
  });

  it('gives the list its keys from the indexes, for every view', async () => {
    const { reader } = await filled();
    const keys = reader.itemKeys();
    expect(await keys.byDate()).toEqual(['a1', 'a2', 'b3', 'b4', 'a5']);
    expect(await keys.byDate(day(2), day(3))).toEqual(['a2', 'b3']);
    expect(await keys.byDate(undefined, day(2))).toEqual(['a1', 'a2']);
    expect(await keys.byDate(day(4))).toEqual(['b4', 'a5']);
    expect(await keys.newest(2)).toEqual(['a5', 'b4']);
    expect(await keys.unread()).toEqual(new Set(['a2', 'b3', 'b4', 'a5']));
    expect(await keys.starred()).toEqual(new Set(['a2']));
    expect(await keys.clips()).toEqual(new Set(['b3']));
    expect(await keys.ofSource('beta')).toEqual(new Set(['b3', 'b4']));
    expect(await keys.withTag('elus')).toEqual(new Set(['b4']));
    expect(await keys.withImpact('high')).toEqual(new Set(['b4']));
    expect(await resolveQuery({ ...DEFAULT_QUERY, sourceId: 'alpha', read: 'unread' }, keys)).toEqual(['a5', 'a2']);
  });

  it("reads the digest's inputs: the items dated in the period (on the date index), their alerts, sources and tags", async () => {
    const { store, reader } = await filled();
    await store.applyTriaged([
      { item: (await store.getItem('b4'))!, alerts: [alert('b4', day(4))] },
      { item: (await store.getItem('a1'))!, alerts: [alert('a1', day(1))] },
    ]);
    const inputs = await reader.digestInputs({ from: day(3), to: day(6) });
    expect(inputs.alerts.map((entry) => entry.id)).toEqual(['rule|b4']);
    // a2 is starred but dated outside the period: the digest chooses by publication now.
    expect(idsOf(inputs.items).sort()).toEqual(['a5', 'b3', 'b4']);
    expect(inputs.sources.map((source) => source.id)).toEqual(['alpha', 'beta']);
    expect(inputs.tags.map((tag) => tag.id)).toEqual(['elus']);
  });

  it("reads the timeline's inputs: the sources asked for, and every judged or starred item, each once", async () => {
    const { store, reader } = await filled();
    await store.updateItems(['a2'], { impact: 'low' });
    expect(idsOf(await reader.timelineItems(['beta'])).sort()).toEqual(['a2', 'b3', 'b4']);
    expect(idsOf(await reader.timelineItems([])).sort()).toEqual(['a2', 'b4']);
  });

  it('counts unread alerts and unseen shares on their indexes', async () => {
    const { store, reader } = await filled();
    expect(await reader.countUnreadAlerts()).toBe(0);
    await store.applyTriaged([
      { item: (await store.getItem('b4'))!, alerts: [alert('b4', day(4))] },
      { item: (await store.getItem('a1'))!, alerts: [alert('a1', day(1))] },
    ]);
    // a1 is read: its alert is filed as read.
    expect(await reader.countUnreadAlerts()).toBe(1);
    await store.db.put('shares', { id: 's1', unreadAt: day(2) } as never);
    await store.db.put('shares', { id: 's2' } as never);
    expect(await reader.countUnreadShares()).toBe(1);
    // Unread and fetched after the date: a5 only (the others were fetched on the 1st).
    expect(await reader.countNewUnread(day(4))).toBe(1);
    expect(await reader.countNewUnread('2026-02-01T00:00:00.000Z')).toBe(4);
  });

  it("counts the navigation's unread items: in all, favourites, clips, per source and per tag, as reading and tagging change them", async () => {
    const { store, reader } = await filled();
    expect(await reader.unreadCounts(['alpha', 'beta', 'gamma'], ['elus', 'none'])).toEqual({
      unread: 4,
      starred: 1,
      clips: 1,
      bySource: { alpha: 2, beta: 2, gamma: 0 },
      byTag: { elus: 1, none: 0 },
    });
    await store.setRead(['b4', 'a2'], true);
    await store.updateItems(['a5'], { tags: ['elus'] });
    expect(await reader.unreadCounts(['alpha', 'beta'], ['elus'])).toEqual({ unread: 2, starred: 0, clips: 1, bySource: { alpha: 1, beta: 1 }, byTag: { elus: 1 } });
    await store.setRead(['a5'], true);
    expect((await reader.unreadCounts([], ['elus'])).byTag).toEqual({ elus: 0 });
  });

  it('finds the unread items published before a date, the undated ones by when they were first seen', async () => {
    const { reader } = await filled();
    // a1 is read; b4 is published on the 4th; a5, undated, was first seen on the 5th.
    expect((await reader.unreadIdsBefore(day(4))).sort()).toEqual(['a2', 'b3']);
    expect((await reader.unreadIdsBefore(day(6))).sort()).toEqual(['a2', 'a5', 'b3', 'b4']);
  });

  it('reads the hub connection only when it passes its schema', async () => {
    const { store, reader } = await filled();
    expect(await reader.hubConnection()).toBeUndefined();
    const connection: HubConnection = {
      url: 'https://veille.example.fr',
      token: 'secret',
      feedToken: 'feed',
      member: { id: 'm1', name: 'Camille', role: 'member' },
      hubName: 'COPIL',
      cursor: 3,
      packs: { sources: 1, rules: 1 },
    };
    await store.setMeta(META.hub, connection);
    expect(await reader.hubConnection()).toEqual(connection);
    // A stored value that no longer passes the schema (written by hand: the store's own writes are typed).
    await store.db.put('meta', { key: META.hub.name, value: { url: 'https://veille.example.fr', token: 'secret' } });
    expect(await reader.hubConnection()).toBeUndefined();
  });

  it('walks every item in pages, leaving out a record that no longer passes the model', async () => {
    const { store, reader } = await filled();
    await store.db.put('items', { ...toRecord(item('a3')), title: 42 } as never);
    const pages: string[][] = [];
    for await (const page of reader.pages(2)) pages.push(idsOf(page));
    expect(pages).toEqual([['a1', 'a2'], ['a5'], ['b3', 'b4']]);
  });

  it('lists sources and tags checked, and finds them by id and address', async () => {
    const { reader } = await filled();
    expect((await reader.listSources()).map((source) => source.id)).toEqual(['alpha', 'beta']);
    expect((await reader.getSource('beta'))?.id).toBe('beta');
    expect((await reader.findSourceByUrl('https://alpha.example/feed.xml'))?.id).toBe('alpha');
    expect(await reader.listTags()).toHaveLength(1);
    expect(await reader.countItems()).toBe(5);
  });
});

describe('VigieReader.adopt', () => {
  afterEach(async () => {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });

  const rawOpen = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = version ? indexedDB.open(DB_NAME, version) : indexedDB.open(DB_NAME);
      request.onupgradeneeded = () => request.result.createObjectStore('items', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  it("reads through the early script's connection when the store is at this code's version", async () => {
    const store = await openVigieDb();
    await store.put('items', toRecord(item('early', { published: day(1) })));
    store.close();
    const early = await rawOpen();
    const reader = await VigieReader.adopt(early);
    expect(idsOf(await reader.newest(5))).toEqual(['early']);
    // The same connection: closing the reader closes it.
    reader.close();
    expect(() => early.transaction('items')).toThrow();
  });

  it('closes an early connection to an older store and opens (and so migrates) its own', async () => {
    const early = await rawOpen(1);
    const reader = await VigieReader.adopt(early);
    expect(() => early.transaction('items')).toThrow();
    expect(await reader.countUnreadAlerts()).toBe(0);
    reader.close();
    const check = await openVigieDb();
    expect(check.version).toBe(DB_VERSION);
    check.close();
  });
});

describe('the list of every id by date, read in parts', () => {
  it('joins its parts into the one list a single read gives, whatever dates the ids share', async () => {
    const store = await newStore();
    await store.putSources([makeSource({ id: 'alpha' })]);
    // 23 items on 4 dates: runs of one date longer than a part, ids not in date order.
    const dates = [day(1), day(2), day(2), day(2), day(2), day(2), day(2), day(2), day(3), day(4)];
    await store.putItems(Array.from({ length: 23 }, (_, n) => item(`i${String((n * 7) % 23).padStart(2, '0')}`, { published: dates[n % dates.length] })));
    const whole = await store.db.getAllKeysFromIndex('items', 'byDate');
    for (const perRead of [1, 2, 3, 5, 22, 23, 24]) {
      expect(await keysByDate(store.db, undefined, undefined, perRead)).toEqual(whole);
      expect(await keysByDate(store.db, day(2), day(3), perRead)).toEqual(await store.db.getAllKeysFromIndex('items', 'byDate', IDBKeyRange.bound(day(2), day(3))));
    }
    expect(await keysByDate(store.db, day(9), undefined, 2)).toEqual([]);
    store.close();
  });
});
