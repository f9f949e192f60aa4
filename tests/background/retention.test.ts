import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { REQUESTS } from '../../lib/messages/protocol';
import type { Item } from '../../lib/model/item';
import { Poller } from '../../lib/refresh/poller';
import { loadSettings } from '../../lib/settings/settings';
import { META } from '../../lib/store/meta-keys';
import type { VigieStore } from '../../lib/store/store';
import { makeItem } from '../rules/helpers';
import { openTestStore, testSettings } from '../store/fixtures';

const stores: VigieStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const OLD = '2020-01-01T08:00:00.000Z';
const old = (id: string, fields: Partial<Item> = {}): Item => makeItem({ id, sourceId: 'blog', published: OLD, fetched: OLD, read: true, ...fields });

async function harness(estimate?: { usage?: number; quota?: number }) {
  const store = await openTestStore();
  stores.push(store);
  const changed: (string[] | undefined)[] = [];
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const handlers = createHandlers({
    store,
    poller,
    settingsChanged: async () => undefined,
    tagsChanged: () => undefined,
    alertsChanged: async () => undefined,
    rulesChanged: () => undefined,
    sourcesChanged: () => undefined,
    itemsChanged: async (ids) => void changed.push(ids),
    ...(estimate ? { estimateStorage: async () => estimate } : {}),
  });
  return { store, handlers, changed };
}

describe('retention and storage, as the background answers them', () => {
  it('reads settings stored before the retention existed with 12 months', async () => {
    const { store } = await harness();
    await store.setMeta(META.settings, { language: 'fr', notifications: false });
    expect(await loadSettings(store)).toMatchObject({ language: 'fr', notifications: false, retentionMonths: 12 });
  });

  it('says the space used, the records per kind and the last pruning', async () => {
    const { store, handlers } = await harness({ usage: 1_500_000, quota: 60_000_000 });
    await store.putItems([old('a'), old('clip', { sourceId: 'clips', clip: { clippedAt: OLD } })]);
    const before = REQUESTS.storageUsage.result.parse(await handlers.storageUsage({}));
    expect(before).toEqual({
      usage: 1_500_000,
      quota: 60_000_000,
      counts: { items: 2, clips: 1, alerts: 0, sources: 0, tags: 0, rules: 0, versions: 0, shares: 0, outbox: 0 },
    });
    const pruned = REQUESTS.pruneNow.result.parse(await handlers.pruneNow({}));
    expect(pruned.lastPrune).toMatchObject({ items: 1, alerts: 0 });
    const after = REQUESTS.storageUsage.result.parse(await handlers.storageUsage({}));
    expect(after.counts.items).toBe(1);
    expect(after.lastPrune).toEqual(pruned.lastPrune);
  });

  it('answers without the estimate where the browser gives none', async () => {
    const { handlers } = await harness();
    const usage = REQUESTS.storageUsage.result.parse(await handlers.storageUsage({}));
    expect(usage).not.toHaveProperty('usage');
    expect(usage).not.toHaveProperty('lastPrune');
  });

  it('prunes when the member shortens the retention, tells open pages which items went, and not for « toujours »', async () => {
    const { store, handlers, changed } = await harness();
    await store.putItems([old('a'), old('b', { starred: true })]);
    await handlers.updateSettings({ retentionMonths: null });
    await handlers.pruneNow({});
    expect(await store.countItems()).toBe(2);
    await handlers.updateSettings({ retentionMonths: 3 });
    // The change started a run; the request shares it, then reads its report.
    const { lastPrune } = REQUESTS.pruneNow.result.parse(await handlers.pruneNow({}));
    expect(lastPrune?.items).toBe(1);
    expect(await store.countItems()).toBe(1);
    expect(changed).toContainEqual(['a']);
  });
});
