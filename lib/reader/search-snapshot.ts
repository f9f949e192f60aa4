import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { DB_NAME } from '../store/schema';
import { packLists, type PackedIndex } from './packed-terms';
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
  /**
   * Read from an older packing (Vigie 0.9: numbers four bytes each, no order by id): to be saved again as
   * today's, once, rather than repacked at each opening.
   */
  repacked?: boolean;
}

interface HeadRecord {
  format: number;
  journal: number;
  labels: Record<string, string[]>;
  ids: (string | null)[];
  prints: Uint32Array;
  /** Since 0.9.2 (see SearchSnapshot). */
  order?: Uint32Array;
}

/**
 * The two packed indexes: each its terms and list lengths under its name ("text"), and its numbers' bytes in
 * pieces of `BYTES_PER_PIECE` ("text:0", "text:1", …). IndexedDB serves one large read at a time; in pieces, a
 * page's reads pass between them, and a dashboard closed while its search loads stops asking. (An older
 * format's records are of another shape: its head's format sends the index to be built again.) Vigie 0.8 and
 * 0.9 saved the numbers as they are, four bytes each, without `sizes`: read back, they are packed as today.
 */
type PartName = 'text' | 'annotations';
type PartRecord = Omit<PackedIndex, 'numbers' | 'sizes'> & { sizes?: Uint32Array; pieces: number };

const BYTES_PER_PIECE = 8_000_000;

interface SnapshotSchema extends DBSchema {
  head: { key: string; value: HeadRecord };
  parts: { key: string; value: PartRecord | Uint8Array | Uint32Array };
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

type Parts<Mode extends IDBTransactionMode> = IDBPObjectStore<SnapshotSchema, ('head' | 'parts')[], 'parts', Mode>;

async function readPart(parts: Parts<'readonly'>, name: PartName): Promise<PackedIndex | undefined> {
  const record = await parts.get(name);
  if (!record || ArrayBuffer.isView(record) || typeof record.pieces !== 'number') return undefined;
  const { pieces, sizes, ...rest } = record;
  // Vigie 0.9's numbers, four bytes each (no sizes), or today's bytes.
  const Pieces = sizes ? Uint8Array : Uint32Array;
  const read: (Uint8Array | Uint32Array)[] = [];
  // One piece after another: each a request of its own.
  for (let piece = 0; piece < pieces; piece++) {
    const numbers = await parts.get(`${name}:${piece}`);
    if (!(numbers instanceof Pieces)) return undefined;
    read.push(numbers);
  }
  const numbers = new Pieces(read.reduce((sum, piece) => sum + piece.length, 0));
  read.reduce((at, piece) => (numbers.set(piece, at), at + piece.length), 0);
  if (numbers instanceof Uint8Array && sizes) return { ...rest, sizes, numbers };
  // Packed as today, list by list, rather than built again from every item (its terms stay unsorted).
  const lists: Uint32Array[] = [];
  rest.lengths.reduce((at, length) => (lists.push(numbers.subarray(at, at + length) as Uint32Array), at + length), 0);
  return { ...rest, ...packLists(lists) };
}

function writePart(parts: Parts<'readwrite'>, name: PartName, packed: PackedIndex): Promise<unknown> {
  const { numbers, ...rest } = packed;
  const pieces = Math.ceil(numbers.length / BYTES_PER_PIECE);
  const writes: Promise<unknown>[] = [parts.put({ ...rest, pieces }, name)];
  for (let piece = 0; piece < pieces; piece++) writes.push(parts.put(numbers.slice(piece * BYTES_PER_PIECE, (piece + 1) * BYTES_PER_PIECE), `${name}:${piece}`));
  return Promise.all(writes);
}

/** The saved index, or undefined when there is none (or it cannot be read: it is only a cache). */
export async function loadSearch(vigieDb?: string): Promise<SavedSearch | undefined> {
  try {
    const db = await open(searchDbName(vigieDb));
    try {
      const tx = db.transaction(['head', 'parts']);
      const parts = tx.objectStore('parts');
      const head = await tx.objectStore('head').get('head');
      const text = head && (await readPart(parts, 'text'));
      const annotations = text && (await readPart(parts, 'annotations'));
      await tx.done;
      if (!head || !text || !annotations) return undefined;
      const snapshot = { format: head.format, ids: head.ids, prints: head.prints, ...(head.order ? { order: head.order } : {}), text, annotations };
      // Terms unsorted or no order of the ids: saved before 0.9.2 (the numbers repacked above or not).
      const repacked = !text.sorted || !annotations.sorted || !head.order;
      return { snapshot, journal: head.journal, labels: head.labels, ...(repacked ? { repacked } : {}) };
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
    await Promise.all([writePart(parts, 'text', text), writePart(parts, 'annotations', annotations)]);
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
