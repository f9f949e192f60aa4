import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { formatRoute } from '@/lib/reader/route';
import type { VigieReader } from '@/lib/store/reader';
import { useLiveHub } from '../hub/use-live-hub';
import { StatusLine, type Said } from '../ui/StatusLine';
import { dateWords, FicheDetail } from './FicheDetail';
import { NewFicheForm } from './NewFicheForm';
import { useFiches } from './use-fiches';
import { WhitePaperDialog } from './WhitePaperDialog';

/**
 * The dashboard's « Fiches conseils »: the collective's living advice, one fiche per topic, kept on the hub
 * and readable offline from this browser's copy. A fiche a colleague changed since this member read it is
 * marked; opening it shows what changed. Editors write, members propose; the white paper exports them.
 */
export function FichesView({ reader, selected }: { reader: Pick<VigieReader, 'hubConnection'>; selected?: string }) {
  const [said, setSaid] = useState<Said>();
  const say = (text: string, kind: 'ok' | 'error' = 'ok') => setSaid({ text, kind });
  const { view, offline, refresh } = useFiches((text) => say(text, 'error'));
  useLiveHub(reader, view?.connected);
  const [paper, setPaper] = useState(false);
  const answer = view?.answer;
  const changed = new Set(view?.changed ?? []);
  const fiche = answer?.fiches.find((candidate) => candidate.id === selected);

  return (
    <div class="admin-view fiches-view">
      <header class="admin-view__header">
        <h1>{t('fichesTitle')}</h1>
        <StatusLine said={said} />
      </header>
      {!view ? null : !view.connected ? (
        <p class="empty">
          {t('fichesNotConnected')} <a href="#/settings">{t('navSettings')}</a>
        </p>
      ) : !answer ? (
        <p class="empty">{t('fichesLoading')}</p>
      ) : (
        <>
          <div class="fiches-view__bar">
            <p class="muted">
              {view.fetched && t('fichesFetched', [dateWords(view.fetched)])}
              {offline && ` ${t('fichesOffline', [offline])}`}
            </p>
            <button type="button" class="button button--small button--quiet" onClick={() => void refresh().then(() => say(t('fichesRefreshed')))}>
              {t('fichesRefresh')}
            </button>
            <button type="button" class="button button--small" aria-haspopup="dialog" onClick={() => setPaper(true)}>
              {t('whitePaperButton')}
            </button>
          </div>
          <div class="fiches-view__layout">
            <nav class="fiches-view__list" aria-label={t('fichesListLabel')}>
              <ul>
                {answer.fiches.map((entry) => {
                  const open = answer.suggestions.filter((suggestion) => suggestion.ficheId === entry.id).length;
                  return (
                    <li key={entry.id}>
                      <a href={formatRoute({ section: 'fiches', fiche: entry.id })} aria-current={entry.id === selected ? 'page' : undefined}>
                        <span class="fiches-view__name">{entry.title}</span>
                        {changed.has(entry.id) && <span class="share__new">{t('ficheChangedMark')}</span>}
                        <span class="muted fiches-view__meta">
                          {entry.version === 0 ? t('ficheNotWrittenShort') : t('ficheVersionShort', [String(entry.version), dateWords(entry.updated)])}
                          {answer.editor && open > 0 && ` · ${t('ficheSuggestionsShort', [String(open)])}`}
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
              {answer.editor && <NewFicheForm say={say} />}
            </nav>
            <div class="fiches-view__fiche">
              {fiche ? (
                <FicheDetail
                  key={fiche.id}
                  fiche={fiche}
                  editor={answer.editor}
                  seenVersion={changed.has(fiche.id) ? (view.seen[fiche.id] ?? 0) : undefined}
                  suggestions={answer.suggestions}
                  memberId={view.memberId}
                  say={say}
                />
              ) : (
                <p class="empty">{t('fichesChoose')}</p>
              )}
            </div>
          </div>
          <WhitePaperDialog open={paper} answer={answer} onClose={() => setPaper(false)} say={(text) => say(text)} />
        </>
      )}
    </div>
  );
}
