/**
 * How far back a digest looks: the day before a morning round-up, the week or the month before a COPIL
 * meeting (the COPIL meets monthly), or days the member chooses.
 */
export type DigestKind = 'daily' | 'weekly' | 'monthly' | 'range';

/** What the member chose; a range is two local days ("YYYY-MM-DD"), both included. */
export type DigestChoice = { kind: Exclude<DigestKind, 'range'> } | { kind: 'range'; from: string; to: string };

/** A span of time, as ISO dates; both ends included. */
export interface DigestPeriod {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local day ("YYYY-MM-DD") at its first or last millisecond. */
function localDay(day: string, end: boolean): Date {
  const [, year, month, date] = DAY.exec(day) ?? [];
  if (!year) throw new RangeError(`not a day: ${day}`);
  return end ? new Date(Number(year), Number(month) - 1, Number(date), 23, 59, 59, 999) : new Date(Number(year), Number(month) - 1, Number(date));
}

/**
 * The day, 7 days or month that end now, rather than a calendar week or month: the digest is made on the day
 * of the meeting, whatever day the COPIL meets, and must hold everything since the last one. The week and
 * the month start at the same clock time, counted in local days, so that a change to or from summer time does
 * not shift them by an hour. A chosen range runs from the start of its first day to the end of its last.
 */
export function digestPeriod(choice: DigestChoice | Exclude<DigestKind, 'range'>, now: Date): DigestPeriod {
  const chosen = typeof choice === 'string' ? { kind: choice } : choice;
  if (chosen.kind === 'range') {
    const [first, last] = [chosen.from, chosen.to].sort();
    return { from: localDay(first!, false).toISOString(), to: localDay(last!, true).toISOString() };
  }
  const from = new Date(now.getTime());
  if (chosen.kind === 'weekly') from.setDate(from.getDate() - 7);
  else if (chosen.kind === 'monthly') from.setMonth(from.getMonth() - 1);
  else from.setTime(now.getTime() - 24 * 3600 * 1000);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** Whether an ISO date falls in the period (dates with any offset compare as instants). */
export function inPeriod(iso: string | undefined, period: DigestPeriod): boolean {
  if (!iso) return false;
  const time = Date.parse(iso);
  return !Number.isNaN(time) && time >= Date.parse(period.from) && time <= Date.parse(period.to);
}
