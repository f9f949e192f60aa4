import type { Rule } from '../model/rule';
import { checkPattern } from './regex';
import { wordKeysOf } from './words';

/**
 * What makes a rule wrong, said when it is saved. Machine-readable: the pages say it in the member's
 * language (`ruleProblem_<code>`, with the term and the detail).
 * - `invalid-regex`: the engine refuses the pattern; `detail` is its message.
 * - `unsafe-regex`: the pattern could freeze Vigie on some texts; `detail` says which shape (regex-safety.ts).
 * - `matches-empty`: the pattern matches an empty text, so it is found in every item.
 * - `empty-term`: a word or phrase term with no letter or digit in it ("-", "’"): it can never be found.
 */
export const RULE_PROBLEM_CODES = ['invalid-regex', 'unsafe-regex', 'matches-empty', 'empty-term'] as const;
export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number];

export interface RuleProblem {
  code: RuleProblemCode;
  /** Index of the condition in the rule. */
  condition: number;
  /** The term, as the member wrote it. */
  term: string;
  detail?: string;
}

/** Problems that stop a rule from running at all: the rest run, but do not do what the member meant. */
export const BLOCKING_PROBLEMS: readonly RuleProblemCode[] = ['invalid-regex', 'unsafe-regex'];

/** Every problem of a rule, in the order of its conditions and terms; empty when it can be saved. */
export function ruleProblems(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  rule.conditions.forEach((condition, index) => {
    for (const term of condition.terms) {
      if (condition.mode === 'regex') {
        for (const problem of checkPattern(term).problems) problems.push({ ...problem, condition: index, term });
      } else if (termKeys(term).length === 0) problems.push({ code: 'empty-term', condition: index, term });
    }
  });
  return problems;
}

/** The word keys of a words or phrase term, read exactly as texts are. */
export function termKeys(term: string): string[] {
  return wordKeysOf(term);
}
