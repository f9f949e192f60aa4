import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import type { Item } from '@/lib/model/item';
import type { VigieSchema } from '@/lib/store/schema';
import { fromRecord } from '@/lib/store/store';

/**
 * The item the address opens (`?item=…`), so that a link or a notification can open it; read again whenever
 * `version` changes (items were written).
 */
export function useOpenedItem(db: IDBPDatabase<VigieSchema>, id: string | undefined, version: unknown): Item | undefined {
  const [opened, setOpened] = useState<Item>();
  useEffect(() => {
    if (!id) {
      setOpened(undefined);
      return;
    }
    let current = true;
    void db.get('items', id).then((record) => current && setOpened(record ? fromRecord(record) : undefined));
    return () => {
      current = false;
    };
  }, [id, db, version]);
  return opened;
}
