import * as z from 'zod/mini';
import type { VigieStore } from '../store/store';
import { RETIRED_CURATED } from './curated-pack';
import { CURATED_PACK_VERSION } from './curated-pack-version';
import type { SourcePack } from './source-pack-file';

const PACK_VERSION_KEY = 'curatedPackVersion';
/** Curated sources the user deleted: a newer pack never brings them back. */
export const REMOVED_CURATED_KEY = 'removedCurated';

/**
 * First install and updates: the shared taxonomy is (re)written, curated sources and watched pages the store
 * lacks are added, those it retired are removed (their items kept). The pack file is read only when the store's
 * pack is older. Returns the ids of the sources added.
 */
export async function seedCuratedPack(store: VigieStore, loadPack: () => Promise<SourcePack>, now = new Date()): Promise<string[]> {
  const installed = (await store.getMeta(PACK_VERSION_KEY, z.number())) ?? 0;
  if (installed >= CURATED_PACK_VERSION) return [];
  const pack = await loadPack();
  // Sources a newer pack retired leave, with their items kept (the member may have tagged or noted them).
  const present = await store.listSources();
  for (const { id, retiredIn } of RETIRED_CURATED) {
    if (installed < retiredIn && present.some((source) => source.id === id && source.origin === 'curated')) await store.deleteSource(id, true);
  }
  await store.putTags(pack.tags);
  const removed = new Set((await store.getMeta(REMOVED_CURATED_KEY, z.array(z.string()))) ?? []);
  const known = new Set((await store.listSources()).flatMap((source) => [source.id, source.url]));
  const missing = pack.sources
    .filter((source) => !removed.has(source.id) && !known.has(source.id) && !known.has(source.url))
    .map((source) => ({ ...source, added: now.toISOString() }));
  await store.putSources(missing);
  await store.setMeta(PACK_VERSION_KEY, pack.version);
  return missing.map((source) => source.id);
}
