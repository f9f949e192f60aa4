/** Text folded for comparison: case and accents dropped, so "Élus", "elus" and "ÉLUS" are one. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
