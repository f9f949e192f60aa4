/**
 * Open Terms Archive's `filter`s are JavaScript functions kept beside each declaration
 * (`<Service>.filters.js`), which OTA runs on the page before extraction. Vigie runs no code from a
 * declaration: Meta's filters are read here as what they do to the text.
 * - Most only rewrite link targets or attributes (tracking parameters, redirect wrappers, empty anchors):
 *   Vigie's text holds no link targets, so they change nothing to it.
 * - Some drop elements: the same as a `remove` selector.
 * - One reads an info icon as "ℹ️".
 * Any other filter is named on the monitor as not applied (see declaration.ts).
 * Read from pga-declarations at 005c571 (2026-07-02): Facebook.filters.js, Instagram.filters.js.
 */
export type FilterReading =
  | { kind: 'links-only' }
  | { kind: 'remove'; selectors: string[] }
  | { kind: 'replace'; selector: string; text: string };

const LINKS_ONLY: FilterReading = { kind: 'links-only' };

/** By filter name; a name whose reading depends on the service is keyed `<Service>.<name>`. */
const READINGS: Record<string, FilterReading> = {
  cleanUrls: LINKS_ONLY,
  removeTrackingIDs: LINKS_ONLY,
  removeTrackingIDsE: LINKS_ONLY,
  removeLocaleFromUrls: LINKS_ONLY,
  removeLocaleQueryParam: LINKS_ONLY,
  removeRefParam: LINKS_ONLY,
  removeHelprefQueryParam: LINKS_ONLY,
  removeRevisionQueryParam: LINKS_ONLY,
  removeEmptyAnchorsLinks: LINKS_ONLY,
  removeLinks: LINKS_ONLY,
  // Drops links whose only content is an image: no words.
  removeHelpButtons: LINKS_ONLY,
  removeReturnToTopButtons: { kind: 'remove', selectors: ['._t3o'] },
  removeImgFromCookiesPolicy: { kind: 'remove', selectors: ['._vpi'] },
  // Drops what is neither an item nor a list inside ordered lists (and moves nested lists, which keeps the words).
  numberListCorrectly: { kind: 'remove', selectors: ['ol > :not(li):not(ol)'] },
  'Facebook.replaceInfoImageWithEmoji': { kind: 'replace', selector: 'img[src*="10574689_373883339436400_1359386031_n.png?"]', text: 'ℹ️' },
  'Instagram.replaceInfoImageWithEmoji': { kind: 'replace', selector: 'img[src*="/851547_537948159656190_540847388_n.png?"]', text: 'ℹ️' },
};

export function readFilter(service: string, name: string): FilterReading | undefined {
  return READINGS[`${service}.${name}`] ?? READINGS[name];
}
