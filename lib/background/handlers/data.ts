import { backupSummary, makeBackup, parseBackup, restoreBackup } from '../../data/backup';
import type { DATA_REQUESTS } from '../../messages/requests/data';
import type { HandlersOf } from '../../messages/router';
import { seedDefaultRules } from '../../packs/seed-rules';
import { seedCuratedPack } from '../../packs/seed-sources';
import { deleteSavedSearch } from '../../reader/search-snapshot';
import { loadSettings } from '../../settings/settings';
import { META } from '../../store/meta-keys';
import type { HandlerDeps } from './deps';

export function dataHandlers(deps: HandlerDeps): HandlersOf<typeof DATA_REQUESTS> {
  const { store } = deps;

  /** Everything changed: open pages reload their lists, and drop or re-index every item that was or is there. */
  async function everythingChanged(itemIds: string[]) {
    const settings = await loadSettings(store);
    await deps.settingsChanged(settings);
    deps.sourcesChanged();
    deps.tagsChanged();
    await deps.itemsChanged(itemIds);
    return settings;
  }

  return {
    async exportData() {
      return { text: JSON.stringify(await makeBackup(store)) };
    },
    async checkBackup({ text }) {
      return backupSummary(parseBackup(text));
    },
    async importData({ text }) {
      const backup = parseBackup(text);
      const before = await restoreBackup(store, backup);
      const settings = await everythingChanged([...new Set([...before, ...backup.items.map((item) => item.id)])]);
      return { imported: backupSummary(backup), settings };
    },
    async storageUsage() {
      const [estimate, counts, lastPrune] = await Promise.all([
        deps.estimateStorage?.().catch(() => undefined),
        store.reader.countRecords(),
        store.getMeta(META.lastPrune),
      ]);
      return {
        ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}),
        ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}),
        counts,
        ...(lastPrune ? { lastPrune } : {}),
      };
    },
    async pruneNow() {
      await deps.prune?.();
      const lastPrune = await store.getMeta(META.lastPrune);
      return lastPrune ? { lastPrune } : {};
    },
    async eraseAll() {
      const before = await store.eraseAll();
      // The saved search index holds words of the erased items' texts and notes: it goes too.
      await deleteSavedSearch(store.db.name);
      // As on first install: the taxonomy, the curated pack and the default rules come back (the erased store
      // forgot which curated sources and default rules had been deleted).
      if (deps.sourcePack) await seedCuratedPack(store, deps.sourcePack);
      if (deps.rulePack) await seedDefaultRules(store, deps.rulePack);
      const settings = await everythingChanged(before);
      deps.rulesChanged();
      return { sources: (await store.listSources()).length, tags: (await store.listTags()).length, settings };
    },
  };
}
