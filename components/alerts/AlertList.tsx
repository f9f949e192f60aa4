import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { AlertRow } from '@/lib/messages/protocol';
import { priorityRank } from '@/lib/model/vocabulary';
import { ROW_TIMING } from '../ui/first-render';
import { PriorityBadge } from './PriorityBadge';

/** The alerts about one item, shown as one row: several rules may fire on one article. */
export interface AlertGroup {
  /** The most urgent of its alerts (the oldest among equals), which gives the row its priority. */
  first: AlertRow;
  ids: string[];
  /** Its rules' names, the most urgent first, then in alphabetical order: the same in the popup and in Alertes. */
  rules: string[];
  read: boolean;
  /** A rule that fired asks to propose sharing the item with the COPIL. */
  proposeShare: boolean;
}

/** More urgent first; among equals, the older alert (it rang first). */
const moreUrgent = (a: AlertRow, b: AlertRow) => priorityRank(b.priority) - priorityRank(a.priority) || a.created.localeCompare(b.created);

/**
 * Rows in the order the alerts come (each item where its first alert is), whatever order that is: the popup
 * and Alertes ask in different orders, and a row must read the same in both.
 */
export function groupByItem(alerts: readonly AlertRow[]): AlertGroup[] {
  const byItem = new Map<string, AlertRow[]>();
  for (const alert of alerts) byItem.set(alert.item.id, [...(byItem.get(alert.item.id) ?? []), alert]);
  return [...byItem.values()].map((group) => {
    const sorted = [...group].sort(moreUrgent);
    const rules = [...new Map(sorted.map((alert) => [alert.ruleName, alert])).values()]
      .sort((a, b) => priorityRank(b.priority) - priorityRank(a.priority) || a.ruleName.localeCompare(b.ruleName, 'fr'))
      .map((alert) => alert.ruleName);
    return {
      first: sorted[0]!,
      ids: group.map((alert) => alert.id),
      rules,
      read: group.every((alert) => alert.read),
      proposeShare: group.some((alert) => !!alert.proposeShare),
    };
  });
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
