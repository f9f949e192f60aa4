import type { ITEM_REQUESTS } from '../../messages/requests/items';
import type { HandlersOf } from '../../messages/router';
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
  };
}
