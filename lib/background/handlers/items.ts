import type { ITEM_REQUESTS } from '../../messages/requests/items';
import type { HandlersOf } from '../../messages/router';
import { personalTag } from '../../tags/personal-tag';
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
