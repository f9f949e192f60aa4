import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import { PRIORITIES, type Priority } from '@/lib/model/vocabulary';
import { namesText, shareItem } from './share-item';

/** Whether a hub is connected, kept current by the background's events. */
export function useHubConnected(): boolean | undefined {
  const [connected, setConnected] = useState<boolean>();
  useEffect(() => {
    const load = () => void request('hubStatus', {}).then((status) => setConnected(status.connected));
    load();
    return onEvent((event) => {
      if (event.event === 'hubChanged') load();
    });
  }, []);
  return connected;
}

/** « Déjà partagé par Claire Martin », « … par vous et Claire Martin », « Vous l'avez déjà partagé. » */
function sharedByText({ others, me }: { others: string[]; me: boolean }): string {
  if (!me) return t('shareAlreadyBy', [namesText(others, uiLanguage())]);
  return others.length > 0 ? t('shareAlreadyByYouAnd', [namesText(others, uiLanguage())]) : t('shareAlreadyByYou');
}

/**
 * "Partager avec le COPIL": the item goes to the collective with this member's tags, note, impact and
 * triage, and, if chosen, as an alert of a priority (announced in the collective's chat). Offline, it
 * waits in the outbox and the member is told so.
 */
export function ShareButton({ itemId, connected, withPriority, proposed, onSaid }: { itemId: string; connected: boolean | undefined; withPriority?: boolean; proposed?: boolean; onSaid?: (text: string) => void }) {
  const [priority, setPriority] = useState<Priority | ''>('');
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  // Who shared this article already: then the button updates that share (the hub keeps one per article).
  const [sharedBy, setSharedBy] = useState<{ others: string[]; me: boolean }>();
  useEffect(() => {
    if (!connected) return;
    const load = () =>
      void request('shareOfItem', { itemId }).then(
        (answer) => setSharedBy(answer.id ? { others: answer.by ?? [], me: answer.byMe ?? false } : undefined),
        () => setSharedBy(undefined),
      );
    load();
    return onEvent((event) => {
      if (event.event === 'hubChanged') load();
    });
  }, [itemId, connected]);
  if (connected === undefined) return null;
  const tell = (text: string) => {
    setSaid(text);
    onSaid?.(text);
  };
  if (!connected) return withPriority ? <p class="share-button__off">{t('shareNeedsHub')}</p> : null;
  const share = async () => {
    if (busy) return;
    setBusy(true);
    try {
      tell(await shareItem(itemId, priority || undefined));
    } catch (error) {
      tell(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="share-button">
      {proposed && <p class="share-button__proposed">{t('shareProposed')}</p>}
      {sharedBy && <p class="share-button__by">{sharedByText(sharedBy)}</p>}
      {withPriority && (
        <label class="field">
          <span class="field__label">{t('sharePriorityLabel')}</span>
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value as Priority | '')}>
            <option value="">{t('sharePriorityNone')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority_${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" class="button" aria-disabled={busy} aria-busy={busy} onClick={() => void share()}>
        {t(sharedBy ? 'shareUpdate' : 'shareWithCopil')}
      </button>
      {!onSaid && (
        <span class="share-button__said" role="status">
          {said}
        </span>
      )}
    </div>
  );
}
