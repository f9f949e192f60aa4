/**
 * Why a page could not be clipped. Each code has its sentence in `_locales` (`clipError_<code>`), shown in
 * the popup or in the toolbar button's tooltip: a clip never fails silently.
 */
export type ClipErrorCode =
  /** The browser does not let extensions read this page: its settings, extensions and store pages, local files. */
  | 'forbidden'
  /** Vigie was not given access to this tab (the popup was not opened from it, or the tab moved on). */
  | 'no-access'
  | 'no-tab'
  /** Only web pages (http, https) become items. */
  | 'not-web'
  /** The page answered nothing: it closed or reloaded while it was read. */
  | 'nothing'
  /** The page's answer did not have the expected shape. */
  | 'unreadable';

export class ClipError extends Error {
  constructor(
    readonly code: ClipErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ClipError';
  }
}

/** The store pages of the browsers: extensions may never script them. */
const STORE_PAGES = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)([/?#]|$)/;
/** What Chrome and Firefox say when they refuse to script a page of their own. */
const FORBIDDEN_MESSAGES = /chrome:|edge:|about:|moz-extension:|chrome-extension:|view-source:|gallery|cannot be scripted|error page|restricted|file:/i;

/**
 * What the page's main frame answered. Firefox does not refuse to script its own pages (about:support,
 * about:addons…) when their address is hidden from Vigie: it answers with no result for the frame. A page
 * that closed while it was read still has its entry, with no `result` (`checkCapture` says so).
 */
export function frameAnswer(results: ({ result?: unknown } | null | undefined)[]): unknown {
  const [frame] = results;
  if (frame === null || frame === undefined) throw new ClipError('forbidden', 'no answer from the page’s frame');
  return frame.result;
}

/** Turns a refusal of `scripting.executeScript` into a ClipError, using the tab's address when it is known. */
export function scriptingFailure(error: unknown, tabUrl?: string): ClipError {
  const message = error instanceof Error ? error.message : String(error);
  if (/no tab with id|invalid tab id/i.test(message)) return new ClipError('no-tab', message);
  const isWebPage = tabUrl === undefined || /^https?:/i.test(tabUrl);
  if (!isWebPage || (tabUrl && STORE_PAGES.test(tabUrl)) || FORBIDDEN_MESSAGES.test(message)) return new ClipError('forbidden', message);
  return new ClipError('no-access', message);
}
