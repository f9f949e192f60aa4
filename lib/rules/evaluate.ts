import { RULE_FIELDS, type Rule, type RuleField } from '../model/rule';
import type { CompiledCondition, CompiledRule, CompiledTerm } from './compile';
import { decodeUnits, foldInto } from './fold-text';
import { REGEX_TEXT_LIMIT } from './regex';
import type { RuleSubject } from './subject';
import { TermIndex, fieldNumber, type TermSlot } from './term-index';
import { wordKeysOf } from './words';

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
  for (const field of fields) if (read.index.hasPhrase(slot.slot, field, term.keys)) return true;
  return false;
}

/**
 * One item as the rules read it. Each field is folded and cut into words once, whatever the number of rules
 * and terms that look at it: one pass over the words of the fields the terms look at tells which terms may
 * be there (see TermIndex); the rest is read on demand.
 */
class SubjectReading {
  private readonly presents: Partial<Record<RuleField, Set<string>>> = {};
  private readonly regexByField: Partial<Record<RuleField, string[]>> = {};
  private readonly generation: number;

  constructor(
    private readonly subject: RuleSubject,
    readonly index: TermIndex,
  ) {
    this.generation = index.startItem();
    // Each value is folded once: its words go through the index, its text is kept for regular expressions.
    for (const field of RULE_FIELDS) {
      const words = index.fields.has(field);
      const regex = index.regexFields.has(field);
      if ((!words && !regex) || subject[field].length === 0) continue;
      const texts: string[] = [];
      for (const value of subject[field]) {
        const folded = foldInto(value);
        if (words) index.readValue(field, folded.units, folded.length);
        if (regex) texts.push(decodeUnits(folded, REGEX_TEXT_LIMIT));
      }
      if (regex) this.regexByField[field] = texts;
    }
  }

  hasAllRegistered(slot: TermSlot): boolean {
    return this.index.stamps[slot.slot] === this.generation && this.index.masks[slot.slot] === slot.full;
  }

  touched(condition: number): boolean {
    return this.index.conditionStamps[condition] === this.generation;
  }

  /** The word keys of a field (for words terms of more than 31 words: rare). */
  present(field: RuleField): Set<string> {
    let present = this.presents[field];
    if (!present) {
      const sequence = this.index.sequences[fieldNumber(field)];
      present = new Set(sequence ? sequence.keys.slice(0, sequence.length) : this.subject[field].flatMap((value) => wordKeysOf(value)));
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
      texts = this.subject[field].map((value) => decodeUnits(foldInto(value), REGEX_TEXT_LIMIT));
      this.regexByField[field] = texts;
    }
    if (texts.length === 0) texts.push('');
    return texts;
  }
}
