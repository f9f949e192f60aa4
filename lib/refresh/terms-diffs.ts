import { fetchFeed } from '../feeds/fetch';
import { commitDiffUrl, isOtaCommitLink, otaChange } from '../monitors/open-terms-archive';
import type { Item } from '../model/item';
import type { Settings } from '../model/settings';
import type { VigieStore } from '../store/store';

/** A new Open Terms Archive source brings its whole history at once: only the latest commits get their diff read. */
const DIFFS_PER_REFRESH = 10;

/**
 * Open Terms Archive announces each change of a terms document as a commit in an Atom feed; the readable diff
 * is at the commit's address + `.diff`. For the new items of such a feed, it is read and attached. A diff
 * that cannot be read leaves the item as it is (with its link to the commit): the announcement is not lost.
 */
export async function attachTermsDiffs(
  items: readonly Pick<Item, 'id' | 'url' | 'published' | 'fetched'>[],
  deps: { store: VigieStore; settings: Settings; fetchImpl?: typeof fetch },
): Promise<number> {
  const commits = items
    .filter((item) => item.url && isOtaCommitLink(item.url))
    .sort((a, b) => (b.published ?? b.fetched).localeCompare(a.published ?? a.fetched))
    .slice(0, DIFFS_PER_REFRESH);
  let attached = 0;
  for (const item of commits) {
    try {
      const response = await fetchFeed(commitDiffUrl(item.url as string), {
        timeoutMs: deps.settings.fetchTimeoutSeconds * 1000,
        maxBytes: deps.settings.maxResponseMegabytes * 1024 * 1024,
        fetchImpl: deps.fetchImpl,
      });
      if (response.status !== 'ok') continue;
      const change = otaChange(new TextDecoder().decode(response.bytes), item.url as string);
      if (await deps.store.setChange(item.id, change)) attached += 1;
    } catch (error) {
      console.warn(`Vigie: no diff for ${item.url}`, error);
    }
  }
  return attached;
}
