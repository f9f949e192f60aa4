import { browser } from 'wxt/browser';
import type { LanguageSetting } from '../model/settings';
import { chooseLanguage, translatorFrom, type Messages, type Translate } from './translate';

/**
 * The pages' words: the extension's own i18n (`_locales`), French first, English complete. The browser's
 * i18n only speaks the browser's language, so when the member picked another one in Paramètres, the page
 * reads that language's messages file instead. `initLanguage` runs once, before the first render.
 */
export const LANGUAGE_KEY = 'vigie.language';

const browserTranslate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);

let current: Translate = browserTranslate;
let language = 'fr';

/**
 * Words already looked up, by key and substitutions. The browser's `getMessage` checks its arguments against
 * the API's schema at every call, and a list's rows asked it about 60 times per render (about 0.4 ms of each
 * search answer's render at 50,000 items). Bounded: a title is a substitution, and titles are many.
 */
const looked = new Map<string, string>();
const LOOKED_MAX = 2_000;

export const t: Translate = (key, substitutions) => {
  const asked = substitutions === undefined ? key : `${key}\u0000${Array.isArray(substitutions) ? substitutions.join('\u0000') : substitutions}`;
  let words = looked.get(asked);
  if (words === undefined) {
    if (looked.size >= LOOKED_MAX) looked.clear();
    looked.set(asked, (words = current(key, substitutions)));
  }
  return words;
};

/** "fr" or "en": for Intl and for the page's `lang`. */
export const uiLanguage = (): string => language;

/** `known`: the setting when the page has already read it (the popup reads it early, with its summary). */
export async function initLanguage(known?: LanguageSetting | null): Promise<void> {
  const stored = known === undefined ? ((await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY] as LanguageSetting | undefined) : known;
  const browserLanguage = chooseLanguage(undefined, browser.i18n.getUILanguage());
  const wanted = chooseLanguage(stored, browserLanguage);
  language = wanted;
  document.documentElement.lang = wanted;
  // Called again (a test, a language changed), it also goes back to the browser's own words.
  current = browserTranslate;
  looked.clear();
  if (wanted === browserLanguage) return;
  const response = await fetch(browser.runtime.getURL(`/_locales/${wanted}/messages.json` as '/popup.html'));
  current = translatorFrom((await response.json()) as Messages);
  looked.clear();
}
