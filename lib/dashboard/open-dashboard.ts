import { browser } from 'wxt/browser';

/**
 * Opens the dashboard at `hash` (a section, an item), reusing a dashboard tab already open rather than
 * stacking new ones: members keep it pinned through the day.
 */
export async function openDashboard(hash = ''): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  const url = `${base}${hash}`;
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
