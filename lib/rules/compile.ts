import type { Rule, RuleField, TermCombination } from '../model/rule';
import { termKeys } from './problems';
import { checkPattern } from './regex';

/** A term, read once for every item: its word keys, or its checked and folded regular expression. */
export type CompiledTerm = { mode: 'words' | 'phrase'; keys: readonly string[] } | { mode: 'regex'; regex: RegExp };

export interface CompiledCondition {
  fields: readonly RuleField[];
  combine: TermCombination;
  terms: readonly CompiledTerm[];
}

export interface CompiledRule {
  rule: Rule;
  conditions: readonly CompiledCondition[];
}

/**
 * The enabled rules, ready to meet many items. A rule with a regular expression that is invalid or unsafe is
 * left out (it was refused at save time; one from an old backup or the hub must not stop ingestion): never
 * throws.
 */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const ready = compileRule(rule);
    if (ready) compiled.push(ready);
  }
  return compiled;
}

/** One rule, enabled or not (a preview runs a rule before it is saved); `undefined` when it cannot run. */
export function compileRule(rule: Rule): CompiledRule | undefined {
  const conditions: CompiledCondition[] = [];
  for (const condition of rule.conditions) {
    const terms: CompiledTerm[] = [];
    for (const term of condition.terms) {
      if (condition.mode === 'regex') {
        const { regex } = checkPattern(term);
        if (!regex) return undefined;
        terms.push({ mode: 'regex', regex });
      } else {
        const keys = termKeys(term);
        // Every word, in any order: each one is looked up once.
        terms.push({ mode: condition.mode, keys: condition.mode === 'words' ? [...new Set(keys)] : keys });
      }
    }
    conditions.push({ fields: [...new Set(condition.fields)], combine: condition.combine, terms });
  }
  // Every condition must hold, in any order: words and phrases are settled by one pass over the item's words,
  // regular expressions each read the text again, so they come last, and often need not run at all.
  const costly = (condition: CompiledCondition) => condition.terms.some((term) => term.mode === 'regex');
  return { rule, conditions: [...conditions.filter((condition) => !costly(condition)), ...conditions.filter(costly)] };
}
