/** "il y a 3 heures", "hier", "in 2 days": relative dates with Intl in the user's language. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Intl formatters are slow to build (a list of 40 rows built 80 of them): one per language, kept. */
function cached<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => {
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(language)));
    return formatter;
  };
}
const relativeFormat = cached((language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
const fullFormat = cached((language) => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }));

export function relativeTime(iso: string, language: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = relativeFormat(language);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Intl says « cette minute-ci » / "this minute", which nobody writes.
  return language.startsWith('fr') ? "à l'instant" : 'just now';
}

export function fullDate(iso: string, language: string): string {
  return fullFormat(language).format(new Date(iso));
}
