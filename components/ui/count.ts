import { t, uiLanguage } from '@/lib/i18n/browser';
import { perLanguage } from '@/lib/i18n/dates';

const numbers = perLanguage((language) => new Intl.NumberFormat(language));
const plurals = perLanguage((language) => new Intl.PluralRules(language));

/** A number in the page's language ("1 234" in French). */
export const formatNumber = (value: number): string => numbers(uiLanguage()).format(value);

/**
 * "1 source", "12 sources": `<key>One` for the singular (French counts 0 as singular, English does not),
 * `<key>` otherwise, each with the number as its first placeholder ($1) and `more` after it ($2…).
 */
export function countText(key: string, count: number, ...more: string[]): string {
  const singular = plurals(uiLanguage()).select(count) === 'one';
  return t(singular ? `${key}One` : key, [formatNumber(count), ...more]);
}

/**
 * "Relève terminée : 1 nouveau, 2 sources en erreur": two counts, each in its own number (the popup's and
 * Sources'). When every enabled source failed and nothing came, that is the network, not thirteen sources:
 * one line says so.
 */
export const refreshDoneText = (added: number, failed: number, enabled?: number): string =>
  enabled && added === 0 && failed >= enabled ? t('refreshNoneReached') : t('refreshDone', [countText('refreshAdded', added), countText('refreshFailed', failed)]);

/** A size in bytes in the page's language, in the unit that reads best: "850 ko", "1,5 Mo", "2 Go" ("1.5 MB"). */
export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : bytes >= 1e3 ? (['kilobyte', 1e3] as const) : (['byte', 1] as const);
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: bytes >= 1e6 ? 1 : 0 }).format(bytes / size);
}
