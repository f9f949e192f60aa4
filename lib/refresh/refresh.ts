import { fetchFeed, fetchLimits } from '../feeds/fetch';
import { originPattern } from '../feeds/links';
import { readFeed } from '../feeds/pipeline';
import { FeedError, type FeedErrorInfo } from '../model/feed-error';
import type { Settings } from '../model/settings';
import type { Source, SourceKind } from '../model/source';
import type { Triage, VigieStore } from '../store/store';
import { runPool } from './pool';
import { recordCombinedMonitor, recordMonitorPage } from './record-monitor';
import { withTermsDiffs } from './terms-diffs';

/**
 * One refresh: fetch each given source through the pipeline and record the outcome, with bounded
 * concurrency. Whatever one source does (time out, answer HTML, blow the size cap, fill the disk), the
 * others go on, and its stored items stay as they were.
 */
export interface RefreshDeps {
  store: VigieStore;
  settings: Settings;
  fetchImpl?: typeof fetch;
  /** Whether Vigie may read this origin (the browser's host permissions); everything when absent. */
  canRead?: (originPattern: string) => Promise<boolean>;
  now?: () => Date;
  /** The alert rules, applied to each new item as it is stored. */
  triage?: Triage;
}

export interface SourceOutcome {
  sourceId: string;
  status: 'updated' | 'not-modified' | 'failed';
  added: string[];
  error?: FeedErrorInfo;
}

export interface RefreshSummary {
  outcomes: SourceOutcome[];
  added: string[];
  failed: number;
}

export async function refreshSources(sources: readonly Source[], deps: RefreshDeps): Promise<RefreshSummary> {
  const settled = await runPool(sources, deps.settings.concurrency, (source) => refreshOne(source, deps));
  const outcomes = settled.map((result, index): SourceOutcome => {
    if (result.status === 'fulfilled') return result.value;
    // Only a store failure reaches here (refreshOne records feed errors itself, if the store lets it).
    return { sourceId: sources[index]?.id ?? '', status: 'failed', added: [], error: toInfo(result.reason) };
  });
  return {
    outcomes,
    added: outcomes.flatMap((outcome) => outcome.added),
    failed: outcomes.filter((outcome) => outcome.status === 'failed').length,
  };
}

export async function refreshOne(source: Source, deps: RefreshDeps): Promise<SourceOutcome> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const health = { ...source.health, lastFetch: now() };
  try {
    if (deps.canRead && !(await deps.canRead(originPattern(source.url)))) {
      throw new FeedError('permission', new URL(source.url).origin);
    }
    const pages = source.kind === 'page' ? source.monitor?.pages : undefined;
    if (pages && pages.length > 1) {
      const success = { ...health, lastSuccess: now(), consecutiveFailures: 0, lastError: undefined };
      // Each page is read as a source's own address is: with the member's permission, within their limits.
      const fetchPage = async (url: string) => {
        if (deps.canRead && !(await deps.canRead(originPattern(url)))) throw new FeedError('permission', new URL(url).origin);
        const answer = await fetchFeed(url, fetchLimits(deps.settings, deps.fetchImpl));
        // No validators were sent, so a 304 would be a server's mistake.
        if (answer.status !== 'ok') throw new FeedError('http', '304');
        return answer;
      };
      const added = await saving(() => recordCombinedMonitor(source, pages, fetchPage, deps, now(), success));
      return { sourceId: source.id, status: 'updated', added };
    }
    const response = await fetchFeed(source.url, { ...fetchLimits(deps.settings, deps.fetchImpl), etag: source.health.etag, lastModified: source.health.lastModified });
    const success = { ...health, lastSuccess: now(), consecutiveFailures: 0, lastError: undefined };
    if (response.status === 'not-modified') {
      await saving(() => deps.store.saveFetch({ source: { id: source.id, health: success }, fetchedAt: now() }));
      return { sourceId: source.id, status: 'not-modified', added: [] };
    }
    // A page monitor: its text is compared with the last version, not read as a feed.
    if (source.kind === 'page') {
      const added = await saving(() => recordMonitorPage(source, response, deps, now(), success));
      return { sourceId: source.id, status: 'updated', added };
    }
    const feed = await readFeed(response.bytes, { url: response.url, contentType: response.contentType, namespace: source.id });
    // Open Terms Archive commits: the readable diff of each new one, before the rules see it.
    const items = await withTermsDiffs(feed.items, deps, now());
    const added = await saving(() => deps.store.saveFetch({
      source: {
        id: source.id,
        kind: feed.format satisfies SourceKind,
        // A source named after its URL (added by address) takes the feed's own title once known.
        ...(source.title === source.url || !source.title ? { title: feed.title } : {}),
        ...(feed.siteUrl && !source.siteUrl ? { siteUrl: feed.siteUrl } : {}),
        ...(feed.language && !source.language ? { language: feed.language } : {}),
        health: { ...success, etag: response.etag, lastModified: response.lastModified },
      },
      items,
      fetchedAt: now(),
      triage: deps.triage,
    }));
    return { sourceId: source.id, status: 'updated', added };
  } catch (error) {
    const info = toInfo(error);
    const failed = { ...health, consecutiveFailures: source.health.consecutiveFailures + 1, lastError: info };
    await deps.store.saveFetch({ source: { id: source.id, health: failed }, fetchedAt: now() });
    return { sourceId: source.id, status: 'failed', added: [], error: info };
  }
}

/** A store failure is said as one, not mistaken for a bad feed. */
async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError('storage', error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

function toInfo(error: unknown): FeedErrorInfo {
  if (error instanceof FeedError) return error.toInfo();
  return { code: 'malformed', detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
}
