import { stableId } from '../feeds/dedupe';
import { canonicalLink, safeHttpUrl } from '../feeds/links';
import { CLIP_SOURCE_ID, type Clip, type Impact, type Item } from '../model/item';
import type { CapturedPage } from './capture';
import { ClipError } from './errors';

/**
 * From what a page said about itself to an item of the veille: pure, so that it runs under Node. The
 * background does the one write (`VigieStore.putClip`).
 */

/** What the member adds before saving. */
export interface ClipChoices {
  tags: string[];
  note?: string;
  impact?: Impact;
}

/** The addresses the clip is known by, best first: the first one becomes the item's URL. */
export function clipUrls(page: CapturedPage): string[] {
  const own = canonicalLink(page.href);
  let declared = canonicalLink(page.canonical, page.href);
  // Sites that stamp their home page as every page's canonical would merge all their clips into one item.
  if (declared && own && new URL(declared).pathname === '/' && new URL(own).pathname !== '/') declared = undefined;
  const urls = [...new Set([declared, own].filter((url): url is string => !!url))];
  if (urls.length === 0) throw new ClipError('not-web', page.href.slice(0, 200));
  return urls;
}

/** The title the item will have; a page without one is named by its address, and the popup says so. */
export function clipTitle(page: CapturedPage, url: string): { title: string; titleMissing: boolean } {
  const title = page.title || page.ogTitle;
  if (title) return { title, titleMissing: false };
  const { host, pathname } = new URL(url);
  return { title: host + (pathname === '/' ? '' : pathname), titleMissing: true };
}

export function clipOf(page: CapturedPage, clippedAt: string): Clip {
  const image = safeHttpUrl(page.image, page.href);
  return {
    clippedAt,
    ...(page.selection ? { quote: page.selection } : {}),
    ...(page.siteName ? { siteName: page.siteName } : {}),
    ...(page.description ? { description: page.description } : {}),
    ...(image ? { image } : {}),
  };
}

const userChoices = ({ note, impact }: ClipChoices) => ({ ...(note?.trim() ? { note: note.trim() } : {}), ...(impact ? { impact } : {}) });

/** A page no source carries: a new item of the "clips" pseudo-source, read since the member just read it. */
export function newClipItem(page: CapturedPage, choices: ClipChoices, clippedAt: string): Item {
  const [url] = clipUrls(page) as [string];
  return {
    id: stableId(CLIP_SOURCE_ID, `link:${url}`),
    sourceId: CLIP_SOURCE_ID,
    url,
    title: clipTitle(page, url).title,
    fetched: clippedAt,
    ...(page.description ? { summary: page.description } : {}),
    ...(page.lang ? { language: page.lang } : {}),
    categories: [],
    read: true,
    starred: false,
    tags: [...new Set(choices.tags)],
    ...userChoices(choices),
    clip: clipOf(page, clippedAt),
  };
}

/**
 * A page already in the store: the item gains the clip and the member's tags, note and impact; everything
 * else (read, starred, triage, the feed's own fields) stays. A quote from an earlier clip is kept when this
 * one has none.
 */
export function enrichWithClip(item: Item, page: CapturedPage, choices: ClipChoices, clippedAt: string): Item {
  return {
    ...item,
    ...userChoices(choices),
    tags: [...new Set([...item.tags, ...choices.tags])],
    clip: { ...item.clip, ...clipOf(page, clippedAt) },
  };
}

/** Of several items at the same address (one article in two sources), the one clipped before, else the first. */
export function itemToEnrich(existing: readonly Item[]): Item | undefined {
  return existing.find((item) => item.clip) ?? existing[0];
}
