import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import { HUB_KEY } from '@/lib/hub/connection';
import { followHub } from '@/lib/hub/live';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Tag } from '@/lib/model/tag';
import type { VigieSchema } from '@/lib/store/schema';
import { StatusLine, type Said } from '../dashboard/StatusLine';
import { HubProblem } from './HubProblem';
import { PendingList } from './PendingList';
import { ShareList } from './ShareList';
import { useCopil } from './use-copil';

/**
 * The dashboard's COPIL section: the collective's shared list with comments and reactions, what this
 * member's outbox still holds, and live updates from the hub while the page is open.
 */
export function CopilView({ db, tags }: { db: IDBPDatabase<VigieSchema>; tags: Tag[] }) {
  const [said, setSaid] = useState<Said>();
  const copil = useCopil((text, kind = 'ok') => setSaid({ text, kind }));
  const connected = copil.status?.connected;

  // The page reads the hub's address and token itself (it is one of Vigie's own pages) to follow the stream.
  useEffect(() => {
    if (!connected) return;
    const controller = new AbortController();
    void db.get('meta', HUB_KEY).then((record) => {
      const hub = record?.value as { url?: string; token?: string } | undefined;
      if (hub?.url && hub.token) followHub(hub.url, hub.token, () => void request('hubSync', {}).catch(() => undefined), controller.signal);
    });
    return () => controller.abort();
  }, [db, connected]);

  // What is on screen counts as seen: the badge drops others' new shares once they were shown here.
  const unread = copil.shares?.filter((share) => share.unread).length ?? 0;

  return (
    <div class="admin-view copil-view">
      <header class="admin-view__header">
        <h1>{t('copilTitle')}</h1>
        <StatusLine said={said} />
      </header>
      {!copil.status ? null : !copil.status.connected ? (
        <p class="empty">
          {t('copilNotConnected')} <a href="#/settings">{t('navSettings')}</a>
        </p>
      ) : (
        <>
          <HubProblem problem={copil.status.problem} />
          <p class="new-count" aria-live="polite">
            {unread > 0 ? t('copilUnreadCount', [String(unread)]) : t('copilNoneUnread')}
            {unread > 0 && (
              <>
                {' '}
                <button type="button" class="button button--small button--quiet" onClick={copil.markAllSeen}>
                  {t('copilMarkAllSeen')}
                </button>
              </>
            )}
          </p>
          {copil.status.pending.length > 0 && <PendingList pending={copil.status.pending} onDiscard={(seq) => void request('discardPending', { seq }).then(copil.reload)} />}
          {copil.shares && <ShareList shares={copil.shares} tags={tags} me={copil.status.member?.id} onComment={copil.onComment} onReact={copil.onReact} onTag={copil.onTag} onHide={copil.status.member?.role === 'admin' ? copil.onHide : undefined} />}
        </>
      )}
    </div>
  );
}
