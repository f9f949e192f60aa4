import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Fiche, Suggestion } from '@/lib/model/fiche';
import { errorText } from '../ui/error-text';

/**
 * « Proposer pour une fiche », under an item in its reading pane or a share of the COPIL: the item is
 * shared if it was not, then cited at once by an editor, or proposed to the editors by a member. Shown only
 * with a hub that has fiches (1.5.0 and later).
 */
export function ProposeForFiche({ itemId, shareId }: { itemId?: string; shareId?: string }) {
  const [fiches, setFiches] = useState<Fiche[]>();
  const [editor, setEditor] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const load = () =>
      void request('listFiches', {}).then((view) => {
        setFiches(view.connected ? view.answer?.fiches : undefined);
        setEditor(view.answer?.editor ?? false);
        setSuggestions(view.answer?.suggestions ?? []);
      }, () => setFiches(undefined));
    load();
    return onEvent((event) => {
      if (event.event === 'fichesChanged' || event.event === 'hubChanged') load();
    });
  }, []);
  if (!fiches?.length) return null;
  // Cited already, or proposed already (a member sees their own open proposals): not offered again.
  const cited = (fiche: Fiche) =>
    !!shareId && (fiche.links.some((link) => link.shareId === shareId) || suggestions.some((suggestion) => suggestion.ficheId === fiche.id && suggestion.link?.shareId === shareId));
  const propose = async () => {
    if (busy || !chosen) return;
    setBusy(true);
    setSaid(t('ficheProposing'));
    try {
      const answer = await request('proposeForFiche', { ficheId: chosen, ...(itemId ? { itemId } : {}), ...(shareId ? { shareId } : {}) });
      const title = fiches.find((fiche) => fiche.id === chosen)?.title ?? '';
      setSaid(answer.cited ? t('ficheCited', [title]) : t('ficheProposed', [title]));
      // Done: the choice empties, and the button waits for the next one.
      setChosen('');
    } catch (error) {
      setSaid(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="fiche-proposal">
      <label class="field">
        <span class="field__label">{editor ? t('ficheCiteIn') : t('ficheProposeFor')}</span>
        <select value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          <option value="">{t('ficheChooseOne')}</option>
          {fiches.map((fiche) => (
            <option key={fiche.id} value={fiche.id} disabled={cited(fiche)}>
              {fiche.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button button--quiet" aria-disabled={busy || !chosen} onClick={() => void propose()}>
        {editor ? t('ficheCite') : t('ficheProposeButton')}
      </button>
      <p class="status" role="status">
        {said}
      </p>
    </div>
  );
}
