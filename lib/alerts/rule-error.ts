import type { RuleProblem } from '../rules/match';

/** A rule refused at save time; each problem (an invalid or dangerous regular expression…) is said in words by the background. */
export class RuleError extends Error {
  override name = 'RuleError';

  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((problem) => problem.code).join(', '));
  }
}
