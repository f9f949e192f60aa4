import { wrap, type IDBPDatabase } from 'idb';
import type { PendingWhatsNew } from '../about/whats-new';
import { itemsOf, type Alert } from '../model/alert';
import type { Fiche } from '../model/fiche';
import type { HubConnection } from '../model/hub-connection';
import { IMPACTS, ItemSchema, type Item } from '../model/item';
import { RuleSchema, type Rule } from '../model/rule';
import { ShareSchema, type Share } from '../model/share';
import { SourceSchema, type Source } from '../model/source';
import { TagSchema, type Tag } from '../model/tag';
import type { ItemKeys } from '../reader/query';
import { fromAlertRecord } from './alerts';
import { Connection } from './connection';
import { META, type MetaKey } from './meta-keys';
import type { OpenEvents } from './open';
import { fromRecord } from './records';
import { DB_VERSION, type ItemRecord, type SearchChangeRecord, type VigieSchema } from './schema';
import { countUnread, UNREAD_COUNTS_KEY, type UnreadCounts } from './unread-counts';

/** Everything the store holds, as a backup carries it: `meta` is every meta record, by key. */
export interface StoreContent {
  sources: Source[];
  items: Item[];
  tags: Tag[];
  rules: Rule[];
  alerts: Alert[];
  meta: Record<string, unknown>;
}

export type { UnreadCounts } from './unread-counts';

/** What the digest is made of, for a period: its alerts, their items and the starred ones, sources and tags. */
export interface DigestInputs {
  alerts: Alert[];
  items: Item[];
  sources: Source[];
  tags: Tag[];
}

/**
 * Every read of Vigie's IndexedDB: the pages read through it directly (a message to the background would
 * cost a round trip per list), and the background's VigieStore delegates its reads to it. It never writes:
 * writes go through the background. Objects are checked against the model's schemas on the way out.
 */
export class VigieReader {
  /** `connection`, when there is one, opens `db` again after the browser closed it (see connection.ts). */
  constructor(
    private readonly db: IDBPDatabase<VigieSchema>,
    private readonly connection?: Connection,
  ) {}

  /** Fails with a StoreError (`store-newer`) on a store a newer Vigie made, which it leaves as it is. */
  static async open(name?: string, events: Pick<OpenEvents, 'blocked'> = {}): Promise<VigieReader> {
    const connection = await Connection.open(name, events);
    return new VigieReader(connection.db, connection);
  }

  /**
   * Reads through a connection opened early (dashboard-early.js) when the store is already at this code's
   * version; else opens a new one, which migrates the store if the background has not yet (the early
   * connection is closed first so as not to block the upgrade).
   */
  static async adopt(early: IDBDatabase | undefined, events: Pick<OpenEvents, 'blocked'> = {}, name?: string): Promise<VigieReader> {
    if (early?.version === DB_VERSION) {
      const connection = Connection.adopt(wrap(early) as unknown as IDBPDatabase<VigieSchema>, name);
      return new VigieReader(connection.db, connection);
    }
    early?.close();
    return VigieReader.open(name, events);
  }

  /** Waits for the store to be open, opening it again if the browser closed it. */
  async ready(): Promise<void> {
    await this.connection?.ready();
  }

  close(): void {
    this.db.close();
  }

  /** The newest `limit` items by date (published, else fetched), newest first, read without the whole index. */
  async newest(limit: number): Promise<Item[]> {
    const items: Item[] = [];
    for (let cursor = await this.db.transaction('items').store.index('byDate').openCursor(null, 'prev'); cursor && items.length < limit; cursor = await cursor.continue()) {
      items.push(fromRecord(cursor.value));
    }
    return items;
  }

  async getItem(id: string): Promise<Item | undefined> {
    const record = await this.db.get('items', id);
    return record && fromRecord(record);
  }

  /** The items of these ids still stored, in one transaction (the rows a list scrolls into view). */
  async getItems(ids: readonly string[]): Promise<Item[]> {
    const tx = this.db.transaction('items');
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    return records.flatMap((record) => (record ? [fromRecord(record)] : []));
  }

  /** The items stored under this exact URL (one article may come from several sources). */
  async findItemsByUrl(url: string): Promise<Item[]> {
    return (await this.db.getAllFromIndex('items', 'byUrl', url)).map(fromRecord);
  }

