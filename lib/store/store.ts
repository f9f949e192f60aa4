import type { IDBPDatabase } from 'idb';
import type { Alert } from '../model/alert';
import { applyPatch, type Item, type ItemDraft, type ItemPatch } from '../model/item';
import { RuleSchema } from '../model/rule';
import { SourceSchema, type Source, type SourceHealth } from '../model/source';
import { TagSchema, type Tag } from '../model/tag';
import { addNewAlerts, AlertStore, deleteAlertsForItems, setAlertsReadForItems, toAlertRecord } from './alerts';
import { Connection } from './connection';
import { guardQuota, isQuotaError, isStorageFailure } from './errors';
import { CODE_META, type MetaKey } from './meta-keys';
import type { OpenEvents } from './open';
import { VigieReader, type StoreContent } from './reader';
import { fromRecord, toRecord } from './records';
import { RuleStore } from './rules';
import type { VigieSchema } from './schema';
import { noteSearchChange, noteSearchReset, touchesWords } from './search-changes';
import { ShareStore } from './shares';
import { countReplaced, UNREAD_COUNTS_KEY, UnreadChange, unreadOf } from './unread-counts';
import { VersionStore } from './versions';

/**
 * The local store's writes: every write to Vigie's IndexedDB goes through here, in the background, checked
 * against the model's schemas on the way in. Reads go through VigieReader (lib/store/reader.ts), which the
 * pages open themselves and to which this store delegates its own reads.
 */
export { openVigieDb } from './open';
export { fromRecord, toRecord } from './records';
export type { StoreContent } from './reader';

/**
 * Runs `work` in `tx` and waits for the commit. On any failure the whole transaction is rolled back, so
 * nothing is half-done, and `done` (rejected by the abort) is not left unhandled.
 */
async function allOrNothing(tx: { abort(): void; done: Promise<void> }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    const reason = await tx.done.then(
      () => undefined,
      (abort: unknown) => abort,
    );
    // A full disk aborts the transaction while its writes are pending: they fail with a bare « aborted », and
    // only the transaction says why (Chromium: « Connection is closing because of: IO error: …
    // FILE_ERROR_NO_SPACE »). The member is told that, not « aborted ».
    const bare = error instanceof Error || error instanceof DOMException ? error.name === 'AbortError' : false;
    throw bare && (isQuotaError(reason) || isStorageFailure(reason)) ? reason : error;
  }
}

/**
 * Sends the writes one after the other, each once the one before succeeded. Firefox (ESR 140) keeps the
 * writes a transaction had already sent when one of them failed for want of room, although the transaction
 * aborts: an import of 400 records that failed at the 168th left the next 78 stored (tests/e2e/quota.e2e.test.ts).
 * Sent one at a time, nothing follows the write that failed, and the abort leaves the store as it was. The
 * cost is small (2,000 records: 0.4 s instead of 0.1 s in Firefox), and paid only by the writes that may be large.
 */
async function oneAfterAnother<T>(records: readonly T[], write: (record: T) => Promise<unknown>): Promise<void> {
  for (const record of records) await write(record);
}

/** What the alert rules make of a new item: the item with their actions applied, and the alerts it raises. */
export type Triage = (item: Item) => { item: Item; alerts: Alert[] };

export interface FetchOutcome {
  /** Feed-side updates: health, and on success the detected kind and title. */
  source: Pick<Source, 'id'> & Partial<Omit<Source, 'id' | 'health'>> & { health: SourceHealth };
  items?: ItemDraft[];
  fetchedAt: string;
  /** Runs on each new item before it is stored (the alert rules), in the same transaction as the fetch. */
  triage?: Triage;
}

export class VigieStore {
  readonly rules: RuleStore;
  readonly alerts: AlertStore;
  readonly versions: VersionStore;
  readonly shares: ShareStore;
  readonly reader: VigieReader;

  /** `connection`, when there is one, opens `db` again after the browser closed it (see connection.ts). */
  constructor(
    readonly db: IDBPDatabase<VigieSchema>,
    private readonly connection?: Connection,
  ) {
    this.reader = new VigieReader(db, connection);
    this.shares = new ShareStore(db);
    this.rules = new RuleStore(db);
    this.alerts = new AlertStore(db);
    this.versions = new VersionStore(db);
  }

  /** Fails with a StoreError (`store-newer`) on a store a newer Vigie made, which it leaves as it is. */
  static async open(name?: string, events: Pick<OpenEvents, 'blocked'> = {}): Promise<VigieStore> {
    const connection = await Connection.open(name, events);
    return new VigieStore(connection.db, connection);
  }

  /** Waits for the store to be open, opening it again if the browser closed it: before each request. */
  async ready(): Promise<void> {
    await this.connection?.ready();
  }

