import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import { AlertSchema, itemsOf, type Alert } from '../model/alert';
import { highestPriority, priorityRank, type Priority } from '../model/vocabulary';
import { guardQuota } from './errors';
import type { AlertRecord, VigieSchema } from './schema';

/** Alerts kept by the store: raised by rules at ingestion (see saveFetch), read and cleared by members. */

export function toAlertRecord(alert: Alert): AlertRecord {
  const checked = AlertSchema.parse(alert);
  return checked.read ? checked : { ...checked, unreadCreated: checked.created };
}

export function fromAlertRecord({ unreadCreated: _unread, ...alert }: AlertRecord): Alert {
  return AlertSchema.parse(alert);
}

/** Unread first; then critique, important, info; newest first within each. */
export function alertOrder(a: Alert, b: Alert): number {
  return Number(a.read) - Number(b.read) || priorityRank(b.priority) - priorityRank(a.priority) || b.created.localeCompare(a.created);
}

type AlertStoreIn<Mode extends IDBTransactionMode> = IDBPObjectStore<VigieSchema, StoreNames<VigieSchema>[], 'alerts', Mode>;

/**
 * Adds the alerts not already there, inside the caller's transaction. An alert already raised (same rule,
 * same item) keeps its state: re-running the rules never brings a read alert back as unread. Returns the
 * alerts actually added.
 */
export async function addNewAlerts(store: AlertStoreIn<'readwrite'>, alerts: readonly Alert[]): Promise<Alert[]> {
  const records = alerts.map(toAlertRecord);
  const existing = await Promise.all(records.map((record) => store.getKey(record.id)));
  const added = records.filter((_, index) => existing[index] === undefined);
  await Promise.all(added.map((record) => store.put(record)));
  return added.map(fromAlertRecord);
}

/** Marks read (or unread) the alerts of these items, inside the caller's transaction: reading an item reads its alerts. */
export async function setAlertsReadForItems(store: AlertStoreIn<'readwrite'>, itemIds: readonly string[], read: boolean): Promise<string[]> {
  const changed: string[] = [];
  for (const itemId of itemIds) {
    for (const record of await store.index('byItem').getAll(itemId)) {
      if (record.read === read) continue;
      changed.push(record.id);
      await store.put(toAlertRecord({ ...fromAlertRecord(record), read }));
    }
  }
  return changed;
}

export async function deleteAlertsForItems(store: AlertStoreIn<'readwrite'>, itemIds: readonly string[]): Promise<void> {
  for (const itemId of itemIds) {
    for (const key of await store.index('byItem').getAllKeys(itemId)) await store.delete(key);
  }
}

export interface UnreadAlerts {
  /** Items with an unread alert: one article two rules matched is one row of the Alertes view, and counts once. */
  count: number;
  /** The highest priority among unread alerts: it gives the badge its colour. */
  highest?: Priority;
}

export class AlertStore {
  constructor(private readonly db: IDBPDatabase<VigieSchema>) {}

  /** The newest `limit` alerts, unread and most critical first (see alertOrder). */
  async list(limit = 500): Promise<Alert[]> {
    const alerts: Alert[] = [];
    // The unread ones all come (they are what the badge counts), then the newest read ones.
    const unread = await this.db.getAllFromIndex('alerts', 'byUnread');
    alerts.push(...unread.map(fromAlertRecord));
    for (let cursor = await this.db.transaction('alerts').store.index('byCreated').openCursor(null, 'prev'); cursor && alerts.length < limit; cursor = await cursor.continue()) {
      if (cursor.value.read) alerts.push(fromAlertRecord(cursor.value));
    }
    return alerts.sort(alertOrder);
  }

  async get(id: string): Promise<Alert | undefined> {
    const record = await this.db.get('alerts', id);
    return record && fromAlertRecord(record);
  }

  async forItem(itemId: string): Promise<Alert[]> {
    return (await this.db.getAllFromIndex('alerts', 'byItem', itemId)).map(fromAlertRecord).sort(alertOrder);
  }

  /** Alerts raised within [from, to], for the digest. */
  async between(from: string, to: string): Promise<Alert[]> {
    return (await this.db.getAllFromIndex('alerts', 'byCreated', IDBKeyRange.bound(from, to))).map(fromAlertRecord);
  }

  async unread(): Promise<UnreadAlerts> {
    const records = await this.db.getAllFromIndex('alerts', 'byUnread');
    const highest = highestPriority(records.map((record) => record.priority));
    return { count: itemsOf(records), ...(highest ? { highest } : {}) };
  }

  /** Marks alerts read or unread; `ids` absent means every unread alert. Returns the item ids concerned. */
  async setRead(ids: readonly string[] | undefined, read: boolean): Promise<string[]> {
    const itemIds = new Set<string>();
    await guardQuota(async () => {
      const tx = this.db.transaction('alerts', 'readwrite');
      const records = ids ? await Promise.all(ids.map((id) => tx.store.get(id))) : await tx.store.index('byUnread').getAll();
      await Promise.all([
        ...records.flatMap((record) => {
          if (!record || record.read === read) return [];
          itemIds.add(record.itemId);
          return [tx.store.put(toAlertRecord({ ...fromAlertRecord(record), read }))];
        }),
        tx.done,
      ]);
    });
    return [...itemIds];
  }
}
