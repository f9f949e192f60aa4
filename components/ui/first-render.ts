declare const __VIGIE_ROW_TIMING__: boolean | undefined;

/**
 * `elementtiming` for a row's title, in the end-to-end build only (wxt.config.ts defines the flag): the reader
 * benchmark times the rows' paint by it. Element Timing is no part of HTML (RGAA 8.2 counts it against valid
 * code), and the extension members run measures nothing.
 */
export const ROW_TIMING: { elementtiming?: string } = typeof __VIGIE_ROW_TIMING__ !== 'undefined' && __VIGIE_ROW_TIMING__ ? { elementtiming: 'vigie-row' } : {};

/**
 * Marks (User Timing) the moment a page's first rows are rendered: committed to the page and laid out, ready
 * for the next paint. The reader benchmark sets it against an empty extension page's load event, another
 * moment of the page's own work; the paint that follows is timed apart, by Element Timing on the rows. Reading
 * a size makes the layout happen now rather than at the frame: the same work, not more. Only the first time
 * counts: later calls with the same name do nothing.
 */
export function markRendered(name: string, rows: Element | null): void {
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  rows?.getBoundingClientRect();
  performance.mark(name);
}

/**
 * Settles once the page's first paint is on screen (the browser reports it after presenting the frame), or
 * after half a second where it is not reported. Work the first screen does not need (every id of the list,
 * the search index, the side counts) waits for it: on a small machine it would otherwise compete with that
 * frame for the processor.
 */
export const firstPaint: Promise<void> = new Promise((resolve) => {
  const observable = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (!observable || performance.getEntriesByType('paint').length > 0) return resolve();
  const observer = new PerformanceObserver(() => {
    observer.disconnect();
    resolve();
  });
  observer.observe({ type: 'paint' });
  setTimeout(resolve, 500);
});
