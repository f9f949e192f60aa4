import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Priority } from '@/lib/model/vocabulary';

/**
 * "Partager avec le COPIL", wherever it is offered (reading pane, popup rows, clip form, alerts): the
 * share goes to the outbox and out at once if the hub answers. An article shared already (by this member
 * or a colleague) has its share updated, not doubled. Resolves with what to tell the member.
 */
export async function shareItem(itemId: string, priority?: Priority): Promise<string> {
  const { sent, update } = await request('shareItem', { itemId, ...(priority ? { priority } : {}) });
  if (update) return t(sent ? 'shareUpdated' : 'shareUpdateQueued');
  return t(sent ? 'shareSent' : 'shareQueued');
}

/** « Camille Martin et Bruno Petit »: names as a sentence says them, in the interface's language. */
export const namesText = (names: readonly string[], language: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string =>
  new Intl.ListFormat(language, { type }).format(names);
