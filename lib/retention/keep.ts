import { HISTORY_SOURCE_ID, type Item } from '../model/item';

/**
 * The retention rule, pure: which old item goes and which stays. An item is old when both its date (its
 * publication, else when Vigie first saw it) and the moment Vigie first saw it are before the cut-off: an
 * old article that a feed still lists was seen recently and stays, so it never comes back as new at the next
 * refresh. Whatever the member worked on stays, however old: starred, tagged by the member, noted, clipped,
 * shared, or carrying an unread alert; and the past events of the Diagnostic.
 */
export type KeepReason = 'recent' | 'history' | 'starred' | 'noted' | 'clipped' | 'shared' | 'unread-alert' | 'tagged';

export interface KeepContext {
  /** ISO date: what is older than this may go. */
  cutoff: string;
  /** The addresses shared with the COPIL (the hub's list as last pulled, and this member's shares still waiting). */
  sharedUrls: ReadonlySet<string>;
  /** The tags the rules give this item today; any other tag it carries was set by the member. */
  ruleTags: (item: Item) => ReadonlySet<string>;
}

/** The cut-off for `months` before `now`; undefined for « toujours ». */
export function retentionCutoff(months: number | null, now: Date): string | undefined {
  if (months === null) return undefined;
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

/** Why `item` stays, or undefined when it goes. `alerts`: the item's alerts. */
export function keepReason(item: Item, alerts: readonly { read: boolean }[], context: KeepContext): KeepReason | undefined {
  const date = item.published ?? item.fetched;
  if (date >= context.cutoff || item.fetched >= context.cutoff) return 'recent';
  if (item.sourceId === HISTORY_SOURCE_ID) return 'history';
  if (item.starred) return 'starred';
  if (item.note !== undefined && item.note.trim() !== '') return 'noted';
  if (item.clip) return 'clipped';
  if (item.url !== undefined && context.sharedUrls.has(item.url)) return 'shared';
  if (alerts.some((alert) => !alert.read)) return 'unread-alert';
  if (item.tags.length > 0) {
    // Only now (the rules are read for it): the cheaper reasons came first.
    const byRules = context.ruleTags(item);
    if (item.tags.some((tag) => !byRules.has(tag))) return 'tagged';
  }
  return undefined;
}
