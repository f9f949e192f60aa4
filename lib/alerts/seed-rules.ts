import * as z from 'zod/mini';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from '../rules/default-pack';
import type { VigieStore } from '../store/store';

const RULES_VERSION_KEY = 'defaultRulesVersion';
/** Default rules the member deleted: a newer pack never brings them back. */
export const REMOVED_DEFAULT_RULES_KEY = 'removedDefaultRules';

/**
 * First install and updates: the default rules the store lacks are added, enabled. A rule the member edited
 * keeps their edit (same id: it is there); one they deleted stays deleted. Returns the ids added.
 */
export async function seedDefaultRules(store: VigieStore): Promise<string[]> {
  const installed = (await store.getMeta(RULES_VERSION_KEY, z.number())) ?? 0;
  if (installed >= DEFAULT_RULES_VERSION) return [];
  const removed = new Set((await store.getMeta(REMOVED_DEFAULT_RULES_KEY, z.array(z.string()))) ?? []);
  const present = new Set((await store.rules.list()).map((rule) => rule.id));
  const missing = DEFAULT_RULES.filter((rule) => !removed.has(rule.id) && !present.has(rule.id));
  await store.rules.put(missing);
  await store.setMeta(RULES_VERSION_KEY, DEFAULT_RULES_VERSION);
  return missing.map((rule) => rule.id);
}

/** Remembers that a default rule was deleted, so that no pack update restores it. */
export async function forgetDefaultRule(store: VigieStore, id: string): Promise<void> {
  const removed = (await store.getMeta(REMOVED_DEFAULT_RULES_KEY, z.array(z.string()))) ?? [];
  if (!removed.includes(id)) await store.setMeta(REMOVED_DEFAULT_RULES_KEY, [...removed, id]);
}
