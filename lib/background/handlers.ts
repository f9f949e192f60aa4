import * as z from 'zod/mini';
import { SEEN_UNTIL_KEY } from '../badge/badge';
import { IsoDateSchema } from '../model/source';
import type { Handlers } from '../messages/router';
import type { Summary } from '../messages/protocol';
import type { Poller } from '../refresh/poller';
import { loadSettings, updateSettings } from '../settings/settings';
import { addSource } from '../sources/add-source';
import { exportOpml, parseOpml } from '../sources/opml';
import { importSources } from '../sources/import-sources';
import { REMOVED_CURATED_KEY } from '../sources/seed';
import type { VigieStore } from '../store/store';

/**
 * What the background answers to each request of the protocol. Browser APIs come in through `deps`, so
 * these run in Node tests against fake-indexeddb.
 */
export interface HandlerDeps {
  store: VigieStore;
  poller: Poller;
  /** Recomputes the badge and tells open pages that the new count changed. */
  itemsChanged: () => Promise<void>;
  sourcesChanged: () => void;
  canRead?: (originPattern: string) => Promise<boolean>;
  fetchImpl?: typeof fetch;
}

const LATEST = 10;

export async function newSince(store: VigieStore): Promise<number> {
  const since = (await store.getMeta(SEEN_UNTIL_KEY, IsoDateSchema)) ?? new Date(0).toISOString();
  return store.countNewUnread(since);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { store } = deps;
  return {
    async summary() {
      const [items, sources, newCount] = await Promise.all([store.latestItems(LATEST), store.listSources(), newSince(store)]);
      const titles = new Map(sources.map((source) => [source.id, source.title]));
      const summary: Summary = {
        newCount,
        refreshing: deps.poller.isRunning,
        ...(deps.poller.storageProblem ? { storageProblem: deps.poller.storageProblem } : {}),
        latest: items.map((item) => ({
          id: item.id,
          title: item.title,
          ...(item.url ? { url: item.url } : {}),
          sourceTitle: titles.get(item.sourceId) ?? '',
          date: item.published ?? item.fetched,
          read: item.read,
        })),
        sources: sources
          .sort((a, b) => a.title.localeCompare(b.title, 'fr'))
          .map(({ id, title, url, enabled, health }) => ({
            id,
            title,
            url,
            enabled,
            consecutiveFailures: health.consecutiveFailures,
            ...(health.lastSuccess ? { lastSuccess: health.lastSuccess } : {}),
            ...(health.lastFetch ? { lastFetch: health.lastFetch } : {}),
            ...(health.lastError ? { lastError: health.lastError } : {}),
          })),
      };
      return summary;
    },
    async refresh() {
      const summary = await deps.poller.poll(true);
      return { added: summary.added.length, failed: summary.failed };
    },
    async markSeen() {
      await store.setMeta(SEEN_UNTIL_KEY, new Date().toISOString());
      await deps.itemsChanged();
      return {};
    },
    async setRead({ ids, read }) {
      await store.setRead(ids, read);
      await deps.itemsChanged();
      return {};
    },
    async getItem({ id }) {
      return (await store.getItem(id)) ?? null;
    },
    async listSources() {
      return store.listSources();
    },
    async addSource(params) {
      const settings = await loadSettings(store);
      const source = await addSource(params, { store, settings, canRead: deps.canRead, fetchImpl: deps.fetchImpl });
      deps.sourcesChanged();
      await deps.itemsChanged();
      return source;
    },
    async updateSource({ id, patch }) {
      const source = await store.getSource(id);
      if (!source) throw new Error(`unknown source ${id}`);
      const updated = { ...source, ...patch };
      await store.putSources([updated]);
      deps.sourcesChanged();
      return updated;
    },
    async removeSource({ id, keepItems }) {
      const source = await store.getSource(id);
      await store.deleteSource(id, keepItems);
      if (source?.origin === 'curated') {
        const removed = (await store.getMeta(REMOVED_CURATED_KEY, z.array(z.string()))) ?? [];
        await store.setMeta(REMOVED_CURATED_KEY, [...new Set([...removed, id])]);
      }
      deps.sourcesChanged();
      await deps.itemsChanged();
      return {};
    },
    async importOpml({ text }) {
      const entries = await parseOpml(text);
      const result = await importSources(store, entries, await loadSettings(store));
      deps.sourcesChanged();
      return result;
    },
    async exportOpml() {
      return { text: exportOpml(await store.listSources()) };
    },
    async getSettings() {
      return loadSettings(store);
    },
    async updateSettings(patch) {
      return updateSettings(store, patch);
    },
  };
}
