import { openDB } from 'idb';
import type { Item } from '../../lib/model/item';
import { DB_VERSION } from '../../lib/store/schema';
import { toRecord, VigieStore } from '../../lib/store/store';
import { makeDraft, makeSource } from './fixtures';

/**
 * A store as a build of Vigie one version newer leaves it (not a test file itself): today's object stores
 * with records in them, one the newer build added (keys in the records), one with keys beside its records,
 * and an item carrying a field today's model does not know.
 */
export const NEWER = DB_VERSION + 1;

const item = (id: string): Item => ({ ...makeDraft(id), sourceId: 'alpha', fetched: '2026-03-02T08:00:00.000Z', read: false, starred: false, tags: [] });

export async function createNewerStore(name: string): Promise<void> {
  const store = await VigieStore.open(name);
  await store.putSources([makeSource({ id: 'alpha' })]);
  await store.putItems([item('a-1'), item('a-2')]);
  await store.putTags([{ id: 'veille', label: { fr: 'Veille', en: 'Watch' }, scope: 'personal', color: '#336699' }]);
  // The hub connection as stored: its token must never reach a file.
  await store.db.put('meta', { key: 'hub', value: { url: 'https://hub.example', token: 'secret-token' } });
  await store.db.put('meta', { key: 'seenUntil', value: '2026-03-01T00:00:00.000Z' });
  store.close();

  const db = await openDB(name, NEWER, {
    upgrade(newer, _old, _new, tx) {
      newer.createObjectStore('digests', { keyPath: 'id' });
      newer.createObjectStore('drafts');
      void tx.objectStore('digests').put({ id: 'weekly-2026-09', sent: '2026-03-02T09:00:00.000Z', itemIds: ['a-1'] });
      void tx.objectStore('drafts').put({ text: 'Brouillon de note' }, 'draft-1');
      void tx.objectStore('items').put({ ...toRecord(item('a-3')), aiSummary: 'Résumé' });
    },
  });
  db.close();
}

/** Everything the database holds, read at its own version: its version, object store names, and each one's keys and records. */
export async function snapshot(name: string) {
  const db = await openDB(name);
  const names = Array.from(db.objectStoreNames);
  const tx = db.transaction(names);
  const stores = Object.fromEntries(
    await Promise.all(names.map(async (store) => [store, { keys: await tx.objectStore(store).getAllKeys(), records: await tx.objectStore(store).getAll() }] as const)),
  );
  db.close();
  return { version: db.version, names, stores };
}
