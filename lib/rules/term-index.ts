import { RULE_FIELDS, type RuleField } from '../model/rule';
import type { CompiledRule } from './compile';
import { VALUE_BREAK, scanUnits, type Word } from './words';

/**
 * Which word and phrase terms an item may hold, from one pass over its words. Built once per set of compiled
 * rules. Without it, each item would be looked up once per term and per word of the term (the default pack
 * alone has some three hundred terms); with it, rules cost one lookup per word of the item, and only the few
 * terms whose words are all there are checked further.
 *
 * Each term registers its word keys, one bit each (up to 31). A words term is found when all its bits are set,
 * from any of its condition's fields; a phrase is only looked for when they are, and only where its first
 * word was seen (the pass notes those places). A condition made of words and phrases only is also marked as
 * soon as one of its words is seen: one that is not ("any of" these terms) is settled without looking at its
 * terms one by one.
 *
 * The index keeps what it learns of the item being read in buffers of its own, reused from one item to the
 * next: reading an item allocates next to nothing. So an index reads one item at a time (rules run
 * synchronously, and nothing else uses it).
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
  /** The first word of a phrase of several: where it is seen is noted. */
  first: boolean;
}

/** Per field (by its place in RULE_FIELDS: numbers are faster to look up than names), the terms a word counts for. */
type Marks = (Mark[] | undefined)[];

export const fieldNumber = (field: RuleField): number => RULE_FIELDS.indexOf(field);

/** The word keys of one field of the item, in order, values separated by VALUE_BREAK (`length` of `keys` used). */
export interface KeySequence {
  keys: string[];
  length: number;
}

const MAX_BITS = 31;

const indexes = new WeakMap<object, TermIndex>();

export class TermIndex {
  /** Per rule, per condition, per term: its slot (none for a regular expression or a term without words). */
  readonly termSlots: (TermSlot | undefined)[][][] = [];
  /** Per rule, per condition: its number, or -1 when it has a regular expression (it cannot be settled so). */
  readonly conditionNumbers: number[][] = [];
  /** The fields some word or phrase term looks at: the pass reads their words. */
  readonly fields = new Set<RuleField>();
  /** The fields some regular expression looks at: the pass keeps their folded text. */
  readonly regexFields = new Set<RuleField>();
  /** Per field number, the item's words in order, when some term needs them (a phrase, a long words term). */
  readonly sequences: (KeySequence | undefined)[] = RULE_FIELDS.map(() => undefined);
  /** `stamps[slot] === generation`: some word of the term is in the item; `masks[slot]` says which. */
  readonly stamps: Uint32Array;
  readonly masks: Uint32Array;
  /** `conditionStamps[number] === generation`: some word of the condition's terms is in the item. */
  readonly conditionStamps: Uint32Array;
  generation = 0;
  private readonly byKey = new Map<string, Marks>();
  private readonly visitors: ((word: Word) => void)[];
  private field = 0;
  private sequence: KeySequence | undefined;
  /** Where the first words of phrases were seen: per slot a list, chained through `placeNext`. */
  private readonly placeHead: Int32Array;
  private readonly placeStamps: Uint32Array;
  private placeField = new Uint8Array(256);
  private placeIndex = new Int32Array(256);
  private placeNext = new Int32Array(256);
  private places = 0;

  /** The index of these rules, built on first use and kept as long as `owner` is (rebuilt if rules were added). */
  static of(owner: object, rules: readonly CompiledRule[]): TermIndex {
    let index = indexes.get(owner);
    if (!index || index.termSlots.length !== rules.length) {
      index = new TermIndex(rules);
      indexes.set(owner, index);
    }
    return index;
  }

