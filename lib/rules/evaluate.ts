import type { Rule, RuleField } from '../model/rule';
import type { CompiledCondition, CompiledRule, CompiledTerm } from './compile';
import { REGEX_TEXT_LIMIT } from './regex';
import type { RuleSubject } from './subject';
import { TermIndex, fieldNumber, type TermSlot } from './term-index';
import { foldForRules } from './fold-text';
import { VALUE_BREAK, scanWords, wordKeysOf, type Word } from './words';

/** The rules, among `compiled`, that match this item, in their order. */
export function matchingRules(compiled: readonly CompiledRule[], subject: RuleSubject): Rule[] {
  const read = new SubjectReading(subject, TermIndex.of(compiled, compiled));
  const matched: Rule[] = [];
  for (let number = 0; number < compiled.length; number++) {
    const rule = compiled[number] as CompiledRule;
    if (holds(rule, number, read)) matched.push(rule.rule);
  }
  return matched;
}

export function ruleMatches(compiled: CompiledRule, subject: RuleSubject): boolean {
  return holds(compiled, 0, new SubjectReading(subject, TermIndex.of(compiled, [compiled])));
}

/** Whether the rule (the `number`th of the index's rules) holds for the item. */
function holds(compiled: CompiledRule, number: number, read: SubjectReading): boolean {
  const { termSlots, conditionNumbers } = read.index;
  const ruleSlots = termSlots[number] as (TermSlot | undefined)[][];
  const ruleConditions = conditionNumbers[number] as number[];
  for (let c = 0; c < compiled.conditions.length; c++) {
    const { fields, combine, terms } = compiled.conditions[c] as CompiledCondition;
    const condition = ruleConditions[c] as number;
    // None of the condition's words in the item: no term of it can be found.
    if (condition >= 0 && !read.touched(condition)) {
      if (combine === 'none') continue;
      return false;
    }
    const slots = ruleSlots[c] as (TermSlot | undefined)[];
    let found = false;
    for (let t = 0; t < terms.length; t++) {
      if (termFound(terms[t] as CompiledTerm, slots[t], fields, read)) {
        found = true;
        if (combine !== 'all') break;
      } else if (combine === 'all') return false;
    }
    if (found === (combine === 'none')) return false;
  }
  return true;
}

function termFound(term: CompiledTerm, slot: TermSlot | undefined, fields: readonly RuleField[], read: SubjectReading): boolean {
  if (term.mode === 'regex') {
    for (const field of fields) for (const text of read.regexTexts(field)) if (term.regex.test(text)) return true;
    return false;
  }
  // Most terms are settled by the pass over the item's words: their words are not all there. A term with
  // no word in it (ruleProblems says so at save time) has no slot, and is never found.
  if (!slot || !read.hasAllRegistered(slot)) return false;
  if (term.mode === 'words') {
    // Words: each one somewhere in the condition's fields, not necessarily all in the same one.
    for (let k = slot.registered; k < term.keys.length; k++) if (!fields.some((field) => read.present(field).has(term.keys[k] as string))) return false;
    return true;
  }
  if (term.keys.length === 1) return true;
  // A phrase: its words are all there, but are they in a row, in one field?
  for (const field of fields) if (hasPhrase(read.sequence(field), term.keys)) return true;
  return false;
}

function hasPhrase(sequence: readonly string[], keys: readonly string[]): boolean {
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

/**
 * One item as the rules read it. Each field is folded and cut into words once, whatever the number of rules
 * and terms that look at it: one pass over the words of the fields the terms look at tells which terms may
 * be there (see TermIndex); the rest is read on demand.
 */
class SubjectReading {
  private readonly sequences: Partial<Record<RuleField, string[]>> = {};
  private readonly presents: Partial<Record<RuleField, Set<string>>> = {};
  private readonly regexByField: Partial<Record<RuleField, string[]>> = {};
  private readonly generation: number;

  constructor(
    private readonly subject: RuleSubject,
    readonly index: TermIndex,
  ) {
    this.generation = index.nextGeneration();
    for (const field of index.fields) {
      if (subject[field].length === 0) continue;
      const sequence: string[] | undefined = index.needsSequence.has(field) ? [] : undefined;
      const number = fieldNumber(field);
      const visit = (word: Word) => index.visit(word, number, this.generation, sequence);
      for (const value of subject[field]) {
        if (sequence && sequence.length > 0) sequence.push(VALUE_BREAK);
        scanWords(value, visit);
      }
      if (sequence) this.sequences[field] = sequence;
    }
  }

  hasAllRegistered(slot: TermSlot): boolean {
    return this.index.stamps[slot.slot] === this.generation && this.index.masks[slot.slot] === slot.full;
  }

  touched(condition: number): boolean {
    return this.index.conditionStamps[condition] === this.generation;
  }

  /** Word keys in order, values separated by VALUE_BREAK. */
  sequence(field: RuleField): string[] {
    let sequence = this.sequences[field];
    if (!sequence) {
      sequence = [];
      for (const value of this.subject[field]) {
        if (sequence.length > 0) sequence.push(VALUE_BREAK);
        wordKeysOf(value, sequence);
      }
      this.sequences[field] = sequence;
    }
    return sequence;
  }

  present(field: RuleField): Set<string> {
    let present = this.presents[field];
    if (!present) {
      present = new Set(this.sequence(field));
      this.presents[field] = present;
    }
    return present;
  }

  /**
   * The texts a regular expression reads: folded, spaces squeezed, the start of each value. A field without
   * any value reads as one empty text, so that `^$` finds the items without an author.
   */
  regexTexts(field: RuleField): string[] {
    let texts = this.regexByField[field];
    if (!texts) {
      texts = this.subject[field].map((value) => foldForRules(value.length > 2 * REGEX_TEXT_LIMIT ? value.slice(0, 2 * REGEX_TEXT_LIMIT) : value).slice(0, REGEX_TEXT_LIMIT));
      if (texts.length === 0) texts.push('');
      this.regexByField[field] = texts;
    }
    return texts;
  }
}
