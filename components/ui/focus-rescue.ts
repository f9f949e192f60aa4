/** Where focus may go back to: a place of the page that has a heading to land on. */
const PLACES = 'section, article, aside, main, form, [role="region"], [role="group"], dialog';

/**
 * When what had focus leaves the page (its row read in « Non lus », its form replaced by the next step, its
 * line revoked) or is disabled, the browser drops focus to the page itself: a screen reader says nothing and
 * the next Tab starts from the top (RGAA 7.1, 12.8). Views move focus on where they know better; this catches
 * the rest: focus goes to the heading of the nearest place that is still there, the one the member was in.
 * Returns the function that stops it.
 */
export function rescueFocus(root: HTMLElement = document.body): () => void {
  let last: HTMLElement | undefined;
  let around: HTMLElement[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLElement)) return;
    last = event.target;
    around = [];
    for (let node = last.parentElement; node; node = node.parentElement) around.push(node);
  };

  const check = () => {
    if (!last) return;
    const lost = !last.isConnected || (last instanceof HTMLButtonElement && last.disabled);
    const active = document.activeElement;
    if (!lost || (active && active !== document.body && active !== last)) return;
    for (const place of around) {
      if (!place.isConnected || !place.matches(PLACES)) continue;
      const heading = place.querySelector<HTMLElement>('h1, h2, h3');
      if (!heading) continue;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      last = heading;
      heading.focus();
      return;
    }
  };

  // After the change has settled, and after the views' own moves (they run on the next task too).
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, 0);
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('focusin', onFocusIn);
  };
}
