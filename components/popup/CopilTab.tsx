import { useEffect } from 'preact/hooks';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { t } from '@/lib/i18n/browser';
import { request, RequestError } from '@/lib/messages/client';
import type { Summary } from '@/lib/messages/protocol';
import type { Tag } from '@/lib/model/tag';
import { ShareList } from '../hub/ShareList';

/**
 * The popup's COPIL tab: the newest shares of the collective, with comments and reactions at hand. Showing
 * them counts as seeing them: others' new shares leave the badge once this tab was opened.
 */
export function CopilTab({ copil, tags, say }: { copil: NonNullable<Summary['copil']>; tags: Tag[]; say: (text: string) => void }) {
  const unread = copil.latest.filter((share) => share.unread).map((share) => share.id);
  useEffect(() => {
    if (unread.length) void request('setSharesRead', { ids: unread });
  }, [unread.join(' ')]);
  const fail = (error: unknown) => say(error instanceof RequestError ? error.message : String(error));
  return (
    <>
      <p class="new-count" aria-live="polite">
        {copil.unread > 0 ? t('copilUnreadCount', [String(copil.unread)]) : t('copilNoneUnread')}
        {copil.pending > 0 && ` · ${t('hubPendingTitle', [String(copil.pending)])}`}
      </p>
      <ShareList
        shares={copil.latest}
        tags={tags}
        compact
        onComment={async (shareId, body) => {
          const { sent } = await request('commentShare', { shareId, body }).catch((error: unknown) => {
            fail(error);
            throw error;
          });
          say(t(sent ? 'copilCommentSent' : 'copilCommentQueued'));
        }}
        onReact={(shareId, kind, on) => void request('reactShare', { shareId, kind, on }).catch(fail)}
      />
      <button type="button" class="link-button" onClick={() => void openDashboard('#/copil').then(() => window.close())}>
        {t('copilSeeAll')}
      </button>
    </>
  );
}
