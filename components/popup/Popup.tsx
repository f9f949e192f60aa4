import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { t } from '@/lib/i18n/browser';
import { feedErrorText } from '@/lib/i18n/translate';
import { request } from '@/lib/messages/client';
import type { Summary } from '@/lib/messages/protocol';
import type { ItemPatch } from '@/lib/model/item';
import { alertCountText } from '../alerts/alert-count';
import { AlertList } from '../alerts/AlertList';
import { shareItem } from '../hub/share-item';
import { countText, refreshDoneText } from '../ui/count';
import { markRendered } from '../ui/first-render';
import { rescueFocus } from '../ui/focus-rescue';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import { ClipForm } from './ClipForm';
import { NewCount } from './NewCount';
import { NewsList } from './NewsList';
import { SourceHealthList } from './SourceHealthList';
import { Tabs } from './Tabs';
import { useSummary } from './use-summary';

type Tab = 'alerts' | 'news' | 'copil' | 'sources';

const POPUP_RENDERED = 'vigie:popup-rendered';

const enabledSources = (summary: Summary | undefined) => summary?.sources.filter((source) => source.enabled).length ?? 0;

/** What an empty list says, as things stand: a refresh running, no source reached, or nothing published yet. */
function emptyNews(summary: Summary, refreshing: boolean): string {
  if (refreshing) return t('newsRefreshing');
  const enabled = summary.sources.filter((source) => source.enabled);
  if (enabled.length > 0 && enabled.every((source) => source.lastError)) return t('newsNoneReached');
  return t('noItemsYet');
}

/**
 * The popup: clip the current page, the latest items (new count, star / read / tag right there), each
 * source's health, a way to the dashboard. It paints from the summary the background keeps in session
 * storage, then asks for a fresh one. Opening it marks what arrived as seen, which clears the badge
 * (items stay unread until opened).
 */
export function Popup({ kept }: { kept?: Summary }) {
  const [message, setMessage] = useState('');
  const say = (error: unknown) => setMessage(errorText(error));
  const { summary, newCount, refreshing, setRefreshing, reload } = useSummary(kept, {
    error: say,
    refreshed: (added, failed) => setMessage(refreshDoneText(added, failed, enabledSources(summary))),
  });
  // Alertes first when something rang; otherwise what is new.
  const [tab, setTab] = useState<Tab>(kept && kept.alerts.unread > 0 ? 'alerts' : kept?.hub && kept.hub.unread > 0 ? 'copil' : 'news');

  // For the benchmark (and the browser's performance panel): when the summary's rows were first rendered.
  const main = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (summary && newCount !== undefined) markRendered(POPUP_RENDERED, main.current);
  }, [summary, newCount]);

  const refresh = async () => {
    if (refreshing) return;
    setRefreshing(true);
    setMessage(t('refreshing'));
    try {
      const result = await request('refresh', {});
      setMessage(refreshDoneText(result.added, result.failed, enabledSources(summary)));
    } catch (error) {
      say(error);
    } finally {
      setRefreshing(false);
      await reload();
    }
  };

  const patch = (id: string, change: ItemPatch) => void request('updateItems', { ids: [id], patch: change }).catch(say);
  const share = (itemId: string) => void shareItem(itemId).then(setMessage, say);
  const readAlerts = (ids: string[] | undefined, read: boolean) => void request('setAlertsRead', { ...(ids ? { ids } : {}), read }).catch(say);

  // The popup's status line says the prompt's wait, a refusal, a cancel; the sources tab has the cancel button.
  const permission = usePermission((said) => setMessage(said.text));
  const [granting, setGranting] = useState<string>();
  // Must run straight from the click: browsers only show the permission prompt on a user gesture.
  const grant = async (source: Summary['sources'][number]) => {
    setGranting(source.id);
    if (await permission.ask(source.url)) await refresh();
  };

  // The COPIL tab's code loads when the tab is first shown: the popup's first paint does not wait for it.
  const [HubTab, setHubTab] = useState<typeof import('./HubTab').HubTab>();
  // Focus never falls to the page when what had it goes (see focus-rescue.ts).
  useEffect(() => rescueFocus(), []);

  useEffect(() => {
    if (tab === 'copil' && !HubTab) void import('./HubTab').then((module) => setHubTab(() => module.HubTab));
  }, [tab, HubTab]);

  const failing = summary?.sources.filter((source) => source.lastError).length ?? 0;

  return (
    <main class="popup" ref={main}>
      <header class="popup__header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="button button--quiet" onClick={() => void openDashboard().then(() => window.close())}>
          {t('openDashboard')}
        </button>
        <button type="button" class="button" onClick={refresh} aria-disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </header>
      <ClipForm tags={summary?.tags ?? []} hubConnected={!!summary?.hub} />
      {summary?.storageProblem && (
        <p class="problem" role="alert">
          {feedErrorText(summary.storageProblem, t)}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
      {summary && newCount !== undefined && (
        <Tabs
          label={t('popupTabsLabel')}
          selected={tab}
          onSelect={setTab}
          tabs={[
            {
              id: 'alerts',
              label: t('tabAlerts'),
              ...(summary.alerts.unread > 0 ? { count: { value: summary.alerts.unread, said: countText('tabUnreadSaid', summary.alerts.unread) } } : {}),
              panel: (
                <>
                  <p class="new-count" role="status">
                    {alertCountText(summary.alerts.latest, summary.alerts.unread, t('alertsNoneUnread'))}
                  </p>
                  {summary.alerts.unread > 0 && (
                    <button type="button" class="link-button" onClick={() => readAlerts(undefined, true)}>
                      {t('alertsReadAll')}
                    </button>
                  )}
                  <AlertList
                    alerts={summary.alerts.latest}
                    newTab
                    hrefOf={(alert) => alert.item.url}
                    onOpen={(group) => readAlerts(group.ids, true)}
                    onRead={(group, read) => readAlerts(group.ids, read)}
                    onShare={summary.hub ? (group) => share(group.first.item.id) : undefined}
                  />
                  <button type="button" class="link-button" onClick={() => void openDashboard('#/alerts').then(() => window.close())}>
                    {t('alertsSeeAll')}
                  </button>
                </>
              ),
            },
            {
              id: 'news',
              label: t('tabNews'),
              panel: (
                <>
                  <NewCount count={newCount} />
                  <NewsList empty={emptyNews(summary, refreshing)} items={summary.latest} tags={summary.tags} onOpen={(id) => patch(id, { read: true })} onPatch={patch} onShare={summary.hub ? share : undefined} />
                </>
              ),
            },
            ...(summary.hub
              ? [
                  {
                    id: 'copil' as const,
                    label: t('tabCopil'),
                    ...(summary.hub.unread > 0 ? { count: { value: summary.hub.unread, said: countText('tabNewSaid', summary.hub.unread) } } : {}),
                    panel: HubTab ? <HubTab hub={summary.hub} tags={summary.tags} say={setMessage} /> : <p aria-busy="true" />,
                  },
                ]
              : []),
            {
              id: 'sources',
              label: t('tabSources'),
              ...(failing > 0 ? { count: { value: failing, said: t('tabFailingSaid'), tone: 'error' as const } } : {}),
              panel: (
                <SourceHealthList
                  sources={summary.sources}
                  onGrant={(source) => void grant(source)}
                  asking={(source) => source.id === granting && <PermissionWait permission={permission} small />}
                />
              ),
            },
          ]}
        />
      )}
    </main>
  );
}
