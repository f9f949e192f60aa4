import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { historyPoints, HISTORY_POINT_PREFIX } from '@/lib/history/history-points';
import { uiLanguage } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Item } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { HISTORY_PACK_PATH, HistoryPackSchema, type HistoryPack } from '@/lib/packs/history-pack';
import { formatRoute } from '@/lib/reader/route';
import type { VigieReader } from '@/lib/store/reader';
import { sharedTags } from '@/lib/timeline';
import { loadTimelineItems } from './timeline-data';
import { TimelineView } from './TimelineView';

/** The Diagnostic screen: the timeline of Meta's changes, fed from the store; a point opens its item in the list. */
export function TimelineSection({ reader, sources, tags }: { reader: Pick<VigieReader, 'timelineItems'>; sources: Source[]; tags: Tag[] }) {
  const [items, setItems] = useState<Item[]>();
  useEffect(() => {
    const load = () => void loadTimelineItems(reader, sources).then(setItems);
    load();
    return onEvent((event) => event.event === 'itemsChanged' && load());
  }, [reader, sources]);
  // Facebook's history as the extension ships it: read once the screen opens, whatever the store holds.
  const [pack, setPack] = useState<HistoryPack>();
  useEffect(() => {
    void fetch(browser.runtime.getURL(HISTORY_PACK_PATH as '/popup.html'))
      .then((response) => response.json())
      .then((json) => setPack(HistoryPackSchema.parse(json)))
      .catch((error: unknown) => console.warn('Vigie: history pack unreadable', error));
  }, []);
  const history = useMemo(() => (pack ? historyPoints(pack, uiLanguage() === 'en' ? 'en' : 'fr', sharedTags(tags)) : []), [pack, tags]);
  if (!items) return <div class="admin-view" aria-busy="true" />;
  return (
    <TimelineView
      items={items}
      sources={sources}
      tags={tags}
      history={history}
      onOpen={(id) => {
        // A point of the shipped history opens its source (OTA's commit, the event's reference) in a new tab.
        const shipped = id.startsWith(HISTORY_POINT_PREFIX) ? history.find((point) => point.itemId === id)?.url : undefined;
        if (shipped) window.open(shipped, '_blank', 'noopener');
        else location.hash = formatRoute({ section: 'items', view: 'all', item: id });
      }}
      onAddEvent={async (event) => {
        await request('addHistoryEvent', event);
      }}
    />
  );
}
