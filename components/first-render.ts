/**
 * Marks (User Timing) the moment a page's first rows are rendered: committed to the page and laid out, ready
 * for the next paint. The reader benchmark sets it against an empty extension page's load event, another
 * moment of the page's own work; the paint that follows is timed apart, by Element Timing on the rows. Reading
 * a size makes the layout happen now rather than at the frame: the same work, not more.
 */
export function markRendered(name: string, rows: Element | null): void {
  rows?.getBoundingClientRect();
  performance.mark(name);
}
