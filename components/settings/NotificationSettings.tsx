import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import type { Settings } from '@/lib/model/settings';
import { Required } from '../ui/Required';

/** The global switch for desktop notifications, and the quiet hours during which none is shown. */
export function NotificationSettings({ settings, onSave }: { settings: Settings; onSave: (patch: Partial<Settings>) => void }) {
  const [quiet, setQuiet] = useState(settings.quietHours);
  useEffect(() => setQuiet(settings.quietHours), [settings.quietHours]);
  return (
    <section class="admin-section" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('settingsNotifications')}</h2>
      <label class="checkbox">
        <input type="checkbox" checked={settings.notifications} onChange={(event) => onSave({ notifications: event.currentTarget.checked })} />{' '}
        {t('settingsNotificationsOn')}
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={settings.ficheNotifications} onChange={(event) => onSave({ ficheNotifications: event.currentTarget.checked })} />{' '}
        {t('settingsFicheNotifications')}
      </label>
      <form
        class="admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave({ quietHours: quiet });
        }}
      >
        <label class="checkbox">
          <input type="checkbox" checked={quiet.enabled} onChange={(event) => setQuiet({ ...quiet, enabled: event.currentTarget.checked })} />{' '}
          {t('settingsQuietHours')}
        </label>
        <div class="quiet-hours" role="group" aria-label={t('settingsQuietHours')}>
          <label class="field">
            <span class="field__label">{t('settingsQuietFrom')}<Required /></span>
            <input type="time" required value={quiet.start} disabled={!quiet.enabled} onInput={(event) => setQuiet({ ...quiet, start: event.currentTarget.value })} />
          </label>
          <label class="field">
            <span class="field__label">{t('settingsQuietTo')}<Required /></span>
            <input type="time" required value={quiet.end} disabled={!quiet.enabled} onInput={(event) => setQuiet({ ...quiet, end: event.currentTarget.value })} />
          </label>
        </div>
        <div>
          <button type="submit" class="button">
            {t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
