import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ItemPatch } from '../model/item';
import type { VigieSchema } from './schema';

type Journal = IDBPObjectStore<VigieSchema, StoreNames<VigieSchema>[], 'searchChanges', 'readwrite'>;

/**
 * Notes in the search's journal (store version 8) that these items' words may have changed, or that they
 * went: called inside the write's own transaction, so that the note and the write land together or not at
 * all. The dashboard's search worker reads the journal to bring its saved index up to date.
 */
export async function noteSearchChange(journal: Journal, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await journal.add({ ids: [...new Set(ids)] });
}

/** The whole store was replaced (a backup restored, everything erased): the index is built again. */
export async function noteSearchReset(journal: Journal): Promise<void> {
  await journal.add({ reset: true });
}

/** Whether a member's change to items touches what the search finds (a note, tags), not only their state. */
export function touchesWords(patch: ItemPatch): boolean {
  return patch.note !== undefined || patch.tags !== undefined || patch.addTags !== undefined || patch.removeTags !== undefined;
}
