import { decodeFeedBytes } from '../feeds/decode';
import { fetchFeed, fetchLimits } from '../feeds/fetch';
import { canonicalLink, originPattern } from '../feeds/links';
import { readFeedText } from '../feeds/pipeline';
import { FeedError } from '../model/feed-error';
import type { Settings } from '../model/settings';
import { discoverFeeds, type DiscoveredFeed } from './discover';

export interface FindFeedsDeps {
  settings: Settings;
  fetchImpl?: typeof fetch;
  canRead?: (originPattern: string) => Promise<boolean>;
}

/**
 * What the user may follow at an address, read once with the same timeout and size cap as a refresh: the
 * address itself when it is a feed, else the feeds its page announces (possibly none: the page says so).
 * A broken feed, a dead server or a refused origin is an error, said in words like a source's health.
 */
export async function findFeeds(input: string, deps: FindFeedsDeps): Promise<DiscoveredFeed[]> {
  const url = canonicalLink(input);
  if (!url) throw new FeedError('not-a-feed', input);
  if (deps.canRead && !(await deps.canRead(originPattern(url)))) throw new FeedError('permission', new URL(url).origin);

  const response = await fetchFeed(url, fetchLimits(deps.settings, deps.fetchImpl));
  // No validators were sent, so a 304 would be a server's mistake.
  if (response.status !== 'ok') throw new FeedError('http', '304');
  const text = decodeFeedBytes(response.bytes, response.contentType);
  try {
    const feed = await readFeedText(text, { url: response.url });
    // The address as typed, not where it redirected: that is what addSource will follow and dedupe on.
    return [{ url, title: feed.title, format: feed.format }];
  } catch (error) {
    if (!(error instanceof FeedError) || error.code !== 'not-a-feed') throw error;
    const isPage = error.reason === 'html-page' || /html/i.test(response.contentType ?? '');
    const announced = discoverFeeds(text, response.url);
    // Neither a feed nor a page (a PDF, plain text): the pipeline's own reason says more than "no feed here".
    if (!isPage && announced.length === 0) throw error;
    return announced;
  }
}
