import type { Fiche } from '../model/fiche';
import { inPeriod, type DigestPeriod } from './period';

/**
 * The fiches conseils the collective changed in the digest's period: which, to which version, by whom. The
 * COPIL meeting goes through what its method now says after what the watch brought.
 */
export interface DigestFicheChange {
  id: string;
  title: string;
  version: number;
  /** When its newest version was saved, and by whom. */
  updated: string;
  by?: string;
  /** Everyone who has written it. */
  authors: string[];
}

/** The fiches whose newest version was saved in the period, by title. */
export function ficheChangesOf(fiches: readonly Fiche[], period: DigestPeriod, language: string): DigestFicheChange[] {
  return fiches
    .filter((fiche) => fiche.version > 0 && inPeriod(fiche.updated, period))
    .sort((a, b) => a.title.localeCompare(b.title, language))
    .map((fiche) => ({
      id: fiche.id,
      title: fiche.title,
      version: fiche.version,
      updated: fiche.updated,
      ...(fiche.updatedBy ? { by: fiche.updatedBy.name } : {}),
      authors: fiche.authors.map((author) => author.name),
    }));
}
