import type { Source } from '../model/source';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';
import { RETIRED_CURATED } from './curated-sources';
import { CURATED_PACK_VERSION } from './curated-sources-version';
import { seedShippedPack } from './seed';
import type { SourcePack } from './source-pack';


/**
 * First install and updates: the shared taxonomy is (re)written, curated sources and monitors the store
 * lacks are added, those a newer pack retired are removed (their items kept). Returns the ids of the sources added.
 */
export async function seedCuratedPack(store: VigieStore, loadPack: () => Promise<SourcePack>, now = new Date()): Promise<string[]> {
  const added = await seedShippedPack<Source, SourcePack>(store, {
    versionKey: META.curatedPackVersion,
    removedKey: META.removedCurated,
    shipped: CURATED_PACK_VERSION,
    load: loadPack,
    async prepare(_pack, installed) {
      // Sources a newer pack retired leave, with their items kept (the member may have tagged or noted them).
      const present = await store.listSources();
      for (const { id, retiredIn } of RETIRED_CURATED) {
        if (installed < retiredIn && present.some((source) => source.id === id && source.origin === 'curated')) await store.deleteSource(id, true);
      }
      await store.putTags(_pack.tags);
    },
    entries: (pack) => pack.sources.map((source) => ({ ...source, added: now.toISOString() })),
    keys: (source) => [source.id, source.url],
    present: async () => (await store.listSources()).flatMap((source) => [source.id, source.url]),
    put: (sources) => store.putSources(sources),
  });
  return added.map((source) => source.id);
}
