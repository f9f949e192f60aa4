import { t } from '@/lib/i18n/browser';
import type { SharedRow } from '@/lib/model/share';
import type { Tag } from '@/lib/model/tag';
import { ShareCard, type ShareActions } from './ShareCard';

/** The shared list, newest first: in the popup's COPIL tab (compact) and the dashboard's COPIL section. */
export function ShareList({ shares, tags, me, compact, ...actions }: { shares: SharedRow[]; tags: Tag[]; me?: string; compact?: boolean } & ShareActions) {
  if (shares.length === 0) return <p class="empty">{t('copilEmpty')}</p>;
  return (
    <ul class="shares">
      {shares.map((share) => (
        <li key={share.id}>
          <ShareCard share={share} tags={tags} me={me} compact={compact} {...actions} />
        </li>
      ))}
    </ul>
  );
}
