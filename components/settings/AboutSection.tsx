import { browser } from 'wxt/browser';
import { CHANGELOG } from '@/lib/about/changelog';
import { t, uiLanguage } from '@/lib/i18n/browser';

/** Paramètres → « À propos de Vigie »: the version, what changed for members, and where the shipped data comes from. */
export function AboutSection() {
  const language = uiLanguage() === 'en' ? 'en' : 'fr';
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section class="admin-section" aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <p>{t('aboutVersion', [browser.runtime.getManifest().version])}</p>
      <h3>{t('aboutChangelog')}</h3>
      <ul class="about-changelog">
        {CHANGELOG.map((entry) => (
          <li key={`${entry.date}-${entry.en}`}>
            <time dateTime={entry.date}>{day.format(new Date(`${entry.date}T12:00:00Z`))}</time> — {entry[language]}
          </li>
        ))}
      </ul>
      <h3>{t('aboutData')}</h3>
      <p>{t('historyCredit')}</p>
    </section>
  );
}
