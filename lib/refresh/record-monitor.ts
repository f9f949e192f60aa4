import type { Change } from '../model/change';
import type { ItemDraft } from '../model/item';
import type { MonitorPage, Source, SourceHealth } from '../model/source';
import { checkPage } from '../monitors/check';
import { readCombined } from '../monitors/combined';
import { nextVersion, textHash } from '../monitors/versions';
import type { Triage, VigieStore } from '../store/store';

/** The defaults of a page monitor without its own settings: all of its text, twenty versions kept. */
const DEFAULT_MONITOR = { select: [], remove: [], retention: 20 };

export interface FetchedPage {
  bytes: Uint8Array;
  url: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** The first words a change added: the item's summary, so search and rules find what is new. */
function addedText(change: Change, limit = 600): string {
  return change.documents
    .flatMap((document) => document.parts.filter((part) => part.op === 'insert').map((part) => part.text))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, limit);
}

/**
 * One check of a page monitor: its text is extracted (the parts its selectors keep); when it differs from the
 * last version recorded, the new version is kept and, unless it is the very first (the baseline), an item
 * announces the change with its diff, so rules, tags, alerts, search and the timeline apply to it.
 *
 * A page that cannot be read as text (binary, a login page, its watched part gone, empty) throws before
 * anything is written: earlier versions stay as they were, and the source's health says why. The item is
 * stored before the version, so that a failure in between finds the same change again next time (same id).
 */
export async function recordMonitorPage(
  source: Source,
  page: FetchedPage,
  deps: { store: VigieStore; triage?: Triage },
  fetchedAt: string,
  health: SourceHealth,
): Promise<string[]> {
  const config = source.monitor ?? DEFAULT_MONITOR;
  const { text, title } = checkPage({ bytes: page.bytes, contentType: page.contentType, url: page.url }, config);
  return recordText(source, { text, title }, { ...health, etag: page.etag, lastModified: page.lastModified }, deps, fetchedAt);
}

/** A document made of several pages (OTA's `combine`): read as one (see readCombined), then recorded. */
export async function recordCombinedMonitor(
  source: Source,
  pages: readonly MonitorPage[],
  fetchPage: (url: string) => Promise<FetchedPage>,
  deps: { store: VigieStore; triage?: Triage },
  fetchedAt: string,
  health: SourceHealth,
): Promise<string[]> {
  const read = await readCombined(pages, async (page) => ({ ...(await fetchPage(page.url)), requestedUrl: page.url }));
  // Conditional requests mean nothing for a set of pages: their validators are not kept.
  return recordText(source, read, { ...health, etag: undefined, lastModified: undefined }, deps, fetchedAt);
}

async function recordText(
  source: Source,
  { text, title }: { text: string; title: string },
  health: SourceHealth,
  deps: { store: VigieStore; triage?: Triage },
  fetchedAt: string,
): Promise<string[]> {
  const config = source.monitor ?? DEFAULT_MONITOR;
  const previous = await deps.store.versions.latest(source.id);
  const name = source.title || title || source.url;
  const next = nextVersion(previous, text, name);
  const sourceUpdate = { id: source.id, health };
  if (!next.changed) {
    await deps.store.saveFetch({ source: sourceUpdate, fetchedAt });
    return [];
  }
  const hash = textHash(text);
  const items: ItemDraft[] = next.change
    ? [{ id: `${source.id}|${hash}`, url: source.url, title: name, published: fetchedAt, summary: addedText(next.change), categories: [], change: next.change }]
    : [];
  const added = await deps.store.saveFetch({ source: sourceUpdate, items, fetchedAt, triage: deps.triage });
  await deps.store.versions.put({ id: `${source.id}|${fetchedAt}`, sourceId: source.id, fetched: fetchedAt, text, hash }, config.retention);
  return added;
}
