import type { Tag } from '../model/tag';
import { SHARED_TAXONOMY } from '../packs/taxonomy';

/**
 * The digest's sections are the shared taxonomy's top-level categories. A narrower tag files its items under
 * its broader one ("Publicité politique" under "Publicité"): a COPIL meeting goes through a handful of
 * themes, not through every tag, and the entry still shows its own tags, so the nuance is not lost.
 */
export interface Category {
  tag: Tag;
  /** Position of the section (see `sharedRanks`). */
  rank: number;
}

/** Each shared tag's own position: the taxonomy's order, then shared tags it does not know yet (from the hub). */
export function sharedRanks(tags: readonly Tag[]): Map<string, number> {
  const order = new Map(SHARED_TAXONOMY.map((tag, index) => [tag.id, index]));
  const shared = tags.filter((tag) => tag.scope === 'shared');
  return new Map(shared.map((tag, index) => [tag.id, order.get(tag.id) ?? SHARED_TAXONOMY.length + index]));
}

/** Maps each shared tag id to its top-level category. */
export function categoriesOf(tags: readonly Tag[]): Map<string, Category> {
  const shared = new Map(tags.filter((tag) => tag.scope === 'shared').map((tag) => [tag.id, tag]));
  const ranks = sharedRanks(tags);

  const topOf = (tag: Tag): Tag => {
    let top = tag;
    // Bounded walk: a parent loop in a tampered store must not hang the digest.
    for (let step = 0; step < shared.size && top.parent; step++) {
      const parent = shared.get(top.parent);
      if (!parent) break;
      top = parent;
    }
    return top;
  };

  const categories = new Map<string, Category>();
  for (const tag of shared.values()) {
    const top = topOf(tag);
    categories.set(tag.id, { tag: top, rank: ranks.get(top.id) ?? 0 });
  }
  return categories;
}

/**
 * The one category an item is filed under: its first one in the taxonomy's order. An item is listed once,
 * so that the counts add up and nobody reads the same news twice in a meeting; its other tags are shown.
 */
export function categoryOfItem(itemTags: readonly string[], categories: Map<string, Category>): Category | undefined {
  let best: Category | undefined;
  for (const id of itemTags) {
    const category = categories.get(id);
    if (category && (!best || category.rank < best.rank)) best = category;
  }
  return best;
}
