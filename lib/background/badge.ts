import { badgeColor, badgeText } from '../badge/badge';
import { highestPriority, type Priority } from '../model/vocabulary';

/** The toolbar button's badge as `browser.action` sets it; tests pass a recorder. */
export interface BadgeAction {
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setBadgeText(details: { text: string }): Promise<void>;
}

interface UnreadCount {
  unread(): Promise<{ count: number; highest?: Priority }>;
}

export interface BadgeCounts {
  alerts: number;
  shares: number;
}

/**
 * The badge counts unread alerts and others' new shares on the hub, in the colour of the highest priority
 * among them. Returns both counts, for the open pages.
 */
export async function updateBadge(store: { alerts: UnreadCount; shares: UnreadCount }, action: BadgeAction): Promise<BadgeCounts> {
  const [alerts, shares] = await Promise.all([store.alerts.unread(), store.shares.unread()]);
  await action.setBadgeBackgroundColor({ color: badgeColor(highestPriority([alerts.highest, shares.highest])) });
  // Chrome picks black or white text by itself; Firefox needs telling (white on every badge colour).
  await action.setBadgeTextColor?.({ color: '#ffffff' }).catch(() => undefined);
  await action.setBadgeText({ text: badgeText(alerts.count + shares.count) });
  return { alerts: alerts.count, shares: shares.count };
}
