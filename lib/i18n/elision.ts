/**
 * French elides « de » before a name said with a vowel: « Conseil d’Alice Martin », « l’accès d’Hélène », but
 * « de Bruno », « de Yann ». A message that puts « de » before a member's name takes this as a second
 * substitution ($2) in French; the English message keeps the plain name ($1) and ignores it.
 */
export function frenchOf(name: string): string {
  const trimmed = name.trim();
  // A silent h in first names (Hélène, Hugo, Hervé); a y before a vowel is a consonant (Yann, Yasmine), before
  // a consonant a vowel (Yves, Yvonne).
  const elides = /^[aeiouhàâäæéèêëîïôöœùûü]/i.test(trimmed) || /^y[^aeiouyàâäéèêëîïôöùûü]/i.test(trimmed);
  return elides ? `d’${trimmed}` : `de ${trimmed}`;
}

/** The substitutions of a message naming a member: the name ($1, English) and its French form with « de » ($2). */
export const namedMember = (name: string): [string, string] => [name, frenchOf(name)];
