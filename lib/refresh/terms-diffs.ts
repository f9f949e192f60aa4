import { fetchFeed, fetchLimits } from '../feeds/fetch';
import type { Change } from '../model/change';
import type { ItemDraft } from '../model/item';
import type { Settings } from '../model/settings';
import { commitDiffUrl, isOtaCommitLink, isTechnicalCommit, otaChange } from '../monitors/open-terms-archive';
import type { VigieStore } from '../store/store';

/** A new Open Terms Archive source brings its whole history at once: only the latest commits get their diff read. */
const DIFFS_PER_REFRESH = 10;

/**
 * Open Terms Archive announces each change of a terms document as a commit in an Atom feed; the readable diff
 * is at the commit's address + `.diff`. For the feed's commits not stored yet, it is read and put on the item
 * before the item is stored, so that the rules see what the change is worth: a change of link targets only,
 * or the archive's own technical commit, is kept without an alert. A diff that cannot be read leaves the item
 * as it is (with its link to the commit): the announcement is not lost.
 */
export async function withTermsDiffs(
  items: readonly ItemDraft[],
  deps: { store: VigieStore; settings: Settings; fetchImpl?: typeof fetch },
  fetchedAt: string,
): Promise<ItemDraft[]> {
  const commits = items.filter((item) => item.url && isOtaCommitLink(item.url) && !item.change);
  if (commits.length === 0) return [...items];
  const stored = await Promise.all(commits.map((item) => deps.store.getItem(item.id)));
  const fresh = commits
    .filter((_, index) => stored[index] === undefined)
    .sort((a, b) => (b.published ?? fetchedAt).localeCompare(a.published ?? fetchedAt));
  const changes = new Map<string, Change>();
  for (const item of fresh.slice(0, DIFFS_PER_REFRESH)) {
    try {
      const response = await fetchFeed(commitDiffUrl(item.url as string), fetchLimits(deps.settings, deps.fetchImpl));
      if (response.status !== 'ok') continue;
      changes.set(item.id, otaChange(new TextDecoder().decode(response.bytes), item.url as string, { subject: item.title }));
    } catch (error) {
      console.warn(`Vigie: no diff for ${item.url}`, error);
    }
  }
  // Without a diff (past the ten, or unreadable), the subject still tells the archive's own commits apart.
  for (const item of fresh) {
    if (!changes.has(item.id) && isTechnicalCommit(item.title)) changes.set(item.id, { kind: 'terms', significance: 'technical', documents: [] });
  }
  return items.map((item) => {
    const change = changes.get(item.id);
    return change ? { ...item, change } : item;
  });
}
