import { focusSoon } from '../ui/focus';

/**
 * Where focus goes when the reading pane closes (« Fermer », Escape): back to what opened it, the row of that
 * item in the list (its title) or its alert, so that the member goes on where they were (RGAA 12.8). The row
 * may have been scrolled out of the rendered ones: focus-rescue.ts then takes focus to the section's heading.
 */
export function returnFocusToRow(itemId: string): void {
  // After the pane is gone and the list re-rendered; a row scrolled away is left to focus-rescue.ts.
  focusSoon(() => {
    const main = document.getElementById('main');
    const escaped = CSS.escape(itemId);
    return main?.querySelector<HTMLElement>(`[data-item-id="${escaped}"] .item-row__title`) ?? main?.querySelector<HTMLElement>(`[data-item="${escaped}"] .alert__title`);
  });
}
