import type { ChangelogEntry } from '@/lib/about/changelog';
import { uiLanguage } from '@/lib/i18n/browser';

/** Changelog lines, dated, in the member's language: « À propos de Vigie » shows them all, « Quoi de neuf » an update's. */
export function ChangelogList({ entries }: { entries: readonly ChangelogEntry[] }) {
  const language = uiLanguage() === 'en' ? 'en' : 'fr';
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <ul class="about-changelog">
      {entries.map((entry) => (
        <li key={`${entry.date}-${entry.en}`}>
          <time dateTime={entry.date}>{day.format(new Date(`${entry.date}T12:00:00Z`))}</time> — {entry[language]}
        </li>
      ))}
    </ul>
  );
}
