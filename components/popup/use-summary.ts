import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onEvent, request, RequestError } from '@/lib/messages/client';
import type { Summary } from '@/lib/messages/protocol';

export interface SummaryListener {
  /** A request failed: the popup says why. */
  error: (error: unknown) => void;
  /** A refresh ended (the popup's button or the alarm's). */
  refreshed: (added: number, failed: number) => void;
}

export interface SummaryState {
  summary: Summary | undefined;
  /**
   * What was new when the popup opened, plus what arrived while it is open; undefined until known. Opening
   * marks everything seen, after which the background's own count is only what arrived since.
   */
  newCount: number | undefined;
  refreshing: boolean;
  setRefreshing: (refreshing: boolean) => void;
  reload: () => Promise<Summary | undefined>;
}

/**
 * The popup's summary: painted from the one the background kept (`kept`) when there is one, then asked
 * afresh once opening has marked what was new as seen, and again at each of the background's events.
 */
export function useSummary(kept: Summary | undefined, on: SummaryListener): SummaryState {
  const [summary, setSummary] = useState<Summary | undefined>(kept);
  const [atOpening, setAtOpening] = useState<number | undefined>(kept?.newCount);
  // Counted only from summaries asked for once opening was marked seen: before that, the background's
  // count is the one `atOpening` already holds (counting it again showed twice the news).
  const [arrived, setArrived] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const seen = useRef(false);
  const listener = useRef(on);
  listener.current = on;

  const reload = useCallback(async () => {
    const afterSeen = seen.current;
    try {
      const next = await request('summary', {});
      setSummary(next);
      setArrived(afterSeen ? next.newCount : 0);
      setRefreshing(next.refreshing);
      return next;
    } catch (error) {
      // A store a newer Vigie made is not this version's to show: the summary kept from before would say
      // « Aucun nouvel élément » under the sentence that says why nothing can be read.
      if (error instanceof RequestError && error.code === 'store-newer') setSummary(undefined);
      listener.current.error(error);
      return undefined;
    }
  }, []);

  useEffect(() => {
    void (async () => {
      if (!kept) setAtOpening((await reload())?.newCount ?? 0);
      await request('markSeen', {}).catch(listener.current.error);
      seen.current = true;
      await reload();
    })();
    return onEvent((event) => {
      if (event.event === 'refreshStarted') return setRefreshing(true);
      if (event.event === 'refreshFinished') {
        setRefreshing(false);
        listener.current.refreshed(event.added, event.failed);
      }
      void reload();
    });
  }, [reload]);

  return { summary, newCount: atOpening === undefined ? undefined : atOpening + arrived, refreshing, setRefreshing, reload };
}
