import { describe, expect, it, vi } from 'vitest';
import { memberWords } from '../../lib/background/language';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Messages } from '../../lib/i18n/translate';
import en from '../../public/_locales/en/messages.json';

/** The background's own words follow Paramètres, not the browser. */
function words(stored: unknown, browserLanguage = 'fr-FR') {
  const messages = vi.fn(async () => en as Messages);
  return { words: memberWords({ stored: async () => stored, browserLanguage, browserTranslate: nodeTranslate('fr'), messages }), messages };
}

describe('memberWords', () => {
  it('speaks English when English is chosen in a French browser, reading the file once', async () => {
    const { words: say, messages } = words('en');
    expect((await say())('tabNews')).toBe(nodeTranslate('en')('tabNews'));
    await say();
    expect(messages).toHaveBeenCalledTimes(1);
  });

  it("uses the browser's own words when the choice is the browser's language, or 'auto'", async () => {
    for (const stored of ['fr', 'auto', undefined]) {
      const { words: say, messages } = words(stored);
      expect((await say())('tabNews')).toBe(nodeTranslate('fr')('tabNews'));
      expect(messages).not.toHaveBeenCalled();
    }
  });

  it("falls back to the browser's words when the file cannot be read, and tries again later", async () => {
    const messages = vi.fn<() => Promise<Messages>>().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(en as Messages);
    const say = memberWords({ stored: async () => 'en', browserLanguage: 'fr', browserTranslate: nodeTranslate('fr'), messages });
    expect((await say())('tabNews')).toBe(nodeTranslate('fr')('tabNews'));
    expect((await say())('tabNews')).toBe(nodeTranslate('en')('tabNews'));
  });
});
