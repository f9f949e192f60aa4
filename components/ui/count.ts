import { t, uiLanguage } from '@/lib/i18n/browser';

/** A number in the page's language ("1 234" in French). */
export const formatNumber = (value: number): string => new Intl.NumberFormat(uiLanguage()).format(value);

/**
 * "1 source", "12 sources": `<key>One` for the singular (French counts 0 as singular, English does not),
 * `<key>` otherwise, each with the number as its placeholder.
 */
export function countText(key: string, count: number): string {
  const singular = new Intl.PluralRules(uiLanguage()).select(count) === 'one';
  return t(singular ? `${key}One` : key, [formatNumber(count)]);
}
