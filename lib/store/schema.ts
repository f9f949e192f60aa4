import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Alert } from '../model/alert';
import type { Item } from '../model/item';
import type { Rule } from '../model/rule';
import type { Share } from '../model/share';
import type { Source } from '../model/source';
import type { Tag } from '../model/tag';
import { countUnread, UNREAD_COUNTS_KEY, type UnreadCounts } from './unread-counts';

/**
 * Vigie's IndexedDB layout. Each version's changes are one migration below; a database at any earlier
 * version is brought up to date step by step, and `tests/store/migrations.test.ts` replays each step on
 * data written at the version before.
 */
export const DB_NAME = 'vigie';

/**
 * What the items store holds: the item plus keys derived for its indexes. IndexedDB cannot index booleans
 * or absent dates, hence `sortDate` (published, else fetched) and `unreadDate`, which only unread items
 * carry, so that the `byUnread` index lists exactly the unread ones, newest last.
 */
export interface ItemRecord extends Item {
  sortDate: string;
  unreadDate?: string;
  /** Version 2: the date key again, only on starred items (byStarred) and on clips (byClip, when clipped). */
  starredDate?: string;
  clipDate?: string;
  /** Version 2: `fetched` again, only on unread items, so "new and unread" is one index count (byUnreadFetched). */
  unreadFetched?: string;
  /** Version 7: the tags again, only on unread items (byUnreadTag: the navigation's unread count per tag). */
  unreadTags?: string[];
}

/** Version 3: an alert plus `unreadCreated`, its time again, only while unread (byUnread lists exactly those). */
export interface AlertRecord extends Alert {
  unreadCreated?: string;
}

/** Version 4: one recorded text of a page monitor (a monitor), kept up to the monitor's retention. */
export interface PageVersion {
  /** `<sourceId>|<fetched>` */
  id: string;
  sourceId: string;
  fetched: string;
  text: string;
  hash: string;
}

/**
 * Version 5: a share of the COPIL hub as last pulled (or, `pending`, as queued here and not yet answered),
 * plus `unreadAt`, its time again, only on others' shares not yet seen (byUnread counts exactly those).
 */
export interface SharedRecord extends Share {
  unreadAt?: string;
  pending?: boolean;
  /** Made here and never on the hub yet: if its write is dropped, the share goes too (a pull replaces the record whole). */
  local?: boolean;
}

/** Version 5: a write to the hub waiting to be sent, in order (the key is the order). */
export interface OutboxRecord {
  seq?: number;
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** What the member sees in the pending list: "Partage : <title>", "Commentaire : …". */
  kind: 'share' | 'comment' | 'reaction' | 'tags' | 'edit';
  label: string;
  created: string;
  attempts: number;
  lastError?: string;
  /** Refused by the hub for good (a 4xx): kept, shown with the hub's words, skipped by later sends. */
  refused?: boolean;
  /** The hub's code for that refusal (`not-yours`…): the pending list words it in the member's language. */
  refusal?: string;
}

/**
 * Version 8: one write that changed what the search finds (see lib/reader/search-catch-up.ts): the ids of the
 * items written or removed, or `reset` when the whole store was replaced. The key is the order.
 */
export interface SearchChangeRecord {
  seq?: number;
  ids?: string[];
  reset?: true;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface VigieSchema extends DBSchema {
  sources: { key: string; value: Source; indexes: { byUrl: string } };
  items: {
    key: string;
    value: ItemRecord;
    indexes: {
      byDate: string;
      bySource: [string, string];
      byTag: string;
      byUnread: string;
      byFetched: string;
      byUrl: string;
      byStarred: string;
      byClip: string;
      byImpact: string;
      byUnreadFetched: string;
      byUnreadSource: [string, string];
      byUnreadTag: string;
    };
  };
  tags: { key: string; value: Tag };
  meta: { key: string; value: MetaRecord };
  rules: { key: string; value: Rule };
  alerts: { key: string; value: AlertRecord; indexes: { byCreated: string; byUnread: string; byItem: string; byRule: string } };
  versions: { key: string; value: PageVersion; indexes: { bySource: [string, string] } };
  shares: { key: string; value: SharedRecord; indexes: { byCreated: string; byUnread: string } };
  outbox: { key: number; value: OutboxRecord };
  searchChanges: { key: number; value: SearchChangeRecord };
  /** Version 9: the navigation's unread counts, kept as items are written (see unread-counts.ts). */
  counts: { key: string; value: UnreadCounts };
}

type UpgradeTransaction = IDBPTransaction<VigieSchema, StoreNames<VigieSchema>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<VigieSchema>, tx: UpgradeTransaction) => void | Promise<void>;

/** The items' indexes migration 2 creates today, which the repair (migration 6) creates where missing. */
const ITEM_INDEXES_OF_VERSION_2 = [
  ['byUrl', 'url'],
  ['byStarred', 'starredDate'],
  ['byClip', 'clipDate'],
  ['byImpact', 'impact'],
  ['byUnreadFetched', 'unreadFetched'],
] as const;

