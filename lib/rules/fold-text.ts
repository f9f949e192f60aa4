import { fold } from '../text/fold';

/**
 * Texts as rules read them: folded (case and accents dropped), every kind of apostrophe made one. The words
 * and phrase modes fold word by word (words.ts); regular expressions read whole folded texts, made here.
 */

/** Typeset (’ ‘), modifier (ʼ) and stray (´) apostrophes: feeds and members use them all for one. */
const APOSTROPHES = /[’‘ʼ´]/g;

/** Case, accents and apostrophes folded, character by character (a pattern's letters are folded so). */
export function foldLetters(text: string): string {
  return fold(text).replace(APOSTROPHES, "'");
}

/*
 * Folding a whole article is much of what a regular expression costs per item, so it is done code unit by
 * code unit, each one folded once for all (`foldLetters` on it), into a buffer: the same result as
 * `foldLetters` with whitespace squeezed, some four times faster than regular-expression replaces, which
 * cost about 100 ns per match on French text (two-byte strings). Folding each character apart differs from
 * folding the whole text only for the Greek final sigma, which is then folded like any sigma, as it is in
 * patterns.
 */
const SPACE = 32;
/** Per code unit: 0 not known yet, 1 + its folded unit when it folds to one, COMPLEX otherwise. */
const UNIT_FOLD = new Uint16Array(0x10000);
const COMPLEX = 0xffff;
const complexFolds = new Map<string, string>();
const WHITESPACE = /^\s$/;
let buffer = new Uint16Array(4096);

function foldUnit(code: number): number {
  const char = String.fromCharCode(code);
  if (WHITESPACE.test(char)) return 1 + SPACE;
  const folded = foldLetters(char);
  return folded.length === 1 && folded.charCodeAt(0) + 1 < COMPLEX ? folded.charCodeAt(0) + 1 : COMPLEX;
}

/** A text as regular expressions read it: folded, one kind of apostrophe, whitespace squeezed and trimmed. */
export function foldForRules(text: string): string {
  if (buffer.length < text.length * 2 + 2) buffer = new Uint16Array(text.length * 2 + 2);
  let out = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let folded = UNIT_FOLD[code] as number;
    if (folded === 0) folded = UNIT_FOLD[code] = foldUnit(code);
    if (folded !== COMPLEX) {
      const unit = folded - 1;
      // One space for any run of whitespace, none at the start.
      if (unit !== SPACE || (out > 0 && buffer[out - 1] !== SPACE)) buffer[out++] = unit;
      continue;
    }
    // A surrogate pair, a combining mark (folds to nothing), a letter that folds to several: folded whole.
    const pair = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
    const char = pair ? text.slice(index, index + 2) : text.charAt(index);
    if (pair) index += 1;
    let result = complexFolds.get(char);
    if (result === undefined) {
      result = foldLetters(char);
      if (complexFolds.size < 10_000) complexFolds.set(char, result);
    }
    if (buffer.length < out + result.length + text.length - index) {
      const larger = new Uint16Array((out + result.length + text.length) * 2);
      larger.set(buffer.subarray(0, out));
      buffer = larger;
    }
    for (let k = 0; k < result.length; k++) buffer[out++] = result.charCodeAt(k);
  }
  if (out > 0 && buffer[out - 1] === SPACE) out -= 1;
  return decode(buffer, out);
}

/** The buffer's units as a string: TextDecoder does it natively, in one go. */
const utf16 = new TextDecoder('utf-16le');

function decode(units: Uint16Array, length: number): string {
  return utf16.decode(units.subarray(0, length));
}

/** Any whitespace but a single plain space. */
const LOOSE_SPACE = /\s{2,}|[^\S ]/;
const LOOSE_SPACES = /\s{2,}|[^\S ]/g;

/**
 * Every run of whitespace as one plain space, trimmed. Only what is not already a single space is replaced:
 * `replace(/\s+/g, ' ')` costs some 60 ns per space on French text (two-byte strings).
 */
export function squeezeSpaces(text: string): string {
  return (LOOSE_SPACE.test(text) ? text.replace(LOOSE_SPACES, ' ') : text).trim();
}
