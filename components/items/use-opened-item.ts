import { useEffect, useState } from 'preact/hooks';
import type { Item } from '@/lib/model/item';
import type { VigieReader } from '@/lib/store/reader';

/**
 * The item the address opens (`?item=…`), so that a link or a notification can open it; read again whenever
 * `version` changes (items were written).
 */
export function useOpenedItem(reader: Pick<VigieReader, 'getItem'>, id: string | undefined, version: unknown): Item | undefined {
  const [opened, setOpened] = useState<Item>();
  useEffect(() => {
    if (!id) {
      setOpened(undefined);
      return;
    }
    let current = true;
    void reader.getItem(id).then((item) => current && setOpened(item));
    return () => {
      current = false;
    };
  }, [id, reader, version]);
  return opened;
}
