import type { Rule } from '../model/rule';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';
import { DEFAULT_RULES_VERSION } from './default-rules-version';
import type { RulePack } from './rule-pack';
import { addMissing, rememberRemoved, seedShippedPack, type PackEntries } from './seed';


const ruleEntries = (store: VigieStore): PackEntries<Rule> => ({
  removedKey: META.removedRules,
  keys: (rule) => [rule.id],
  present: async () => (await store.rules.list()).map((rule) => rule.id),
  put: (rules) => store.rules.put(rules),
});

/**
 * First install and updates: the default rules the store lacks are added, enabled. A rule the member edited
 * keeps their edit (same id: it is there); one they deleted stays deleted. Returns the ids added.
 */
export async function seedDefaultRules(store: VigieStore, loadPack: () => Promise<RulePack>): Promise<string[]> {
  const added = await seedShippedPack<Rule, RulePack>(store, {
    ...ruleEntries(store),
    versionKey: META.defaultRulesVersion,
    shipped: DEFAULT_RULES_VERSION,
    load: loadPack,
    entries: (pack) => pack.rules,
  });
  return added.map((rule) => rule.id);
}

/** The COPIL's rule pack, when its version moved: the same algorithm as the shipped one. */
export const addHubRules = (store: VigieStore, pack: RulePack) => addMissing(store, pack.rules, ruleEntries(store));

/** Remembers that a pack's rule was deleted, so that no pack update restores it. */
export const forgetPackRule = (store: VigieStore, id: string) => rememberRemoved(store, META.removedRules, id);
