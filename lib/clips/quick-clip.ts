import { checkCapture, QUOTE_LIMIT, TEXT_LIMIT, type CapturedPage } from './capture';
import { ClipError } from './errors';

/**
 * Clips made without the popup's form: from the context menu («Cliper dans Vigie») or the keyboard
 * shortcut. They are saved at once, with no tags, note or impact; the toolbar button then says how it went.
 */
export const CLIP_MENU_ID = 'vigie-clip';
export const CLIP_COMMAND = 'clip-page';

/** The parts of the context menu's click that matter (Chrome does not report the link's text; Firefox does). */
export interface ClipClick {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  pageUrl?: string;
}

export interface ClipTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface QuickClipDeps {
  /** Reads the tab's page; throws a ClipError when the browser refuses. */
  capture: (tabId: number) => Promise<CapturedPage>;
  save: (page: CapturedPage) => Promise<{ title: string; enriched: boolean }>;
}

/** A page made of what the browser told the click, cut to the limits the page's own answer would have. */
function pageFrom(href: string, title: string | undefined, selection: string | undefined): CapturedPage {
  const quote = selection?.trim() ?? '';
  return checkCapture({
    href,
    ...(title?.trim() ? { title: title.trim().slice(0, TEXT_LIMIT) } : {}),
    ...(quote ? { selection: quote.slice(0, QUOTE_LIMIT), truncated: quote.length > QUOTE_LIMIT } : {}),
  });
}

/**
 * A link is clipped by its address, its text as the title: the page behind it is not opened. A page is
 * read; when the browser refuses to let Vigie read it (a PDF, a store page) but its address is a web page,
 * the address, the tab's title and the selection the browser reported are saved instead.
 */
export async function quickClip(click: ClipClick, tab: ClipTab | undefined, deps: QuickClipDeps) {
  if (click.linkUrl) return deps.save(pageFrom(click.linkUrl, click.linkText ?? click.selectionText, undefined));
  if (tab?.id === undefined) throw new ClipError('no-tab');
  let page: CapturedPage;
  try {
    page = await deps.capture(tab.id);
  } catch (error) {
    const href = click.pageUrl ?? tab.url;
    if (!(error instanceof ClipError) || error.code === 'no-tab' || !href || !/^https?:\/\//i.test(href)) throw error;
    page = pageFrom(href, tab.title, click.selectionText);
  }
  return deps.save(page);
}
