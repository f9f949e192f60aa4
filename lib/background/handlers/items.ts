import type { ITEM_REQUESTS } from '../../messages/requests/items';
import type { HandlersOf } from '../../messages/router';
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
