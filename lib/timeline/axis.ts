/**
 * The time axis's words, with Intl in the member's language ("janv. 2024", "mars", "2019"): the chart library
 * places the ticks on whole days, months or years, this says them. The year is written on the first tick and
 * wherever it changes, so the axis stays short.
 */
const DAY_MS = 24 * 3600 * 1000;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = new Intl.DateTimeFormat(language, options)));
  return made;
}

/** `step` is the space between two ticks, in milliseconds. */
export function timeAxisLabels(ticks: readonly number[], step: number, language: string): string[] {
  let previousYear: number | undefined;
  return ticks.map((tick) => {
    const date = new Date(tick);
    const year = date.getFullYear();
    const newYear = year !== previousYear;
    previousYear = year;
    if (step >= 360 * DAY_MS) return String(year);
    if (step >= 28 * DAY_MS) return format(language, newYear ? { month: 'short', year: 'numeric' } : { month: 'short' }).format(date);
    return format(language, newYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }).format(date);
  });
}

/** A date as the tables say it: "4 février 2004". */
export function dayLabel(iso: string, language: string): string {
  return format(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}
