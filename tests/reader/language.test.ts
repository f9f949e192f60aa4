import { describe, expect, it } from 'vitest';
import { contentLanguage } from '../../lib/reader/language';

describe('contentLanguage', () => {
  it("gives the item's language, else its source's, as a canonical tag", () => {
    expect(contentLanguage('en-us')).toBe('en-US');
    expect(contentLanguage(' fr_FR ')).toBe('fr-FR');
    expect(contentLanguage(undefined, 'pt-BR')).toBe('pt-BR');
    expect(contentLanguage('', 'de')).toBe('de');
  });

  it('gives nothing rather than a wrong attribute for what is not a language tag', () => {
    expect(contentLanguage('français', 'not a tag')).toBeUndefined();
    expect(contentLanguage(undefined)).toBeUndefined();
    expect(contentLanguage('unknown-language-tag-x', 'en')).toBe('en');
    // Well-formed, but a first subtag of more than three letters names no language.
    expect(contentLanguage('anglais', 'espagnol')).toBeUndefined();
  });
});
