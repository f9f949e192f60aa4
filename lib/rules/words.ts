import { decodeUnits, foldInto } from './fold-text';
import { keyOfFolded } from './word-key';

/**
 * How the words and phrase modes read a text: folded (case and accents dropped, one kind of apostrophe), cut
 * into words, each word brought to a key that its singular and plural share, so that a term and a text meet
 * whatever their accents, capitals, number and elisions. Terms are read exactly as texts are.
 *
 * Words are letters and digits of every script; anything else (spaces, punctuation, hyphens, apostrophes)
 * separates them. So "IA" is never found inside "social" or "médias", and "fil d'actualité" meets
 * "Fil d’actualité". French elided words ("l'", "qu'", "jusqu'") and the English possessive ("Meta's") are
 * left out: "l'algorithme" is about an algorithm, "Meta's AI" reads "Meta AI".
 *
 * This is what rules spend most of their time on, so the folded text is read code unit by code unit, and a
 * word already met is recognised in place, without being copied out into a string (see `lookUp`).
 */
export interface Word {
  /** What the word is compared by: "algorithme" for "Algorithmes", "sociau" for "sociaux" and "Social". */
  readonly key: string;
  /** l, d, qu…: left out when an apostrophe and a word follow. */
  readonly elidable: boolean;
  /** s: left out after a word and an apostrophe. */
  readonly possessive: boolean;
  /** Kept by the term index for the word (what it counts for), with the index it belongs to. */
  indexOwner: object | undefined;
  indexData: unknown;
}

/**
 * Marks a change of value inside one field (a title, then a summary; one tag, then another): a phrase never
 * runs across it. Not a key any word can have.
 */
export const VALUE_BREAK = '';

/** Calls `visit` with each word of a text, in order, elided words and possessives left out. */
export function scanWords(text: string, visit: (word: Word) => void): void {
  const { units, length } = foldInto(text);
  scanUnits(units, length, visit);
}

/** The same, on a text already folded into code units (see fold-text.ts). */
export function scanUnits(units: Uint16Array, length: number, visit: (word: Word) => void): void {
  // Module bindings read in a loop cost a check each time: the loop works on a local one.
  const ascii = ASCII_WORD;
  let index = 0;
  while (index < length) {
    let code = units[index] as number;
    let width = code < 128 ? (ascii[code] as number) : wordCharLength(units, length, index);
    if (width === 0) {
      index += 1;
      continue;
    }
    const start = index;
    let hash = 0;
    do {
      hash = (Math.imul(hash, 31) + code) | 0;
      if (width === 2) hash = (Math.imul(hash, 31) + (units[index + 1] as number)) | 0;
      index += width;
      code = index < length ? (units[index] as number) : SPACE;
      width = code < 128 ? (ascii[code] as number) : wordCharLength(units, length, index);
    } while (width > 0);
    const word = lookUp(units, start, index, hash);
    if (word.elidable && code === APOSTROPHE && wordCharLength(units, length, index + 1) > 0) continue;
    if (word.possessive && start >= 2 && units[start - 1] === APOSTROPHE && wordCharLength(units, length, start - 2) > 0) continue;
    visit(word);
  }
}

/** The keys of the words of a text, in order. */
export function wordKeysOf(text: string, into: string[] = []): string[] {
  scanWords(text, (word) => into.push(word.key));
  return into;
}

/** The key of one word as written ("Réseaux" → "reseau"). */
export function wordKey(word: string): string {
  return keyOfFolded(decodeUnits(foldInto(word)));
}

const SPACE = 32;
const APOSTROPHE = 39;

/*
 * Which folded code units are word characters. ASCII from a table; the rest of the basic plane learnt as met
 * (0 not known yet, 1 a word character, 2 not); the astral planes in a map.
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[\da-zA-Z]/.test(String.fromCharCode(code)) ? 1 : 0));
const BASIC_WORD = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

/** 0 when the character at `index` is not a word character, else its length in code units (1 or 2). */
function wordCharLength(units: Uint16Array, length: number, index: number): number {
  if (index < 0 || index >= length) return 0;
  const code = units[index] as number;
  if (code < 128) return ASCII_WORD[code] as number;
  if (code >= 0xd800 && code <= 0xdbff) {
    if (index + 1 >= length) return 0;
    const point = String.fromCharCode(code, units[index + 1] as number);
    const codePoint = point.codePointAt(0) as number;
    let known = astralWord.get(codePoint);
    if (known === undefined) {
      known = codePoint > 0xffff && WORD_CHAR.test(point);
      astralWord.set(codePoint, known);
    }
    return known ? 2 : 0;
  }
  let known = BASIC_WORD[code] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    BASIC_WORD[code] = known;
  }
  return known === 1 ? 1 : 0;
}

/** French elided words, folded. */
const ELIDED = new Set(['l', 'd', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'c', 'j', 'm', 'n', 's', 't']);

/*
 * The words met, in an open-addressing table keyed by a hash computed while scanning, their spellings kept
 * in a pool of code units: a word met before is found by comparing it in place, so the text is not sliced into
 * a new string per word. Bounded: when the table or the pool is full, it starts again.
 */
const TABLE_SIZE = 1 << 16;
const TABLE_MASK = TABLE_SIZE - 1;
const TABLE_LIMIT = TABLE_SIZE >> 1;
const POOL_SIZE = 1 << 19;
const pool = new Uint16Array(POOL_SIZE);
const offsets = new Int32Array(TABLE_SIZE);
/** 0 for an empty slot: a word has at least one unit. */
const lengths = new Int32Array(TABLE_SIZE);
const hashes = new Int32Array(TABLE_SIZE);
let entries: (Word | undefined)[] = new Array<Word | undefined>(TABLE_SIZE);
let count = 0;
let poolUsed = 0;

function lookUp(units: Uint16Array, start: number, end: number, hash: number): Word {
  const length = end - start;
  const known = lengths;
  const spellings = pool;
  let slot = hash & TABLE_MASK;
  for (let size = known[slot] as number; size !== 0; size = known[slot] as number) {
    if (size === length && hashes[slot] === hash) {
      const offset = offsets[slot] as number;
      let same = 0;
      while (same < length && spellings[offset + same] === units[start + same]) same += 1;
      if (same === length) return entries[slot] as Word;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
  if (count >= TABLE_LIMIT || poolUsed + length > POOL_SIZE) {
    lengths.fill(0);
    entries = new Array<Word | undefined>(TABLE_SIZE);
    count = 0;
    poolUsed = 0;
    slot = hash & TABLE_MASK;
  }
  const spelling = decodeUnits({ units: units.subarray(start), length });
  // Every word gets the same shape from the start, so that reading one stays fast.
  const word: Word = { key: keyOfFolded(spelling), elidable: ELIDED.has(spelling), possessive: spelling === 's', indexOwner: undefined, indexData: undefined };
  if (length <= POOL_SIZE) {
    pool.set(units.subarray(start, end), poolUsed);
    offsets[slot] = poolUsed;
    lengths[slot] = length;
    hashes[slot] = hash;
    entries[slot] = word;
    poolUsed += length;
    count += 1;
  }
  return word;
}
