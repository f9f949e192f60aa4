/** Feed auto-discovery: the feeds a web page announces in its `<link rel="alternate">` elements. */
import { Parser } from 'htmlparser2';
import { canonicalLink } from '../feeds/links';

export type DiscoveredFormat = 'rss' | 'atom' | 'rdf' | 'jsonfeed';

export interface DiscoveredFeed {
  url: string;
  title: string;
  format?: DiscoveredFormat;
}

/**
 * The media types that announce a feed. `application/json` is what JSON Feed 1.0 used before
 * `application/feed+json`; WordPress also uses it for its REST API on every page (see `isWordPressApi`).
 */
const FEED_TYPES: Record<string, DiscoveredFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'jsonfeed',
  'application/json': 'jsonfeed',
};

/** WordPress announces `/wp-json/…` (or `?rest_route=`) as an alternate of every page: data, not a feed. */
function isWordPressApi(url: string): boolean {
  const { pathname, searchParams } = new URL(url);
  return pathname.includes('/wp-json/') || searchParams.has('rest_route');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The feeds listed by an HTML page, in document order, resolved against the page's URL (or its `<base>`),
 * http(s) only, each once. A link without a title gets the page's title, else its own address. Pure: no
 * DOM, so that the background's service worker can run it.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  let base = pageUrl;
  let pageTitle = '';
  // Only the document's first <title>: an SVG in the body may carry its own.
  let titleState: 'before' | 'inside' | 'done' = 'before';
  const found: { href: string; base: string; title: string; format: DiscoveredFormat }[] = [];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes.href) base = canonicalLink(attributes.href, pageUrl) ?? base;
        else if (name === 'title' && titleState === 'before') titleState = 'inside';
        else if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          const type = (attributes.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
          const format = FEED_TYPES[type];
          if (rel.includes('alternate') && format && attributes.href) {
            found.push({ href: attributes.href, base, title: squash(attributes.title ?? ''), format });
          }
        }
      },
      ontext(text) {
        if (titleState === 'inside') pageTitle += text;
      },
      onclosetag(name) {
        if (name === 'title' && titleState === 'inside') titleState = 'done';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const feeds = new Map<string, DiscoveredFeed>();
  for (const link of found) {
    const url = canonicalLink(link.href, link.base);
    if (!url || feeds.has(url) || (link.format === 'jsonfeed' && isWordPressApi(url))) continue;
    feeds.set(url, { url, title: link.title || squash(pageTitle) || url, format: link.format });
  }
  return [...feeds.values()];
}
