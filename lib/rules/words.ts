import { fold } from '../text/fold';

/**
 * How rules read text: folded (case and accents dropped), every kind of apostrophe made one, whitespace
 * squeezed. Cut into words, each word brought to a key that a singular and its plural share, so that a term
 * and a text meet whatever their accents, capitals, number and elisions.
 */

/** Typeset (’ ‘), modifier (ʼ) and stray (´ `) apostrophes: feeds and members use them all for one. */
const APOSTROPHES = /[’‘ʼ´`]/g;

/** Case, accents and apostrophes folded, character by character (regular expressions' letters are folded so). */
export function foldLetters(text: string): string {
  return fold(text).replace(APOSTROPHES, "'");
}

export function foldForRules(text: string): string {
  return foldLetters(text).replace(/\s+/g, ' ').trim();
}

/**
 * Letters and digits of every script: anything else (spaces, punctuation, hyphens, apostrophes) separates
 * words, so "IA" is never found inside "social" or "médias", and "fil d'actualité" meets "Fil d’actualité".
 */
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const APOSTROPHE = 39;

/** French elided words: "l'algorithme" is about an algorithm, so "l" is not a word of it. */
const ELIDED = new Set(['l', 'd', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'c', 'j', 'm', 'n', 's', 't']);

/**
 * Marks a change of value inside one field (a title, then a summary; one tag, then another): a phrase never
 * runs across it. Not a word any text can give.
 */
export const VALUE_BREAK = '';

/**
 * The keys of the words of a folded text, in order. Elided words ("l'", "qu'") and the English possessive
 * ("Meta's") are left out on both sides: "Meta's AI" then reads as "Meta AI".
 */
export function wordKeysOf(folded: string, into: string[] = []): string[] {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match; match = WORD.exec(folded)) {
    const word = match[0];
    const end = match.index + word.length;
    if (folded.charCodeAt(end) === APOSTROPHE && ELIDED.has(word) && WORD_CHAR.test(folded.charAt(end + 1))) continue;
    if (word === 's' && folded.charCodeAt(match.index - 1) === APOSTROPHE && WORD_CHAR.test(folded.charAt(match.index - 2))) continue;
    into.push(wordKey(word));
  }
  return into;
}

/**
 * Words that end like a plural but are not one, or whose "singular" would be another word ("mois" is not the
 * plural of "moi", "news" not of "new", "pays" not of "pay").
 */
const INVARIABLE = new Set([
  'news', 'mois', 'fois', 'pays', 'temps', 'corps', 'dans', 'sans', 'sous', 'vers', 'tous', 'plus', 'mais', 'jamais',
  'alors', 'apres', 'tres', 'depuis', 'moins', 'hors', 'avis', 'nous', 'vous', 'leurs', 'plusieurs', 'toujours',
  'parfois', 'always', 'perhaps', 'this', 'thus', 'does', 'goes', 'was', 'has', 'his', 'its', 'is', 'us',
]);

/** The -ail words whose plural is -aux (travail, travaux); the others take an -s (détail, détails). */
const AIL_TO_AUX = new Set(['travail', 'vitrail', 'corail', 'bail', 'soupirail', 'vantail']);

/** Words repeat from one item to the next: each one is brought to its key once. Bounded, so memory is too. */
const keys = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;

/**
 * A word's key: what its singular and plural forms have in common. French plurals in -s and -x, -al/-aux,
 * -eau/-eaux, -ail/-aux (for the words that do so), English plurals in -s, -es and -ies. A key is only ever
 * compared with another key, so it need not be a word ("social" and "sociaux" both become "sociau").
 */
export function wordKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
    key = computeKey(word);
    keys.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  if (word.length <= 2 || INVARIABLE.has(word)) return word;
  if (AIL_TO_AUX.has(word)) return `${word.slice(0, -3)}au`;
  let key = word;
  // Three-letter words keep their last letter (les, des, ads, bus): dropping it would make them other words.
  if (key.length > 3) {
    if (/(?:au|eu|ou)x$/.test(key)) key = key.slice(0, -1); // réseaux, sociaux, jeux, bijoux
    else if (key.length >= 5 && key.endsWith('ies')) key = key.slice(0, -2); // stories, policies, séries
    else if (key.endsWith('s') && !key.endsWith('ss')) key = key.slice(0, -1); // algorithmes, Reels; not "business"
  }
  // The singular forms, brought to what the plural became.
  if (key.endsWith('al')) return `${key.slice(0, -1)}u`; // social → sociau, as sociaux
  if (key.endsWith('y')) return `${key.slice(0, -1)}i`; // story → stori, as stories
  if (key.endsWith('ie')) return key.slice(0, -1); // catégorie → categori, as catégories
  if (/(?:ch|sh|x|ss|z)e$/.test(key)) return key.slice(0, -1); // matche(s) → match, as match
  return key;
}