  /** Items by id, `limit` at a time after `after`: a walk over the whole store in short reads. */
  async itemsAfter(after: string | undefined, limit: number): Promise<Item[]> {
    return (await this.db.getAll('items', idsAfter(after), limit)).map(fromRecord);
  }

  /**
   * Every item, `size` at a time, each page its own short read (a long one would hold the store while the
   * background writes). A record that no longer passes the model is left out rather than stop the walk.
   */
  async *pages(size: number): AsyncGenerator<Item[]> {
    let after: string | undefined;
    for (;;) {
      const records = await this.db.getAll('items', idsAfter(after), size);
      if (records.length === 0) return;
      after = records[records.length - 1]?.id;
      yield records.flatMap((record) => {
        const checked = ItemSchema.safeParse(record);
        return checked.success ? [checked.data] : [];
      });
    }
  }

  async countItems(): Promise<number> {
    return this.db.count('items');
  }

  /** The ids of the items carrying any of these tags. */
  async idsWithTags(tags: readonly string[]): Promise<string[]> {
    const tx = this.db.transaction('items');
    const keys = await Promise.all(tags.map((tag) => tx.store.index('byTag').getAllKeys(tag)));
    return [...new Set(keys.flat())];
  }

  /** The search journal's entries after `seq`, oldest first (see search-changes.ts). */
  async searchChangesAfter(seq: number): Promise<SearchChangeRecord[]> {
    return this.db.getAll('searchChanges', IDBKeyRange.lowerBound(seq, true));
  }

  /** The newest entry of the search journal (0 when it is empty): what an index built now has seen. */
  async lastSearchChange(): Promise<number> {
    const cursor = await this.db.transaction('searchChanges').store.openKeyCursor(null, 'prev');
    return cursor?.key ?? 0;
  }

  /**
   * The one write a page makes: the search worker forgets the journal's entries its saved index holds. They
   * are the index's own bookkeeping, nothing the member wrote.
   */
  async forgetSearchChanges(upTo: number): Promise<void> {
    await this.db.delete('searchChanges', IDBKeyRange.upperBound(upTo));
  }

  /**
   * Unread items published before `before` (when Vigie first saw them, for those without a date): « Tout
   * marquer comme lu » for what is older than a day, a new source's backlog included. Walks the unread only.
   */
  async unreadIdsBefore(before: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor = await this.db.transaction('items').store.index('byUnreadFetched').openCursor();
    while (cursor) {
      if ((cursor.value.published ?? cursor.value.fetched) < before) ids.push(cursor.value.id);
      cursor = await cursor.continue();
    }
    return ids;
  }

  /** Unread items that arrived after `since`: what the badge and the popup call "new". One index count. */
  async countNewUnread(since: string): Promise<number> {
    return this.db.countFromIndex('items', 'byUnreadFetched', IDBKeyRange.lowerBound(since, true));
  }

  /** How many records of each kind the store holds, counted in one read (Paramètres' storage figures). */
  async countRecords(): Promise<{ items: number; clips: number; alerts: number; sources: number; tags: number; rules: number; versions: number; shares: number; outbox: number }> {
    const names = ['items', 'alerts', 'sources', 'tags', 'rules', 'versions', 'shares', 'outbox'] as const;
    const tx = this.db.transaction([...names]);
    const [counts, clips] = await Promise.all([Promise.all(names.map((name) => tx.objectStore(name).count())), tx.objectStore('items').index('byClip').count(), tx.done]);
    const [items = 0, alerts = 0, sources = 0, tags = 0, rules = 0, versions = 0, shares = 0, outbox = 0] = counts;
    return { items, clips, alerts, sources, tags, rules, versions, shares, outbox };
  }

  /** Items with an unread alert, as the badge counts them (the navigation's figure); unread alerts are few. */
  async countUnreadAlerts(): Promise<number> {
    return itemsOf(await this.db.getAllFromIndex('alerts', 'byUnread'));
  }

  /** Others' shares not yet seen, counted on their index (the navigation's figure). */
  async countUnreadShares(): Promise<number> {
    return this.db.countFromIndex('shares', 'byUnread');
  }

