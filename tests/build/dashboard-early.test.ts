import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN } from '../../components/items/first-screen';
import { ItemSchema, type Item } from '../../lib/model/item';
import { CURATED_PACK, curatedSource } from '../../lib/packs/curated-sources';
import { VigieReader } from '../../lib/store/reader';
import { DB_NAME } from '../../lib/store/schema';
import { openVigieDb, toRecord, VigieStore } from '../../lib/store/store';

/**
 * public/dashboard-early.js, run as the page runs it (a classic script, its own globals), against the store
 * the dashboard then reads: it must hand over the same first screen as the reader's `newest`, by its one
 * request where the browser has getAllRecords and by a cursor where it has not, and its open connection.
 */
type Early = [Record<string, unknown>, { db: IDBDatabase; rows?: Item[]; sources?: unknown[]; tags?: unknown[] } | undefined];

const SCRIPT = readFileSync('public/dashboard-early.js', 'utf8');

function runEarly(hash: string, options: { withoutGetAllRecords?: boolean; storageFails?: boolean } = {}): Promise<Early> {
  // TypeScript's DOM types do not have getAllRecords yet (Chromium 141+).
  const prototype = IDBIndex.prototype as { getAllRecords?: unknown };
  const saved = prototype.getAllRecords;
  if (options.withoutGetAllRecords) delete prototype.getAllRecords;
  const page: Record<string, unknown> = {
    indexedDB,
    location: { hash },
    chrome: {
      storage: {
        local: {
          get: async () => {
            if (options.storageFails) throw new Error('storage is gone');
            return { 'vigie.language': 'en' };
          },
        },
      },
    },
  };
  runInNewContext(SCRIPT, page);
  // Put back once the reads are done: the script looks for getAllRecords when the store has opened.
  return (page.vigieDashboardEarly as Promise<Early>).finally(() => {
    prototype.getAllRecords = saved;
  });
}

function item(n: number): Item {
  return {
    id: `item-${n}`,
    sourceId: 'source-1',
    title: `Article ${n}`,
    fetched: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    published: new Date(Date.UTC(2026, 10, 1) + ((n * 7) % 60) * 3_600_000).toISOString(),
    categories: [],
    read: n % 3 === 0,
    starred: false,
    tags: [],
  };
}

afterEach(async () => {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe('dashboard-early.js', () => {
  it('hands over the newest rows, the sources and the tags, as the dashboard reads them, with its connection still open', async () => {
    const db = await openVigieDb();
    const tx = db.transaction('items', 'readwrite');
    for (let n = 0; n < 60; n++) await tx.store.put(toRecord(item(n)));
    await tx.done;
    const store = new VigieStore(db);
    await store.putSources(CURATED_PACK.slice(0, 3).map((entry) => curatedSource(entry, new Date())));
    await store.putTags([{ id: 'essai', label: { fr: 'Essai', en: 'Trial' }, scope: 'personal', color: '#336699' }]);
    const expected = await new VigieReader(db).newest(FIRST_SCREEN);
    const [sources, tags] = [await store.listSources(), await store.listTags()];
    db.close();

    for (const withoutGetAllRecords of [false, true]) {
      const [local, early] = await runEarly('#/all', { withoutGetAllRecords });
      expect(local).toEqual({ 'vigie.language': 'en' });
      expect(early?.rows?.map((row) => ItemSchema.parse(row))).toEqual(expected);
      expect(early?.sources).toEqual(sources);
      expect(early?.tags).toEqual(tags);
      // Still open: the page reads through it instead of opening the store again.
      const count = await new Promise((resolve) => {
        const request = early!.db.transaction('items').objectStore('items').count();
        request.onsuccess = () => resolve(request.result);
      });
      expect(count).toBe(60);
      early!.db.close();
    }
  });

  it("gives the reader's newest rows in the reader's order when many share one date, by either read", async () => {
    const db = await openVigieDb();
    const tx = db.transaction('items', 'readwrite');
    // Dates repeat (three items a day) and ids do not sort as they were written: the order among equals is the index's.
    for (let n = 0; n < 70; n++) await tx.store.put(toRecord({ ...item(n), id: `tie-${(n * 37) % 70}`, published: new Date(Date.UTC(2026, 0, 1 + Math.floor(n / 3))).toISOString() }));
    await tx.done;
    const expected = (await new VigieReader(db).newest(FIRST_SCREEN)).map((row) => row.id);
    db.close();
    expect(expected).toHaveLength(FIRST_SCREEN);
    for (const withoutGetAllRecords of [false, true]) {
      const [, early] = await runEarly('#/', { withoutGetAllRecords });
      expect(early?.rows?.map((row) => row.id)).toEqual(expected);
      early?.db.close();
    }
  });

  it('reads no rows for another section, and leaves a missing store for the page to create', async () => {
    expect(await runEarly('#/all')).toEqual([{ 'vigie.language': 'en' }, undefined]);
    const databases = await indexedDB.databases();
    expect(databases.map((database) => database.name)).not.toContain(DB_NAME);

    (await openVigieDb()).close();
    const [, early] = await runEarly('#/sources');
    expect(early?.rows).toBeUndefined();
    expect(early?.sources).toEqual([]);
    early?.db.close();
  });

  it('hands over its connection even when the language cannot be read, so that the page can close it', async () => {
    (await openVigieDb()).close();
    const [local, early] = await runEarly('#/all', { storageFails: true });
    expect(local).toEqual({});
    expect(early?.rows).toEqual([]);
    early?.db.close();
  });
});
