import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../lib/model/feed-error';
import type { Item } from '../../lib/model/item';
import type { SourceHealth } from '../../lib/model/source';
import { guardQuota, isQuotaError, isStorageFailure } from '../../lib/store/errors';
import { META } from '../../lib/store/meta-keys';
import { toRecord, type VigieStore } from '../../lib/store/store';
import { makeDraft, makeSource, newStore } from './fixtures';


const ok = (at: string): SourceHealth => ({ consecutiveFailures: 0, lastFetch: at, lastSuccess: at });

/** A store with sources `alpha` and `beta`. */
async function withSources(): Promise<VigieStore> {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' }), makeSource({ id: 'beta' })]);
  return store;
}

/** Sets what only the user sets (star, tags, note), as the item views will. */
async function annotate(store: VigieStore, id: string, fields: Partial<Pick<Item, 'starred' | 'tags' | 'note'>>) {
  const item = await store.getItem(id);
  await store.db.put('items', toRecord({ ...item!, ...fields }));
}

const idsOf = (items: readonly Item[]) => items.map((item) => item.id);

async function unreadIndex(store: VigieStore): Promise<IDBValidKey[]> {
  return store.db.getAllKeysFromIndex('items', 'byUnread');
}

/** Everything the store holds, to compare before and after a failed write. */
async function snapshot(store: VigieStore) {
  return {
    sources: await store.db.getAll('sources'),
    items: await store.db.getAll('items'),
    tags: await store.db.getAll('tags'),
    meta: await store.db.getAll('meta'),
    unread: await unreadIndex(store),
  };
}

/**
 * A full disk: from the (n+1)-th write on, each put request on `storeName` fails with a QuotaExceededError,
 * which aborts its transaction as a browser would. fake-indexeddb's raw store is patched for this database
 * only; rollbacks (called without a rollback log) still go through.
 */
