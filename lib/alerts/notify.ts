import type { Translate } from '../i18n/translate';
import { itemsOf, type Alert } from '../model/alert';
import type { QuietHours, Settings } from '../model/settings';
import { alertOrder } from '../store/alerts';

/** What one desktop notification says, and what clicking it opens. */
export interface AlertNotification {
  title: string;
  message: string;
  /** The dashboard address it opens: the item when there is one alert, the Alertes view when several. */
  route: string;
}

/** Whether `now` (local time) falls in the quiet hours, which may span midnight. */
export function inQuietHours(quiet: QuietHours, now: Date): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const [start, end] = [quiet.start, quiet.end].map((clock) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)));
  return start! < end! ? minutes >= start! && minutes < end! : minutes >= start! || minutes < end!;
}

/**
 * One notification for the alerts a refresh raised whose rule asks to notify: named when they are about one item,
 * grouped ("5 nouvelles alertes") with the most critical named when there are several. Basic notifications
 * only (no buttons), which is all Firefox offers.
 */
export function alertNotification(
  alerts: readonly Alert[],
  titleOf: (itemId: string) => string,
  settings: Pick<Settings, 'notifications' | 'quietHours'>,
  now: Date,
  t: Translate,
): AlertNotification | undefined {
  if (!settings.notifications || alerts.length === 0 || inQuietHours(settings.quietHours, now)) return undefined;
  const [top] = [...alerts].sort(alertOrder) as [Alert, ...Alert[]];
  const named = `${t(`priority_${top.priority}`)} · ${titleOf(top.itemId) || t('untitled')}`;
  // Counted as the badge counts: an article two rules matched is one alert to read.
  const items = itemsOf(alerts);
  if (items === 1) {
    return { title: t('notifyOneTitle', [top.ruleName]), message: named, route: `#/alerts?item=${encodeURIComponent(top.itemId)}` };
  }
  return { title: t('notifyManyTitle', [String(items)]), message: named, route: '#/alerts' };
}
