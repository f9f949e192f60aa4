import { RuleError } from '../../alerts/rule-error';
import { applyRules } from '../../alerts/triage';
import type { ALERT_REQUESTS } from '../../messages/requests/alerts';
import type { HandlersOf } from '../../messages/router';
import type { Item } from '../../model/item';
import type { Rule } from '../../model/rule';
import { forgetPackRule } from '../../packs/seed-rules';
import { compileRules, matchingRules, ruleProblems, startRulePreview, subjectOf, type RuleSubject } from '../../rules/match';
import type { VigieStore } from '../../store/store';
import { alertRows, sourcesById, summaryItem } from './core';
import type { HandlerDeps } from './deps';

const PREVIEW_SAMPLE = 20;

/** Walks every stored item with its rule subject, one cursor page at a time (the store may hold 50,000). */
async function eachSubject(store: VigieStore, visit: (item: Item, subject: RuleSubject) => void): Promise<void> {
  const [sources, tags] = await Promise.all([store.listSources(), store.listTags()]);
  const byId = new Map(sources.map((source) => [source.id, source]));
  const labels = new Map(tags.map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const tagLabels = (id: string) => labels.get(id) ?? [];
  let after: string | undefined;
  for (;;) {
    const items = await store.itemsAfter(after, 1000);
    if (items.length === 0) return;
    for (const item of items) visit(item, subjectOf(item, byId.get(item.sourceId), tagLabels));
    after = items[items.length - 1]?.id;
  }
}

/**
 * A rule is refused when a term cannot work: a regular expression the engine rejects or that could freeze the
 * background, a term with no letter in it. A regex that matches empty text is let through: the preview warns
 * that it matches everything.
 */
function checkRule(rule: Rule): void {
  const problems = ruleProblems(rule).filter((problem) => problem.code !== 'matches-empty');
  if (problems.length > 0) throw new RuleError(problems);
}

export function alertHandlers(deps: HandlerDeps): HandlersOf<typeof ALERT_REQUESTS> {
  const { store } = deps;
  const titles = async () => sourcesById(await store.listSources());
  return {
    async listAlerts({ limit }) {
      return alertRows(store, await store.alerts.list(limit), await titles());
    },
    async setAlertsRead({ ids, read }) {
      const items = await store.alerts.setRead(ids, read);
      // Reading an alert is reading its item: it is what the member came for.
      if (read && items.length > 0) await store.updateItems(items, { read: true });
      await deps.alertsChanged(items);
      return {};
    },
    async listRules() {
      return store.rules.list();
    },
    async saveRule({ rule }) {
      checkRule(rule);
      const saved = { ...rule, updated: new Date().toISOString() };
      await store.rules.put([saved]);
      deps.rulesChanged();
      return saved;
    },
    async deleteRule({ id }) {
      // A rule from a pack (shipped or the COPIL's) stays deleted when the pack updates; the member's own need no memory.
      if ((await store.rules.get(id))?.origin !== 'user') await forgetPackRule(store, id);
      await store.rules.delete(id);
      deps.rulesChanged();
      return {};
    },
    async previewRule({ rule }) {
      checkRule(rule);
      const run = startRulePreview({ ...rule, enabled: true });
      // Only the newest matches are kept for the sample: a rule that matches 50,000 items must not hold them all.
      let matched: Item[] = [];
      const newestFirst = (items: Item[]) => items.sort((a, b) => (b.published ?? b.fetched).localeCompare(a.published ?? a.fetched)).slice(0, PREVIEW_SAMPLE);
      await eachSubject(store, (item, subject) => {
        if (!run.add(item.id, subject)) return;
        matched.push(item);
        if (matched.length > PREVIEW_SAMPLE * 10) matched = newestFirst(matched);
      });
      const names = await titles();
      const sample = newestFirst(matched).map((item) => summaryItem(item, names));
      const result = run.result();
      return { total: result.examined, matched: result.matched, sample, matchesEverything: result.matchesEverything };
    },
    async applyRule({ id }) {
      const rule = await store.rules.get(id);
      if (!rule) return { matched: 0, alerts: 0 };
      checkRule(rule);
      const compiled = compileRules([{ ...rule, enabled: true }]);
      const now = new Date().toISOString();
      const changed: { item: Item; alerts: ReturnType<typeof applyRules>['alerts'] }[] = [];
      await eachSubject(store, (item, subject) => {
        if (matchingRules(compiled, subject).length > 0) changed.push(applyRules(item, [rule], now));
      });
      // Items already read get their alerts as read: only what is still to be read should ring.
      const alerts = await store.applyTriaged(changed);
      await deps.itemsChanged(changed.map((entry) => entry.item.id));
      await deps.alertsChanged();
      return { matched: changed.length, alerts: alerts.length };
    },
  };
}
