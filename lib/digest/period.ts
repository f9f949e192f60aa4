/** How far back a digest looks: the week before a COPIL meeting, or the day before a morning round-up. */
export type DigestKind = 'weekly' | 'daily';

/** A span of time, as ISO dates; both ends included. */
export interface DigestPeriod {
  from: string;
  to: string;
}

/**
 * The 7 days (or 24 hours) that end now, rather than a calendar week: the digest is made on the day of the
 * meeting, whatever day the COPIL meets, and must hold everything since the last one. A calendar week would
 * cut a Thursday meeting's week in two. The week starts at the same clock time 7 days before, counted in
 * local days, so that a change to or from summer time does not shift it by an hour.
 */
export function digestPeriod(kind: DigestKind, now: Date): DigestPeriod {
  const from = new Date(now.getTime());
  if (kind === 'weekly') from.setDate(from.getDate() - 7);
  else from.setTime(now.getTime() - 24 * 3600 * 1000);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** Whether an ISO date falls in the period (dates with any offset compare as instants). */
export function inPeriod(iso: string | undefined, period: DigestPeriod): boolean {
  if (!iso) return false;
  const time = Date.parse(iso);
  return !Number.isNaN(time) && time >= Date.parse(period.from) && time <= Date.parse(period.to);
}
