import type { ITEM_REQUESTS } from '../../messages/requests/items';
import type { HandlersOf } from '../../messages/router';
import { HISTORY_SOURCE_ID, type Item } from '../../model/item';
import { personalTag, TagError } from '../../tags/personal-tag';
import type { HandlerDeps } from './deps';

export function itemHandlers(deps: HandlerDeps): HandlersOf<typeof ITEM_REQUESTS> {
  const { store } = deps;
  return {
    async updateItems({ ids, patch }) {
      const updated = await store.updateItems(ids, patch);
      await deps.itemsChanged(ids);
      return { updated };
    },
    async markReadBefore({ before }) {
      const ids = await store.unreadIdsBefore(before);
      if (ids.length === 0) return { updated: 0 };
      const updated = await store.updateItems(ids, { read: true });
      await deps.itemsChanged(ids);
      return { updated };
    },
    async listTags() {
      return store.listTags();
    },
    async renameTag({ id, label }) {
      const tag = (await store.listTags()).find((candidate) => candidate.id === id);
      if (!tag || tag.scope !== 'personal') throw new TagError('only-personal');
      const renamed = { ...tag, label: { fr: label, en: label } };
      await store.putTags([renamed]);
      deps.tagsChanged();
      return renamed;
    },
    async addHistoryEvent({ date, title, category, url }) {
      const tag = (await store.listTags()).find((candidate) => candidate.id === category);
      if (!tag || tag.scope !== 'shared') throw new TagError('not-shared');
      const now = new Date().toISOString();
      const item: Item = {
        id: `${HISTORY_SOURCE_ID}-${crypto.randomUUID()}`,
        sourceId: HISTORY_SOURCE_ID,
        title,
        ...(url ? { url } : {}),
        published: `${date}T12:00:00.000Z`,
        fetched: now,
        categories: [],
        read: true,
        starred: false,
        tags: [category],
      };
      await store.putItems([item]);
      await deps.itemsChanged([item.id]);
      return item;
    },
    async recolorTag({ id, color }) {
      const tag = (await store.listTags()).find((candidate) => candidate.id === id);
      if (!tag || tag.scope !== 'personal') throw new TagError('only-personal');
      const recolored = { ...tag, color };
      await store.putTags([recolored]);
      deps.tagsChanged();
      return recolored;
    },
    async mergeTags({ from, into }) {
      const tags = await store.listTags();
      const source = tags.find((tag) => tag.id === from);
      if (!source || source.scope !== 'personal') throw new TagError('only-personal');
      if (from === into || !tags.some((tag) => tag.id === into)) throw new TagError('merge-target');
      const changed = await store.mergeTag(from, into);
      deps.tagsChanged();
      if (changed.length > 0) await deps.itemsChanged(changed);
      return { updated: changed.length };
    },
    async saveTag({ label }) {
      const existing = await store.listTags();
      const tag = personalTag(label, existing);
      if (!existing.some((other) => other.id === tag.id)) {
        await store.putTags([tag]);
        deps.tagsChanged();
      }
      return tag;
    },
  };
}
