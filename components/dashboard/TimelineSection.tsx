import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import { onEvent, request } from '@/lib/messages/client';
import type { Item } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { formatRoute } from '@/lib/reader/route';
import type { VigieSchema } from '@/lib/store/schema';
import { TimelineView } from '../timeline/TimelineView';
import { loadTimelineItems } from './timeline-data';

/** The Diagnostic screen: the timeline of Meta's changes, fed from the store; a point opens its item in the list. */
export function TimelineSection({ db, sources, tags }: { db: IDBPDatabase<VigieSchema>; sources: Source[]; tags: Tag[] }) {
  const [items, setItems] = useState<Item[]>();
  useEffect(() => {
    const load = () => void loadTimelineItems(db, sources).then(setItems);
    load();
    return onEvent((event) => event.event === 'itemsChanged' && load());
  }, [db, sources]);
  if (!items) return <div class="admin-view" aria-busy="true" />;
  return (
    <TimelineView
      items={items}
      sources={sources}
      tags={tags}
      onOpen={(id) => (location.hash = formatRoute({ section: 'items', view: 'all', item: id }))}
      onAddEvent={async (event) => {
        await request('addHistoryEvent', event);
      }}
    />
  );
}
