import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { AlertRow } from '@/lib/messages/protocol';
import type { ItemPatch } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { PRIORITIES, type Priority } from '@/lib/model/vocabulary';
import { formatRoute } from '@/lib/reader/route';
import type { VigieReader } from '@/lib/store/reader';
import { pageTitle, useDocumentTitle } from '../dashboard/page-title';
import { shareItem } from '../hub/share-item';
import { useHubConnected } from '../hub/ShareButton';
import { ReadingPane } from '../items/lazy-reading-pane';
import { returnFocusToRow } from '../items/pane-focus';
import { useOpenedItem } from '../items/use-opened-item';
import { alertCountText } from './alert-count';
import { AlertList, groupByItem } from './AlertList';

interface Props {
  reader: Pick<VigieReader, 'getItem'>;
  /** The item opened from an alert (`#/alerts?item=…`, as a notification links to it). */
  item?: string;
  sources: Source[];
  tags: Tag[];
  /** « Alertes »: the tab's title with an item open. */
  sectionName?: string;
}

type Shown = 'unread' | 'all';

/** The Alertes view: every alert, unread and most critical first, filterable; an alert opens its item beside the list. */
export function AlertsView({ reader, item, sources, tags, sectionName }: Props) {
  const [alerts, setAlerts] = useState<AlertRow[]>();
  const [shown, setShown] = useState<Shown>('all');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [message, setMessage] = useState('');
  const opened = useOpenedItem(reader, item, alerts);
  useDocumentTitle(opened ? pageTitle(opened.title || t('untitled'), sectionName) : undefined);
  const connected = useHubConnected();
  const say = (error: unknown) => setMessage(errorText(error));

  useEffect(() => {
    const load = () => void request('listAlerts', {}).then(setAlerts, say);
    load();
    return onEvent((event) => {
      if (event.event === 'alertsChanged' || event.event === 'itemsChanged') load();
    });
  }, []);

  const read = (ids: string[] | undefined, value: boolean) => void request('setAlertsRead', { ...(ids ? { ids } : {}), read: value }).catch(say);
  /** Resolves whether it was stored (the pane says « Note enregistrée » only then). */
  const patch = (change: ItemPatch): Promise<boolean> | false =>
    !!opened &&
    request('updateItems', { ids: [opened.id], patch: change }).then(
      () => true,
      (error: unknown) => {
        say(error);
        return false;
      },
    );

  const visible = (alerts ?? []).filter((alert) => (shown === 'all' || !alert.read) && (!priority || alert.priority === priority));
  // Counted as the badge counts: items with an unread alert, each one row of the list.
  const unread = groupByItem(alerts ?? []).filter((group) => !group.read).length;
  const titles = new Map(sources.map((source) => [source.id, source.title]));

  // A row read under « Non lues » leaves the list, and « Tout marquer comme lu » goes once used: focus goes to
  // the row now in that place, else the heading, never to the page (RGAA 12.8).
  const focusAt = useRef<number>();
  const rememberFocus = () => {
    const row = document.activeElement?.closest('.alerts-view__list li');
    focusAt.current = row ? Array.from(row.parentElement?.children ?? []).indexOf(row) : -1;
  };
  useLayoutEffect(() => {
    const at = focusAt.current;
    // Looked at once, after the change the action made: the member may have gone elsewhere since.
    focusAt.current = undefined;
    if (at === undefined || (document.activeElement && document.activeElement !== document.body)) return;
    const rows = document.querySelectorAll<HTMLElement>('.alerts-view__list li .alert__read');
    const target = (at >= 0 ? rows[Math.min(at, rows.length - 1)] : undefined) ?? document.getElementById('alerts-title');
    if (target?.id === 'alerts-title') target.tabIndex = -1;
    target?.focus();
  }, [visible.length, unread]);

  return (
    <div class={opened ? 'items-view items-view--opened' : 'items-view'}>
      <section class="items-view__list alerts-view" aria-labelledby="alerts-title">
        <h1 id="alerts-title">{t('navAlerts')}</h1>
        <form class="filters" onSubmit={(event) => event.preventDefault()}>
          <label>
            <span>{t('alertsShow')}</span>
            <select value={shown} onChange={(event) => setShown(event.currentTarget.value as Shown)}>
              <option value="all">{t('alertsShowAll')}</option>
              <option value="unread">{t('alertsShowUnread')}</option>
            </select>
          </label>
          <label>
            <span>{t('priorityLabel')}</span>
            <select value={priority} onChange={(event) => setPriority(event.currentTarget.value as Priority | '')}>
              <option value="">{t('priorityAny')}</option>
              {[...PRIORITIES].reverse().map((level) => (
                <option value={level}>{t(`priority_${level}`)}</option>
              ))}
            </select>
          </label>
          {unread > 0 && (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => {
                rememberFocus();
                read(undefined, true);
              }}
            >
              {t('alertsReadAll')}
            </button>
          )}
        </form>
        <p class="count" role="status">
          {alerts ? alertCountText(visible, unread, t('alertsNoneUnread')) : t('itemCounting')}
        </p>
        {alerts && (
          <div class="alerts-view__list">
            <AlertList
              alerts={visible}
              newTab={false}
              hrefOf={(alert) => formatRoute({ section: 'alerts', item: alert.item.id })}
              onOpen={(group) => !group.read && read(group.ids, true)}
              onRead={(group, value) => {
                rememberFocus();
                read(group.ids, value);
              }}
              onShare={connected ? (group) => void shareItem(group.first.item.id).then(setMessage, say) : undefined}
            />
          </div>
        )}
        {/* Only what went wrong is said here: at once (RGAA 7.5). */}
        <p class="problem" role="alert">
          {message}
        </p>
      </section>
      {!opened && (
        <aside class="reading-pane reading-pane--empty" aria-label={t('paneEmptyLabel')}>
          <p>{t('paneEmptyAlerts')}</p>
        </aside>
      )}
      {opened && (
        <ReadingPane
          key={opened.id}
          item={opened}
          sourceTitle={titles.get(opened.sourceId)}
          sourceLanguage={sources.find((source) => source.id === opened.sourceId)?.language}
          tags={tags}
          onPatch={patch}
          onClose={() => {
            location.hash = formatRoute({ section: 'alerts' });
            returnFocusToRow(opened.id);
          }}
        />
      )}
    </div>
  );
}
