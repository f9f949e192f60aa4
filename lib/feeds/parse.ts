import Parser from 'rss-parser';
import { FeedError } from '../model/feed-error';
import { JsonFeedItemSchema, JsonFeedSchema } from './jsonfeed';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'jsonfeed';

/** One entry as the feed gave it, before links, dates and HTML are made safe. */
export interface RawEntry {
  guid?: string;
  link?: string;
  title?: string;
  author?: string;
  dates: (string | undefined)[];
  /** HTML (or text) of the full content, and of the summary when the feed has both. */
  contentHtml?: string;
  summaryHtml?: string;
  /** Plain text rss-parser already derived from the content. */
  snippet?: string;
  categories: string[];
  language?: string;
  /** xml:base of the entry, relative to the feed's. */
  base?: string;
}

export interface RawFeed {
  format: FeedFormat;
  title?: string;
  siteUrl?: string;
  language?: string;
  base?: string;
  entries: RawEntry[];
}

type XmlNode = { $?: Record<string, string>; _?: string } | string;

interface ParserItem {
  guid?: string;
  id?: string;
  link?: string;
  title?: string;
  creator?: string;
  author?: string;
  pubDate?: string;
  date?: string;
  content?: string;
  contentSnippet?: string;
  'content:encoded'?: string;
  'content:encodedSnippet'?: string;
  summary?: string;
  categories?: XmlNode[];
  language?: string;
  'rdf:about'?: string;
  rawPublished?: string;
  rawUpdated?: string;
  atomCategories?: XmlNode[];
  xmlAttributes?: Record<string, string>;
}

interface ParserFeed {
  title?: string;
  link?: string;
  language?: string;
  xmlAttributes?: Record<string, string>;
  items: ParserItem[];
}

/**
 * rss-parser converts Atom's <published>/<updated> with `new Date(...).toISOString()`, which throws on a
 * bad date and loses the whole feed. Renaming those elements as they are read hands the raw text to Vigie's
 * own date handling instead.
 */
const renameAtomDates = (name: string) => (name === 'published' ? 'vigie:published' : name === 'updated' ? 'vigie:updated' : name);

/**
 * rss-parser reads every Atom <link> as having attributes: one written `<link>https://…</link>` or `<link/>`
 * throws and loses the whole feed. Such a link is given its text as href instead.
 */
const giveAtomLinksAttributes = (xpath: string, _previous: unknown, value: unknown) =>
  (xpath === '/feed/link' || xpath === '/feed/entry/link') && typeof value === 'string' ? { $: { href: value.trim() } } : value;

const CUSTOM_FIELDS = {
  feed: [['$', 'xmlAttributes', { keepArray: true }]] as unknown as (keyof ParserFeed)[],
  item: [
    ['vigie:published', 'rawPublished'],
    ['vigie:updated', 'rawUpdated'],
    ['category', 'atomCategories', { keepArray: true }],
    ['$', 'xmlAttributes', { keepArray: true }],
  ] as unknown as (keyof ParserItem)[],
};

/** RSS 0.9x, 2.0 and 1.0 (RDF). */
const rssParser = new Parser<ParserFeed, ParserItem>({
  // An <rss> root without a version attribute (seen in the wild) is otherwise refused as "not recognized".
  defaultRSS: 2,
  customFields: CUSTOM_FIELDS,
});

/** Atom only: the link repair computes a path for every element, a cost RSS feeds need not pay. */
const atomParser = new Parser<ParserFeed, ParserItem>({
  xml2js: { tagNameProcessors: [renameAtomDates], validator: giveAtomLinksAttributes },
  customFields: CUSTOM_FIELDS,
});

/** The first element of the document, skipping the prolog: says which format the text claims to be. */
function rootElement(text: string): string | undefined {
  const withoutProlog = text.replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>))*\s*/i, '');
  return withoutProlog.match(/^<([\w:.-]+)/)?.[1]?.toLowerCase();
}

export function detectFormat(text: string): FeedFormat {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'jsonfeed';
  // An internal DTD subset can declare entities that expand to gigabytes: no feed needs one.
  if (/<!DOCTYPE[^>]*\[[^\]]*<!ENTITY/i.test(start.slice(0, 65536))) {
    throw new FeedError('malformed', 'the document declares XML entities (refused: entity expansion)', 'entities');
  }
  const root = rootElement(start);
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf' || root === 'rdf') return 'rdf';
  if (root === 'html' || /^<(head|body|div|p|h1|title|meta)\b/i.test(start) || /^<!doctype html/i.test(start)) {
    throw new FeedError('not-a-feed', 'the response is an HTML page', 'html-page');
  }
  throw new FeedError('not-a-feed', root ? `unknown root element <${root}>` : 'neither XML nor JSON');
}

