import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { namedMember } from '@/lib/i18n/elision';
import { request } from '@/lib/messages/client';
import type { Fiche } from '@/lib/model/fiche';
import { wordDiff } from '@/lib/monitors/diff';
import { DiffText } from '../ui/DiffText';
import { errorText } from '../ui/error-text';
import { Required } from '../ui/Required';
import { FicheMarkdown } from './FicheMarkdown';

interface Props {
  fiche: Fiche;
  /** `edit`: an editor saves a version; `suggest`: a member proposes the text to the editors. */
  mode: 'edit' | 'suggest';
  onDone: (said: string) => void;
  onCancel: () => void;
}

/**
 * Writing a fiche in Markdown, with its preview as members will read it. Saved from the version it was
 * opened at: if another editor saved meanwhile, the hub refuses, this editor's text stays here, and their
 * colleague's version is shown with the difference, to merge by hand; the next save starts from it.
 */
export function FicheEditor({ fiche, mode, onDone, onCancel }: Props) {
  const [title, setTitle] = useState(fiche.title);
  const [body, setBody] = useState(fiche.body);
  const [summary, setSummary] = useState('');
  const [base, setBase] = useState(fiche.version);
  const [conflict, setConflict] = useState<Fiche>();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  // A colleague saved while this member writes (the hub's live stream brought it): said now, below the
  // buttons so that nothing moves; the save then shows their version beside this text (the conflict).
  const newer = !conflict && fiche.version > base ? fiche : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      if (mode === 'suggest') {
        await request('suggestFicheText', { id: fiche.id, body, baseVersion: base, ...(summary.trim() ? { note: summary.trim() } : {}) });
        onDone(t('ficheSuggested'));
        return;
      }
      const saved = await request('saveFiche', { id: fiche.id, title: title.trim(), body, baseVersion: base, ...(summary.trim() ? { summary: summary.trim() } : {}) });
      if (saved.conflict) {
        setConflict(saved.conflict);
        setBase(saved.conflict.version);
        return;
      }
      onDone(saved.fiche && saved.fiche.version === fiche.version ? t('ficheUnchanged') : t('ficheSaved', [String(saved.fiche?.version ?? '')]));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="fiche-editor" onSubmit={submit} aria-labelledby="fiche-editor-title">
      <h3 id="fiche-editor-title">{mode === 'edit' ? t('ficheEditTitle') : t('ficheSuggestTitle')}</h3>
      {conflict && (
        <div class="fiche-editor__conflict" role="alert">
          <p>{t('ficheConflict', [conflict.updatedBy?.name ?? '', String(conflict.version)])}</p>
          <h4>{t('ficheConflictDiff')}</h4>
          <DiffText parts={wordDiff(conflict.body, body).parts} />
          <details>
            <summary>{t('ficheConflictTheirs', namedMember(conflict.updatedBy?.name ?? ''))}</summary>
            <pre class="fiche-editor__theirs">{conflict.body}</pre>
          </details>
        </div>
      )}
      {mode === 'edit' && (
        <label class="field">
          <span class="field__label">
            {t('ficheTitleLabel')}
            <Required />
          </span>
          <input type="text" required maxLength={200} value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
      )}
      <label class="field">
        <span class="field__label">{t('ficheBodyLabel')}</span>
        <textarea rows={14} value={body} aria-describedby="fiche-body-hint" onInput={(event) => setBody(event.currentTarget.value)} />
      </label>
      <p id="fiche-body-hint" class="field__hint">
        {t('ficheBodyHint')}
      </p>
      <label class="field">
        <span class="field__label">{mode === 'edit' ? t('ficheSummaryLabel') : t('ficheNoteLabel')}</span>
        <input type="text" maxLength={300} value={summary} onInput={(event) => setSummary(event.currentTarget.value)} />
      </label>
      <section class="fiche-editor__preview" aria-labelledby="fiche-preview-title">
        <h4 id="fiche-preview-title">{t('fichePreview')}</h4>
        {body.trim() ? <FicheMarkdown markdown={body} headingsBelow={4} /> : <p class="muted">{t('ficheEmpty')}</p>}
      </section>
      <p class="field__error" role="alert">
        {problem}
      </p>
      <div class="fiche-editor__actions">
        <button type="submit" class="button" aria-disabled={busy}>
          {mode === 'edit' ? t('ficheSave') : t('ficheSuggestSend')}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <p class="field__hint fiche-editor__newer" role="status">
        {newer && t('ficheNewerWhileWriting', [newer.updatedBy?.name ?? '', String(newer.version)])}
      </p>
    </form>
  );
}
