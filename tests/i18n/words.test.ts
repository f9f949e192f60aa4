// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { initLanguage, t } from '../../lib/i18n/browser';
import { fullDate } from '../../lib/i18n/dates';
import { nodeTranslate } from '../../lib/i18n/node';

/**
 * The pages' words are looked up once: the browser's `getMessage` checks its arguments at every call, and a
 * list's rows asked it about 60 times per render. A language chosen again asks afresh.
 */
afterEach(() => vi.restoreAllMocks());

describe('t', () => {
  it('asks the browser once per key and substitutions, and again after the language is set', async () => {
    const french = nodeTranslate('fr');
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => french(key, substitutions)) as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr');
    await initLanguage(null);
    expect(t('starItem')).toBe('Favori');
    expect(t('starItem')).toBe('Favori');
    expect(t('starItemNamed', ['Un article'])).toBe(french('starItemNamed', ['Un article']));
    expect(t('starItemNamed', ['Un article'])).toBe(french('starItemNamed', ['Un article']));
    expect(t('starItemNamed', ['Un autre'])).toBe(french('starItemNamed', ['Un autre']));
    expect(asked).toHaveBeenCalledTimes(3);

    const english = nodeTranslate('en');
    asked.mockImplementation(((key: string, substitutions?: string | string[]) => english(key, substitutions)) as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    await initLanguage(null);
    expect(t('starItem')).toBe(english('starItem'));
  });
});

describe('fullDate', () => {
  it('formats a date once per language, and each language in its own words', () => {
    // `format` is a getter that gives a bound function: counted through it.
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!.get!;
    const format = vi.fn();
    vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get').mockImplementation(function (this: Intl.DateTimeFormat) {
      const bound = original.call(this) as (date?: Date | number) => string;
      return (date?: Date | number) => {
        format();
        return bound(date);
      };
    });
    const first = fullDate('2026-11-01T08:00:00.000Z', 'fr');
    expect(fullDate('2026-11-01T08:00:00.000Z', 'fr')).toBe(first);
    expect(format).toHaveBeenCalledTimes(1);
    expect(first).toMatch(/novembre 2026/);
    expect(fullDate('2026-11-01T08:00:00.000Z', 'en')).toMatch(/November 1, 2026/);
    expect(format).toHaveBeenCalledTimes(2);
  });
});
