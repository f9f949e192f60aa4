import type { Item } from '../model/item';
import type { Share, ShareDraft } from '../model/share';
import type { Priority } from '../model/vocabulary';

const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What the collective receives of an item or a clip: its link, title, a short summary, the clip's quote,
 * and this member's tags, note ("conseil"), impact and triage, cut to the hub's limits. Never the stored
 * HTML: the hub's list is text.
 */
export function shareDraftOf(item: Item, options: { sourceTitle?: string; priority?: Priority } = {}): ShareDraft {
  const fields: Record<string, unknown> = {
    kind: item.clip ? 'clip' : 'item',
    url: item.url,
    title: cut(item.title.trim() || item.url || '—', 500),
    summary: cut(item.summary?.trim() || item.clip?.description, 5_000),
    sourceTitle: cut(options.sourceTitle ?? item.clip?.siteName, 300),
    quote: cut(item.clip?.quote, 20_000),
    published: item.published,
    tags: item.tags.slice(0, 30),
    note: cut(item.note, 20_000),
    impact: item.impact,
    triage: item.triage,
    priority: options.priority,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as ShareDraft;
}

/** The copy shown in the COPIL list while the share waits in the outbox. */
export function pendingShare(id: string, draft: ShareDraft, author: Share['author'], now: string): Share {
  return { ...draft, id, author, created: now, updated: now, hidden: false, seq: 0, comments: [], reactions: { useful: [], seen: [] } };
}
