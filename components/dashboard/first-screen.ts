import type { IDBPDatabase } from 'idb';
import type { Item } from '@/lib/model/item';
import type { Route } from '@/lib/reader/route';
import type { VigieSchema } from '@/lib/store/schema';
import { fromRecord } from '@/lib/store/store';

/** Rows read for the first screen: more than a tall window shows. */
export const FIRST_SCREEN = 40;

export interface FirstScreen {
  ids: string[];
  items: Item[];
}

/**
 * The newest items, read before the dashboard first renders, when the address asks for the plain list (the
 * one it opens on): the list then paints with its rows in the first frame, while the whole list of ids loads
 * behind it. One cursor over the date index, newest first, gives the ids and the records together.
 */
export async function readFirstScreen(db: IDBPDatabase<VigieSchema>, route: Route): Promise<FirstScreen | undefined> {
  if (route.section !== 'items' || route.view !== 'all' || route.sourceId || route.tag) return undefined;
  const items: Item[] = [];
  for (let cursor = await db.transaction('items').store.index('byDate').openCursor(null, 'prev'); cursor && items.length < FIRST_SCREEN; cursor = await cursor.continue()) {
    items.push(fromRecord(cursor.value));
  }
  return { ids: items.map((item) => item.id), items };
}
