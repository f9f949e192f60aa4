import { t } from '@/lib/i18n/browser';
import { hubRefusalWords } from '@/lib/i18n/error-words';
import type { HubStatus } from '@/lib/messages/requests/hub';
import { countText } from '../ui/count';

/**
 * The outbox, as the member sees it: what waits for the hub, oldest first, and why the last try failed.
 * A write the hub refused for good can be dropped here; nothing else is ever dropped without asking.
 */
export function PendingList({ pending, onDiscard }: { pending: HubStatus['pending']; onDiscard: (seq: number) => void }) {
  return (
    <div class="hub-pending" aria-live="polite">
      {/* A heading when there is a list under it; « Rien en attente d'envoi. » is a sentence (RGAA 9.1). */}
      {pending.length ? <h3>{t('hubPendingTitle', [String(pending.length)])}</h3> : <p>{t('hubPendingNone')}</p>}
      {pending.length > 0 && (
        <ol class="hub-pending__list">
          {pending.map((entry) => (
            <li key={entry.seq} data-pending-kind={entry.kind}>
              <strong>{t(`hubPendingKind_${entry.kind}`)}</strong> : {entry.label}
              {entry.lastError && (
                <span class={entry.refused ? 'hub-pending__refused' : 'hub-pending__retry'}>
                  {' — '}
                  {entry.refused ? t('hubPendingRefused', [hubRefusalWords(entry.refusal, entry.lastError ?? '', t)]) : countText('hubPendingRetrying', entry.attempts, entry.lastError ?? '')}
                </span>
              )}
              {entry.refused && (
                <button type="button" class="link-button" onClick={() => onDiscard(entry.seq)}>
                  {t('hubPendingDiscard')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
