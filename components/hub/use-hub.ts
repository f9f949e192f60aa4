import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { HubStatus } from '@/lib/messages/requests/hub';
import type { SharedRow } from '@/lib/model/share';

/**
 * The shared list and what pages do with it (comment, react), kept fresh by the background's `hubChanged`
 * events. `say` reports each outcome in words: sent, or waiting in the outbox.
 */
export function useHub(say: (text: string, kind?: 'ok' | 'error') => void, limit = 500) {
  const [status, setStatus] = useState<HubStatus>();
  const [shares, setShares] = useState<SharedRow[]>();

  const load = useCallback(async () => {
    const [nextStatus, nextShares] = await Promise.all([request('hubStatus', {}), request('listShares', { limit })]);
    setStatus(nextStatus);
    setShares(nextShares);
  }, [limit]);

  useEffect(() => {
    void load();
    return onEvent((event) => {
      if (event.event === 'hubChanged') void load();
    });
  }, [load]);

  return { status, shares, reload: load, ...shareActions(say) };
}

/**
 * What members do on a share, wherever the list is shown (the dashboard's section, the popup's tab): each
 * outcome said in words, sent or waiting in the outbox.
 */
export function shareActions(say: (text: string, kind?: 'ok' | 'error') => void) {
  const fail = (error: unknown) => say(errorText(error), 'error');
  return {
    onComment: async (shareId: string, body: string, replyTo?: string) => {
      try {
        const { sent } = await request('commentShare', { shareId, body, ...(replyTo ? { replyTo } : {}) });
        say(t(sent ? 'copilCommentSent' : 'copilCommentQueued'), 'ok');
      } catch (error) {
        fail(error);
        throw error;
      }
    },
    onReact: (shareId: string, kind: 'useful' | 'seen', on: boolean) => void request('reactShare', { shareId, kind, on }).catch(fail),
    onTag: (shareId: string, tags: string[]) =>
      void request('tagShare', { shareId, tags })
        .then(({ sent }) => say(t(sent ? 'copilTagged' : 'hubQueued'), 'ok'))
        .catch(fail),
    onHide: (shareId: string, hidden: boolean) =>
      void request('hideShare', { shareId, hidden })
        .then(({ sent }) => say(t(sent ? (hidden ? 'copilHidden' : 'copilShown') : 'hubQueued'), 'ok'))
        .catch(fail),
    markAllSeen: () => void request('setSharesRead', {}).catch(fail),
  };
}
