import { RULE_FIELDS, type RuleField } from '../model/rule';
import type { CompiledRule } from './compile';
import type { Word } from './words';

/**
 * Which word and phrase terms an item may hold, from one pass over its words. Built once per set of compiled
 * rules. Without it, each item would be looked up once per term and per word of the term (the default pack
 * alone has some three hundred terms); with it, rules cost one lookup per word of the item, and only the few
 * terms whose words are all there are checked further.
 *
 * Each term registers its word keys, one bit each (up to 31). A words term is found when all its bits are set,
 * from any of its condition's fields; a phrase is only looked for, in a row in one field, when they are. A
 * condition made of words and phrases only is also marked as soon as one of its words is seen: one that is
 * not ("any of" these terms) is settled without looking at its terms one by one.
 */
export interface TermSlot {
  slot: number;
  /** The mask that says every registered key was seen. */
  full: number;
  /** How many of the term's keys are registered (the rest, past 31, are checked one by one). */
  registered: number;
}

interface Mark {
  slot: number;
  bit: number;
  /** The condition the term belongs to, or -1 when that condition has a regular expression. */
  condition: number;
}

/** Per field (by its place in RULE_FIELDS: numbers are faster to look up than names), the terms a word counts for. */
type Marks = (Mark[] | undefined)[];

export const fieldNumber = (field: RuleField): number => RULE_FIELDS.indexOf(field);

const MAX_BITS = 31;

const indexes = new WeakMap<object, TermIndex>();

export class TermIndex {
  /** Per rule, per condition, per term: its slot (none for a regular expression or a term without words). */
  readonly termSlots: (TermSlot | undefined)[][][] = [];
  /** Per rule, per condition: its number, or -1 when it has a regular expression (it cannot be settled so). */
  readonly conditionNumbers: number[][] = [];
  /** The fields some word or phrase term looks at: the pass reads those. */
  readonly fields: RuleField[];
  /** The fields where a phrase of several words is looked for: the pass keeps their words in order. */
  readonly needsSequence = new Set<RuleField>();
  /** `stamps[slot] === generation`: some word of the term is in the item; `masks[slot]` says which. */
  readonly stamps: Uint32Array;
  readonly masks: Uint32Array;
  /** `conditionStamps[number] === generation`: some word of the condition's terms is in the item. */
  readonly conditionStamps: Uint32Array;
  private readonly byKey = new Map<string, Marks>();
  private generation = 0;

  /** The index of these rules, built on first use and kept as long as `owner` is. */
  static of(owner: object, rules: readonly CompiledRule[]): TermIndex {
    let index = indexes.get(owner);
    if (!index) {
      index = new TermIndex(rules);
      indexes.set(owner, index);
    }
    return index;
  }

  private constructor(rules: readonly CompiledRule[]) {
    const fields = new Set<RuleField>();
    let slots = 0;
    let conditions = 0;
    for (const rule of rules) {
      const ruleSlots: (TermSlot | undefined)[][] = [];
      const ruleConditions: number[] = [];
      for (const condition of rule.conditions) {
        const number = condition.terms.some((term) => term.mode === 'regex') ? -1 : conditions++;
        ruleConditions.push(number);
        ruleSlots.push(
          condition.terms.map((term) => {
            if (term.mode === 'regex' || term.keys.length === 0) return undefined;
            const keys = [...new Set(term.keys)].slice(0, MAX_BITS);
            const slot: TermSlot = { slot: slots++, full: 2 ** keys.length - 1, registered: keys.length };
            keys.forEach((key, bit) => {
              let byField = this.byKey.get(key);
              if (!byField) this.byKey.set(key, (byField = RULE_FIELDS.map(() => undefined)));
              for (const field of condition.fields) (byField[fieldNumber(field)] ??= []).push({ slot: slot.slot, bit: 2 ** bit, condition: number });
            });
            for (const field of condition.fields) {
              fields.add(field);
              if (term.mode === 'phrase' && term.keys.length > 1) this.needsSequence.add(field);
            }
            return slot;
          }),
        );
      }
      this.termSlots.push(ruleSlots);
      this.conditionNumbers.push(ruleConditions);
    }
    this.fields = [...fields];
    this.stamps = new Uint32Array(slots);
    this.masks = new Uint32Array(slots);
    this.conditionStamps = new Uint32Array(conditions);
  }

  /** A new item: marks from the previous one no longer count. */
  nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamps.fill(0);
      this.conditionStamps.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** One word of the item, in `field`: the terms it counts for are marked, and its key kept if asked. */
  visit(word: Word, field: number, generation: number, sequence: string[] | undefined): void {
    if (sequence) sequence.push(word.key);
    // What a word counts for is kept on the word itself, for the index that asked last: one lookup saved per word.
    if (word.indexOwner !== this) {
      word.indexOwner = this;
      word.indexData = this.byKey.get(word.key);
    }
    const marks = (word.indexData as Marks | undefined)?.[field];
    if (!marks) return;
    for (const { slot, bit, condition } of marks) {
      if (this.stamps[slot] !== generation) {
        this.stamps[slot] = generation;
        this.masks[slot] = bit;
      } else this.masks[slot] = (this.masks[slot] as number) | bit;
      if (condition >= 0) this.conditionStamps[condition] = generation;
    }
  }
}
