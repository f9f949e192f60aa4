import { describe, expect, it } from 'vitest';
import { VigieReader } from '../../lib/store/reader';
import { DB_VERSION } from '../../lib/store/schema';
import { openVigieDb, VigieStore } from '../../lib/store/store';
import { createNewerStore, NEWER, snapshot } from './newer-store';

/**
 * A member went back to an older build of Vigie: the store a newer build upgraded is refused in words,
 * with the versions found and supported, and left exactly as it was (no upgrade, no deletion, no writes).
 */
const refusal = { code: 'store-newer', params: { found: NEWER, supported: DB_VERSION } };

/** The connection dashboard-early.js hands the page: opened with no version, so at the newer one. */
const earlyConnection = (name: string) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

describe('a store made by a newer Vigie', () => {
  it('is refused with store-newer, the version found and the one supported, by the store, the reader and the dashboard', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createNewerStore(name);
    const before = await snapshot(name);
    expect(before.version).toBe(NEWER);
    expect(before.names).toContain('digests');

    await expect(openVigieDb(name)).rejects.toMatchObject(refusal);
    await expect(VigieStore.open(name)).rejects.toMatchObject(refusal);
    await expect(VigieReader.open(name)).rejects.toMatchObject(refusal);
    // The dashboard's early connection is at the newer version: the page closes it and is refused in words.
    const early = await earlyConnection(name);
    expect(early.version).toBe(NEWER);
    await expect(VigieReader.adopt(early, {}, name)).rejects.toMatchObject(refusal);

    expect(await snapshot(name)).toEqual(before);
  });

  it('is an Error whose message names both versions, for logs (members read the words of error-words.ts)', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createNewerStore(name);
    const error = await VigieStore.open(name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`store-newer: database version ${NEWER}, this code reads up to ${DB_VERSION}`);
  });
});
