import type { IDBPDatabase } from 'idb';
import { HISTORY_SOURCE_ID, IMPACTS, type Item } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import { CURATED_CATEGORIES } from '@/lib/packs/curated-sources';
import type { ItemRecord, VigieSchema } from '@/lib/store/schema';
import { fromRecord } from '@/lib/store/store';

/**
 * The items the Diagnostic timeline may show, read from the store's indexes rather than all 50,000: those of
 * Meta's own sources, of terms and page monitors, the past events added by hand, and whatever a member judged
 * (an impact) or starred. The timeline's own rule then picks among them.
 */
export async function loadTimelineItems(db: IDBPDatabase<VigieSchema>, sources: readonly Source[]): Promise<Item[]> {
  const watched = sources.filter((source) => source.kind === 'page' || source.category === CURATED_CATEGORIES.meta || source.category === CURATED_CATEGORIES.terms);
  const tx = db.transaction('items');
  const bySource = (id: string) => tx.store.index('bySource').getAll(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  const groups: ItemRecord[][] = await Promise.all([
    ...watched.map((source) => bySource(source.id)),
    bySource(HISTORY_SOURCE_ID),
    ...IMPACTS.map((impact) => tx.store.index('byImpact').getAll(impact)),
    tx.store.index('byStarred').getAll(),
  ]);
  const unique = new Map(groups.flat().map((record) => [record.id, record]));
  return [...unique.values()].map(fromRecord);
}
