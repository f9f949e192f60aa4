import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { pruneOldItems } from '../../lib/retention/prune';
import { VigieReader } from '../../lib/store/reader';
import { openVigieDb, toRecord, VigieStore } from '../../lib/store/store';
import { countUnread, UNREAD_COUNTS_KEY } from '../../lib/store/unread-counts';
import { makeDraft, makeSource, newStore } from './fixtures';

/**
 * The navigation's unread counts (store version 9) are kept by the writes themselves: after every write path,
 * what the store keeps equals a count by walking the indexes, and reading it walks nothing.
 */

const at = '2025-06-01T08:00:00.000Z';
const health = { consecutiveFailures: 0, lastFetch: at, lastSuccess: at };

async function expectKeptEqualsWalked(store: VigieStore): Promise<void> {
  const tx = store.db.transaction(['counts', 'items']);
  const [kept, walked] = await Promise.all([tx.objectStore('counts').get(UNREAD_COUNTS_KEY), countUnread(tx.objectStore('items'))]);
  expect(kept).toEqual(walked);
}

describe('unread counts kept by the store', () => {
  it('follow fetches, reads, stars, tags, merges, clips, triage, past events, removals, pruning and a store replaced', async () => {
    const store = await newStore();
    const reader = new VigieReader(store.db);
    await store.putSources([makeSource({ id: 'alpha' }), makeSource({ id: 'beta' })]);
    await expectKeptEqualsWalked(store);

    await store.saveFetch({ source: { id: 'alpha', health }, items: [makeDraft('i1'), makeDraft('i2'), makeDraft('i3')], fetchedAt: at });
    // A feed that lists one item twice counts it once.
    await store.saveFetch({ source: { id: 'beta', health }, items: [makeDraft('b1', { url: 'https://exemple.fr/b1' }), makeDraft('b1', { url: 'https://exemple.fr/b1' })], fetchedAt: at });
    await expectKeptEqualsWalked(store);
    expect(await reader.unreadCounts(['alpha', 'beta', 'gone'], ['elus'])).toEqual({ unread: 4, starred: 0, clips: 0, bySource: { alpha: 3, beta: 1, gone: 0 }, byTag: { elus: 0 } });
    // Fetched again: nothing changes.
    await store.saveFetch({ source: { id: 'alpha', health }, items: [makeDraft('i1'), makeDraft('i2', { title: 'Titre corrigé' })], fetchedAt: at });
    await expectKeptEqualsWalked(store);

    await store.updateItems(['i1'], { read: true });
    await store.updateItems(['i2', 'i3'], { starred: true, addTags: ['elus'] });
    await store.updateItems(['i2', 'missing'], { impact: 'high' });
    await expectKeptEqualsWalked(store);
    expect(await reader.unreadCounts(['alpha'], ['elus'])).toMatchObject({ unread: 3, starred: 2, bySource: { alpha: 2 }, byTag: { elus: 2 } });

    await store.putTags([{ id: 'elus', label: { fr: 'Élus', en: 'Officials' }, scope: 'personal', color: '#1d6fb8' }, { id: 'conseil', label: { fr: 'Conseil', en: 'Council' }, scope: 'personal', color: '#1d6fb8' }]);
    await store.mergeTag('elus', 'conseil');
    await expectKeptEqualsWalked(store);
    expect((await reader.unreadCounts([], ['elus', 'conseil'])).byTag).toEqual({ elus: 0, conseil: 2 });

    const clip: Item = { id: 'clip-1', sourceId: 'clips', url: 'https://exemple.fr/clip', title: 'Clip', fetched: at, categories: [], read: false, starred: false, tags: [], clip: { clippedAt: at } as Item['clip'] };
    await store.putClip(['https://exemple.fr/clip'], () => clip);
    // Clipped again (enriched): the same item, counted once.
    await store.putClip(['https://exemple.fr/clip'], ([existing]) => ({ ...existing!, note: 'À lire' }));
    await store.putItems([{ ...clip, id: 'event-1', url: 'https://exemple.fr/event', clip: undefined }]);
    await store.putItems([{ ...clip, id: 'event-1', url: 'https://exemple.fr/event', clip: undefined, read: true }]);
    await store.applyTriaged([{ item: { ...(await reader.getItem('i3'))!, tags: ['conseil', 'alerte'] }, alerts: [] }]);
    await expectKeptEqualsWalked(store);
    expect(await reader.unreadCounts([], [])).toMatchObject({ clips: 1 });

    await store.deleteSource('beta', false);
    await store.deleteSource('alpha', true);
    await expectKeptEqualsWalked(store);

    await store.putItems([{ ...clip, id: 'old-1', url: 'https://exemple.fr/old', sourceId: 'alpha', fetched: '2020-01-01T00:00:00.000Z', clip: undefined }]);
    await pruneOldItems(store, 12, { now: new Date('2026-12-06T00:00:00.000Z') });
    await expectKeptEqualsWalked(store);

    await store.replaceAll({ sources: [], items: [{ ...clip, id: 'r1', url: 'https://exemple.fr/r1', tags: ['elus'] }], tags: [], rules: [], alerts: [], meta: {} });
    await expectKeptEqualsWalked(store);
    expect(await reader.unreadCounts(['clips'], ['elus'])).toEqual({ unread: 1, starred: 0, clips: 1, bySource: { clips: 1 }, byTag: { elus: 1 } });
    await store.eraseAll();
    await expectKeptEqualsWalked(store);
    expect((await reader.unreadCounts([], [])).unread).toBe(0);
    store.close();
  });

  it('are read without walking the items, and counted by walking when a store somehow lacks them', async () => {
    const store = await newStore();
    const reader = new VigieReader(store.db);
    await store.putSources([makeSource({ id: 'alpha' })]);
    await store.saveFetch({ source: { id: 'alpha', health }, items: [makeDraft('i1'), makeDraft('i2')], fetchedAt: at });
    // What the store keeps is what is read (a figure no walk would give proves it).
    const tx = store.db.transaction('counts', 'readwrite');
    await tx.store.put({ unread: 41, starred: 0, clips: 0, bySource: { alpha: 41 }, byTag: {} }, UNREAD_COUNTS_KEY);
    await tx.done;
    expect((await reader.unreadCounts(['alpha'], [])).unread).toBe(41);
    await store.db.delete('counts', UNREAD_COUNTS_KEY);
    expect(await reader.unreadCounts(['alpha'], [])).toMatchObject({ unread: 2, bySource: { alpha: 2 } });
    store.close();
  });

  it('are counted once when a store reaches version 9, from what it held', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = await openVigieDb(name, 8);
    const records = [
      toRecord({ ...makeDraft('o1'), sourceId: 'alpha', fetched: at, read: false, starred: true, tags: ['elus', 'elus'] }),
      toRecord({ ...makeDraft('o2'), sourceId: 'alpha', fetched: at, read: true, starred: true, tags: ['elus'] }),
      toRecord({ ...makeDraft('o3'), sourceId: 'beta', fetched: at, read: false, starred: false, tags: [], clip: { clippedAt: at } as Item['clip'] }),
    ];
    for (const record of records) await old.put('items', record);
    old.close();
    const store = new VigieStore(await openVigieDb(name));
    await expectKeptEqualsWalked(store);
    expect(await new VigieReader(store.db).unreadCounts(['alpha', 'beta'], ['elus'])).toEqual({ unread: 2, starred: 1, clips: 1, bySource: { alpha: 1, beta: 1 }, byTag: { elus: 1 } });
    store.close();
  });
});
