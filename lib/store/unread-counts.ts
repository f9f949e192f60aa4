import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Item } from '../model/item';
import type { VigieSchema } from './schema';

/** Unread items in all, among favourites and clips, and per source and tag id: the navigation's figures. */
export interface UnreadCounts {
  unread: number;
  starred: number;
  clips: number;
  bySource: Record<string, number>;
  byTag: Record<string, number>;
}

/** What of an item the counts read. */
type Counted = Pick<Item, 'id' | 'read' | 'starred' | 'sourceId' | 'tags' | 'clip'>;

/** The one record of the `counts` store (version 9). */
export const UNREAD_COUNTS_KEY = 'unread';

type Mode = 'readonly' | 'readwrite' | 'versionchange';
type CountsStore = IDBPObjectStore<VigieSchema, StoreNames<VigieSchema>[], 'counts', 'readwrite' | 'versionchange'>;
type ItemsStore = IDBPObjectStore<VigieSchema, StoreNames<VigieSchema>[], 'items', Mode>;

export const noUnread = (): UnreadCounts => ({ unread: 0, starred: 0, clips: 0, bySource: {}, byTag: {} });

const bump = (figures: Record<string, number>, key: string, by: number) => {
  const next = (figures[key] ?? 0) + by;
  if (next === 0) delete figures[key];
  else figures[key] = next;
};

function count(counts: UnreadCounts, item: Counted | undefined, sign: 1 | -1): void {
  if (!item || item.read) return;
  counts.unread += sign;
  if (item.starred) counts.starred += sign;
  if (item.clip) counts.clips += sign;
  bump(counts.bySource, item.sourceId, sign);
  for (const tag of new Set(item.tags)) bump(counts.byTag, tag, sign);
}

/** The counts of these items, counted one by one (a store replaced whole). */
export function unreadOf(items: Iterable<Counted>): UnreadCounts {
  const counts = noUnread();
  for (const item of items) count(counts, item, 1);
  return counts;
}

/**
 * The counts, kept as items are written rather than counted when a page asks: IndexedDB counts an index by
 * walking it, and at 200,000 items the navigation's counts walked for two seconds, holding up every other
 * read of the store (the search's among them). Each write that adds, changes or removes items says so here,
 * item by item, and the change is applied once, in the write's own transaction: the counts and the items
 * never disagree. `tests/store/unread-counts.test.ts` checks every write path against a full count.
 */
export class UnreadChange {
  /** Each item written: as stored before this write, and as it leaves it (one written twice counts once). */
  private readonly items = new Map<string, { before: Counted | undefined; after: Counted | undefined }>();

  /** One item written (`after`) over what was stored (`before`); undefined for none. */
  replaced(before: Counted | undefined, after: Counted | undefined): void {
    const id = (before ?? after)?.id;
    if (id === undefined) return;
    const seen = this.items.get(id);
    this.items.set(id, { before: seen ? seen.before : before, after });
  }

  async apply(store: CountsStore): Promise<void> {
    if (this.items.size === 0) return;
    const current = await store.get(UNREAD_COUNTS_KEY);
    // Never counted (it is counted by migration 9 and on each replace): the next count by walk writes it.
    if (!current) return;
    const delta = noUnread();
    for (const { before, after } of this.items.values()) {
      count(delta, before, -1);
      count(delta, after, 1);
    }
    const next: UnreadCounts = { unread: current.unread + delta.unread, starred: current.starred + delta.starred, clips: current.clips + delta.clips, bySource: { ...current.bySource }, byTag: { ...current.byTag } };
    for (const [key, by] of Object.entries(delta.bySource)) bump(next.bySource, key, by);
    for (const [key, by] of Object.entries(delta.byTag)) bump(next.byTag, key, by);
    await store.put(next, UNREAD_COUNTS_KEY);
  }
}

/**
 * The counts by walking the items' indexes: unread items by source and by tag on their keys alone (an item's
 * record is never read), favourites and clips, which are few, whole. What the store keeps is checked against
 * this; it is counted this way once, when the store reaches version 9.
 */
export async function countUnread(items: ItemsStore): Promise<UnreadCounts> {
  const indexes = new Set<string>(Array.from(items.indexNames));
  // A store that somehow lacks one of these indexes is walked whole (see migration 7).
  if (!['byUnread', 'byStarred', 'byClip', 'byUnreadSource', 'byUnreadTag'].every((name) => indexes.has(name))) return unreadOf(await items.getAll());
  const counts = noUnread();
  counts.unread = await items.index('byUnread').count();
  counts.starred = (await items.index('byStarred').getAll()).filter((record) => !record.read).length;
  counts.clips = (await items.index('byClip').getAll()).filter((record) => !record.read).length;
  for (let cursor = await items.index('byUnreadSource').openKeyCursor(); cursor; cursor = await cursor.continue()) bump(counts.bySource, cursor.key[0], 1);
  for (let cursor = await items.index('byUnreadTag').openKeyCursor(); cursor; cursor = await cursor.continue()) bump(counts.byTag, cursor.key, 1);
  return counts;
}

/** Items about to be written over whatever is stored under their ids: the stored ones are read, then counted. */
export async function countReplaced(items: IDBPObjectStore<VigieSchema, StoreNames<VigieSchema>[], 'items', 'readwrite'>, records: readonly Counted[], store: CountsStore): Promise<void> {
  const stored = await Promise.all(records.map((record) => items.get(record.id)));
  const change = new UnreadChange();
  records.forEach((record, index) => change.replaced(stored[index], record));
  await change.apply(store);
}
