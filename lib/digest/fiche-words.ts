import type { Translate } from '../i18n/translate';
import type { Digest } from './digest';
import type { DigestFicheChange } from './fiche-changes';
import { entryDateText } from './words';

/** « version 3, le 2 décembre 2026 par Bruno Petit » : a fiche's change in the digest's words. */
export function ficheChangeWords(fiche: DigestFicheChange, digest: Pick<Digest, 'language' | 'timeZone' | 'kind'>, translate: Translate): string {
  const when = entryDateText(fiche.updated, digest);
  return fiche.by ? translate('digestFicheChangeBy', [String(fiche.version), when, fiche.by]) : translate('digestFicheChange', [String(fiche.version), when]);
}
