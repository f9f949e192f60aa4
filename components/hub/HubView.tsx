import { useState } from 'preact/hooks';
import { filterShares, NO_FILTER, type ShareFilter } from '@/lib/hub/share-filter';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Tag } from '@/lib/model/tag';
import type { VigieReader } from '@/lib/store/reader';
import { countText, formatNumber } from '../ui/count';
import { StatusLine, type Said } from '../ui/StatusLine';
import { HubProblem } from './HubProblem';
import { HubVersion } from './HubVersion';
import { PendingList } from './PendingList';
import { RexForm } from './RexForm';
import { ShareFilters } from './ShareFilters';
import { ShareList } from './ShareList';
import { useHub } from './use-hub';
import { useLiveHub } from './use-live-hub';

/**
 * The dashboard's COPIL section: the collective's shared list with comments and reactions, what this
 * member's outbox still holds, and live updates from the hub while the page is open.
 */
export function HubView({ reader, tags }: { reader: Pick<VigieReader, 'hubConnection'>; tags: Tag[] }) {
  const [said, setSaid] = useState<Said>();
  const [filter, setFilter] = useState<ShareFilter>(NO_FILTER);
  const copil = useHub((text, kind = 'ok') => setSaid({ text, kind }));
  const connected = copil.status?.connected;

  useLiveHub(reader, connected);

  // Tags are found by their name in either language.
  const labels = new Map(tags.map((tag) => [tag.id, `${tag.label.fr} ${tag.label.en}`]));
  const shown = copil.shares ? filterShares(copil.shares, filter, copil.status?.member?.id, (id) => labels.get(id) ?? id) : [];

  // Others' new shares stay new until marked seen here, or shown in the popup's COPIL tab.
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
          <HubVersion status={copil.status} />
          <p class="new-count" role="status">
            {unread > 0 ? countText('copilUnreadCount', unread) : t('copilNoneUnread')}
            {unread > 0 && (
              <>
                {' '}
                <button type="button" class="button button--small button--quiet" onClick={copil.markAllSeen}>
                  {t('copilMarkAllSeen')}
                </button>
              </>
            )}
          </p>
          {copil.status.member && (
            <RexForm
              tags={tags}
              // Alerts first (what a REX most often answers), then the other articles, newest first.
              answerable={(copil.shares ?? []).filter((share) => share.kind !== 'rex' && !share.pending).sort((a, b) => Number(b.kind === 'alert') - Number(a.kind === 'alert')).slice(0, 200)}
              onSaid={(text, kind = 'ok') => {
                setSaid({ text, kind });
                copil.reload();
              }}
            />
          )}
          {copil.status.pending.length > 0 && <PendingList pending={copil.status.pending} onDiscard={(seq) => void request('discardPending', { seq }).then(copil.reload)} />}
          {copil.shares && copil.shares.length > 0 && (
            <>
              <ShareFilters filter={filter} onChange={setFilter} tags={tags} usedTags={[...new Set(copil.shares.flatMap((share) => share.tags))]} />
              {(filter.text.trim() || filter.tag || filter.view !== 'all') && (
                <p class="new-count" role="status">
                  {countText('copilShownCount', shown.length, formatNumber(copil.shares.length))}
                </p>
              )}
            </>
          )}
          {copil.shares && <ShareList shares={shown} tags={tags} me={copil.status.member?.id} onComment={copil.onComment} onReact={copil.onReact} onTag={copil.onTag} onHide={copil.status.member?.role === 'admin' ? copil.onHide : undefined} />}
        </>
      )}
    </div>
  );
}
