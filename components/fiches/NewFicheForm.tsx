import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import { formatRoute } from '@/lib/reader/route';
import { errorText } from '../ui/error-text';

/** Editors: a fiche on a topic the taxonomy does not have (« Période de réserve »), opened once made. */
export function NewFicheForm({ say }: { say: (text: string, kind?: 'ok' | 'error') => void }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const create = async (event: Event) => {
    event.preventDefault();
    if (busy || !title.trim()) return;
    setBusy(true);
    try {
      const fiche = await request('createFiche', { title: title.trim() });
      setTitle('');
      say(t('ficheCreated', [fiche.title]));
      location.hash = formatRoute({ section: 'fiches', fiche: fiche.id });
    } catch (error) {
      say(errorText(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="fiche-new" onSubmit={(event) => void create(event)}>
      <label class="field">
        <span class="field__label">{t('ficheNewLabel')}</span>
        <input type="text" maxLength={200} value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--small" aria-disabled={busy || !title.trim()}>
        {t('ficheNewButton')}
      </button>
    </form>
  );
}