export async function parseFeedText(text: string): Promise<RawFeed> {
  const format = detectFormat(text);
  return format === 'jsonfeed' ? parseJsonFeed(text) : parseXmlFeed(text.trimStart(), format);
}


async function parseXmlFeed(text: string, format: Exclude<FeedFormat, 'jsonfeed'>): Promise<RawFeed> {
  let feed: ParserFeed;
  try {
    feed = (await (format === 'atom' ? atomParser : rssParser).parseString(text)) as ParserFeed;
  } catch (error) {
    if (error instanceof TypeError) {
      // rss-parser walks the tree without checks: a missing <channel> shows up as a TypeError.
      throw new FeedError('malformed', `incomplete ${format.toUpperCase()} structure`);
    }
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new FeedError(/not recognized/i.test(message) ? 'not-a-feed' : 'malformed', message);
  }
  return {
    format,
    title: textOf(feed.title),
    siteUrl: typeof feed.link === 'string' ? feed.link : undefined,
    language: textOf(feed.language) ?? feed.xmlAttributes?.['xml:lang'],
    base: feed.xmlAttributes?.['xml:base'],
    entries: (feed.items ?? []).map((item) => entryFromParser(item, format)),
  };
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined;
  if (node && typeof node === 'object' && '_' in node && typeof node._ === 'string') return node._.trim() || undefined;
  return undefined;
}

function categoriesOf(item: ParserItem, format: FeedFormat): string[] {
  const nodes = format === 'atom' ? item.atomCategories : item.categories;
  const names = (nodes ?? []).map((node) =>
    typeof node === 'string' ? node : (node._ ?? node.$?.term ?? node.$?.label),
  );
  return [...new Set(names.map((name) => name?.trim()).filter((name): name is string => !!name))];
}

function entryFromParser(item: ParserItem, format: FeedFormat): RawEntry {
  const encoded = item['content:encoded'];
  const isAtom = format === 'atom';
  const contentHtml = isAtom ? (item.content ?? item.summary) : (encoded ?? item.content);
  const summaryHtml = isAtom ? item.summary : encoded ? item.content : undefined;
  return {
    guid: textOf(item.guid) ?? textOf(item.id) ?? item['rdf:about'],
    // RSS's guid is a permalink unless it says otherwise: an item without <link> is still reachable through it.
    link: textOf(item.link) ?? (format === 'rss' && /^https?:\/\//i.test(textOf(item.guid) ?? '') ? textOf(item.guid) : undefined),
    title: textOf(item.title),
    author: textOf(item.creator) ?? textOf(item.author),
    dates: isAtom ? [item.rawPublished, item.rawUpdated] : [item.pubDate, item.date, item.rawUpdated],
    contentHtml: typeof contentHtml === 'string' ? contentHtml : undefined,
    summaryHtml: typeof summaryHtml === 'string' ? summaryHtml : undefined,
    snippet: encoded ? item['content:encodedSnippet'] : item.contentSnippet,
    categories: categoriesOf(item, format),
    language: textOf(item.language) ?? item.xmlAttributes?.['xml:lang'],
    base: item.xmlAttributes?.['xml:base'],
  };
}

function parseJsonFeed(text: string): RawFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedError('malformed', `invalid JSON: ${(error as Error).message}`);
  }
  const checked = JsonFeedSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') || 'document';
    const isFeed = typeof data === 'object' && data !== null && 'version' in data;
    throw new FeedError(isFeed ? 'malformed' : 'not-a-feed', `JSON Feed: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const feed = checked.data;
  const entries: RawEntry[] = [];
  for (const candidate of feed.items) {
    const parsed = JsonFeedItemSchema.safeParse(candidate);
    if (!parsed.success) continue;
    const item = parsed.data;
    const authors = item.authors ?? (item.author ? [item.author] : []);
    entries.push({
      guid: String(item.id),
      link: item.url ?? item.external_url ?? undefined,
      title: item.title ?? undefined,
      author: authors.map((author) => author.name).filter(Boolean).join(', ') || undefined,
      dates: [item.date_published ?? undefined, item.date_modified ?? undefined],
      contentHtml: item.content_html ?? (item.content_text ? escapeText(item.content_text) : undefined),
      summaryHtml: item.summary ?? undefined,
      categories: item.tags ?? [],
      language: item.language ?? undefined,
    });
  }
  return {
    format: 'jsonfeed',
    title: feed.title,
    siteUrl: feed.home_page_url ?? undefined,
    language: feed.language ?? undefined,
    entries,
  };
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}
