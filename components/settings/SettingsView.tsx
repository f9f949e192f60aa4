import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { LanguageSetting, Settings } from '@/lib/model/settings';
import { HubSettings } from '../hub/HubSettings';
import { TagsSection } from '../tags/TagsSection';
import { Required } from '../ui/Required';
import { StatusLine, type Said } from '../ui/StatusLine';
import { AboutSection } from './AboutSection';
import { BackupSection } from './BackupSection';
import { EraseAllSection } from './EraseAllSection';
import { NotificationSettings } from './NotificationSettings';
import { RetentionSection } from './RetentionSection';


/** Each language is named in itself, so that a member lost in the other one still finds theirs. */
const LANGUAGES: [LanguageSetting, string, string | undefined][] = [
  ['auto', 'languageAuto', undefined],
  ['fr', 'Français', 'fr'],
  ['en', 'English', 'en'],
];

/** The Paramètres screen: language, refresh, notifications, retention and storage, the COPIL hub, tags, backup in and out, erase everything. */
export function SettingsView() {
  const [settings, setSettings] = useState<Settings>();
  const [said, say] = useState<Said>();
  // The language this page was drawn in: a different setting needs a reload to show.
  const shownLanguage = useRef<LanguageSetting>();

  useEffect(() => {
    void request('getSettings', {}).then((loaded) => {
      shownLanguage.current = loaded.language;
      setSettings(loaded);
    });
  }, []);

  const update = async (patch: Partial<Settings>, done: string) => {
    try {
      setSettings(await request('updateSettings', patch));
      say({ kind: 'ok', text: t(done) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  if (!settings) return <div class="admin-view" aria-busy="true" />;
  const needsReload = shownLanguage.current !== undefined && settings.language !== shownLanguage.current;

  return (
    <div class="admin-view">
      <header class="admin-view__header">
        <h1>{t('navSettings')}</h1>
        <StatusLine said={said} />
      </header>

      <section class="admin-section" aria-labelledby="language-title">
        <h2 id="language-title">{t('languageTitle')}</h2>
        <fieldset class="choices">
          <legend class="visually-hidden">{t('languageTitle')}</legend>
          {LANGUAGES.map(([value, label, lang]) => (
            <label key={value} lang={lang}>
              <input
                type="radio"
                name="language"
                value={value}
                checked={settings.language === value}
                onChange={() => void update({ language: value }, 'languageSaved')}
              />{' '}
              {lang ? label : t(label)}
            </label>
          ))}
        </fieldset>
        {needsReload && (
          <p class="admin-note">
            {t('languageReload')}{' '}
            <button type="button" class="button button--small" onClick={() => location.reload()}>
              {t('reloadPage')}
            </button>
          </p>
        )}
      </section>

      <RefreshSettings settings={settings} onSave={(patch) => void update(patch, 'refreshSettingsSaved')} />
      <NotificationSettings settings={settings} onSave={(patch) => void update(patch, 'settingsSaved')} />
      <RetentionSection settings={settings} onSettings={setSettings} say={say} />
      <HubSettings say={say} />
      <TagsSection say={say} />
      <BackupSection say={say} onSettings={setSettings} />
      <EraseAllSection say={say} onSettings={setSettings} />
      <AboutSection />
    </div>
  );
}

/** How often new sources are read, and how long Vigie waits for a server. */
function RefreshSettings({ settings, onSave }: { settings: Settings; onSave: (patch: Partial<Settings>) => void }) {
  const [minutes, setMinutes] = useState(String(settings.defaultIntervalMinutes));
  const [timeout, setTimeoutSeconds] = useState(String(settings.fetchTimeoutSeconds));
  useEffect(() => {
    setMinutes(String(settings.defaultIntervalMinutes));
    setTimeoutSeconds(String(settings.fetchTimeoutSeconds));
  }, [settings.defaultIntervalMinutes, settings.fetchTimeoutSeconds]);

  return (
    <section class="admin-section" aria-labelledby="refresh-title">
      <h2 id="refresh-title">{t('refreshSettingsTitle')}</h2>
      <form
        class="admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave({ defaultIntervalMinutes: Math.round(Number(minutes)), fetchTimeoutSeconds: Math.round(Number(timeout)) });
        }}
      >
        <label class="field">
          <span class="field__label">{t('defaultInterval')}<Required /></span>
          <input type="number" required min={1} step={1} class="input--short" value={minutes} aria-describedby="interval-hint" onInput={(event) => setMinutes(event.currentTarget.value)} />
          <span id="interval-hint" class="field__hint">
            {t('defaultIntervalHint')}
          </span>
        </label>
        <label class="field">
          <span class="field__label">{t('fetchTimeout')}<Required /></span>
          <input type="number" required min={1} max={300} step={1} class="input--short" value={timeout} onInput={(event) => setTimeoutSeconds(event.currentTarget.value)} />
        </label>
        <div>
          <button type="submit" class="button">
            {t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
