import { useEffect, useState } from 'preact/hooks';
import { onEvent } from '@/lib/messages/client';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import type { UnreadCounts, VigieReader } from '@/lib/store/reader';
import { firstPaint } from '../ui/first-render';

/** A burst of changes (a refresh saving source after source, a row read) is counted once, this long after. */
const SETTLE_MS = 300;

/**
 * The navigation's unread figures, counted once the first screen is on view and again after items, sources or
 * tags change. Counting is a few index counts (VigieReader.unreadCounts), so it follows the store closely.
 */
export function useUnreadCounts(reader: VigieReader, sources: Source[], tags: Tag[]): UnreadCounts | undefined {
  const [counts, setCounts] = useState<UnreadCounts>();
  const sourceIds = sources.map((source) => source.id).join('\n');
  const tagIds = tags.map((tag) => tag.id).join('\n');

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () =>
      void reader.unreadCounts(sourceIds ? sourceIds.split('\n') : [], tagIds ? tagIds.split('\n') : []).then(
        (next) => live && setCounts(next),
        // A count that fails (the store closed under the page) leaves the last figures; the next change retries.
        () => undefined,
      );
    void firstPaint.then(count);
    const unsubscribe = onEvent((event) => {
      if (event.event !== 'itemsChanged' && event.event !== 'refreshFinished') return;
      clearTimeout(timer);
      timer = setTimeout(count, SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reader, sourceIds, tagIds]);

  return counts;
}
