import type { ItemDraft } from '../model/item';
import { normaliseDate } from './dates';
import { decodeFeedBytes } from './decode';
import { dedupeKey, stableId } from './dedupe';
import { canonicalLink, safeHttpUrl } from './links';
import { parseFeedText, type FeedFormat, type RawEntry } from './parse';
import { htmlToText, sanitizeItemHtml } from './sanitize';

/**
 * The one ingestion pipeline, run by the background for every source and by `npm run feed` for curators:
 * decode, parse, normalise (links, dates), sanitize, dedupe. It throws a FeedError when the input is not a
 * usable feed and never touches storage.
 */
export interface FeedResult {
  format: FeedFormat;
  title: string;
  siteUrl?: string;
  language?: string;
  items: ItemDraft[];
}

export interface FeedInput {
  /** Where the feed was read from: the base for relative links, and the namespace of item ids. */
  url: string;
  contentType?: string;
  /** Defaults to the URL; the background passes the source id so that ids stay put if the URL moves. */
  namespace?: string;
}

const SUMMARY_LENGTH = 600;

export async function readFeed(bytes: Uint8Array, input: FeedInput): Promise<FeedResult> {
  const text = decodeFeedBytes(bytes, input.contentType);
  return readFeedText(text, input);
}

export async function readFeedText(text: string, input: FeedInput): Promise<FeedResult> {
  const feed = await parseFeedText(text);
  const feedBase = safeHttpUrl(feed.base, input.url) ?? input.url;
  const namespace = input.namespace ?? input.url;
  const seen = new Set<string>();
  const items: ItemDraft[] = [];
  const now = Date.now();
  for (const entry of feed.entries) {
    const draft = normaliseEntry(entry, feedBase, now, feed.base !== undefined);
    const key = dedupeKey(entry, draft.url, draft.contentHtml ?? draft.summary ?? '');
    // A feed may list the same entry twice: the first one wins, as in every reader.
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ ...draft, id: stableId(namespace, key), language: entry.language ?? feed.language });
  }
  return {
    format: feed.format,
    title: feed.title?.trim() || new URL(input.url).hostname,
    siteUrl: canonicalLink(feed.siteUrl, feedBase),
    language: feed.language,
    items,
  };
}

function normaliseEntry(entry: RawEntry, feedBase: string, now: number, feedHasXmlBase: boolean): Omit<ItemDraft, 'id'> {
  const base = safeHttpUrl(entry.base, feedBase) ?? feedBase;
  const url = canonicalLink(entry.link, base);
  // A declared xml:base is what relative links in the content resolve against (RFC 4287); else the item's page.
  const contentBase = entry.base !== undefined || feedHasXmlBase ? base : (url ?? base);
  const contentHtml = entry.contentHtml ? sanitizeItemHtml(entry.contentHtml, contentBase) : undefined;
  const summary = shorten(summaryText(entry));
  // Most titles are plain text: parsing them as HTML only when they look like markup saves a parse per item.
  const title = entry.title && /[<&]/.test(entry.title) ? htmlToText(entry.title) : entry.title?.replace(/\s+/g, ' ').trim();
  const published = entry.dates.map((raw) => normaliseDate(raw, now)).find(Boolean);
  return {
    url,
    // Empty when the feed gave nothing to call it by: the views say "untitled" in the user's language.
    title: title || summary?.slice(0, 120) || '',
    ...(entry.author ? { author: entry.author.trim() } : {}),
    ...(published ? { published } : {}),
    ...(summary ? { summary } : {}),
    ...(contentHtml ? { contentHtml } : {}),
    categories: entry.categories,
  };
}

/** Elements whose text htmlToText drops but rss-parser's snippet keeps ("alert(1)", CSS rules). */
const HIDDEN_TEXT = /<(script|style|iframe|object|embed|form|textarea|select|option|button|noscript|template|svg|math|frameset|frame|applet|title|head)\b/i;

/** rss-parser's snippet is already plain text (tags stripped, entities decoded): it is used as is, when it can be. */
function summaryText(entry: RawEntry): string | undefined {
  if (entry.summaryHtml) return htmlToText(entry.summaryHtml);
  if (entry.snippet && !HIDDEN_TEXT.test(entry.contentHtml ?? '')) return entry.snippet.replace(/\s+/g, ' ').trim();
  return entry.contentHtml ? htmlToText(entry.contentHtml) : undefined;
}

function shorten(text: string | undefined): string | undefined {
  if (!text || text.length <= SUMMARY_LENGTH) return text || undefined;
  const cut = text.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LENGTH - 40))}…`;
}
