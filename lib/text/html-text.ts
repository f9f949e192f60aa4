/**
 * Sanitized HTML to plain text, for search and for rules: tags out, the few entities the sanitizer writes
 * decoded, whitespace squeezed, at most `maxChars` (the start of an article says what it is about).
 */
export function textOfHtml(html: string | undefined, maxChars: number): string {
  if (!html) return '';
  return html
    .slice(0, maxChars * 3)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[entity] ?? ' ')
    // Only runs of two or more, and single non-space whitespace, are rewritten: the same result as \s+ → ' ',
    // many times faster on ordinary text, where most whitespace is already one space.
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .slice(0, maxChars);
}
