import type { Source } from '../model/source';

/**
 * When a source is next due. A failing source backs off exponentially (its interval doubled per failure in
 * a row, up to a day), so that a dead server is not hammered and costs the others nothing.
 */
const MAX_BACKOFF_MS = 24 * 3600 * 1000;

export function nextFetchTime(source: Source): number {
  const last = source.health.lastFetch ? Date.parse(source.health.lastFetch) : Number.NEGATIVE_INFINITY;
  const interval = source.intervalMinutes * 60 * 1000;
  const failures = Math.min(source.health.consecutiveFailures, 16);
  const wait = failures === 0 ? interval : Math.min(interval * 2 ** failures, Math.max(MAX_BACKOFF_MS, interval));
  return last + wait;
}

export function isDue(source: Source, now: number): boolean {
  return source.enabled && nextFetchTime(source) <= now;
}
