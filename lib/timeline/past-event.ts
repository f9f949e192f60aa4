/**
 * A past event a member adds by hand (date, title, category, source link), to build the history back to
 * Facebook's beginnings. The checks give message keys: the form says them in words next to each field.
 */
export interface PastEventInput {
  /** "YYYY-MM-DD", as a date field gives it. */
  date: string;
  title: string;
  category: string;
  /** Optional: empty when the member has no link. */
  url: string;
}

export interface PastEvent {
  date: string;
  title: string;
  category: string;
  url?: string;
}

export type PastEventField = keyof PastEventInput;
export type PastEventErrors = Partial<Record<PastEventField, string>>;
export type PastEventCheck = { ok: true; event: PastEvent } | { ok: false; errors: PastEventErrors };

export const PAST_EVENT_TITLE_MAX = 300;

const pad = (value: number) => String(value).padStart(2, '0');

/** Today in the member's time zone, as a date field writes it. */
export function todayKey(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar day: "2023-02-30" is not one. */
function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

/** `categories`: the shared taxonomy's ids the member may choose from; `today`: the last day allowed. */
export function checkPastEvent(input: PastEventInput, categories: readonly string[], today = todayKey()): PastEventCheck {
  const errors: PastEventErrors = {};
  const date = input.date.trim();
  const title = input.title.trim();
  const url = input.url.trim();
  if (!date) errors.date = 'timelineEventDateMissing';
  else if (!isCalendarDay(date)) errors.date = 'timelineEventDateInvalid';
  // "YYYY-MM-DD" strings sort as the days they name.
  else if (date > today) errors.date = 'timelineEventDateFuture';
  if (!title) errors.title = 'timelineEventTitleMissing';
  else if (title.length > PAST_EVENT_TITLE_MAX) errors.title = 'timelineEventTitleTooLong';
  if (!input.category) errors.category = 'timelineEventCategoryMissing';
  else if (!categories.includes(input.category)) errors.category = 'timelineEventCategoryUnknown';
  if (url && !isHttpUrl(url)) errors.url = 'timelineEventUrlInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, event: { date, title, category: input.category, ...(url ? { url } : {}) } };
}
