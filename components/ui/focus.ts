/**
 * Moves focus once the change an action made has rendered (the next task): to the control where the member
 * goes on (RGAA 12.8). `find` runs then, so it sees the page as it now is; nothing found, focus stays put and
 * focus-rescue.ts catches a focus that fell to the page.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  setTimeout(() => find()?.focus(), 0);
}
