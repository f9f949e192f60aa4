import { checkCapture, type CapturedPage } from '../../clips/capture';
import { clipTitle, clipUrls, enrichWithClip, itemToEnrich, newClipItem, type ClipChoices } from '../../clips/clip';
import { ClipError } from '../../clips/errors';
import type { CLIP_REQUESTS } from '../../messages/requests/clips';
import type { HandlersOf } from '../../messages/router';
import type { Tag } from '../../model/tag';
import type { VigieStore } from '../../store/store';
import { personalTag } from '../../tags/personal-tag';
import type { HandlerDeps } from './deps';

/** Tags typed as words: a known tag's id or label gives that tag; any other word becomes a personal tag. */
async function tagsFor(store: VigieStore, labels: readonly string[], tagsChanged: () => void): Promise<string[]> {
  const known = await store.listTags();
  const wanted = new Map<string, Tag>();
  for (const label of labels.filter((typed) => typed.trim())) {
    const tag = personalTag(label, known);
    wanted.set(tag.id, tag);
  }
  const created = [...wanted.values()].filter((tag) => !known.some((other) => other.id === tag.id));
  if (created.length > 0) {
    await store.putTags(created);
    tagsChanged();
  }
  return [...wanted.keys()];
}

/** Saves a clip: the item already stored at its address is enriched, else a new item is made. */
export async function saveClip(deps: HandlerDeps, page: CapturedPage, choices: ClipChoices) {
  const urls = clipUrls(page);
  const tags = await tagsFor(deps.store, choices.tags, deps.tagsChanged);
  const now = new Date().toISOString();
  const { item, enriched } = await deps.store.putClip(urls, (existing) => {
    const before = itemToEnrich(existing);
    return before ? enrichWithClip(before, page, { ...choices, tags }, now) : newClipItem(page, { ...choices, tags }, now);
  });
  await deps.itemsChanged([item.id]);
  return { id: item.id, title: item.title, enriched };
}

export function clipHandlers(deps: HandlerDeps): HandlersOf<typeof CLIP_REQUESTS> {
  return {
    async previewClip({ tabId }) {
      if (!deps.capturePage) throw new ClipError('forbidden', 'no scripting here');
      const page = checkCapture(await deps.capturePage(tabId));
      const urls = clipUrls(page);
      const known = (await Promise.all(urls.map((url) => deps.store.findItemsByUrl(url)))).some((items) => items.length > 0);
      return { page, url: urls[0] as string, ...clipTitle(page, urls[0] as string), known };
    },
    async saveClip({ page, tags, note, impact }) {
      return saveClip(deps, page, { tags, ...(note === undefined ? {} : { note }), ...(impact ? { impact } : {}) });
    },
  };
}
