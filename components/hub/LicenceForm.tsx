import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import { errorText } from '../ui/error-text';
import type { Said } from '../ui/StatusLine';

/**
 * Admins: the licence line the collective's white paper carries (Licence Ouverte by default), kept on the hub
 * so that every member's export says the same.
 */
export function LicenceForm({ say }: { say: (said: Said) => void }) {
  const [licence, setLicence] = useState<string>();
  useEffect(() => {
    void request('listFiches', {}).then((view) => setLicence(view.answer?.licence), () => undefined);
  }, []);
  // A hub without fiches (older than 1.5.0) has no licence line to set.
  if (licence === undefined) return null;
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await request('hubSetLicence', { licence: licence.trim() });
      say({ kind: 'ok', text: t('hubLicenceSaved') });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };
  return (
    <form class="admin-form hub-admin__licence" onSubmit={(event) => void save(event)}>
      <label class="field">
        <span class="field__label">{t('hubLicenceLabel')}</span>
        <input type="text" maxLength={500} value={licence} onInput={(event) => setLicence(event.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--small">
        {t('hubLicenceSave')}
      </button>
    </form>
  );
}
