import { browser, type Browser } from 'wxt/browser';
import { BADGE_COLORS } from '../badge/badge';
import { errorWords } from '../i18n/error-words';
import type { Translate } from '../i18n/translate';
import type { ErrorInfo } from '../model/error-info';
import { capturePage, checkCapture, QUOTE_LIMIT, TEXT_LIMIT, URL_LIMIT, type CapturedPage } from './capture';
import { frameAnswer, scriptingFailure } from './errors';
import { CLIP_COMMAND, CLIP_MENU_ID, quickClip, type ClipClick, type ClipTab } from './quick-clip';

/**
 * The browser's side of clipping, for the background: reading a tab at the member's click, the context
 * menu and the keyboard shortcut. Quick clips are reported on the toolbar button of their tab for a few
 * seconds: a ✓ or a ! on the badge, and the sentence in its tooltip.
 */
const FLASH_MS = 6000;
const OK_COLOR = '#2b6b2f';
const ERROR_COLOR = '#b3261e';

/** Runs `capturePage` in the tab's main frame. `activeTab` grants this at the click; nothing runs there otherwise. */
export async function captureTab(tabId: number): Promise<unknown> {
  let results;
  try {
    results = await browser.scripting.executeScript({
      target: { tabId },
      func: capturePage,
      args: [QUOTE_LIMIT, TEXT_LIMIT, URL_LIMIT],
    });
  } catch (error) {
    const url = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
    throw scriptingFailure(error, url);
  }
  return frameAnswer(results);
}

/** On install and on update (an update keeps the previous version's menus, hence removeAll first). */
export async function createClipMenu(t: Translate): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: t('clipMenu'), contexts: ['page', 'link', 'selection'] });
}

async function flash(tabId: number | undefined, ok: boolean, title: string, restoreBadge: () => Promise<void>): Promise<void> {
  const where = tabId === undefined ? {} : { tabId };
  const baseTitle = await browser.action.getTitle({});
  await browser.action.setBadgeBackgroundColor({ ...where, color: ok ? OK_COLOR : ERROR_COLOR });
  await browser.action.setBadgeText({ ...where, text: ok ? '✓' : '!' });
  await browser.action.setTitle({ ...where, title });
  setTimeout(() => {
    void (async () => {
      await browser.action.setTitle({ ...where, title: baseTitle });
      await browser.action.setBadgeBackgroundColor({ ...where, color: BADGE_COLORS.info });
      // A tab's own text set to null falls back to the count shown on every tab (both browsers' documented
      // way; the types only know strings).
      if (tabId === undefined) await restoreBadge();
      else await browser.action.setBadgeText({ tabId, text: null as unknown as string });
    })().catch(() => undefined); // The tab closed meanwhile: nothing to restore.
  }, FLASH_MS);
}

export interface QuickClipWiring {
  save: (page: CapturedPage) => Promise<{ title: string; enriched: boolean }>;
  /** An error as data (the background's `describeError`). */
  describe: (error: unknown) => ErrorInfo;
  restoreBadge: () => Promise<void>;
  /** The member's language: the tooltip is the background's own words. */
  words: () => Promise<Translate>;
}

/** Listens to the context menu and the shortcut; call at the background's start, before any await. */
export function listenForQuickClips(wiring: QuickClipWiring): void {
  const run = async (click: ClipClick, tab: ClipTab | undefined) => {
    try {
      const saved = await quickClip(click, tab, { capture: async (tabId) => checkCapture(await captureTab(tabId)), save: wiring.save });
      const t = await wiring.words();
      await flash(tab?.id, true, t(saved.enriched ? 'clipEnrichedTitle' : 'clipSavedTitle', [saved.title]), wiring.restoreBadge);
    } catch (error) {
      const said = errorWords(wiring.describe(error), await wiring.words());
      await flash(tab?.id, false, said, wiring.restoreBadge).catch(() => undefined);
    }
  };
  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    if (info.menuItemId === CLIP_MENU_ID) void run(info, tab);
  });
  browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (command !== CLIP_COMMAND) return;
    void (async () => run({}, tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]))();
  });
}
