import type { Share } from '../model/share';
import { fold } from '../text/fold';

/** What the COPIL section shows: everything, the shared alerts, the « retours d'expérience », this member's own shares, or the new ones. */
export const SHARE_VIEWS = ['all', 'alerts', 'rex', 'mine', 'unread'] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

export interface ShareFilter {
  /** Words that must all appear (case and accents ignored) in the title, note, summary, quote, source, author, tags, comments (and their authors) or a REX's own fields. */
  text: string;
  tag: string;
  view: ShareView;
}

export const NO_FILTER: ShareFilter = { text: '', tag: '', view: 'all' };

const haystack = (share: Share, tagLabel: (id: string) => string) =>
  fold(
    [share.title, share.note, share.summary, share.quote, share.sourceTitle, share.author.name, ...share.tags.map(tagLabel), ...share.comments.flatMap((c) => [c.body, c.author.name]),
      ...(share.rex ? [share.rex.size, share.rex.audience, share.rex.tried, share.rex.outcome, ...(share.rex.answers ?? []).map((answer) => answer.title)] : [])]
      .filter(Boolean)
      .join(' '),
  );

/** The shares a filter keeps, in their order. A few hundred shares: a plain pass is enough. */
export function filterShares<S extends Share & { unread?: boolean }>(shares: readonly S[], filter: ShareFilter, me: string | undefined, tagLabel: (id: string) => string = (id) => id): S[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return shares.filter((share) => {
    if (filter.view === 'alerts' && !share.priority) return false;
    if (filter.view === 'rex' && share.kind !== 'rex') return false;
    if (filter.view === 'mine' && share.author.id !== me) return false;
    if (filter.view === 'unread' && !share.unread) return false;
    if (filter.tag && !share.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const text = haystack(share, tagLabel);
    return words.every((word) => text.includes(word));
  });
}
