import type { VigieStore } from '../store/store';
import { readRulePack, RULE_PACK_PATH, type RulePack } from './rule-pack';
import { seedDefaultRules } from './seed-rules';
import { seedCuratedPack } from './seed-sources';
import { readSourcePack, SOURCE_PACK_PATH, type SourcePack } from './source-pack';

export interface ShippedPacks {
  rulePack: () => Promise<RulePack>;
  sourcePack: () => Promise<SourcePack>;
}

/** The packs shipped beside the background, read through `readText` (a fetch of the extension's own file). */
export function shippedPacks(readText: (path: string) => Promise<string>): ShippedPacks {
  return {
    rulePack: () => readRulePack(() => readText(RULE_PACK_PATH)),
    sourcePack: () => readSourcePack(() => readText(SOURCE_PACK_PATH)),
  };
}

/**
 * Every start makes sure the curated sources and the default rules are there (cheap once installed: a
 * version check), before any request is answered, so that nothing sees a store without its rules.
 * Returns the sources the pack just brought, for a first refresh.
 */
export async function seedShippedPacks(store: VigieStore, packs: ShippedPacks): Promise<string[]> {
  const added = await seedCuratedPack(store, packs.sourcePack);
  await seedDefaultRules(store, packs.rulePack);
  return added;
}
