import { fold } from '../text/fold';
import type { Tag } from '../model/tag';

/**
 * Personal tags: made from the label a member types. The id is the label folded to a slug; a label that
 * folds like an existing tag's gives that tag back, so "Élus" and "elus" are one tag.
 */
const PALETTE = ['#1d6fb8', '#2f7d32', '#b35900', '#8e24aa', '#00796b', '#c62828', '#455a64', '#6a1b9a', '#ad1457', '#283593'];

export function slugOf(label: string): string {
  return fold(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'etiquette';
}

export function personalTag(label: string, existing: readonly Tag[]): Tag {
  const id = slugOf(label);
  const same = existing.find((tag) => tag.id === id || fold(tag.label.fr) === fold(label) || fold(tag.label.en) === fold(label));
  if (same) return same;
  const color = PALETTE[[...id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % PALETTE.length] as string;
  const text = label.trim();
  return { id, label: { fr: text, en: text }, scope: 'personal', color };
}

/** A tag change the collective's rules forbid: the shared taxonomy is not renamed or merged away from here. */
export class TagError extends Error {
  constructor(readonly code: 'only-personal' | 'merge-target') {
    super(code);
    this.name = 'TagError';
  }
}