  close(): void {
    this.db.close();
  }

  // The reads, delegated: one read model for the background and the pages.
  listSources(): Promise<Source[]> {
    return this.reader.listSources();
  }

  getSource(id: string): Promise<Source | undefined> {
    return this.reader.getSource(id);
  }

  findSourceByUrl(url: string): Promise<Source | undefined> {
    return this.reader.findSourceByUrl(url);
  }

  latestItems(limit: number): Promise<Item[]> {
    return this.reader.newest(limit);
  }

  getItem(id: string): Promise<Item | undefined> {
    return this.reader.getItem(id);
  }

  /** The items stored under this exact URL (one article may come from several sources). */
  findItemsByUrl(url: string): Promise<Item[]> {
    return this.reader.findItemsByUrl(url);
  }

  itemsAfter(after: string | undefined, limit: number): Promise<Item[]> {
    return this.reader.itemsAfter(after, limit);
  }

  countItems(): Promise<number> {
    return this.reader.countItems();
  }

  /** Unread items that arrived after `since`: what the badge and the popup call "new". */
  unreadIdsBefore(before: string): Promise<string[]> {
    return this.reader.unreadIdsBefore(before);
  }

  countNewUnread(since: string): Promise<number> {
    return this.reader.countNewUnread(since);
  }

  listTags(): Promise<Tag[]> {
    return this.reader.listTags();
  }

  exportAll(): Promise<StoreContent> {
    return this.reader.exportAll();
  }

  getMeta<T>(key: MetaKey<T>): Promise<T | undefined> {
    return this.reader.getMeta(key);
  }

  async putSources(sources: Source[]): Promise<void> {
    const checked = sources.map((source) => SourceSchema.parse(source));
    await guardQuota(async () => {
      const tx = this.db.transaction('sources', 'readwrite');
      await Promise.all([...checked.map((source) => tx.store.put(source)), tx.done]);
    });
  }

  /** Removes a source; its items go too unless the user keeps them. */
  async deleteSource(id: string, keepItems: boolean): Promise<void> {
    await guardQuota(async () => {
      const tx = this.db.transaction(['sources', 'items', 'alerts', 'versions', 'searchChanges', 'counts'], 'readwrite');
      await allOrNothing(tx, async () => {
        await tx.objectStore('sources').delete(id);
        // A page monitor's recorded texts go with it (its change items follow the member's choice below).
        for (const key of await tx.objectStore('versions').index('bySource').getAllKeys(IDBKeyRange.bound([id, ''], [id, '\uffff']))) {
          await tx.objectStore('versions').delete(key);
        }
        if (keepItems) return;
        const range = IDBKeyRange.bound([id, ''], [id, '\uffff']);
        const gone: string[] = [];
        const unread = new UnreadChange();
        for await (const cursor of tx.objectStore('items').index('bySource').iterate(range)) {
          gone.push(cursor.primaryKey);
          unread.replaced(cursor.value, undefined);
          await cursor.delete();
        }
        await deleteAlertsForItems(tx.objectStore('alerts'), gone);
        await noteSearchChange(tx.objectStore('searchChanges'), gone);
        await unread.apply(tx.objectStore('counts'));
      });
    });
  }

  /**
   * Records one fetch of one source in a single transaction: its health, and its items when it brought
   * some. An item already stored keeps what the user did with it (read, star, tags, note) and its first
   * fetch time; its feed-side fields are refreshed. Returns the ids of the items that are new.
   */
  async saveFetch({ source, items = [], fetchedAt, triage }: FetchOutcome): Promise<string[]> {
    return guardQuota(async () => {
      const tx = this.db.transaction(['sources', 'items', 'alerts', 'searchChanges', 'counts'], 'readwrite');
      const sources = tx.objectStore('sources');
      const itemStore = tx.objectStore('items');
      const current = await sources.get(source.id);
      if (!current) {
        // Deleted while it was being fetched: its items must not come back.
        tx.abort();
        await tx.done.catch(() => undefined);
        return [];
      }
      const added: string[] = [];
      // New items, and stored ones whose words the feed changed: what the search must read again.
      const reworded: string[] = [];
      const alerts: Alert[] = [];
      const existing = await Promise.all(items.map((draft) => itemStore.get(draft.id)));
      // Everything is checked before the first write, so that an invalid draft cannot leave half a fetch.
      const records = items.map((draft, index) => {
        const before = existing[index];
        if (before) {
          if (before.title !== draft.title || before.summary !== draft.summary || before.contentHtml !== draft.contentHtml) reworded.push(draft.id);
          return toRecord({ ...fromRecord(before), ...draft, sourceId: before.sourceId });
        }
        added.push(draft.id);
        const fresh: Item = { ...draft, sourceId: source.id, fetched: fetchedAt, read: false, starred: false, tags: [] };
        if (!triage) return toRecord(fresh);
        const triaged = triage(fresh);
        alerts.push(...triaged.alerts);
        return toRecord(triaged.item);
      });
      const updated = SourceSchema.parse({ ...current, ...source, health: source.health });
      const unread = new UnreadChange();
      records.forEach((record, index) => unread.replaced(existing[index], record));
      await allOrNothing(tx, async () => {
        await oneAfterAnother(records, (record) => itemStore.put(record));
        await unread.apply(tx.objectStore('counts'));
        await sources.put(updated);
        await addNewAlerts(tx.objectStore('alerts'), alerts);
        await noteSearchChange(tx.objectStore('searchChanges'), [...added, ...reworded]);
      });
      return added;
    });
  }

