import { startRuleRun } from '../alerts/triage';
import { fetchFeed, fetchLimits } from '../feeds/fetch';
import { canonicalLink, originPattern } from '../feeds/links';
import { readFeed } from '../feeds/pipeline';
import type { Alert } from '../model/alert';
import { FeedError } from '../model/feed-error';
import type { Settings } from '../model/settings';
import { emptyHealth, type Source } from '../model/source';
import { withTermsDiffs } from '../refresh/terms-diffs';
import type { Triage, VigieStore } from '../store/store';

export interface NewSource {
  url: string;
  title?: string;
  category?: string;
  language?: string;
  intervalMinutes?: number;
}

export interface AddSourceDeps {
  store: VigieStore;
  settings: Settings;
  fetchImpl?: typeof fetch;
  canRead?: (originPattern: string) => Promise<boolean>;
}

/**
 * Adds a source the user typed: it is read once first, so that a URL that is not a feed is refused with
 * the reason instead of becoming a source that fails forever. Adding a URL already followed returns it.
 * Its first items are stored in the same step; those of the last two days raise their alerts.
 */
export async function addSource(input: NewSource, deps: AddSourceDeps): Promise<AddedSource> {
  const url = canonicalLink(input.url);
  if (!url) throw new FeedError('not-a-feed', input.url);
  const existing = await deps.store.findSourceByUrl(url);
  if (existing) return { source: existing, raised: [] };
  if (deps.canRead && !(await deps.canRead(originPattern(url)))) throw new FeedError('permission', new URL(url).origin);

  const response = await fetchFeed(url, fetchLimits(deps.settings, deps.fetchImpl));
  if (response.status !== 'ok') throw new FeedError('http', '304');
  const id = crypto.randomUUID();
  const feed = await readFeed(response.bytes, { url: response.url, contentType: response.contentType, namespace: id });
  const now = new Date().toISOString();
  const source: Source = {
    id,
    url,
    kind: feed.format,
    title: input.title?.trim() || feed.title,
    ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
    ...(input.language || feed.language ? { language: input.language || feed.language } : {}),
    ...(input.category ? { category: input.category } : {}),
    intervalMinutes: input.intervalMinutes ?? deps.settings.defaultIntervalMinutes,
    enabled: true,
    origin: 'user',
    added: now,
    health: {
      ...emptyHealth(),
      lastFetch: now,
      lastSuccess: now,
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    },
  };
  await deps.store.putSources([source]);
  // The rules tag the new source's backlog, but the alerts of its older articles are filed as read: a source
  // added today should not ring for the fifty articles it already had. What it published in the last two days
  // is news to the member, and rings as a refresh would (badge, notification).
  const rules = await startRuleRun(deps.store);
  const recentSince = new Date(Date.parse(now) - RECENT_HOURS * 3_600_000).toISOString();
  const raised: Alert[] = [];
  const triage: Triage = (item) => {
    const result = rules.triage(item);
    const recent = !!item.published && item.published >= recentSince;
    const alerts = result.alerts.map((alert) => (recent ? alert : { ...alert, read: true }));
    raised.push(...alerts.filter((alert) => !alert.read));
    return { item: result.item, alerts };
  };
  // An Open Terms Archive feed: the latest commits get their readable diff.
  const items = await withTermsDiffs(feed.items, deps, now);
  await deps.store.saveFetch({ source: { id, health: source.health }, items, fetchedAt: now, triage });
  return { source, raised };
}

/** A new source's articles of the last two days raise their alerts; older ones are its backlog. */
export const RECENT_HOURS = 48;

export interface AddedSource {
  source: Source;
  /** The unread alerts its recent articles raised (none when the source was already followed). */
  raised: Alert[];
}
