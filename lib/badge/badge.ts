import type { Priority } from '../model/vocabulary';

/**
 * What the toolbar icon's badge says: the number of unread alerts (past 99, "99+": longer text does not fit
 * the icon), in the colour of the highest priority among them.
 */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Each colour carries white text at a contrast of 4.5:1 or more (RGAA). */
export const BADGE_COLORS: Record<Priority, string> = {
  info: '#1d4f91',
  important: '#a34700',
  critical: '#b71c1c',
};

export function badgeColor(highest: Priority | undefined): string {
  return BADGE_COLORS[highest ?? 'info'];
}