/**
 * migrations[n - 1] brings a database from version n - 1 to version n. A migration that has shipped is never
 * edited: a change, even a forgotten index, is a new migration (see lib/store/README.md).
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const sources = db.createObjectStore('sources', { keyPath: 'id' });
    sources.createIndex('byUrl', 'url', { unique: true });
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('byDate', 'sortDate');
    items.createIndex('bySource', ['sourceId', 'sortDate']);
    items.createIndex('byTag', 'tags', { multiEntry: true });
    items.createIndex('byUnread', 'unreadDate');
    items.createIndex('byFetched', 'fetched');
    db.createObjectStore('tags', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 2: the reader's queries (favourites, clips, impact), finding an item by its URL when a page is clipped,
  // and counting new unread items without reading them.
  async (_db, tx) => {
    const items = tx.objectStore('items');
    items.createIndex('byUrl', 'url');
    items.createIndex('byStarred', 'starredDate');
    items.createIndex('byClip', 'clipDate');
    items.createIndex('byImpact', 'impact');
    items.createIndex('byUnreadFetched', 'unreadFetched');
    for await (const cursor of items.iterate()) {
      const { starred, read, sortDate, fetched } = cursor.value;
      if (starred || !read) {
        await cursor.update({ ...cursor.value, ...(starred ? { starredDate: sortDate } : {}), ...(read ? {} : { unreadFetched: fetched }) });
      }
    }
  },
  // 3: alert rules, and the alerts they raise (newest first, the unread ones counted by the badge).
  (db) => {
    db.createObjectStore('rules', { keyPath: 'id' });
    const alerts = db.createObjectStore('alerts', { keyPath: 'id' });
    alerts.createIndex('byCreated', 'created');
    alerts.createIndex('byUnread', 'unreadCreated');
    alerts.createIndex('byItem', 'itemId');
    alerts.createIndex('byRule', 'ruleId');
  },
  // 4: the recorded texts of page monitors, by page and time.
  (db) => {
    const versions = db.createObjectStore('versions', { keyPath: 'id' });
    versions.createIndex('bySource', ['sourceId', 'fetched']);
  },
  // 5: the COPIL hub's shared list as last pulled, and the writes waiting for the hub (the outbox).
  (db) => {
    const shares = db.createObjectStore('shares', { keyPath: 'id' });
    shares.createIndex('byCreated', 'created');
    shares.createIndex('byUnread', 'unreadAt');
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  },
  // 6: a repair. Migration 2 was edited after it had shipped (byUnreadFetched and its field were added to
  // it), so a store that reached version 2 with the first build never got them: the popup then said « The
  // specified index was not found ». Whatever path a store took, the items get every index of migration 2
  // and the fields those indexes read. Released migrations are never edited again (lib/store/README.md).
  async (_db, tx) => {
    const items = tx.objectStore('items');
    const present = new Set(Array.from(items.indexNames));
    for (const [name, keyPath] of ITEM_INDEXES_OF_VERSION_2) if (!present.has(name)) items.createIndex(name, keyPath);
    for await (const cursor of items.iterate()) {
      const { starred, read, sortDate, fetched, starredDate, unreadFetched } = cursor.value;
      const missing = {
        ...(starred && starredDate === undefined ? { starredDate: sortDate } : {}),
        ...(!read && unreadFetched === undefined ? { unreadFetched: fetched } : {}),
      };
      if (Object.keys(missing).length > 0) await cursor.update({ ...cursor.value, ...missing });
    }
  },
  // 7: the navigation's unread counts per source and per tag, each one index count: unread items by source
  // (an item without `unreadDate` is read, and left out of a compound index), and `unreadTags`, backfilled
  // on the unread items only (walked on byUnread, so a store of read items costs nothing; a store that somehow
  // lacks that index is walked whole).
  async (_db, tx) => {
    const items = tx.objectStore('items');
    const present = new Set(Array.from(items.indexNames));
    if (!present.has('byUnreadSource')) items.createIndex('byUnreadSource', ['sourceId', 'unreadDate']);
    if (!present.has('byUnreadTag')) items.createIndex('byUnreadTag', 'unreadTags', { multiEntry: true });
    for await (const cursor of present.has('byUnread') ? items.index('byUnread').iterate() : items.iterate()) {
      const { tags, read, unreadTags } = cursor.value;
      if (!read && tags.length > 0 && unreadTags === undefined) await cursor.update({ ...cursor.value, unreadTags: tags });
    }
  },
  // 8: the search's journal. The search index is kept between two openings of the dashboard (a snapshot in
  // its own database); each write that changes an item's words notes the item here, in its own transaction,
  // so the index catches up on what changed while no dashboard was open instead of being built again.
  (db) => {
    if (!db.objectStoreNames.contains('searchChanges')) db.createObjectStore('searchChanges', { keyPath: 'seq', autoIncrement: true });
  },
  // 9: the navigation's unread counts, kept by each write instead of walking the indexes at each opening (two
  // seconds at 200,000 items, during which the store answered nothing else). Counted here once.
  async (db, tx) => {
    if (!db.objectStoreNames.contains('counts')) db.createObjectStore('counts');
    await tx.objectStore('counts').put(await countUnread(tx.objectStore('items')), UNREAD_COUNTS_KEY);
  },
];

export const DB_VERSION = MIGRATIONS.length;
