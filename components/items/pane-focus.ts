/**
 * Where focus goes when the reading pane closes (« Fermer », Escape): back to what opened it, the row of that
 * item in the list (its title) or its alert, so that the member goes on where they were (RGAA 12.8). The row
 * may have been scrolled out of the rendered ones: the section's heading then takes focus.
 */
export function returnFocusToRow(itemId: string): void {
  // After the pane is gone and the list re-rendered.
  setTimeout(() => {
    const main = document.getElementById('main');
    const escaped = CSS.escape(itemId);
    const target =
      main?.querySelector<HTMLElement>(`[data-item-id="${escaped}"] .item-row__title`) ??
      main?.querySelector<HTMLElement>(`[data-item="${escaped}"] .alert__title`) ??
      main?.querySelector<HTMLElement>('h1');
    if (!target) return;
    if (target.tagName === 'H1') target.tabIndex = -1;
    target.focus();
  }, 0);
}
