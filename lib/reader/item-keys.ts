import type { IDBPDatabase } from 'idb';
import type { Impact } from '../model/item';
import type { VigieSchema } from '../store/schema';
import type { ItemKeys } from './query';

/** ItemKeys over the store's indexes: pages read the store directly (reads only; writes go through the background). */
export function itemKeys(db: IDBPDatabase<VigieSchema>): ItemKeys {
  const keysOf = async (index: Parameters<typeof db.getAllKeysFromIndex<'items', 'byDate'>>[1] | string, query?: IDBKeyRange | string) =>
    new Set((await db.getAllKeysFromIndex('items', index as 'byDate', query)).map(String));
  return {
    async byDate(from, to) {
      const range =
        from && to ? IDBKeyRange.bound(from, to) : from ? IDBKeyRange.lowerBound(from) : to ? IDBKeyRange.upperBound(to) : undefined;
      return (await db.getAllKeysFromIndex('items', 'byDate', range)).map(String);
    },
    async newest(limit) {
      const ids: string[] = [];
      for (let cursor = await db.transaction('items').store.index('byDate').openKeyCursor(null, 'prev'); cursor && ids.length < limit; cursor = await cursor.continue()) {
        ids.push(String(cursor.primaryKey));
      }
      return ids;
    },
    unread: () => keysOf('byUnread'),
    starred: () => keysOf('byStarred'),
    clips: () => keysOf('byClip'),
    ofSource: (sourceId) => keysOf('bySource', IDBKeyRange.bound([sourceId, ''], [sourceId, '\uffff']) as IDBKeyRange),
    withTag: (tag) => keysOf('byTag', tag),
    withImpact: (impact: Impact) => keysOf('byImpact', impact),
  };
}
