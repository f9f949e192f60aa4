import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../lib/packs/default-rules';
import { seedShippedPack } from '../../lib/packs/seed';
import { addHubRules, forgetPackRule, seedDefaultRules } from '../../lib/packs/seed-rules';
import { META } from '../../lib/store/meta-keys';
import { newStore } from '../store/fixtures';

/** The shipped rules, and a later pack (version 2) that adds one rule: the seeding a store sees across updates. */
const v1 = async () => ({ version: 1, rules: [...DEFAULT_RULES] });
const extra = { ...DEFAULT_RULES[0]!, id: 'default-extra', name: 'Règle ajoutée' };
const v2 = async () => ({ version: 2, rules: [...DEFAULT_RULES, extra] });
const ids = (rules: readonly { id: string }[]) => rules.map((rule) => rule.id).sort();

describe('seedDefaultRules', () => {
  it('adds the whole pack once, and reads the pack file only when the store is older', async () => {
    const store = await newStore();
    expect((await seedDefaultRules(store, v1)).sort()).toEqual(ids(DEFAULT_RULES));
    let read = false;
    expect(await seedDefaultRules(store, async () => ((read = true), v1()))).toEqual([]);
    expect(read).toBe(false);
  });

  it('keeps the member\'s edit and their deletion when a newer pack arrives', async () => {
    const store = await newStore();
    await seedDefaultRules(store, v1);
    const [edited, deleted] = DEFAULT_RULES;
    await store.rules.put([{ ...edited!, name: 'Ma version' }]);
    await forgetPackRule(store, deleted!.id);
    await store.rules.delete(deleted!.id);
    // A build shipping version 2: only the new rule arrives.
    const added = await seedShippedPack(store, {
      versionKey: META.defaultRulesVersion,
      removedKey: META.removedRules,
      shipped: 2,
      load: v2,
      entries: (pack) => pack.rules,
      keys: (rule) => [rule.id],
      present: async () => (await store.rules.list()).map((rule) => rule.id),
      put: (rules) => store.rules.put(rules),
    });
    expect(ids(added)).toEqual(['default-extra']);
    expect((await store.rules.get(edited!.id))?.name).toBe('Ma version');
    expect(await store.rules.get(deleted!.id)).toBeUndefined();
  });
});

describe('addHubRules', () => {
  it('adds the COPIL\'s new rules, and never brings back one the member deleted', async () => {
    const store = await newStore();
    const hubRule = { ...DEFAULT_RULES[1]!, id: 'hub-algo', origin: 'hub' as const };
    expect(ids(await addHubRules(store, { version: 1, rules: [hubRule] }))).toEqual(['hub-algo']);
    await forgetPackRule(store, 'hub-algo');
    await store.rules.delete('hub-algo');
    const later = { ...hubRule, id: 'hub-later' };
    expect(ids(await addHubRules(store, { version: 2, rules: [hubRule, later] }))).toEqual(['hub-later']);
    expect(await store.rules.get('hub-algo')).toBeUndefined();
  });
});
