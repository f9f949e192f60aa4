import { useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Settings } from '@/lib/model/settings';
import { formatNumber } from '../ui/count';
import { Dialog } from '../ui/Dialog';
import type { Said } from '../ui/StatusLine';

/** Folded for comparison: « effacer », « EFFACER » and « Effacer » all confirm. */
const fold = (text: string) => text.trim().toLocaleUpperCase();

/**
 * Starting over: everything goes, then the shared taxonomy and the "Veille Meta" pack come back as on
 * first install. The member types a word to confirm, so that no stray click or Enter can do it.
 */
export function EraseAllSection({ say, onSettings }: { say: (said: Said) => void; onSettings: (settings: Settings) => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('eraseWord');
  const confirmed = fold(typed) === fold(word);

  const close = () => {
    setOpen(false);
    setTyped('');
  };

  const erase = async (event: Event) => {
    event.preventDefault();
    if (!confirmed) return;
    close();
    say({ kind: 'info', text: t('eraseRunning') });
    try {
      const result = await request('eraseAll', {});
      onSettings(result.settings);
      say({ kind: 'ok', text: t('eraseDone', [formatNumber(result.sources), formatNumber(result.tags)]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <section class="admin-section admin-section--danger" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('eraseTitle')}</h2>
      <p class="muted">{t('eraseIntro')}</p>
      <button type="button" class="button button--danger" onClick={() => setOpen(true)}>
        {t('eraseButton')}
      </button>
      <Dialog open={open} title={t('eraseConfirmTitle')} onClose={close}>
        <form onSubmit={erase}>
          <p>{t('eraseConfirmText')}</p>
          <label class="field">
            <span class="field__label">{t('eraseTypeWord', [word])}</span>
            <input type="text" autoComplete="off" spellcheck={false} value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
          </label>
          <div class="dialog__actions">
            <button type="submit" class="button button--danger" disabled={!confirmed}>
              {t('eraseConfirm')}
            </button>
            <button type="button" class="button button--quiet" onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