  /**
   * Saves a clipped page in one transaction, so that two quick clips of one page cannot make two items:
   * `build` gets the items already stored under any of `urls` and returns the item to store.
   */
  async putClip(urls: readonly string[], build: (existing: Item[]) => Item): Promise<{ item: Item; enriched: boolean }> {
    return guardQuota(async () => {
      const tx = this.db.transaction(['items', 'searchChanges', 'counts'], 'readwrite');
      const items = tx.objectStore('items');
      const found = await Promise.all(urls.map((url) => items.index('byUrl').getAll(url)));
      const existing = [...new Map(found.flat().map((record) => [record.id, fromRecord(record)])).values()];
      const item = build(existing);
      const unread = new UnreadChange();
      unread.replaced(await items.get(item.id), item);
      await Promise.all([items.put(toRecord(item)), noteSearchChange(tx.objectStore('searchChanges'), [item.id]), unread.apply(tx.objectStore('counts')), tx.done]);
      return { item, enriched: existing.some((before) => before.id === item.id) };
    });
  }

  /**
   * Writes what a rule made of stored items (tags, star, impact) and the alerts it raised, in one
   * transaction. An item's alert is filed as read when the item already is. Returns the alerts added.
   */
  async applyTriaged(entries: readonly { item: Item; alerts: Alert[] }[]): Promise<Alert[]> {
    let added: Alert[] = [];
    await guardQuota(async () => {
      const tx = this.db.transaction(['items', 'alerts', 'searchChanges', 'counts'], 'readwrite');
      const records = entries.map((entry) => toRecord(entry.item));
      const alerts = entries.flatMap((entry) => entry.alerts.map((alert) => ({ ...alert, read: entry.item.read })));
      await allOrNothing(tx, async () => {
        await countReplaced(tx.objectStore('items'), records, tx.objectStore('counts'));
        const [, raised] = await Promise.all([Promise.all(records.map((record) => tx.objectStore('items').put(record))), addNewAlerts(tx.objectStore('alerts'), alerts)]);
        added = raised;
        await noteSearchChange(tx.objectStore('searchChanges'), records.map((record) => record.id));
      });
    });
    return added;
  }

  /** Stores items made by hand (past events of the timeline), in one transaction. */
  async putItems(items: readonly Item[]): Promise<void> {
    const records = items.map(toRecord);
    await guardQuota(async () => {
      const tx = this.db.transaction(['items', 'searchChanges', 'counts'], 'readwrite');
      await countReplaced(tx.objectStore('items'), records, tx.objectStore('counts'));
      const writes = records.map((record) => tx.objectStore('items').put(record));
      await Promise.all([...writes, noteSearchChange(tx.objectStore('searchChanges'), records.map((record) => record.id)), tx.done]);
    });
  }

  async setRead(ids: string[], read: boolean): Promise<void> {
    await this.updateItems(ids, { read });
  }

  /** Applies one member's change to many items in one transaction: all of them, or none. Returns how many exist. */
  async updateItems(ids: readonly string[], patch: ItemPatch): Promise<number> {
    let updated = 0;
    await guardQuota(async () => {
      const tx = this.db.transaction(['items', 'alerts', 'searchChanges', 'counts'], 'readwrite');
      const items = tx.objectStore('items');
      await allOrNothing(tx, async () => {
        const records = await Promise.all(ids.map((id) => items.get(id)));
        const unread = new UnreadChange();
        // Read, starred, impact: nothing the search finds. A note or tags: words the search must read again.
        if (touchesWords(patch)) await noteSearchChange(tx.objectStore('searchChanges'), ids);
        const writes = records.flatMap((record) => {
          if (!record) return [];
          const after = toRecord(applyPatch(fromRecord(record), patch));
          unread.replaced(record, after);
          return [items.put(after)];
        });
        updated = writes.length;
        writes.push(unread.apply(tx.objectStore('counts')).then(() => ''));
        // An item read is an alert seen: its alerts stop counting on the badge at once (not the other way round:
        // marking an item unread again does not raise its alerts anew).
        if (patch.read === true) writes.push(setAlertsReadForItems(tx.objectStore('alerts'), ids, true).then(() => ''));
        await Promise.all(writes);
      });
    });
    return updated;
  }

