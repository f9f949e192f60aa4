import { ItemSchema, type Item } from '../model/item';
import type { ItemRecord } from './schema';

/** An item as the items store holds it: checked against the model, plus the keys its indexes need. */
export function toRecord(item: Item): ItemRecord {
  const checked = ItemSchema.parse(item);
  const sortDate = checked.published ?? checked.fetched;
  return {
    ...checked,
    sortDate,
    ...(checked.read ? {} : { unreadDate: sortDate, unreadFetched: checked.fetched }),
    ...(checked.read || checked.tags.length === 0 ? {} : { unreadTags: checked.tags }),
    ...(checked.starred ? { starredDate: sortDate } : {}),
    ...(checked.clip ? { clipDate: checked.clip.clippedAt } : {}),
  };
}

/** A stored item checked against the model on the way out (the index keys are dropped). */
export function fromRecord(record: ItemRecord): Item {
  return ItemSchema.parse(record);
}
