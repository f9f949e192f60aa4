import { browser } from 'wxt/browser';
import type { Translate } from './translate';

/** The extension's own i18n (`_locales`), in the browser's language: French first, English complete. */
export const t: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);

export const uiLanguage = (): string => browser.i18n.getUILanguage();
