import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Fiche, Suggestion } from '@/lib/model/fiche';
import { wordDiff } from '@/lib/monitors/diff';
import { DiffText } from '../ui/DiffText';
import { errorText } from '../ui/error-text';

/**
 * The open suggestions for a fiche: a reference or a rewording a member proposed. Editors accept or decline
 * each; a member sees their own, waiting. A rewording is shown as its difference with the fiche as it is.
 */
export function SuggestionList({ fiche, suggestions, editor, say }: { fiche: Fiche; suggestions: Suggestion[]; editor: boolean; say: (text: string, kind?: 'ok' | 'error') => void }) {
  const mine = suggestions.filter((suggestion) => suggestion.ficheId === fiche.id);
  if (mine.length === 0) return null;
  const decide = (suggestion: Suggestion, accept: boolean) =>
    void request('decideSuggestion', { id: suggestion.id, accept }).then(
      (outcome) => (outcome.conflict ? say(outcome.message ?? t('ficheSuggestionStale'), 'error') : say(accept ? t('ficheSuggestionAccepted') : t('ficheSuggestionDeclined'))),
      (error: unknown) => say(errorText(error), 'error'),
    );
  return (
    <section class="fiche__suggestions" aria-labelledby={`fiche-suggestions-${fiche.id}`}>
      <h3 id={`fiche-suggestions-${fiche.id}`}>{t('ficheSuggestions', [String(mine.length)])}</h3>
      <ul>
        {mine.map((suggestion) => (
          <li key={suggestion.id} class="fiche__suggestion">
            <p>
              {suggestion.kind === 'link' ? t('ficheSuggestionLink', [suggestion.author.name, suggestion.link?.title ?? '']) : t('ficheSuggestionText', [suggestion.author.name, String(suggestion.baseVersion ?? 0)])}
            </p>
            {suggestion.note && <p class="fiche__suggestion-note">{suggestion.note}</p>}
            {suggestion.kind === 'text' && <DiffText parts={wordDiff(fiche.body, suggestion.body ?? '').parts} />}
            {editor ? (
              <div class="fiche__actions">
                <button type="button" class="button button--small" onClick={() => decide(suggestion, true)}>
                  {t('ficheSuggestionAccept')}
                </button>
                <button type="button" class="button button--small button--quiet" onClick={() => decide(suggestion, false)}>
                  {t('ficheSuggestionDecline')}
                </button>
              </div>
            ) : (
              <p class="muted">{t('ficheSuggestionWaiting')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
