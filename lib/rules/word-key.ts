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

/**
 * A folded word's key: what its singular and plural forms have in common. French plurals in -s and -x,
 * -al/-aux, -eau/-eaux, -ail/-aux (for the words that do so), English plurals in -s, -es and -ies. A key is
 * only ever compared with another key, so it need not be a word ("social" and "sociaux" both become "sociau").
 */
export function keyOfFolded(word: string): string {
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
