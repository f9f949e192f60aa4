import { fold } from '../text/fold';

/**
 * Texts as rules read them: folded (case and accents dropped), every kind of apostrophe made one, whitespace
 * squeezed. Every mode reads the same folded text: words and phrases as code units (words.ts), regular
 * expressions as a string.
 */

/** Typeset (’ ‘), modifier (ʼ) and stray (´) apostrophes: feeds and members use them all for one. */
const APOSTROPHES = /[’‘ʼ´]/g;

/** Case, accents and apostrophes folded, character by character (a pattern's letters are folded so). */
export function foldLetters(text: string): string {
  return fold(text).replace(APOSTROPHES, "'");
}

/*
 * Folding is much of what rules cost per item, so it is done code unit by code unit, each unit folded once
 * for all (`foldLetters` on it), into a buffer of code units that the word scanner then reads (words.ts) and
 * regular expressions read decoded: the same result as `foldLetters` with whitespace squeezed, some four times
 * faster than regular-expression replaces (about 100 ns per match on French text). Reading typed arrays also
 * spares the scanners the engine's two kinds of strings (one-byte, two-byte), which, mixed from one item to
 * the next, make them much slower. Folding each character apart differs from folding the whole text only for
 * the Greek final sigma, which is then folded like any sigma, as it is in patterns.
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

/** A folded text as code units: valid until the next call of `foldInto`, which reuses the buffer. */
export interface FoldedUnits {
  units: Uint16Array;
  length: number;
}

/*
 * The text is first written as UTF-8 into bytes by the engine (TextEncoder.encodeInto, native), then read
 * byte by byte: reading a string unit by unit (charCodeAt) is two to three times slower.
 */
const utf8 = new TextEncoder();
let bytes = new Uint8Array(8192);

/** Folds a text into the shared buffer: case, accents and apostrophes folded, whitespace squeezed and trimmed. */
export function foldInto(text: string): FoldedUnits {
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3 + 16);
  if (buffer.length < text.length + 2) buffer = new Uint16Array(text.length * 2 + 2);
  // Module bindings read in a loop cost a check each time: the loop works on local ones.
  const source = bytes;
  const table = UNIT_FOLD;
  let target = buffer;
  const size = utf8.encodeInto(text, source).written;
  let out = 0;
  for (let index = 0; index < size; index++) {
    let code = source[index] as number;
    if (code >= 0x80) {
      // UTF-8 back to a code point: two, three or four bytes.
      if (code < 0xe0) code = ((code & 0x1f) << 6) | ((source[++index] as number) & 0x3f);
      else if (code < 0xf0) code = ((code & 0x0f) << 12) | (((source[++index] as number) & 0x3f) << 6) | ((source[++index] as number) & 0x3f);
      else {
        code = ((code & 0x07) << 18) | (((source[++index] as number) & 0x3f) << 12) | (((source[++index] as number) & 0x3f) << 6) | ((source[++index] as number) & 0x3f);
        out = appendComplex(String.fromCodePoint(code), out, text.length);
        target = buffer;
        continue;
      }
    }
    let folded = table[code] as number;
    if (folded === 0) folded = table[code] = foldUnit(code);
    if (folded !== COMPLEX) {
      const unit = folded - 1;
      // One space for any run of whitespace, none at the start.
      if (unit !== SPACE || (out > 0 && target[out - 1] !== SPACE)) target[out++] = unit;
    } else {
      out = appendComplex(String.fromCharCode(code), out, text.length);
      target = buffer;
    }
  }
  if (out > 0 && target[out - 1] === SPACE) out -= 1;
  return { units: target, length: out };
}

/** An astral character, a combining mark (folds to nothing), a letter that folds to several: folded whole. */
function appendComplex(char: string, out: number, textLength: number): number {
  let result = complexFolds.get(char);
  if (result === undefined) {
    result = foldLetters(char);
    if (complexFolds.size < 10_000) complexFolds.set(char, result);
  }
  if (buffer.length < out + result.length + textLength) {
    const larger = new Uint16Array((out + result.length + textLength) * 2);
    larger.set(buffer.subarray(0, out));
    buffer = larger;
  }
  for (let k = 0; k < result.length; k++) buffer[out++] = result.charCodeAt(k);
  return out;
}

/** A text as regular expressions read it: folded, one kind of apostrophe, whitespace squeezed and trimmed. */
export function foldForRules(text: string): string {
  return decodeUnits(foldInto(text));
}

/**
 * The units as a string (at most `maxLength` of them): TextDecoder does it natively, in one go. (Typed arrays
 * are in the machine's byte order, little-endian on every machine browsers run on.)
 */
const utf16 = new TextDecoder('utf-16le');

export function decodeUnits({ units, length }: FoldedUnits, maxLength = length): string {
  return utf16.decode(units.subarray(0, Math.min(length, maxLength)));
}
