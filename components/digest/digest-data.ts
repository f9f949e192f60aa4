import { buildDigest, digestPeriod, type Digest, type DigestChoice } from '@/lib/digest';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { VigieReader } from '@/lib/store/reader';

/**
 * The digest, made from the store's reads of one transaction: the period's items, their alerts, the sources
 * and tags; the COPIL's « retours d'expérience » of the period, and the fiches conseils it changed (pages read
 * the store directly; only the background writes).
 */
export async function loadDigest(reader: Pick<VigieReader, 'digestInputs' | 'experiencesSharedIn' | 'fichesCopy'>, choice: DigestChoice, now = new Date()): Promise<Digest> {
  const period = digestPeriod(choice, now);
  const [inputs, shares, fiches] = await Promise.all([reader.digestInputs(period), reader.experiencesSharedIn(period), reader.fichesCopy()]);
  return buildDigest({ kind: choice.kind, period, ...inputs, shares, fiches, language: uiLanguage() === 'en' ? 'en' : 'fr' }, t);
}
