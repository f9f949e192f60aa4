import type { Item } from '@/lib/model/item';
import type { Route } from '@/lib/reader/route';
import type { VigieReader } from '@/lib/store/reader';

/** Rows read for the first screen: more than a tall window shows. */
export const FIRST_SCREEN = 40;

export interface FirstScreen {
  ids: string[];
  items: Item[];
}

/**
 * The newest items, read before the dashboard first renders, when the address asks for the plain list (the
 * one it opens on): the list then paints with its rows in the first frame, while the whole list of ids loads
 * behind it.
 */
export async function readFirstScreen(reader: Pick<VigieReader, 'newest'>, route: Route): Promise<FirstScreen | undefined> {
  if (route.section !== 'items' || route.view !== 'all' || route.sourceId || route.tag) return undefined;
  const items = await reader.newest(FIRST_SCREEN);
  return { ids: items.map((item) => item.id), items };
}
