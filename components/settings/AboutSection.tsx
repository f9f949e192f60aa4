import { browser } from 'wxt/browser';
import { CHANGELOG } from '@/lib/about/changelog';
import { t } from '@/lib/i18n/browser';
import { ChangelogList } from '../about/ChangelogList';

/** Paramètres → « À propos de Vigie »: the version, what changed for members, and where the shipped data comes from. */
export function AboutSection() {
  return (
    <section class="admin-section" aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <p>{t('aboutVersion', [browser.runtime.getManifest().version])}</p>
      <h3>{t('aboutChangelog')}</h3>
      <ChangelogList entries={CHANGELOG} />
      <h3>{t('aboutData')}</h3>
      <p>{t('historyCredit')}</p>
    </section>
  );
}
