/**
 * What the toolbar icon's badge says. Until alert rules exist, it counts the unread items that arrived
 * since the user last opened the list; past 99 it says "99+" (longer text does not fit the icon).
 */
export const BADGE_COLOR = '#1d4f91';

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The moment up to which items count as seen, stored in the `meta` store. */
export const SEEN_UNTIL_KEY = 'seenUntil';
