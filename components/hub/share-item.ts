import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Priority } from '@/lib/model/vocabulary';

/**
 * "Partager avec le COPIL", wherever it is offered (reading pane, popup rows, clip form, alerts): the
 * share goes to the outbox and out at once if the hub answers. Resolves with what to tell the member.
 */
export async function shareItem(itemId: string, priority?: Priority): Promise<string> {
  const { sent } = await request('shareItem', { itemId, ...(priority ? { priority } : {}) });
  return t(sent ? 'shareSent' : 'shareQueued');
}
