import { buildDigest, digestPeriod, type Digest, type DigestKind } from '@/lib/digest';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { VigieReader } from '@/lib/store/reader';

/**
 * The digest, made from the store's reads of one transaction: the alerts of the period, their items, the
 * starred items, the sources and tags (pages read the store directly; only the background writes).
 */
export async function loadDigest(reader: Pick<VigieReader, 'digestInputs'>, kind: DigestKind, now = new Date()): Promise<Digest> {
  const period = digestPeriod(kind, now);
  const inputs = await reader.digestInputs(period);
  return buildDigest({ kind, period, ...inputs, language: uiLanguage() === 'en' ? 'en' : 'fr' }, t);
}
