import type { SOURCE_REQUESTS } from '../../messages/requests/sources';
import type { HandlersOf } from '../../messages/router';
import type { Source } from '../../model/source';
import { exportOpml, parseOpml } from '../../packs/opml';
import { rememberRemoved } from '../../packs/seed';
import { loadSettings } from '../../settings/settings';
import { addMonitor } from '../../sources/add-monitor';
import { addSource } from '../../sources/add-source';
import { findFeeds } from '../../sources/find-feeds';
import { importSources } from '../../sources/import-sources';
import { META } from '../../store/meta-keys';
import type { HandlerDeps } from './deps';

export function sourceHandlers(deps: HandlerDeps): HandlersOf<typeof SOURCE_REQUESTS> {
  const { store } = deps;
  return {
    async listSources() {
      return store.listSources();
    },
    async discoverFeeds({ url }) {
      const found = await findFeeds(url, { settings: await loadSettings(store), canRead: deps.canRead, fetchImpl: deps.fetchImpl });
      const feeds = await Promise.all(found.map(async (feed) => ((await store.findSourceByUrl(feed.url)) ? { ...feed, followed: true } : feed)));
      return { feeds };
    },
    async addMonitor(params) {
      const source = await addMonitor(params, { store, settings: await loadSettings(store), canRead: deps.canRead, fetchImpl: deps.fetchImpl });
      deps.sourcesChanged();
      return source;
    },
    async addSource(params) {
      const settings = await loadSettings(store);
      const { source, raised } = await addSource(params, { store, settings, canRead: deps.canRead, fetchImpl: deps.fetchImpl });
      deps.sourcesChanged();
      await deps.itemsChanged();
      await deps.alertsRaised?.(raised);
      return source;
    },
    async updateSource({ id, patch }) {
      const source = await store.getSource(id);
      if (!source) throw new Error(`unknown source ${id}`);
      const { title, category, language, ...rest } = patch;
      const updated: Source = { ...source, ...rest };
      if (title?.trim()) updated.title = title.trim();
      // An emptied category or language is removed: over messages, "absent" travels as an empty string.
      for (const [key, value] of [['category', category], ['language', language]] as const) {
        if (value === undefined) continue;
        if (value.trim()) updated[key] = value.trim();
        else delete updated[key];
      }
      await store.putSources([updated]);
      deps.sourcesChanged();
      return updated;
    },
    async removeSource({ id, keepItems }) {
      const source = await store.getSource(id);
      await store.deleteSource(id, keepItems);
      if (source?.origin === 'curated') {
        await rememberRemoved(store, META.removedCurated, id);
      }
      deps.sourcesChanged();
      await deps.itemsChanged();
      return {};
    },
    async pausePack({ paused }) {
      const pack = (await store.listSources()).filter((source) => source.origin !== 'user');
      let changed: Source[];
      if (paused) {
        changed = pack.filter((source) => source.enabled);
        await store.setMeta(META.packPaused, changed.map((source) => source.id));
      } else {
        // A pause from before this was recorded (or none): every pack source is turned on again.
        const turnedOff = await store.getMeta(META.packPaused);
        const resumed = turnedOff ? new Set(turnedOff) : undefined;
        changed = pack.filter((source) => !source.enabled && (!resumed || resumed.has(source.id)));
        await store.deleteMeta(META.packPaused);
      }
      if (changed.length > 0) await store.putSources(changed.map((source) => ({ ...source, enabled: !paused })));
      deps.sourcesChanged();
      return { changed: changed.length };
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
  };
}
