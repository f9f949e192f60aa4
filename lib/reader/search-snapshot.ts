import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DB_NAME } from '../store/schema';
import type { PackedIndex } from './packed-terms';
import type { SearchSnapshot } from './search-index';

/**
 * Where the dashboard's search index is kept between two openings: a database of its own beside Vigie's
 * ("vigie-search"), written only by the search worker. It is a cache: lost or of another format, the index
 * is built again from the items, and nothing the member wrote is in it but words of their notes and tags.
 */
export interface SavedSearch {
  snapshot: SearchSnapshot;
  /** The last entry of Vigie's search journal the index holds (lib/store/search-changes.ts). */
  journal: number;
  /** The tags' labels the annotations were indexed with, to see that a tag was renamed since. */
  labels: Record<string, string[]>;
}

interface HeadRecord {
  format: number;
  journal: number;
  labels: Record<string, string[]>;
  ids: (string | null)[];
  prints: Uint32Array;
}

/** The two packed indexes, each a record of its own (an older format's records are of another shape). */
type PartName = 'text' | 'annotations';

interface SnapshotSchema extends DBSchema {
  head: { key: string; value: HeadRecord };
  parts: { key: PartName; value: PackedIndex };
}

export const searchDbName = (vigieDb = DB_NAME) => `${vigieDb}-search`;

function open(name: string): Promise<IDBPDatabase<SnapshotSchema>> {
  return openDB<SnapshotSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('head');
      db.createObjectStore('parts');
    },
    // Vigie erasing everything deletes this database: let it.
    blocking: (_old, _new, event) => (event.target as IDBDatabase).close(),
  });
}

/** The saved index, or undefined when there is none (or it cannot be read: it is only a cache). */
export async function loadSearch(vigieDb?: string): Promise<SavedSearch | undefined> {
  try {
    const db = await open(searchDbName(vigieDb));
    try {
      const tx = db.transaction(['head', 'parts']);
      const parts = tx.objectStore('parts');
      const [head, text, annotations] = await Promise.all([tx.objectStore('head').get('head'), parts.get('text'), parts.get('annotations'), tx.done]);
      if (!head || !text || !annotations) return undefined;
      return { snapshot: { format: head.format, ids: head.ids, prints: head.prints, text, annotations }, journal: head.journal, labels: head.labels };
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * Saves the index in one transaction (a half-saved index is never read). A newer index saved meanwhile by
 * another dashboard is kept: returns false then.
 */
export async function saveSearch(saved: SavedSearch, vigieDb?: string): Promise<boolean> {
  const db = await open(searchDbName(vigieDb));
  try {
    const tx = db.transaction(['head', 'parts'], 'readwrite');
    const current = await tx.objectStore('head').get('head');
    if (current && current.format === saved.snapshot.format && current.journal > saved.journal) {
      await tx.done;
      return false;
    }
    const { text, annotations, ...rest } = saved.snapshot;
    const parts = tx.objectStore('parts');
    // An older format's parts (numbered records) go with it.
    await parts.clear();
    await Promise.all([parts.put(text, 'text'), parts.put(annotations, 'annotations')]);
    await tx.objectStore('head').put({ ...rest, journal: saved.journal, labels: saved.labels }, 'head');
    await tx.done;
    return true;
  } finally {
    db.close();
  }
}

/** Forgets the saved index (everything erased: the words of the items gone must go too). */
export async function deleteSavedSearch(vigieDb?: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(searchDbName(vigieDb));
    request.onsuccess = request.onerror = () => resolve();
  });
}
