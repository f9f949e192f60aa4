import { alertId, type Alert } from '../model/alert';
import { isSubstantive } from '../model/change';
import { IMPACTS, type Item } from '../model/item';
import type { Rule } from '../model/rule';
import type { Source } from '../model/source';
import { compileRules, matchingRules, subjectOf } from '../rules/match';
import type { Triage, VigieStore } from '../store/store';

/**
 * What the rules make of one item: their actions applied (tags added, starred, impact when none was set)
 * and one alert per rule that asks for one. Pure: the store writes the result.
 */
export function applyRules(item: Item, rules: readonly Rule[], created: string): { item: Item; alerts: Alert[] } {
  if (rules.length === 0) return { item, alerts: [] };
  const next: Item = { ...item, tags: [...new Set([...item.tags, ...rules.flatMap((rule) => rule.actions.addTags)])] };
  // A change of link targets or formatting only, or the archive's own technical commit: filed under its
  // tags, and nothing more (no alert, no star, no impact), so that members keep trusting what does ring.
  if (item.change && !isSubstantive(item.change)) return { item: next, alerts: [] };
  if (rules.some((rule) => rule.actions.star)) next.starred = true;
  // The strongest impact the rules give, unless a member already judged it.
  const impacts = rules.flatMap((rule) => (rule.actions.impact ? [IMPACTS.indexOf(rule.actions.impact)] : []));
  if (!next.impact && impacts.length > 0) next.impact = IMPACTS[Math.max(...impacts)];
  const alerts = rules
    .filter((rule) => rule.actions.alert)
    .map((rule): Alert => ({ id: alertId(rule.id, item.id), ruleId: rule.id, ruleName: rule.name, itemId: item.id, priority: rule.priority, created, read: item.read }));
  return { item: next, alerts };
}

/** One run of the rules over new items (a refresh): the triage the store applies, and the alerts it raised. */
export interface RuleRun {
  triage: Triage;
  raised: Alert[];
  rules: readonly Rule[];
}

/** Reads the rules, sources and tags once and compiles the rules, for every item of a refresh. */
export async function startRuleRun(store: VigieStore, now: () => Date = () => new Date()): Promise<RuleRun> {
  const [rules, sources, tags] = await Promise.all([store.rules.list(), store.listSources(), store.listTags()]);
  return ruleRun(rules, sources, new Map(tags.map((tag) => [tag.id, [tag.label.fr, tag.label.en]])), now);
}

export function ruleRun(rules: readonly Rule[], sources: readonly Source[], labels: Map<string, string[]>, now: () => Date): RuleRun {
  const compiled = compileRules([...rules]);
  const byId = new Map(sources.map((source) => [source.id, source]));
  const tagLabels = (id: string) => labels.get(id) ?? [];
  const raised: Alert[] = [];
  const triage: Triage = (item) => {
    const matched = matchingRules(compiled, subjectOf(item, byId.get(item.sourceId), tagLabels));
    const result = applyRules(item, matched, now().toISOString());
    raised.push(...result.alerts);
    return result;
  };
  return { triage, raised, rules };
}
