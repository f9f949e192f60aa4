import * as z from 'zod/mini';
import { RuleSchema, type Rule } from '../model/rule';

/**
 * The default rules as the extension ships them: a JSON document beside the background (written at build
 * time from lib/packs/default-rules.ts), read only when the store lacks them, so that the background script
 * does not carry a pack it reads once. It is the same shape a collective's hub will serve its rule pack in.
 */
export const RULE_PACK_PATH = '/packs/default-rules.json';

export const RulePackSchema = z.object({ version: z.int().check(z.gte(1)), rules: z.array(RuleSchema) });
export type RulePack = z.infer<typeof RulePackSchema>;

export function rulePackJson(version: number, rules: readonly Rule[]): string {
  return `${JSON.stringify({ version, rules }, null, 1)}\n`;
}

/** Reads and checks a pack; an invalid one is refused as a whole (nothing half-seeded). */
export async function readRulePack(text: () => Promise<string>): Promise<RulePack> {
  return RulePackSchema.parse(JSON.parse(await text()));
}