  /**
   * The navigation's unread figures: in all, among favourites and clips, per source and per tag. One read:
   * the store keeps them as items are written (unread-counts.ts); a store that somehow lacks them is counted
   * by walking its indexes.
   */
  async unreadCounts(sourceIds: readonly string[], tagIds: readonly string[]): Promise<UnreadCounts> {
    const tx = this.db.transaction(['counts', 'items']);
    const counts = (await tx.objectStore('counts').get(UNREAD_COUNTS_KEY)) ?? (await countUnread(tx.objectStore('items')));
    return {
      unread: counts.unread,
      starred: counts.starred,
      clips: counts.clips,
      bySource: Object.fromEntries(sourceIds.map((id) => [id, counts.bySource[id] ?? 0])),
      byTag: Object.fromEntries(tagIds.map((id) => [id, counts.byTag[id] ?? 0])),
    };
  }

  /** The list's keys: ids from the store's indexes, so that a list of 50,000 items loads no record. */
  itemKeys(): ItemKeys {
    const { db } = this;
    const keysOf = async (index: 'byUnread' | 'byStarred' | 'byClip' | 'byTag' | 'byImpact', query?: string) =>
      new Set(await db.getAllKeysFromIndex('items', index, query));
    return {
      byDate: (from, to) => keysByDate(db, from, to),
      newest: async (limit) => (await this.newest(limit)).map((item) => item.id),
      unread: () => keysOf('byUnread'),
      starred: () => keysOf('byStarred'),
      clips: () => keysOf('byClip'),
      ofSource: async (sourceId) => new Set(await db.getAllKeysFromIndex('items', 'bySource', ofSource(sourceId))),
      withTag: (tag) => keysOf('byTag', tag),
      withImpact: (impact) => keysOf('byImpact', impact),
    };
  }

  /**
   * The digest's inputs for the period from..to, in one transaction: the items dated in it (publication, else
   * first seen) and those clipped in it, read on their date indexes, and their alerts. An item's alerts are
   * raised once Vigie has it, so those of the period's items are among the alerts raised since its start (a
   * day's margin covers a feed's clock).
   */
  async digestInputs(period: { from: string; to: string }): Promise<DigestInputs> {
    const tx = this.db.transaction(['alerts', 'items', 'sources', 'tags']);
    const since = new Date(Date.parse(period.from) - 24 * 3600 * 1000).toISOString();
    const [dated, clipped, alertRecords, sources, tags] = await Promise.all([
      tx.objectStore('items').index('byDate').getAll(IDBKeyRange.bound(period.from, period.to)),
      tx.objectStore('items').index('byClip').getAll(IDBKeyRange.bound(period.from, period.to)),
      tx.objectStore('alerts').index('byCreated').getAll(IDBKeyRange.lowerBound(since)),
      tx.objectStore('sources').getAll(),
      tx.objectStore('tags').getAll(),
    ]);
    const items = [...new Map([...dated, ...clipped].map((record) => [record.id, record])).values()].map(fromRecord);
    const ids = new Set(items.map((item) => item.id));
    const alerts = alertRecords.map(fromAlertRecord).filter((alert) => ids.has(alert.itemId));
    return { alerts, items, sources: sources.map((source) => SourceSchema.parse(source)), tags: tags.map((tag) => TagSchema.parse(tag)) };
  }

  /**
   * The COPIL's « retours d'expérience » shared from..to, as last pulled (the digest tells them after the
   * items). Read on the shares' date index; a record that no longer passes the model is left out.
   */
  async experiencesSharedIn(period: { from: string; to: string }): Promise<Share[]> {
    const records = await this.db.getAllFromIndex('shares', 'byCreated', IDBKeyRange.bound(period.from, period.to));
    return records.flatMap(({ unreadAt: _unread, pending: _pending, ...record }) => {
      const share = ShareSchema.safeParse(record);
      return share.success && share.data.kind === 'rex' ? [share.data] : [];
    });
  }

  /**
   * The timeline's inputs, read from the indexes rather than all 50,000 items: the items of these sources,
   * and every item a member judged (an impact) or starred. Each item once.
   */
  async timelineItems(sourceIds: readonly string[]): Promise<Item[]> {
    const tx = this.db.transaction('items');
    const groups: ItemRecord[][] = await Promise.all([
      ...sourceIds.map((id) => tx.store.index('bySource').getAll(ofSource(id))),
      ...IMPACTS.map((impact) => tx.store.index('byImpact').getAll(impact)),
      tx.store.index('byStarred').getAll(),
    ]);
    const unique = new Map(groups.flat().map((record) => [record.id, record]));
    return [...unique.values()].map(fromRecord);
  }