function fillDisk(store: VigieStore, storeName: string, succeedFirst = 0): () => void {
  type RawStore = { storeRecord: (record: unknown, noOverwrite: boolean, rollbackLog?: unknown[]) => unknown };
  // The browser's connection under the store (store.db reaches whichever is current, see connection.ts).
  const raw = unwrap(store.db.transaction('meta').db) as unknown as { _rawDatabase: { rawObjectStores: Map<string, RawStore> } };
  const target = raw._rawDatabase.rawObjectStores.get(storeName)!;
  const original = target.storeRecord;
  let writes = 0;
  target.storeRecord = function (this: RawStore, record, noOverwrite, rollbackLog) {
    if (rollbackLog !== undefined && writes++ >= succeedFirst) throw new DOMException('full', 'QuotaExceededError');
    return original.call(this, record, noOverwrite, rollbackLog);
  };
  return () => {
    target.storeRecord = original;
  };
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

async function expectQuota(run: () => Promise<unknown>): Promise<void> {
  const error = await errorOf(run);
  expect(error).toBeInstanceOf(FeedError);
  expect((error as FeedError).code).toBe('quota');
}

describe('VigieStore.saveFetch', () => {
  it('adds new items with fresh user state and returns their ids', async () => {
    const store = await withSources();
    const added = await store.saveFetch({
      source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') },
      items: [makeDraft('i1', { published: '2025-05-30T08:00:00.000Z' }), makeDraft('i2')],
      fetchedAt: '2025-06-01T08:00:00.000Z',
    });
    expect(added).toEqual(['i1', 'i2']);
    expect(await store.getItem('i1')).toEqual({
      ...makeDraft('i1', { published: '2025-05-30T08:00:00.000Z' }),
      sourceId: 'alpha',
      fetched: '2025-06-01T08:00:00.000Z',
      read: false,
      starred: false,
      tags: [],
    });
    expect(await store.countItems()).toBe(2);
    expect((await store.getSource('alpha'))?.health).toEqual(ok('2025-06-01T08:00:00.000Z'));
  });

  it("returns [] for drafts already stored, keeping the user's read/starred/tags/note and first fetch while refreshing title and summary", async () => {
    const store = await withSources();
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('i1'), makeDraft('i2')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    await store.setRead(['i1'], true);
    await annotate(store, 'i1', { starred: true, tags: ['publicite'], note: 'à relire' });

    const again = await store.saveFetch({
      source: { id: 'alpha', health: ok('2025-06-02T08:00:00.000Z') },
      items: [makeDraft('i1', { title: 'Titre corrigé', summary: 'Résumé corrigé' }), makeDraft('i2')],
      fetchedAt: '2025-06-02T08:00:00.000Z',
    });
    expect(again).toEqual([]);
    expect(await store.getItem('i1')).toMatchObject({
      title: 'Titre corrigé',
      summary: 'Résumé corrigé',
      read: true,
      starred: true,
      tags: ['publicite'],
      note: 'à relire',
      fetched: '2025-06-01T08:00:00.000Z',
      sourceId: 'alpha',
    });
    expect(await store.getItem('i2')).toMatchObject({ read: false, fetched: '2025-06-01T08:00:00.000Z' });
    expect(await store.countItems()).toBe(2);
    expect(await unreadIndex(store)).toEqual(['i2']);
  });

  it('writes nothing for a source deleted meanwhile and returns []', async () => {
    const store = await withSources();
    await store.deleteSource('alpha', false);
    const added = await store.saveFetch({
      source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') },
      items: [makeDraft('i1')],
      fetchedAt: '2025-06-01T08:00:00.000Z',
    });
    expect(added).toEqual([]);
    expect(await store.getItem('i1')).toBeUndefined();
    expect(await store.countItems()).toBe(0);
    // Nor does its health bring the source back.
    expect(await store.getSource('alpha')).toBeUndefined();
    expect(idsOf(await store.latestItems(10))).toEqual([]);
  });
});

describe('VigieStore.deleteSource', () => {
  async function twoSourcesWithItems() {
    const store = await withSources();
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('a1'), makeDraft('a2')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    await store.saveFetch({ source: { id: 'beta', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('b1')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    return store;
  }

  it("removes the source and only its items when keepItems is false", async () => {
    const store = await twoSourcesWithItems();
    await store.deleteSource('alpha', false);
    expect((await store.listSources()).map((source) => source.id)).toEqual(['beta']);
    expect(await store.getItem('a1')).toBeUndefined();
    expect(await store.getItem('a2')).toBeUndefined();
    expect(await store.getItem('b1')).toBeDefined();
    expect(await unreadIndex(store)).toEqual(['b1']);
  });

  it('removes the source and keeps its items when keepItems is true', async () => {
    const store = await twoSourcesWithItems();
    await store.deleteSource('alpha', true);
    expect((await store.listSources()).map((source) => source.id)).toEqual(['beta']);
    expect(await store.countItems()).toBe(3);
    expect((await store.getItem('a1'))?.sourceId).toBe('alpha');
  });
});

describe('VigieStore queries', () => {
  it('countNewUnread counts the unread items fetched strictly after `since`', async () => {
    const store = await withSources();
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('old')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-02T08:00:00.000Z') }, items: [makeDraft('new1'), makeDraft('new2'), makeDraft('new3')], fetchedAt: '2025-06-02T08:00:00.000Z' });
    await store.setRead(['new3'], true);
    expect(await store.countNewUnread('2025-05-01T00:00:00.000Z')).toBe(3);
    expect(await store.countNewUnread('2025-06-01T08:00:00.000Z')).toBe(2);
    expect(await store.countNewUnread('2025-06-02T08:00:00.000Z')).toBe(0);
  });

  it('setRead moves items out of and back into the byUnread index', async () => {
    const store = await withSources();
    await store.saveFetch({
      source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') },
      items: [makeDraft('i1', { published: '2025-05-01T00:00:00.000Z' }), makeDraft('i2', { published: '2025-05-02T00:00:00.000Z' })],
      fetchedAt: '2025-06-01T08:00:00.000Z',
    });
    expect(await unreadIndex(store)).toEqual(['i1', 'i2']);
    await store.setRead(['i1', 'missing'], true);
    expect(await unreadIndex(store)).toEqual(['i2']);
    expect((await store.getItem('i1'))?.read).toBe(true);
    await store.setRead(['i1'], false);
    expect(await unreadIndex(store)).toEqual(['i1', 'i2']);
    expect((await store.getItem('i1'))?.read).toBe(false);
  });

  it('latestItems lists newest first (published, else fetched) and stops at the limit', async () => {
    const store = await withSources();
    await store.saveFetch({
      source: { id: 'alpha', health: ok('2025-06-10T08:00:00.000Z') },
      items: [
        makeDraft('may', { published: '2025-05-01T00:00:00.000Z' }),
        makeDraft('undated'),
        makeDraft('june', { published: '2025-06-05T00:00:00.000Z' }),
      ],
      fetchedAt: '2025-06-10T08:00:00.000Z',
    });
    await store.saveFetch({
      source: { id: 'beta', health: ok('2025-06-03T08:00:00.000Z') },
      items: [makeDraft('april', { published: '2025-04-01T00:00:00.000Z' })],
      fetchedAt: '2025-06-03T08:00:00.000Z',
    });
    expect(idsOf(await store.latestItems(10))).toEqual(['undated', 'june', 'may', 'april']);
    expect(idsOf(await store.latestItems(2))).toEqual(['undated', 'june']);
    expect(idsOf(await store.latestItems(1))).toEqual(['undated']);
  });
});

describe('VigieStore validation', () => {
  it('refuses a source with a javascript: URL and leaves the store unchanged', async () => {
    const store = await withSources();
    const before = await snapshot(store);
    const evil = makeSource({ id: 'evil', url: 'javascript:alert(1)' });
    await expect(store.putSources([evil])).rejects.toThrow();
    // A batch with one invalid source writes none of them.
    await expect(store.putSources([makeSource({ id: 'fine' }), evil])).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses an item that is not valid and a tag that is not a slug', async () => {
    const store = await withSources();
    const before = await snapshot(store);
    await expect(
      store.saveFetch({
        source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') },
        items: [makeDraft('good'), makeDraft('bad', { url: 'javascript:alert(1)' })],
        fetchedAt: '2025-06-01T08:00:00.000Z',
      }),
    ).rejects.toThrow();
    await expect(store.putTags([{ id: 'Not A Slug', label: { fr: 'x', en: 'x' }, scope: 'personal', color: '#000000' }])).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('VigieStore on a full disk', () => {
  it('recognises a QuotaExceededError', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    // Chromium's word for a full disk under an origin it holds to no quota (Vigie has unlimitedStorage).
    expect(isQuotaError(new DOMException('Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError'))).toBe(true);
    expect(isQuotaError(new DOMException('Failed to write blobs (IOError)', 'UnknownError'))).toBe(false);
  });

  it("says a browser's failure to write (Chromium's IOError on a full disk) as a FeedError 'storage'", async () => {
    const error = await errorOf(() => guardQuota(() => Promise.reject(new DOMException('Failed to write blobs (IOError)', 'UnknownError'))));
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(isStorageFailure(new DOMException('x', 'AbortError'))).toBe(false);
  });

  it("saveFetch fails with a FeedError 'quota' and rolls back, keeping what was stored before", async () => {
    const store = await withSources();
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('i1'), makeDraft('i2')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    await store.setRead(['i1'], true);
    const before = await snapshot(store);

    // The first two puts (an update of i1, a new i3) succeed, the third fails: the transaction rolls back.
    const restore = fillDisk(store, 'items', 2);
    try {
      await expectQuota(() =>
        store.saveFetch({
          source: { id: 'alpha', health: ok('2025-06-02T08:00:00.000Z') },
          items: [makeDraft('i1', { title: 'Changed' }), makeDraft('i3'), makeDraft('i4')],
          fetchedAt: '2025-06-02T08:00:00.000Z',
        }),
      );
    } finally {
      restore();
    }
    expect(await snapshot(store)).toEqual(before);
    expect((await store.getItem('i1'))?.title).toBe('Title i1');
    expect((await store.getSource('alpha'))?.health).toEqual(ok('2025-06-01T08:00:00.000Z'));

    // Once there is room again, the same fetch goes through.
    expect(
      await store.saveFetch({
        source: { id: 'alpha', health: ok('2025-06-02T08:00:00.000Z') },
        items: [makeDraft('i3')],
        fetchedAt: '2025-06-02T08:00:00.000Z',
      }),
    ).toEqual(['i3']);
  });

  it("putSources, putTags, setMeta and setRead fail with a FeedError 'quota' and change nothing", async () => {
    const store = await withSources();
    await store.saveFetch({ source: { id: 'alpha', health: ok('2025-06-01T08:00:00.000Z') }, items: [makeDraft('i1'), makeDraft('i2')], fetchedAt: '2025-06-01T08:00:00.000Z' });
    await store.setMeta(META.seenUntil, '2025-06-01T00:00:00.000Z');
    const before = await snapshot(store);

    let restore = fillDisk(store, 'sources', 1);
    await expectQuota(() => store.putSources([makeSource({ id: 'gamma' }), makeSource({ id: 'delta' })]));
    restore();

    restore = fillDisk(store, 'tags');
    await expectQuota(() => store.putTags([{ id: 'ia', label: { fr: 'IA', en: 'AI' }, scope: 'shared', color: '#6a1b9a' }]));
    restore();

    restore = fillDisk(store, 'meta');
    await expectQuota(() => store.setMeta(META.seenUntil, '2025-07-01T00:00:00.000Z'));
    restore();

    restore = fillDisk(store, 'items', 1);
    await expectQuota(() => store.setRead(['i1', 'i2'], true));
    restore();

    expect(await snapshot(store)).toEqual(before);
    expect(await store.getMeta(META.seenUntil)).toBe('2025-06-01T00:00:00.000Z');
    expect(await unreadIndex(store)).toEqual(['i1', 'i2']);
  });
});
