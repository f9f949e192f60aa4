import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { META } from '../../lib/store/meta-keys';
import { DB_VERSION } from '../../lib/store/schema';
import { openVigieDb, VigieStore } from '../../lib/store/store';
import { makeSource } from './fixtures';

/**
 * Vigie's connection to its store while other connections come and go: an old one steps aside for an
 * upgrade (`blocking`), an upgrade held by one that does not is said (`blocked`), and a connection the
 * browser closed (`terminated`) is said in words and opened again for the next request.
 */
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

/** Fails rather than wait forever: an upgrade that deadlocks must fail the test, not hang it. */
const within = <T>(promise: Promise<T>, ms = 2_000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);

const newName = () => `test-${crypto.randomUUID()}`;

/** The browser's own connection under the store (what DevTools or a crash would close). */
const rawConnection = (store: VigieStore) => unwrap(store.db.transaction('meta').db) as IDBDatabase;

describe("the store's connection", () => {
  it('closes itself when a newer version asks to upgrade, so that the upgrade goes through at once', async () => {
    const name = newName();
    const store = await VigieStore.open(name);
    cleanup.push(() => store.close());
    const newer = await within(openDB(name, DB_VERSION + 1));
    cleanup.push(() => newer.close());
    expect(newer.version).toBe(DB_VERSION + 1);
    // Used again, the old connection cannot reopen what is now newer: it says so in words.
    await expect(store.listSources()).rejects.toMatchObject({ code: 'store-newer', params: { found: DB_VERSION + 1, supported: DB_VERSION } });
  });

  it('lets a second open upgrade past an older tab of Vigie still open on the store, without waiting for it', async () => {
    const name = newName();
    const older = await openVigieDb(name, DB_VERSION - 1);
    cleanup.push(() => older.close());
    const store = await within(VigieStore.open(name));
    cleanup.push(() => store.close());
    expect(store.db.version).toBe(DB_VERSION);
  });

  it('says its upgrade is blocked while a connection that does not step aside holds the store, and completes once it closes', async () => {
    const name = newName();
    (await openVigieDb(name, DB_VERSION - 1)).close();
    // Opened with no version and no handler for `versionchange`: it does not step aside.
    const holder = await openDB(name);
    const blocked = vi.fn();
    const opening = VigieStore.open(name, { blocked });
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    holder.close();
    const store = await within(opening);
    cleanup.push(() => store.close());
    expect(store.db.version).toBe(DB_VERSION);
  });

  it('after the browser closed it, says store-closed where a read cannot wait, and opens again for the next request', async () => {
    const store = await VigieStore.open(newName());
    cleanup.push(() => store.close());
    await store.putSources([makeSource({ id: 'alpha' })]);

    forceCloseDatabase(rawConnection(store) as never);
    // A transaction cannot wait for a new connection: said in words (and the reopening starts).
    const error = await store.reader.newest(5).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'store-closed' });
    await store.ready();
    expect(await store.reader.newest(5)).toEqual([]);
    expect((await store.listSources()).map((source) => source.id)).toEqual(['alpha']);

    // A read or a write of one record waits for the new connection.
    forceCloseDatabase(rawConnection(store) as never);
    await store.setMeta(META.seenUntil, '2026-03-02T00:00:00.000Z');
    expect(await store.getMeta(META.seenUntil)).toBe('2026-03-02T00:00:00.000Z');
    forceCloseDatabase(rawConnection(store) as never);
    expect((await store.listSources()).map((source) => source.id)).toEqual(['alpha']);
  });
});
