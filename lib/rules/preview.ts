import type { Rule } from '../model/rule';
import { compileRule } from './compile';
import { ruleMatches } from './evaluate';
import { ruleProblems, type RuleProblem } from './problems';
import type { RuleSubject } from './subject';

/**
 * "Appliquer aux éléments existants": what a rule would catch among the stored items, before it is saved or
 * applied. A rule that catches (nearly) everything is said to, because it would ring for every item.
 *
 * It matches everything when it matches an item with nothing in it (a regex that matches empty text, a rule
 * made only of "none of"), or when it matches at least 90 % of the items examined, once there are at least 20:
 * below that, a few items prove nothing.
 */
export const MATCHES_EVERYTHING_SHARE = 0.9;
export const MATCHES_EVERYTHING_MINIMUM = 20;
/** How many matching item ids a preview keeps (the count goes on). */
export const PREVIEW_IDS_LIMIT = 50;

export interface RulePreview {
  examined: number;
  matched: number;
  /** The first matching ids, at most `idsLimit`, in the order the items came. */
  itemIds: string[];
  matchesEverything: boolean;
  /** Why: `empty-item` (it matches an item with nothing in it) or `most-items` (90 % of 20 or more). */
  matchesEverythingBecause?: 'empty-item' | 'most-items';
  /** Its problems; when one stops it from running (invalid or unsafe regex), nothing is matched. */
  problems: RuleProblem[];
}

/** An empty value in every field: what an item with nothing in it offers rules. */
const BLANK: RuleSubject = { title: [''], content: [''], url: [''], author: [''], source: [''], category: [''], tags: [''] };

export interface RulePreviewRun {
  /** Looks at one more item; true when the rule matches it. */
  add(id: string, subject: RuleSubject): boolean;
  result(): RulePreview;
}

/** A preview fed one item at a time, as a store cursor walks them, without holding them all. */
export function startRulePreview(rule: Rule, idsLimit = PREVIEW_IDS_LIMIT): RulePreviewRun {
  const problems = ruleProblems(rule);
  const compiled = compileRule(rule);
  const itemIds: string[] = [];
  let examined = 0;
  let matched = 0;
  const matchesBlank = compiled ? ruleMatches(compiled, BLANK) : false;
  return {
    add(id, subject) {
      examined += 1;
      if (!compiled || !ruleMatches(compiled, subject)) return false;
      matched += 1;
      if (itemIds.length < idsLimit) itemIds.push(id);
      return true;
    },
    result() {
      const most = examined >= MATCHES_EVERYTHING_MINIMUM && matched >= MATCHES_EVERYTHING_SHARE * examined;
      const because = matchesBlank ? 'empty-item' : most ? 'most-items' : undefined;
      return { examined, matched, itemIds: [...itemIds], matchesEverything: because !== undefined, ...(because ? { matchesEverythingBecause: because } : {}), problems };
    },
  };
}

export function previewRule(rule: Rule, items: Iterable<{ id: string; subject: RuleSubject }>, idsLimit = PREVIEW_IDS_LIMIT): RulePreview {
  const run = startRulePreview(rule, idsLimit);
  for (const { id, subject } of items) run.add(id, subject);
  return run.result();
}
