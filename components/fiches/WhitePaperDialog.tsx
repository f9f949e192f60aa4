import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { FichesAnswer } from '@/lib/model/fiche';
import { Dialog } from '../ui/Dialog';
import { saveFile, today } from '../ui/files';

/**
 * The white paper: the fiches chosen (those written, by default), exported as Markdown or as a standalone
 * HTML document to print, with the licence line the collective chose and its contributors credited.
 */
export function WhitePaperDialog({ open, answer, onClose, say }: { open: boolean; answer: FichesAnswer; onClose: () => void; say: (text: string) => void }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [collective, setCollective] = useState('COPIL');
  useEffect(() => {
    if (!open) return;
    setChosen(new Set(answer.fiches.filter((fiche) => fiche.version > 0).map((fiche) => fiche.id)));
    void request('hubStatus', {}).then((status) => status.hubName && setCollective(status.hubName), () => undefined);
  }, [open]);
  const fiches = answer.fiches.filter((fiche) => chosen.has(fiche.id));
  const exportAs = async (format: 'md' | 'html') => {
    // Its serialisers load at the first export only: most openings of the section never export.
    const { whitePaperHtml, whitePaperMarkdown } = await import('@/lib/fiches/white-paper');
    const options = { collective, licence: answer.licence, now: new Date() };
    const name = `livre-blanc-${today()}.${format}`;
    if (format === 'md') saveFile(name, whitePaperMarkdown(fiches, options), 'text/markdown;charset=utf-8');
    else saveFile(name, whitePaperHtml(fiches, options), 'text/html;charset=utf-8');
    say(t('whitePaperReady', [name]));
    onClose();
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <Dialog open={open} title={t('whitePaperTitle')} onClose={onClose}>
      <fieldset class="white-paper__fiches">
        <legend>{t('whitePaperChoose')}</legend>
        {answer.fiches.map((fiche) => (
          <label key={fiche.id} class="checkbox">
            <input type="checkbox" checked={chosen.has(fiche.id)} onChange={(event) => toggle(fiche.id, event.currentTarget.checked)} />
            {fiche.title}
            {fiche.version === 0 && <span class="muted"> · {t('ficheNotWrittenShort')}</span>}
          </label>
        ))}
      </fieldset>
      <p class="muted">{t('whitePaperLicence', [answer.licence])}</p>
      <div class="dialog__actions">
        <button type="button" class="button" aria-disabled={fiches.length === 0} onClick={() => fiches.length > 0 && void exportAs('html')}>
          {t('whitePaperHtml')}
        </button>
        <button type="button" class="button" aria-disabled={fiches.length === 0} onClick={() => fiches.length > 0 && void exportAs('md')}>
          {t('whitePaperMarkdown')}
        </button>
        <button type="button" class="button button--quiet" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
