import { loadConnection } from '../../hub/connection';
import type { AlertRow, CORE_REQUESTS, Summary } from '../../messages/requests/core';
import type { HandlersOf } from '../../messages/router';
import type { Alert } from '../../model/alert';
import type { Item } from '../../model/item';
import type { Source } from '../../model/source';
import { languageField } from '../../reader/language';
import { loadSettings, updateSettings } from '../../settings/settings';
import { META } from '../../store/meta-keys';
import type { VigieStore } from '../../store/store';
import type { HandlerDeps } from './deps';

type SummaryItem = Summary['latest'][number];

const LATEST = 10;
const LATEST_ALERTS = 20;

export async function newSince(store: VigieStore): Promise<number> {
  const since = (await store.getMeta(META.seenUntil)) ?? new Date(0).toISOString();
  return store.countNewUnread(since);
}

/**
 * The popup's summary: new count, the latest items, each source's health, the tags. Cheap to build (index
 * counts and a ten-item cursor); the background also keeps the last one in session storage so that the
 * popup paints before the background has even woken up.
 */
/** The popup's COPIL tab: only once a hub is connected. */
async function hubSummary(store: VigieStore): Promise<Summary['hub']> {
  if (!(await loadConnection(store))) return undefined;
  const [unread, outbox, latest] = await Promise.all([store.shares.unread(), store.shares.outbox(), store.shares.list(LATEST_SHARES)]);
  return { unread: unread.count, pending: outbox.length, latest };
}

const LATEST_SHARES = 10;

export async function buildSummary(deps: Pick<HandlerDeps, 'store' | 'poller'>): Promise<Summary> {
  const { store } = deps;
  const [items, sources, newCount, tags, unread, alerts, hub] = await Promise.all([
    store.latestItems(LATEST),
    store.listSources(),
    newSince(store),
    store.listTags(),
    store.alerts.unread(),
    store.alerts.list(LATEST_ALERTS),
    hubSummary(store),
  ]);
  const titles = sourcesById(sources);
  return {
    newCount,
    refreshing: deps.poller.isRunning,
    ...(deps.poller.storageProblem ? { storageProblem: deps.poller.storageProblem } : {}),
    latest: items.map((item) => summaryItem(item, titles)),
    alerts: { unread: unread.count, ...(unread.highest ? { highest: unread.highest } : {}), latest: await alertRows(store, alerts, titles) },
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
    tags,
    ...(hub ? { hub } : {}),
  };
}

/** Sources by id, as the lists name them: a source's title, and its language for an item that says none. */
export type SourceNames = Map<string, Pick<Source, 'title' | 'language'>>;
export const sourcesById = (sources: readonly Source[]): SourceNames => new Map(sources.map((source) => [source.id, source]));

/** An item as the popup's lists show it. `titles`: the sources by id (sourcesById). */
export function summaryItem(item: Item, titles: SourceNames): SummaryItem {
  const source = titles.get(item.sourceId);
  return {
    id: item.id,
    title: item.title,
    ...(item.url ? { url: item.url } : {}),
    sourceTitle: item.clip?.siteName ?? source?.title ?? '',
    ...(item.clip ? { clip: true } : {}),
    // An item whose feed gave no readable date says « date inconnue », not the moment Vigie fetched it.
    ...(item.published ? { date: item.published } : {}),
    read: item.read,
    starred: item.starred,
    tags: item.tags,
    ...languageField(item.language, item.clip ? undefined : source?.language),
  };
}

/** Alerts with their items; an alert whose item is gone is left out. */
export async function alertRows(store: VigieStore, alerts: readonly Alert[], titles: SourceNames): Promise<AlertRow[]> {
  const [items, rules] = await Promise.all([Promise.all(alerts.map((alert) => store.getItem(alert.itemId))), store.rules.list()]);
  const proposing = new Set(rules.filter((rule) => rule.actions.proposeShare).map((rule) => rule.id));
  return alerts.flatMap((alert, index) => {
    const item = items[index];
    if (!item) return [];
    const { id, ruleId, ruleName, priority, created, read } = alert;
    return [{ id, ruleId, ruleName, priority, created, read, item: summaryItem(item, titles), ...(proposing.has(ruleId) ? { proposeShare: true } : {}) }];
  });
}

export function coreHandlers(deps: HandlerDeps): HandlersOf<typeof CORE_REQUESTS> {
  const { store } = deps;
  return {
    async summary() {
      return buildSummary(deps);
    },
    async refresh() {
      const summary = await deps.poller.poll(true);
      return { added: summary.added.length, failed: summary.failed };
    },
    async refreshIdle() {
      await deps.startupRefresh;
      await deps.poller.idle();
      return deps.poller.lastFinished ? { lastFinished: deps.poller.lastFinished } : {};
    },
    async markSeen() {
      await store.setMeta(META.seenUntil, new Date().toISOString());
      await deps.itemsChanged();
      return {};
    },
    async whatsNewSeen() {
      await store.deleteMeta(META.whatsNew);
      return {};
    },
    async getSettings() {
      return loadSettings(store);
    },
    async updateSettings(patch) {
      const before = await loadSettings(store);
      const settings = await updateSettings(store, patch);
      await deps.settingsChanged(settings);
      // A shorter retention is applied now rather than at the next daily run; the answer does not wait for it.
      if (settings.retentionMonths !== before.retentionMonths) void deps.prune?.().catch((error: unknown) => console.warn('Vigie: pruning failed', error));
      return settings;
    },
  };
}
