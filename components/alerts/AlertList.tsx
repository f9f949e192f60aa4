import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { AlertRow } from '@/lib/messages/protocol';
import { ROW_TIMING } from '../ui/first-render';
import { PriorityBadge } from './PriorityBadge';

/** The alerts about one item, shown as one row: several rules may fire on one article. */
export interface AlertGroup {
  /** The first alert (the most urgent: the list comes sorted), which gives the row its priority. */
  first: AlertRow;
  ids: string[];
  rules: string[];
  read: boolean;
  /** A rule that fired asks to propose sharing the item with the COPIL. */
  proposeShare: boolean;
}

export function groupByItem(alerts: readonly AlertRow[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const alert of alerts) {
    const group = groups.get(alert.item.id);
    if (!group) groups.set(alert.item.id, { first: alert, ids: [alert.id], rules: [alert.ruleName], read: alert.read, proposeShare: !!alert.proposeShare });
    else {
      group.ids.push(alert.id);
      if (!group.rules.includes(alert.ruleName)) group.rules.push(alert.ruleName);
      group.read &&= alert.read;
      group.proposeShare ||= !!alert.proposeShare;
    }
  }
  return [...groups.values()];
}

interface Props {
  alerts: AlertRow[];
  /** The item's title was followed: reading the item reads its alerts. */
  onOpen: (group: AlertGroup) => void;
  onRead: (group: AlertGroup, read: boolean) => void;
  /** Where the title leads: the article (popup), or the item in the reading pane (dashboard). */
  hrefOf: (alert: AlertRow) => string | undefined;
  /** The dashboard opens items in its own pane; the popup opens articles in a new tab. */
  newTab: boolean;
  /** Given once a hub is connected: rows whose rules propose it offer "Partager avec le COPIL". */
  onShare?: (group: AlertGroup) => void;
}

/**
 * Alerts, unread and most critical first, one row per item: priority in words, the rules that fired, the item
 * (title, source, date). Titles come from feeds: rendered as text, and only http(s) addresses become links.
 */
export function AlertList({ alerts, onOpen, onRead, hrefOf, newTab, onShare }: Props) {
  if (alerts.length === 0) return <p class="empty">{t('noAlerts')}</p>;
  const language = uiLanguage();
  return (
    <ul class="alerts">
      {groupByItem(alerts).map((group) => {
        const alert = group.first;
        const title = alert.item.title || t('untitled');
        const href = hrefOf(alert);
        return (
          <li key={alert.item.id} class={`alert alert--${alert.priority}${group.read ? ' alert--read' : ''}`} data-alert-id={group.ids.join(' ')} data-item={alert.item.id}>
            <span class="alert__head">
              <PriorityBadge priority={alert.priority} />
              <span class="alert__rule">{group.rules.join(' · ')}</span>
              {!group.read && <span class="visually-hidden">{t('alertUnread')}</span>}
            </span>
            {href ? (
              <a class="alert__title" {...ROW_TIMING} lang={alert.item.language} href={href} {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})} onClick={() => onOpen(group)}>
                {title}
              </a>
            ) : (
              <span class="alert__title" lang={alert.item.language}>
                {title}
              </span>
            )}
            <span class="alert__meta">
              {alert.item.sourceTitle || (alert.item.clip ? t('clipLabel') : '')}
              {' · '}
              {/* The article's date; when the alert was raised, on hover. */}
              {alert.item.date ? (
                <time dateTime={alert.item.date} title={t('alertRaisedOn', [fullDate(alert.created, language)])}>
                  {relativeTime(alert.item.date, language)}
                </time>
              ) : (
                <span title={t('alertRaisedOn', [fullDate(alert.created, language)])}>{t('unknownDate')}</span>
              )}
              {/* When the alert rang, in words too, not only on hover (RGAA 12.11). */}
              <span class="alert__raised">
                {' · '}
                {t('alertRaisedAgo', [relativeTime(alert.created, language)])}
              </span>
            </span>
            <button type="button" class="button button--small button--quiet alert__read" onClick={() => onRead(group, !group.read)} aria-label={`${group.read ? t('markUnread') : t('markRead')} : ${title}`}>
              {group.read ? t('markUnread') : t('markRead')}
            </button>
            {onShare && group.proposeShare && (
              <button type="button" class="button button--small button--quiet alert__share" onClick={() => onShare(group)} aria-label={`${t('shareWithCopil')} : ${title}`}>
                {t('shareWithCopil')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
