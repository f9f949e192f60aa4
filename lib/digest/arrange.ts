import { countsOf, type Digest } from './digest';

/**
 * What the member decided before exporting: items left out, the order they chose (each item stays in its
 * category: the order is the one within it), and an introduction. Kept apart from the digest so that the
 * screen can still show what was left out, to put it back.
 */
export interface DigestEdits {
  left: readonly string[];
  /** Item ids in the member's order; items not named keep the digest's order, after those named. */
  order: readonly string[];
  intro: string;
}

export const NO_EDITS: DigestEdits = { left: [], order: [], intro: '' };

/** The digest as it will be exported: what the Markdown, the HTML and the print view all carry. */
export function arrangeDigest(digest: Digest, edits: DigestEdits): Digest {
  const left = new Set(edits.left);
  const rank = new Map(edits.order.map((id, index) => [id, index]));
  const position = (id: string) => rank.get(id) ?? Number.POSITIVE_INFINITY;
  const groups = digest.groups
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => !left.has(entry.itemId)).sort((a, b) => position(a.itemId) - position(b.itemId)) }))
    .filter((group) => group.entries.length > 0);
  const intro = edits.intro.trim();
  const { intro: _before, ...rest } = digest;
  return { ...rest, groups, counts: countsOf(groups), ...(intro ? { intro } : {}) };
}

/**
 * The order after moving one item up (-1) or down (+1) within its category, as a full order of the
 * category's items (so that the next move starts from what the member sees).
 */
export function moveEntry(digest: Digest, edits: DigestEdits, itemId: string, step: -1 | 1): readonly string[] {
  const arranged = arrangeDigest(digest, { ...edits, left: [] });
  const group = arranged.groups.find((candidate) => candidate.entries.some((entry) => entry.itemId === itemId));
  if (!group) return edits.order;
  const ids = group.entries.map((entry) => entry.itemId);
  const from = ids.indexOf(itemId);
  const to = from + step;
  if (to < 0 || to >= ids.length) return edits.order;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return [...edits.order.filter((id) => !ids.includes(id)), ...ids];
}
