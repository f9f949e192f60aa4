import type { Language } from '../i18n/translate';
import type { Item } from '../model/item';
import type { Share, ShareDraft } from '../model/share';
import type { Tag } from '../model/tag';
import type { Priority } from '../model/vocabulary';

const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Each tag's label as this member reads it (the others may not have a personal tag of that name), cut to the hub's limit. */
export function tagLabelsOf(ids: readonly string[], tags: readonly Tag[], language: Language): Record<string, string> {
  const byId = new Map(tags.map((tag) => [tag.id, tag.label[language]]));
  return Object.fromEntries(ids.flatMap((id) => (byId.get(id) ? [[id, cut(byId.get(id), 120)!]] : [])));
}

/**
 * What the collective receives of an item or a clip: its link, title, a short summary, the clip's quote,
 * and this member's tags, note ("conseil"), impact and triage, cut to the hub's limits. Never the stored
 * HTML: the hub's list is text. `language` is the member's, for the tags' labels; `wordsLanguage` the
 * article's (its item's, else its source's, as a language tag).
 */
export function shareDraftOf(
  item: Item,
  options: { sourceTitle?: string; priority?: Priority; tags?: readonly Tag[]; language?: Language; wordsLanguage?: string } = {},
): ShareDraft {
  const tags = item.tags.slice(0, 30);
  const labels = tagLabelsOf(tags, options.tags ?? [], options.language ?? 'fr');
  const fields: Record<string, unknown> = {
    kind: item.clip ? 'clip' : 'item',
    url: item.url,
    title: cut(item.title.trim() || item.url || '—', 500),
    summary: cut(item.summary?.trim() || item.clip?.description, 5_000),
    sourceTitle: cut(options.sourceTitle ?? item.clip?.siteName, 300),
    quote: cut(item.clip?.quote, 20_000),
    published: item.published,
    tags,
    tagLabels: options.tags && Object.keys(labels).length ? labels : undefined,
    note: cut(item.note, 20_000),
    impact: item.impact,
    triage: item.triage,
    priority: options.priority,
    // The language of the article's words (RGAA 8.7), given only to a hub that keeps it (see queueShare).
    language: options.wordsLanguage,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as ShareDraft;
}

/** The copy shown in the COPIL list while the share waits in the outbox. */
export function pendingShare(id: string, draft: ShareDraft, author: Share['author'], now: string): Share {
  return { ...draft, id, author, created: now, updated: now, hidden: false, seq: 0, comments: [], reactions: { useful: [], seen: [] } };
}
