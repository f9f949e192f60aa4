import { fold } from '../text/fold';

/**
 * The parts of a title to mark for a search: the words typed, found as the search finds them (accents and case
 * aside: « reglementation » marks « Réglementation »). Pure: the list's rows draw the parts with <mark>.
 */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * One character as the search compares it: without its accents, lower case. A character of plain ASCII has no
 * accent to remove: lowered at once (normalising each one took about a third of a search answer's rows' drawing).
 */
const plain = (character: string): string => (character.charCodeAt(0) < 0x80 ? character.toLowerCase() : fold(character));

export function highlightParts(text: string, query: string): TextPart[] {
  const terms = [...new Set(query.split(/\s+/).map((term) => [...term].map(plain).join('')).filter((term) => term.length >= 2))];
  if (terms.length === 0 || !text) return [{ text, match: false }];
  // The title compared character by character, each plain form pointing back to where it comes from.
  const characters = [...text];
  const starts: number[] = [];
  let compared = '';
  characters.forEach((character, index) => {
    const form = plain(character);
    for (let i = 0; i < form.length; i++) starts.push(index);
    compared += form;
  });
  const marked = new Array<boolean>(characters.length).fill(false);
  for (const term of terms) {
    for (let at = compared.indexOf(term); at >= 0; at = compared.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) marked[starts[i]!] = true;
    }
  }
  const parts: TextPart[] = [];
  characters.forEach((character, index) => {
    const last = parts.at(-1);
    if (last && last.match === marked[index]) last.text += character;
    else parts.push({ text: character, match: marked[index]! });
  });
  return parts;
}
