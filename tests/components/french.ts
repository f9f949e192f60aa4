import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { nodeTranslate } from '../../lib/i18n/node';

/** Components speak through the browser's i18n: in tests, WXT's fake browser answers from the French `_locales`. */
export function speakFrench(): void {
  const translate = nodeTranslate('fr');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => translate(key, substitutions)) as typeof fakeBrowser.i18n.getMessage);
}
