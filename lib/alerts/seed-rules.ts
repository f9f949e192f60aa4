import * as z from 'zod/mini';
import type { VigieStore } from '../store/store';
import { DEFAULT_RULES_VERSION } from '../rules/default-pack-version';
import type { RulePack } from './rule-pack';

const RULES_VERSION_KEY = 'defaultRulesVersion';
/** Default rules the member deleted: a newer pack never brings them back. */
export const REMOVED_DEFAULT_RULES_KEY = 'removedDefaultRules';

/**
 * First install and updates: the default rules the store lacks are added, enabled. A rule the member edited
 * keeps their edit (same id: it is there); one they deleted stays deleted. Returns the ids added.
 */
export async function seedDefaultRules(store: VigieStore, loadPack: () => Promise<RulePack>): Promise<string[]> {
  const installed = (await store.getMeta(RULES_VERSION_KEY, z.number())) ?? 0;
  // The pack file is read only when the store may lack something (first install, a newer pack).
  if (installed >= DEFAULT_RULES_VERSION) return [];
  const pack = await loadPack();
  const removed = new Set((await store.getMeta(REMOVED_DEFAULT_RULES_KEY, z.array(z.string()))) ?? []);
  const present = new Set((await store.rules.list()).map((rule) => rule.id));
  const missing = pack.rules.filter((rule) => !removed.has(rule.id) && !present.has(rule.id));
  await store.rules.put(missing);
  await store.setMeta(RULES_VERSION_KEY, pack.version);
  return missing.map((rule) => rule.id);
}

/** Remembers that a default rule was deleted, so that no pack update restores it. */
export async function forgetDefaultRule(store: VigieStore, id: string): Promise<void> {
  const removed = (await store.getMeta(REMOVED_DEFAULT_RULES_KEY, z.array(z.string()))) ?? [];
  if (!removed.includes(id)) await store.setMeta(REMOVED_DEFAULT_RULES_KEY, [...removed, id]);
}
