import { useEffect } from 'preact/hooks';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Summary } from '@/lib/messages/protocol';
import type { Tag } from '@/lib/model/tag';
import { ShareList } from '../hub/ShareList';
import { shareActions } from '../hub/use-hub';
import { countText } from '../ui/count';

/**
 * The popup's COPIL tab: the newest shares of the collective, with comments and reactions at hand. Showing
 * them counts as seeing them: others' new shares leave the badge once this tab was opened.
 */
export function HubTab({ hub, tags, say }: { hub: NonNullable<Summary['hub']>; tags: Tag[]; say: (text: string) => void }) {
  const unread = hub.latest.filter((share) => share.unread).map((share) => share.id);
  useEffect(() => {
    if (unread.length) void request('setSharesRead', { ids: unread });
  }, [unread.join(' ')]);
  const actions = shareActions(say);
  return (
    <>
      <p class="new-count" role="status">
        {hub.unread > 0 ? countText('copilUnreadCount', hub.unread) : t('copilNoneUnread')}
        {hub.pending > 0 && ` · ${t('hubPendingTitle', [String(hub.pending)])}`}
      </p>
      <ShareList
        shares={hub.latest}
        tags={tags}
        compact
        onComment={actions.onComment}
        onReact={actions.onReact}
      />
      <button type="button" class="link-button" onClick={() => void openDashboard('#/copil').then(() => window.close())}>
        {t('copilSeeAll')}
      </button>
    </>
  );
}
