import type { AlertRow } from '@/lib/messages/protocol';
import { countText } from '../ui/count';
import { groupByItem } from './AlertList';

/**
 * The line above a list of alerts, counted as the badge counts (items, each one row of the list): the unread
 * ones, or, when all are read, how many the list shows, so that it never says « aucune » above rows.
 */
export function alertCountText(alerts: readonly AlertRow[], unread: number, none: string): string {
  if (unread > 0) return countText('alertsUnread', unread);
  const rows = groupByItem(alerts).length;
  return rows > 0 ? countText('alertsAllRead', rows) : none;
}
