import * as z from 'zod/mini';
import type { VigieStore } from '../store/store';
import { CURATED_PACK_VERSION } from './curated-pack-version';
import type { SourcePack } from './source-pack-file';

const PACK_VERSION_KEY = 'curatedPackVersion';
/** Curated sources the user deleted: a newer pack never brings them back. */
export const REMOVED_CURATED_KEY = 'removedCurated';

/**
 * First install and updates: the shared taxonomy is (re)written, curated sources and watched pages the store
 * lacks are added. The pack file is read only when the store's pack is older. Returns the ids of the sources
 * added.
 */
export async function seedCuratedPack(store: VigieStore, loadPack: () => Promise<SourcePack>, now = new Date()): Promise<string[]> {
  const installed = (await store.getMeta(PACK_VERSION_KEY, z.number())) ?? 0;
  if (installed >= CURATED_PACK_VERSION) return [];
  const pack = await loadPack();
  await store.putTags(pack.tags);
  const removed = new Set((await store.getMeta(REMOVED_CURATED_KEY, z.array(z.string()))) ?? []);
  const present = new Set((await store.listSources()).flatMap((source) => [source.id, source.url]));
  const missing = pack.sources
    .filter((source) => !removed.has(source.id) && !present.has(source.id) && !present.has(source.url))
    .map((source) => ({ ...source, added: now.toISOString() }));
  await store.putSources(missing);
  await store.setMeta(PACK_VERSION_KEY, pack.version);
  return missing.map((source) => source.id);
}
