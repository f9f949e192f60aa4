import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { request } from '@/lib/messages/client';
import type { Fiche, FicheVersion, Suggestion } from '@/lib/model/fiche';
import { wordDiff } from '@/lib/monitors/diff';
import { DiffText } from '../ui/DiffText';
import { errorText } from '../ui/error-text';
import { FicheEditor } from './FicheEditor';
import { FicheMarkdown } from './FicheMarkdown';
import { FicheReferences } from './FicheReferences';
import { SuggestionList } from './SuggestionList';

interface Props {
  fiche: Fiche;
  editor: boolean;
  /** The version this member had read, when a colleague changed the fiche since. */
  seenVersion?: number;
  suggestions: Suggestion[];
  /** This member: their own saves are not news to them. */
  memberId?: string;
  say: (text: string, kind?: 'ok' | 'error') => void;
}

/** A date in the member's language, as the hub's other screens say it. */
export const dateWords = (iso: string) => fullDate(iso, uiLanguage());

/**
 * One fiche: its text, what changed since this member last read it (word by word, against the version they
 * had seen), its references, the open suggestions, its history, and for editors the editor. Opening it
 * files it as read once its changes are on screen.
 */
export function FicheDetail({ fiche, editor, seenVersion, suggestions, memberId, say }: Props) {
  const [versions, setVersions] = useState<FicheVersion[]>();
  const [historyProblem, setHistoryProblem] = useState('');
  const [writing, setWriting] = useState<'edit' | 'suggest'>();
  // The version read before this visit: the diff stays on screen while the member reads, even once filed as read.
  const [readBefore, setReadBefore] = useState(seenVersion);
  // A colleague saves while this member reads: what changed under their eyes is shown too.
  const shown = useRef(fiche.version);
  useEffect(() => {
    if (shown.current === fiche.version) return;
    const previous = shown.current;
    shown.current = fiche.version;
    if (fiche.updatedBy?.id !== memberId) setReadBefore((before) => before ?? previous);
  }, [fiche.version]);
  const [opened, setOpened] = useState<number>();

  useEffect(() => {
    setVersions(undefined);
    void request('ficheVersions', { id: fiche.id }).then(setVersions, (error: unknown) => setHistoryProblem(errorText(error)));
  }, [fiche.id, fiche.version]);
  useEffect(() => {
    void request('markFicheSeen', { id: fiche.id }).catch(() => undefined);
  }, [fiche.id, fiche.version]);

  const bodyOf = (version: number) => (version === 0 ? '' : versions?.find((entry) => entry.version === version)?.body);
  const before = readBefore !== undefined ? bodyOf(readBefore) : undefined;
  const titleId = `fiche-title-${fiche.id}`;

  return (
    <article class="fiche" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {fiche.title}
      </h2>
      <p class="fiche__byline">
        {fiche.version === 0
          ? t('ficheNotWritten')
          : t('ficheByline', [String(fiche.version), dateWords(fiche.updated), fiche.updatedBy?.name ?? '', fiche.authors.map((author) => author.name).join(', ')])}
      </p>
      {/* Not while writing: inserted above the editor, it would move the editor's buttons under the member's
          hand; the editor says a colleague's new version itself, and the change shows once it is closed. */}
      {readBefore !== undefined && !writing && (
        <section class="fiche__changed" aria-labelledby="fiche-changed-title">
          <h3 id="fiche-changed-title">{t('ficheChangedSince', [String(readBefore), String(fiche.version), fiche.updatedBy?.name ?? ''])}</h3>
          {before === undefined ? <p class="muted">{historyProblem || t('ficheLoadingHistory')}</p> : <DiffText parts={wordDiff(before, fiche.body).parts} />}
        </section>
      )}
      {writing ? (
        <FicheEditor
          key="editor"
          fiche={fiche}
          mode={writing}
          onDone={(text) => {
            setWriting(undefined);
            say(text);
          }}
          onCancel={() => setWriting(undefined)}
        />
      ) : (
        <>
          {fiche.body.trim() ? <FicheMarkdown markdown={fiche.body} /> : <p class="empty">{t('ficheEmpty')}</p>}
          <div class="fiche__actions">
            {editor ? (
              <button type="button" class="button" onClick={() => setWriting('edit')}>
                {t('ficheEdit')}
              </button>
            ) : (
              <button type="button" class="button button--quiet" onClick={() => setWriting('suggest')}>
                {t('ficheSuggest')}
              </button>
            )}
          </div>
        </>
      )}
      <FicheReferences fiche={fiche} editor={editor} say={say} />
      <SuggestionList fiche={fiche} suggestions={suggestions} editor={editor} say={say} />
      <details class="fiche__history">
        <summary>{t('ficheHistory', [String(fiche.version)])}</summary>
        {historyProblem && <p class="muted">{historyProblem}</p>}
        <ol reversed>
          {(versions ?? []).map((version) => (
            <li key={version.version}>
              {t('ficheVersionLine', [String(version.version), dateWords(version.created), version.author.name])}
              {version.summary && ` — ${version.summary}`}{' '}
              <button type="button" class="button button--small button--quiet" aria-expanded={opened === version.version} onClick={() => setOpened(opened === version.version ? undefined : version.version)}>
                {t('ficheShowChanges')}
              </button>
              {opened === version.version && <DiffText parts={wordDiff(bodyOf(version.version - 1) ?? '', version.body).parts} />}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
