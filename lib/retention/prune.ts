import { ItemSchema, type Item } from '../model/item';
import { compileRules, matchingRules, subjectOf } from '../rules/match';
import { guardQuota } from '../store/errors';
import { META } from '../store/meta-keys';
import { noteSearchChange } from '../store/search-changes';
import type { VigieStore } from '../store/store';
import { UnreadChange } from '../store/unread-counts';
import { keepReason, retentionCutoff, type KeepContext } from './keep';

/**
 * Removes the items older than the member's retention that nobody worked on (see keep.ts), with their
 * alerts, a few at a time: each batch is its own short transaction, so the store is never held long while
 * pages read and refreshes write. Idempotent: a second run finds nothing more. The report (when, how many)
 * is kept in meta for Paramètres. Items are the only records pruned: alerts go with their item, page
 * versions keep their own limit per monitor, and the search index and the timeline are rebuilt from the
 * items (pages drop the ids they are told went).
 */
export const PRUNE_BATCH = 200;

export interface PruneReport {
  at: string;
  items: number;
  alerts: number;
  /** The items removed, for open pages to drop. */
  ids: string[];
}

/** What stays whatever its age, read once before the batches. */
async function keepContext(store: VigieStore, cutoff: string): Promise<KeepContext> {
  const [rules, sources, tags, shares, outbox] = await Promise.all([store.rules.list(), store.listSources(), store.listTags(), store.shares.list(Number.MAX_SAFE_INTEGER), store.shares.outbox()]);
  const sharedUrls = new Set<string>();
  for (const share of shares) if (share.url) sharedUrls.add(share.url);
  for (const entry of outbox) {
    const url = entry.kind === 'share' ? (entry.body as { url?: unknown } | undefined)?.url : undefined;
    if (typeof url === 'string') sharedUrls.add(url);
  }
  const compiled = compileRules(rules);
  const byId = new Map(sources.map((source) => [source.id, source]));
  const labels = new Map(tags.map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const ruleTags = (item: Item) =>
    new Set(matchingRules(compiled, subjectOf(item, byId.get(item.sourceId), (id) => labels.get(id) ?? [])).flatMap((rule) => rule.actions.addTags));
  return { cutoff, sharedUrls, ruleTags };
}

export interface PruneOptions {
  now?: Date;
  /** Items looked at per transaction. */
  batch?: number;
  /** After each batch's transaction has committed, with the ids it removed. */
  afterBatch?: (removed: readonly string[]) => Promise<void> | void;
}

/**
 * One pruning run for a retention of `months` (`null`: « toujours », nothing is removed and nothing
 * recorded). Returns the report, also stored as META.lastPrune.
 */
export async function pruneOldItems(store: VigieStore, months: number | null, options: PruneOptions = {}): Promise<PruneReport | undefined> {
  const { now = new Date(), batch = PRUNE_BATCH } = options;
  const cutoff = retentionCutoff(months, now);
  if (cutoff === undefined) return undefined;
  const context = await keepContext(store, cutoff);
  // Candidates by when Vigie first saw them (an existing index: no migration); keys only, so 50,000 items cost little.
  const candidates = await store.db.getAllKeysFromIndex('items', 'byFetched', IDBKeyRange.upperBound(cutoff, true));
  const report: PruneReport = { at: now.toISOString(), items: 0, alerts: 0, ids: [] };
  for (let start = 0; start < candidates.length; start += batch) {
    const keys = candidates.slice(start, start + batch);
    await guardQuota(async () => {
      const tx = store.db.transaction(['items', 'alerts', 'searchChanges', 'counts'], 'readwrite');
      const items = tx.objectStore('items');
      const alerts = tx.objectStore('alerts');
      const gone: string[] = [];
      const unread = new UnreadChange();
      let alertsGone = 0;
      // Each item is read again here: starred or noted since the candidates were listed, it stays.
      for (const key of keys) {
        const record = await items.get(key);
        if (!record) continue;
        const checked = ItemSchema.safeParse(record);
        // A record the model no longer reads is left for a person to see, never removed unread.
        if (!checked.success) continue;
        const itemAlerts = await alerts.index('byItem').getAll(key);
        if (keepReason(checked.data, itemAlerts, context)) continue;
        await items.delete(key);
        unread.replaced(record, undefined);
        for (const alert of itemAlerts) await alerts.delete(alert.id);
        gone.push(key);
        alertsGone += itemAlerts.length;
      }
      await noteSearchChange(tx.objectStore('searchChanges'), gone);
      await unread.apply(tx.objectStore('counts'));
      await tx.done;
      report.ids.push(...gone);
      report.items += gone.length;
      report.alerts += alertsGone;
      await options.afterBatch?.(gone);
    });
  }
  await store.setMeta(META.lastPrune, { at: report.at, items: report.items, alerts: report.alerts });
  return report;
}
