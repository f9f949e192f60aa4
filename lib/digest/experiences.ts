import type { Translate } from '../i18n/translate';
import { rexContext, rexWhen } from '../model/rex-words';
import type { Share } from '../model/share';
import { inPeriod, type DigestPeriod } from './period';

/**
 * The « retours d'expérience » the collective shared in the digest's period: what members tried and what came
 * of it, told after the watch's items, as the COPIL meeting hears them.
 */
export interface DigestExperience {
  shareId: string;
  title: string;
  author: string;
  /** When it happened, in words (« novembre 2026 »). */
  when: string;
  /** Kind and size of the body, platform, audience, in the digest's language. */
  context: string;
  tried: string;
  outcome: string;
  /** What the collective can take from it (its share's note). */
  note?: string;
  /** Its tags, by the labels its share carries (or their ids). */
  tags: string[];
}

/** The REX shared in the period (by the day they were shared), oldest first; hidden ones left out. */
export function experiencesOf(shares: readonly Share[], period: DigestPeriod, translate: Translate, language: string): DigestExperience[] {
  return shares
    .filter((share) => share.kind === 'rex' && share.rex && !share.hidden && inPeriod(share.created, period))
    .sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || a.id.localeCompare(b.id))
    .map((share) => {
      const rex = share.rex!;
      return {
        shareId: share.id,
        title: share.title,
        author: share.author.name,
        when: rexWhen(rex.when, language),
        context: rexContext(rex, translate),
        tried: rex.tried,
        outcome: rex.outcome,
        ...(share.note?.trim() ? { note: share.note.trim() } : {}),
        tags: share.tags.map((tag) => share.tagLabels?.[tag] ?? tag),
      };
    });
}
