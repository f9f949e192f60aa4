import type { Rule, RuleField } from '../model/rule';
import type { CompiledCondition, CompiledRule, CompiledTerm } from './compile';
import { REGEX_TEXT_LIMIT } from './regex';
import type { RuleSubject } from './subject';
import { VALUE_BREAK, foldForRules, wordKeysOf } from './words';

/** The rules, among `compiled`, that match this item, in their order. */
export function matchingRules(compiled: readonly CompiledRule[], subject: RuleSubject): Rule[] {
  const read = new SubjectReading(subject);
  const matched: Rule[] = [];
  for (const rule of compiled) if (holds(rule, read)) matched.push(rule.rule);
  return matched;
}

export function ruleMatches(compiled: CompiledRule, subject: RuleSubject): boolean {
  return holds(compiled, new SubjectReading(subject));
}

function holds(compiled: CompiledRule, read: SubjectReading): boolean {
  return compiled.conditions.every((condition) => conditionHolds(condition, read));
}

function conditionHolds(condition: CompiledCondition, read: SubjectReading): boolean {
  const found = (term: CompiledTerm) => termFound(term, condition.fields, read);
  if (condition.combine === 'all') return condition.terms.every(found);
  if (condition.combine === 'any') return condition.terms.some(found);
  return !condition.terms.some(found);
}

function termFound(term: CompiledTerm, fields: readonly RuleField[], read: SubjectReading): boolean {
  if (term.mode === 'regex') return fields.some((field) => read.regexTexts(field).some((text) => term.regex.test(text)));
  // A term with no word in it is never found (ruleProblems says so at save time).
  if (term.keys.length === 0) return false;
  // Words: each one somewhere in the condition's fields, not necessarily all in the same one.
  if (term.mode === 'words') return term.keys.every((key) => fields.some((field) => read.words(field).present.has(key)));
  return fields.some((field) => hasPhrase(read.words(field), term.keys));
}

function hasPhrase({ sequence, present }: FieldWords, keys: readonly string[]): boolean {
  // Most phrases miss one of their words altogether: that is a lookup, not a scan.
  if (!keys.every((key) => present.has(key))) return false;
  if (keys.length === 1) return true;
  const first = keys[0];
  const last = sequence.length - keys.length;
  for (let start = 0; start <= last; start++) {
    if (sequence[start] !== first) continue;
    let offset = 1;
    while (offset < keys.length && sequence[start + offset] === keys[offset]) offset += 1;
    if (offset === keys.length) return true;
  }
  return false;
}

interface FieldWords {
  /** Word keys in order, values separated by VALUE_BREAK. */
  sequence: string[];
  present: Set<string>;
}

/**
 * One item as the rules read it. Each field is folded and cut into words once, the first time a rule looks at
 * it, whatever the number of rules and terms that look at it after.
 */
class SubjectReading {
  private readonly folded: Partial<Record<RuleField, string[]>> = {};
  private readonly wordsByField: Partial<Record<RuleField, FieldWords>> = {};
  private readonly regexByField: Partial<Record<RuleField, string[]>> = {};

  constructor(private readonly subject: RuleSubject) {}

  words(field: RuleField): FieldWords {
    let words = this.wordsByField[field];
    if (!words) {
      const sequence: string[] = [];
      for (const value of this.foldedValues(field)) {
        if (sequence.length > 0) sequence.push(VALUE_BREAK);
        wordKeysOf(value, sequence);
      }
      words = { sequence, present: new Set(sequence) };
      this.wordsByField[field] = words;
    }
    return words;
  }

  /** A field without any value reads as one empty text, so that `^$` finds the items without an author. */
  regexTexts(field: RuleField): string[] {
    let texts = this.regexByField[field];
    if (!texts) {
      const values = this.foldedValues(field).map((value) => (value.length > REGEX_TEXT_LIMIT ? value.slice(0, REGEX_TEXT_LIMIT) : value));
      texts = values.length > 0 ? values : [''];
      this.regexByField[field] = texts;
    }
    return texts;
  }

  private foldedValues(field: RuleField): string[] {
    let values = this.folded[field];
    if (!values) {
      values = this.subject[field].map(foldForRules);
      this.folded[field] = values;
    }
    return values;
  }
}
