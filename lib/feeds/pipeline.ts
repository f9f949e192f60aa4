import type { ItemDraft } from '../model/item';
import { decodeFeedBytes } from './decode';
import { normaliseDate } from './dates';
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
    const draft = normaliseEntry(entry, feedBase, now);
    const key = dedupeKey(entry, draft.url, draft.contentHtml ?? draft.summary ?? '');
    // A feed may list the same entry twice: the first one wins, as in every reader.
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ ...draft, id: await stableId(namespace, key), language: entry.language ?? feed.language });
  }
  return {
    format: feed.format,
    title: feed.title?.trim() || new URL(input.url).hostname,
    siteUrl: canonicalLink(feed.siteUrl, feedBase),
    language: feed.language,
    items,
  };
}

function normaliseEntry(entry: RawEntry, feedBase: string, now: number): Omit<ItemDraft, 'id'> {
  const base = safeHttpUrl(entry.base, feedBase) ?? feedBase;
  const url = canonicalLink(entry.link, base);
  const contentHtml = entry.contentHtml ? sanitizeItemHtml(entry.contentHtml, url ?? base) : undefined;
  const summarySource = entry.summaryHtml ?? entry.snippet ?? entry.contentHtml;
  const summary = summarySource ? shorten(htmlToText(summarySource)) : undefined;
  const title = entry.title ? htmlToText(entry.title) : undefined;
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

function shorten(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LENGTH - 40))}…`;
}
