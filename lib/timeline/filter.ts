import { IMPACTS, type Impact } from '../model/item';
import type { TimelineKind, TimelinePoint } from './points';

/** Stands for "no shared category" in a category filter (a tag id is never empty). */
export const NO_CATEGORY = '';

export interface TimelineFilter {
  /** Top-level category ids to keep, `NO_CATEGORY` for the points without one; absent keeps them all. */
  categories?: readonly string[];
  kinds?: readonly TimelineKind[];
  /** First and last day kept, both included: "YYYY-MM-DD" as a date field gives it (the member's own days), or an ISO date. */
  from?: string;
  to?: string;
  /** Keeps the points judged at least this strong; points with no impact set are then left out. */
  minImpact?: Impact;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A bound as an instant: a day is read in the member's time zone (what the date field meant) and kept whole,
 * from its first millisecond ("from") to its last ("to"); an ISO date is its own instant. Unreadable: no bound.
 */
function bound(value: string | undefined, end: 'first' | 'last'): number | undefined {
  if (!value) return undefined;
  const day = DAY.exec(value);
  if (day) {
    const start = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + (end === 'last' ? 1 : 0)).getTime();
    return end === 'last' ? start - 1 : start;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

const rank = (impact: Impact): number => IMPACTS.indexOf(impact);

export function filterPoints(points: readonly TimelinePoint[], filter: TimelineFilter): TimelinePoint[] {
  const categories = filter.categories && new Set(filter.categories);
  const kinds = filter.kinds && new Set(filter.kinds);
  const from = bound(filter.from, 'first');
  const to = bound(filter.to, 'last');
  const minRank = filter.minImpact ? rank(filter.minImpact) : undefined;
  return points.filter((point) => {
    if (categories) {
      const inside = point.categories.length === 0 ? categories.has(NO_CATEGORY) : point.categories.some((id) => categories.has(id));
      if (!inside) return false;
    }
    if (kinds && !kinds.has(point.kind)) return false;
    if (from !== undefined && point.time < from) return false;
    if (to !== undefined && point.time > to) return false;
    if (minRank !== undefined && (!point.impact || rank(point.impact) < minRank)) return false;
    return true;
  });
}
