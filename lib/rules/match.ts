/**
 * The alert rules engine: what a rule sees of an item, how its terms are read, which rules match, what is
 * wrong with a rule, and what it would catch. Pure: no browser, no store. See README.md beside it.
 */
export { subjectOf, EMPTY_SUBJECT, FIELD_LIMITS, type RuleSubject } from './subject';
export { compileRule, compileRules, type CompiledCondition, type CompiledRule, type CompiledTerm } from './compile';
export { matchingRules, ruleMatches } from './evaluate';
export { BLOCKING_PROBLEMS, RULE_PROBLEM_CODES, ruleProblems, termKeys, type RuleProblem, type RuleProblemCode } from './problems';
export { REGEX_FLAGS, REGEX_TEXT_LIMIT, checkPattern, foldPattern, type CheckedPattern, type PatternProblem } from './regex';
export { type RegexRisk } from './regex-safety';
export { MATCHES_EVERYTHING_MINIMUM, MATCHES_EVERYTHING_SHARE, PREVIEW_IDS_LIMIT, previewRule, startRulePreview, type RulePreview, type RulePreviewRun } from './preview';
export { foldForRules } from './fold-text';
export { wordKey, wordKeysOf } from './words';
