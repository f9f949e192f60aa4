import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/feeds/links';
import { t } from '@/lib/i18n/browser';
import { feedErrorText } from '@/lib/i18n/translate';
import { onEvent, request, RequestError } from '@/lib/messages/client';
import type { Summary } from '@/lib/messages/protocol';
import { ClipForm } from './ClipForm';
import { ItemList } from './ItemList';
import { NewCount } from './NewCount';
import { SourceHealthList } from './SourceHealthList';

/**
 * The first popup: the count of new items, the latest ten, "Rafraîchir", and each source's health.
 * Opening it marks what arrived as seen, which clears the badge (items stay unread until opened).
 */
export function Popup() {
  const [summary, setSummary] = useState<Summary>();
  // Opening the popup marks everything as seen (the badge clears); the count shown stays what was new
  // when it opened, plus what arrives while it is open.
  const [newAtOpening, setNewAtOpening] = useState<number>();
  const [refreshing, setRefreshing] = useState(false);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    try {
      const next = await request('summary', {});
      setSummary(next);
      setRefreshing(next.refreshing);
      return next;
    } catch (error) {
      setMessage(error instanceof RequestError ? error.message : String(error));
      return undefined;
    }
  }, []);

  useEffect(() => {
    void (async () => {
      setNewAtOpening((await load())?.newCount ?? 0);
      // For the benchmark (and the browser's performance panel): when the popup first showed its summary.
      requestAnimationFrame(() => performance.mark('vigie:popup-rendered'));
      await request('markSeen', {});
    })();
    return onEvent((event) => {
      if (event.event === 'refreshStarted') setRefreshing(true);
      if (event.event === 'refreshFinished') {
        setRefreshing(false);
        setMessage(t('refreshDone', [String(event.added), String(event.failed)]));
      }
      if (event.event !== 'refreshStarted') void load();
    });
  }, [load]);

  const refresh = async () => {
    setRefreshing(true);
    setMessage(t('refreshing'));
    try {
      const result = await request('refresh', {});
      setMessage(t('refreshDone', [String(result.added), String(result.failed)]));
    } catch (error) {
      setMessage(error instanceof RequestError ? error.message : String(error));
    } finally {
      setRefreshing(false);
      await load();
    }
  };

  const open = (id: string) => void request('setRead', { ids: [id], read: true });

  // Must run straight from the click: browsers only show the permission prompt on a user gesture.
  const grant = async (source: Summary['sources'][number]) => {
    if (await browser.permissions.request({ origins: [originPattern(source.url)] })) await refresh();
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </header>
      <ClipForm />
      {summary?.storageProblem && (
        <p class="problem" role="alert">
          {feedErrorText(summary.storageProblem, t)}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
      {summary && newAtOpening !== undefined && (
        <>
          <NewCount count={newAtOpening + summary.newCount} />
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">{t('latestItems')}</h2>
            <ItemList items={summary.latest} onOpen={open} />
          </section>
          <section aria-labelledby="sources-title">
            <h2 id="sources-title">{t('sourcesHealth')}</h2>
            <SourceHealthList sources={summary.sources} onGrant={(source) => void grant(source)} />
          </section>
        </>
      )}
    </main>
  );
}
