import * as z from 'zod/mini';
import { SHARED_TAXONOMY } from '../taxonomy/shared-taxonomy';
import type { VigieStore } from '../store/store';
import { DEFAULT_MONITORS } from '../monitors/default-monitors';
import { CURATED_PACK, CURATED_PACK_VERSION, curatedMonitor, curatedSource } from './curated-pack';

const PACK_VERSION_KEY = 'curatedPackVersion';
/** Curated sources the user deleted: a newer pack never brings them back. */
export const REMOVED_CURATED_KEY = 'removedCurated';

/**
 * First install and updates: the shared taxonomy is (re)written, curated sources the store lacks are added.
 * Returns the ids of the sources added.
 */
export async function seedCuratedPack(store: VigieStore, now = new Date()): Promise<string[]> {
  await store.putTags(SHARED_TAXONOMY);
  const installed = (await store.getMeta(PACK_VERSION_KEY, z.number())) ?? 0;
  if (installed >= CURATED_PACK_VERSION) return [];
  const removed = new Set((await store.getMeta(REMOVED_CURATED_KEY, z.array(z.string()))) ?? []);
  const present = new Set((await store.listSources()).flatMap((source) => [source.id, source.url]));
  const wanted = (entry: { id: string; url: string }) => !removed.has(entry.id) && !present.has(entry.id) && !present.has(entry.url);
  const missing = [...CURATED_PACK.filter(wanted).map((entry) => curatedSource(entry, now)), ...DEFAULT_MONITORS.filter(wanted).map((monitor) => curatedMonitor(monitor, now))];
  await store.putSources(missing);
  await store.setMeta(PACK_VERSION_KEY, CURATED_PACK_VERSION);
  return missing.map((source) => source.id);
}
