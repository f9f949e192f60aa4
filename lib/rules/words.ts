import { foldLetters } from './fold-text';
import { keyOfFolded } from './word-key';

/**
 * How the words and phrase modes read a text: cut into words, each word folded (case and accents dropped)
 * and brought to a key that its singular and plural share, so that a term and a text meet whatever their
 * accents, capitals, number and elisions. Terms are read exactly as texts are.
 *
 * Words are letters, digits and combining marks of every script; anything else (spaces, punctuation,
 * hyphens, apostrophes) separates them. So "IA" is never found inside "social" or "médias", and
 * "fil d'actualité" meets "Fil d’actualité". French elided words ("l'", "qu'", "jusqu'") and the English
 * possessive ("Meta's") are left out: "l'algorithme" is about an algorithm, "Meta's AI" reads "Meta AI".
 *
 * This is what rules spend most of their time on, so texts are read code unit by code unit, and a word
 * already met is recognised in place, without being copied out of the text (see `lookUp`).
 */
export interface Word {
  /** What the word is compared by: "algorithme" for "Algorithmes", "sociau" for "sociaux" and "Social". */
  readonly key: string;
  /** l, d, qu…: left out when an apostrophe and a word follow. */
  readonly elidable: boolean;
  /** s: left out after a word and an apostrophe. */
  readonly possessive: boolean;
  /** Kept by the term index for the word (what it counts for), with the index it belongs to. */
  indexOwner?: object;
  indexData?: unknown;
}

/**
 * Marks a change of value inside one field (a title, then a summary; one tag, then another): a phrase never
 * runs across it. Not a key any word can have.
 */
export const VALUE_BREAK = '';

/** Calls `visit` with each word of a text, in order, elided words and possessives left out. */
export function scanWords(text: string, visit: (word: Word) => void): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    // ASCII letters and separators, most of any text, are told without a call.
    let code = text.charCodeAt(index);
    let width = code < 128 ? (ASCII_WORD[code] as number) : wordCharLength(text, index);
    if (width === 0) {
      index += 1;
      continue;
    }
    const start = index;
    let hash = 0;
    do {
      hash = (Math.imul(hash, 31) + code) | 0;
      if (width === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(index + 1)) | 0;
      index += width;
      code = text.charCodeAt(index);
      width = code < 128 ? (ASCII_WORD[code] as number) : wordCharLength(text, index);
    } while (width > 0);
    const word = lookUp(text, start, index, hash);
    if (word.key === VALUE_BREAK) continue;
    if (word.elidable && isApostrophe(code) && wordCharLength(text, index + 1) > 0) continue;
    if (word.possessive && isApostrophe(text.charCodeAt(start - 1)) && wordCharLength(text, start - 2) > 0) continue;
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
  return keyOfFolded(foldLetters(word));
}

/*
 * Which code units are word characters. ASCII from a table; the rest of the basic plane learnt as met (0 not
 * known yet, 1 a word character, 2 not); the astral planes in a map.
 */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[\da-zA-Z]/.test(String.fromCharCode(code)) ? 1 : 0));
const BASIC_WORD = new Uint8Array(0x10000);
// ʼ (U+02BC) is a letter to Unicode, but an apostrophe in French text.
BASIC_WORD[0x2bc] = 2;
const astralWord = new Map<number, boolean>();

/** 0 when the character at `index` is not a word character, else its length in code units (1 or 2). */
function wordCharLength(text: string, index: number): number {
  if (index < 0 || index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD[code] as number;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(index) as number;
    let known = astralWord.get(point);
    if (known === undefined) {
      known = point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point));
      astralWord.set(point, known);
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

const isApostrophe = (code: number) => code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0xb4;

/** French elided words, folded. */
const ELIDED = new Set(['l', 'd', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'c', 'j', 'm', 'n', 's', 't']);

/*
 * The words met, as written, in an open-addressing table keyed by a hash computed while scanning: a word met
 * before is found by comparing it in place, so the text is not sliced into a new string per word. Bounded: past the limit, the table starts again.
 */
const TABLE_SIZE = 1 << 17;
const TABLE_MASK = TABLE_SIZE - 1;
const TABLE_LIMIT = TABLE_SIZE >> 1;
let spellings: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE);
let entries: (Word | undefined)[] = new Array<Word | undefined>(TABLE_SIZE);
const hashes = new Int32Array(TABLE_SIZE);
let count = 0;

function lookUp(text: string, start: number, end: number, hash: number): Word {
  const length = end - start;
  let slot = hash & TABLE_MASK;
  for (let spelling = spellings[slot]; spelling !== undefined; spelling = spellings[slot]) {
    if (hashes[slot] === hash && spelling.length === length) {
      // Compared in place, character by character (faster than startsWith at an offset, for short words).
      let same = 0;
      while (same < length && spelling.charCodeAt(same) === text.charCodeAt(start + same)) same += 1;
      if (same === length) return entries[slot] as Word;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
  if (count >= TABLE_LIMIT) {
    spellings = new Array<string | undefined>(TABLE_SIZE);
    entries = new Array<Word | undefined>(TABLE_SIZE);
    count = 0;
    slot = hash & TABLE_MASK;
  }
  const spelling = text.slice(start, end);
  const folded = foldLetters(spelling);
  // A word of combining marks only folds to nothing: its key is VALUE_BREAK, and it is skipped.
  // Every word gets the same shape from the start, so that reading one stays fast.
  const word: Word = { key: folded === '' ? VALUE_BREAK : keyOfFolded(folded), elidable: ELIDED.has(folded), possessive: folded === 's', indexOwner: undefined, indexData: undefined };
  spellings[slot] = spelling;
  entries[slot] = word;
  hashes[slot] = hash;
  count += 1;
  return word;
}