  async listSources(): Promise<Source[]> {
    return (await this.db.getAll('sources')).map((source) => SourceSchema.parse(source));
  }

  async getSource(id: string): Promise<Source | undefined> {
    const source = await this.db.get('sources', id);
    return source && SourceSchema.parse(source);
  }

  async findSourceByUrl(url: string): Promise<Source | undefined> {
    const source = await this.db.getFromIndex('sources', 'byUrl', url);
    return source && SourceSchema.parse(source);
  }

  async listTags(): Promise<Tag[]> {
    return (await this.db.getAll('tags')).map((tag) => TagSchema.parse(tag));
  }

  /** A stored value that no longer matches its schema reads as absent: callers fall back to their default. */
  async getMeta<T>(key: MetaKey<T>): Promise<T | undefined> {
    return key.read((await this.db.get('meta', key.name))?.value);
  }

  /** This member's link to the hub, when there is one and it passes its schema. */
  hubConnection(): Promise<HubConnection | undefined> {
    return this.getMeta(META.hub);
  }

  /** The hub's fiches conseils as this browser last read them (none without a hub that keeps them). */
  async fichesCopy(): Promise<Fiche[]> {
    return (await this.getMeta(META.fiches))?.answer.fiches ?? [];
  }

  /** The update « Quoi de neuf » has still to show, if any (lib/about/whats-new.ts). */
  whatsNew(): Promise<PendingWhatsNew | undefined> {
    return this.getMeta(META.whatsNew);
  }

  /** The whole store, read in one transaction so that a refresh landing meanwhile cannot split it. */
  async exportAll(): Promise<StoreContent> {
    const tx = this.db.transaction(['sources', 'items', 'tags', 'rules', 'alerts', 'meta']);
    const [sources, items, tags, rules, alerts, meta] = await Promise.all([
      tx.objectStore('sources').getAll(),
      tx.objectStore('items').getAll(),
      tx.objectStore('tags').getAll(),
      tx.objectStore('rules').getAll(),
      tx.objectStore('alerts').getAll(),
      tx.objectStore('meta').getAll(),
    ]);
    return {
      sources: sources.map((source) => SourceSchema.parse(source)),
      items: items.map(fromRecord),
      tags: tags.map((tag) => TagSchema.parse(tag)),
      rules: rules.map((rule) => RuleSchema.parse(rule)),
      alerts: alerts.map(fromAlertRecord),
      meta: Object.fromEntries(meta.map((record) => [record.key, record.value])),
    };
  }
}

const idsAfter = (after: string | undefined) => (after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));

/** The bySource index's keys are [sourceId, sortDate]: every date of one source. */
const ofSource = (sourceId: string) => IDBKeyRange.bound([sourceId, ''], [sourceId, '\uffff']);

/** Ids read per request by `keysByDate`. */
const KEYS_PER_READ = 20_000;

/**
 * Every id by date (oldest first), within from..to, in reads of 20,000. IndexedDB serves one large read at a
 * time: at 200,000 items one read of every id held the store for 1.5 s, and a dashboard opened (or reloaded)
 * meanwhile waited for it; in parts, other reads pass between them, and a page closed stops asking. One
 * transaction, so the parts join into one consistent list. Ids share dates, and the index orders one date's
 * ids by id: each part starts at the last date read, inclusive, and skips the ids of that date it already has.
 */
export async function keysByDate(db: IDBPDatabase<VigieSchema>, from?: string, to?: string, perRead = KEYS_PER_READ): Promise<string[]> {
  const tx = db.transaction('items');
  const index = tx.store.index('byDate');
  const ids: string[] = [];
  let start = from;
  let skip = 0;
  for (;;) {
    const part = await index.getAllKeys(dateRange(start, to), perRead + skip);
    ids.push(...part.slice(skip));
    if (part.length < perRead + skip) return ids;
    const last = ids.at(-1)!;
    const date = (await tx.store.get(last))?.sortDate;
    if (date === undefined) throw new Error(`item ${last} vanished while its list was read`);
    skip = (await index.getAllKeys(IDBKeyRange.only(date))).indexOf(last) + 1;
    start = date;
  }
}

function dateRange(from?: string, to?: string): IDBKeyRange | undefined {
  if (from && to) return IDBKeyRange.bound(from, to);
  if (from) return IDBKeyRange.lowerBound(from);
  return to ? IDBKeyRange.upperBound(to) : undefined;
}
