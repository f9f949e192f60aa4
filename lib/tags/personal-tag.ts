import type { Tag } from '../model/tag';
import { fold } from '../text/fold';
import { slug } from '../text/slug';

/**
 * Personal tags: made from the label a member types. The id is the label folded to a slug; a label that
 * folds like an existing tag's gives that tag back, so "Élus" and "elus" are one tag.
 */
/**
 * The colours a personal tag may take, each named (a colour is never the only way a tag is told apart) and
 * dark enough to be read as text on the light theme and seen as a mark on the dark one.
 */
export const TAG_COLOURS = [
  ['#1d6fb8', 'blue'],
  ['#2f7d32', 'green'],
  ['#b35900', 'orange'],
  ['#8e24aa', 'purple'],
  ['#00796b', 'teal'],
  ['#c62828', 'red'],
  ['#455a64', 'grey'],
  ['#6a1b9a', 'violet'],
  ['#ad1457', 'pink'],
  ['#283593', 'navy'],
] as const;
export type TagColour = (typeof TAG_COLOURS)[number][0];
const PALETTE = TAG_COLOURS.map(([colour]) => colour);

export function slugOf(label: string): string {
  return slug(label) || 'etiquette';
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
  constructor(readonly code: 'only-personal' | 'merge-target' | 'not-shared') {
    super(code);
    this.name = 'TagError';
  }
}
