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
export function perLanguage<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => {
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(language)));
    return formatter;
  };
}
const relativeFormat = perLanguage((language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
const fullFormat = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }));

export function relativeTime(iso: string, language: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = relativeFormat(language);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Intl says « cette minute-ci » / "this minute", which nobody writes.
  return language.startsWith('fr') ? "à l'instant" : 'just now';
}

/** Each row's date in full (its tooltip), drawn again at every render of the list: formatted once. */
const fullDates = new Map<string, string>();

export function fullDate(iso: string, language: string): string {
  const asked = `${language} ${iso}`;
  let text = fullDates.get(asked);
  if (text === undefined) {
    if (fullDates.size >= 2_000) fullDates.clear();
    fullDates.set(asked, (text = fullFormat(language).format(new Date(iso))));
  }
  return text;
}