  private constructor(rules: readonly CompiledRule[]) {
    let slots = 0;
    let conditions = 0;
    for (const rule of rules) {
      const ruleSlots: (TermSlot | undefined)[][] = [];
      const ruleConditions: number[] = [];
      for (const condition of rule.conditions) {
        const hasRegex = condition.terms.some((term) => term.mode === 'regex');
        if (hasRegex) for (const field of condition.fields) this.regexFields.add(field);
        const number = hasRegex ? -1 : conditions++;
        ruleConditions.push(number);
        ruleSlots.push(
          condition.terms.map((term) => {
            if (term.mode === 'regex' || term.keys.length === 0) return undefined;
            const keys = [...new Set(term.keys)].slice(0, MAX_BITS);
            const slot: TermSlot = { slot: slots++, full: 2 ** keys.length - 1, registered: keys.length };
            const phrase = term.mode === 'phrase' && term.keys.length > 1;
            keys.forEach((key, bit) => {
              let byField = this.byKey.get(key);
              if (!byField) this.byKey.set(key, (byField = RULE_FIELDS.map(() => undefined)));
              for (const field of condition.fields) (byField[fieldNumber(field)] ??= []).push({ slot: slot.slot, bit: 2 ** bit, condition: number, first: phrase && bit === 0 });
            });
            for (const field of condition.fields) {
              this.fields.add(field);
              if (phrase || keys.length < term.keys.length) this.sequences[fieldNumber(field)] = { keys: [], length: 0 };
            }
            return slot;
          }),
        );
      }
      this.termSlots.push(ruleSlots);
      this.conditionNumbers.push(ruleConditions);
    }
    this.stamps = new Uint32Array(slots);
    this.masks = new Uint32Array(slots);
    this.conditionStamps = new Uint32Array(conditions);
    this.placeHead = new Int32Array(slots);
    this.placeStamps = new Uint32Array(slots);
    this.visitors = RULE_FIELDS.map(() => (word: Word) => this.visit(word));
  }

  /** A new item: what was learnt of the previous one no longer counts. */
  startItem(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamps.fill(0);
      this.conditionStamps.fill(0);
      this.placeStamps.fill(0);
      this.generation = 1;
    }
    this.places = 0;
    for (const sequence of this.sequences) if (sequence) sequence.length = 0;
    return this.generation;
  }

  /** Reads the words of one value of `field` (folded into code units). */
  readValue(field: RuleField, units: Uint16Array, length: number): void {
    this.field = fieldNumber(field);
    this.sequence = this.sequences[this.field];
    if (this.sequence && this.sequence.length > 0) this.sequence.keys[this.sequence.length++] = VALUE_BREAK;
    scanUnits(units, length, this.visitors[this.field] as (word: Word) => void);
  }

  /** One word of the item: the terms it counts for are marked, its key kept in order if needed. */
  private visit(word: Word): void {
    const sequence = this.sequence;
    const position = sequence ? sequence.length : -1;
    if (sequence) sequence.keys[sequence.length++] = word.key;
    // What a word counts for is kept on the word itself, for the index that asked last: one lookup saved per word.
    if (word.indexOwner !== this) {
      word.indexOwner = this;
      word.indexData = this.byKey.get(word.key);
    }
    const marks = (word.indexData as Marks | undefined)?.[this.field];
    if (!marks) return;
    const generation = this.generation;
    for (const { slot, bit, condition, first } of marks) {
      if (this.stamps[slot] !== generation) {
        this.stamps[slot] = generation;
        this.masks[slot] = bit;
      } else this.masks[slot] = (this.masks[slot] as number) | bit;
      if (condition >= 0) this.conditionStamps[condition] = generation;
      if (first && position >= 0) this.notePlace(slot, position);
    }
  }

  private notePlace(slot: number, position: number): void {
    if (this.places === this.placeIndex.length) {
      const grow = <T extends Int32Array | Uint8Array>(array: T, larger: T): T => (larger.set(array), larger);
      this.placeIndex = grow(this.placeIndex, new Int32Array(this.places * 2));
      this.placeNext = grow(this.placeNext, new Int32Array(this.places * 2));
      this.placeField = grow(this.placeField, new Uint8Array(this.places * 2));
    }
    const place = this.places++;
    this.placeIndex[place] = position;
    this.placeField[place] = this.field;
    this.placeNext[place] = this.placeStamps[slot] === this.generation ? (this.placeHead[slot] as number) : -1;
    this.placeHead[slot] = place;
    this.placeStamps[slot] = this.generation;
  }

  /** Whether the phrase of `slot` (its keys `keys`) is in `field`, in a row. */
  hasPhrase(slot: number, field: RuleField, keys: readonly string[]): boolean {
    const number = fieldNumber(field);
    const sequence = this.sequences[number];
    if (!sequence || this.placeStamps[slot] !== this.generation) return false;
    for (let place = this.placeHead[slot] as number; place >= 0; place = this.placeNext[place] as number) {
      if (this.placeField[place] !== number) continue;
      const start = this.placeIndex[place] as number;
      if (start + keys.length > sequence.length) continue;
      let offset = 1;
      while (offset < keys.length && sequence.keys[start + offset] === keys[offset]) offset += 1;
      if (offset === keys.length) return true;
    }
    return false;
  }
}
