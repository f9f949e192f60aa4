import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { initLanguage } from '../../lib/i18n/browser';
import { nodeTranslate } from '../../lib/i18n/node';

/** Components speak through the browser's i18n: in tests, WXT's fake browser answers from the French `_locales`. */
export function speakFrench(): void {
  const translate = nodeTranslate('fr');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => translate(key, substitutions)) as typeof fakeBrowser.i18n.getMessage);
}

/**
 * A browser in `language` and a page that speaks it: the words and the language Intl counts in (French says
 * "0 élément", English "0 items"), as `initLanguage` sets them before a page's first render.
 */
export async function speak(language: 'fr' | 'en'): Promise<void> {
  const translate = nodeTranslate(language);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => translate(key, substitutions)) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
  await initLanguage(null);
}