  /**
   * Merges one tag into another: every item that carried `from` carries `into` instead (once), and `from` is
   * deleted; in one transaction, so no assignment is lost halfway. Returns the ids of the items changed.
   */
  async mergeTag(from: string, into: string): Promise<string[]> {
    const changed: string[] = [];
    await guardQuota(async () => {
      const tx = this.db.transaction(['items', 'tags', 'searchChanges', 'counts'], 'readwrite');
      await allOrNothing(tx, async () => {
        const items = tx.objectStore('items');
        const records = await items.index('byTag').getAll(from);
        const unread = new UnreadChange();
        await Promise.all(
          records.map((record) => {
            changed.push(record.id);
            const after = toRecord(applyPatch(fromRecord(record), { removeTags: [from], addTags: [into] }));
            unread.replaced(record, after);
            return items.put(after);
          }),
        );
        await unread.apply(tx.objectStore('counts'));
        await tx.objectStore('tags').delete(from);
        await noteSearchChange(tx.objectStore('searchChanges'), changed);
      });
    });
    return changed;
  }

  async putTags(tags: readonly Tag[]): Promise<void> {
    const checked = tags.map((tag) => TagSchema.parse(tag));
    await guardQuota(async () => {
      const tx = this.db.transaction('tags', 'readwrite');
      await Promise.all([...checked.map((tag) => tx.store.put(tag)), tx.done]);
    });
  }

  /**
   * Replaces everything the store holds with `content`, in one transaction: on any failure (an invalid
   * object, a full disk) the store is left exactly as it was. Returns the ids of the items there before,
   * so that open pages can drop the ones that went.
   */
  async replaceAll(content: StoreContent): Promise<string[]> {
    // Everything is checked (and item index keys derived) before the first write.
    const sources = content.sources.map((source) => SourceSchema.parse(source));
    const records = content.items.map(toRecord);
    const tags = content.tags.map((tag) => TagSchema.parse(tag));
    const rules = content.rules.map((rule) => RuleSchema.parse(rule));
    const alerts = content.alerts.map(toAlertRecord);
    const meta = Object.entries(content.meta).map(([key, value]) => ({ key, value }));
    let before: string[] = [];
    await guardQuota(async () => {
      // Recorded page texts are not in backups (they are the pages' own, fetched again): they are cleared.
      const names = ['sources', 'items', 'tags', 'rules', 'alerts', 'meta', 'versions'] as const;
      const tx = this.db.transaction([...names, 'searchChanges', 'counts'], 'readwrite');
      await allOrNothing(tx, async () => {
        before = await tx.objectStore('items').getAllKeys();
        const kept = (await Promise.all(CODE_META.map((key) => tx.objectStore('meta').get(key)))).filter((record) => record !== undefined);
        await Promise.all(names.map((name) => tx.objectStore(name).clear()));
        await oneAfterAnother(sources, (source) => tx.objectStore('sources').put(source));
        await oneAfterAnother(records, (record) => tx.objectStore('items').put(record));
        await oneAfterAnother(tags, (tag) => tx.objectStore('tags').put(tag));
        await oneAfterAnother(rules, (rule) => tx.objectStore('rules').put(rule));
        await oneAfterAnother(alerts, (alert) => tx.objectStore('alerts').put(alert));
        await oneAfterAnother([...meta.filter((record) => !CODE_META.includes(record.key)), ...kept], (record) => tx.objectStore('meta').put(record));
        await noteSearchReset(tx.objectStore('searchChanges'));
        await tx.objectStore('counts').put(unreadOf(records), UNREAD_COUNTS_KEY);
      });
    });
    return before;
  }

  /** Empties the store (items, sources, tags, rules, alerts, settings and other meta) in one transaction; see `replaceAll`. */
  async eraseAll(): Promise<string[]> {
    const before = await this.replaceAll({ sources: [], items: [], tags: [], rules: [], alerts: [], meta: {} });
    // The hub connection went with the meta: its shared list and outbox go too.
    await this.shares.clear();
    return before;
  }

  async setMeta<T>(key: MetaKey<T>, value: T): Promise<void> {
    await guardQuota(() => this.db.put('meta', { key: key.name, value }));
  }

  async deleteMeta(key: MetaKey<unknown>): Promise<void> {
    await this.db.delete('meta', key.name);
  }
}
