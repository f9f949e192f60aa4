import { describe, it, expect } from 'vitest';
import { charsetOf, decodeFeedBytes } from '../../lib/feeds/decode';
import { fixtureBytes } from './fixtures';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeFeedBytes', () => {
  it('reads ISO-8859-1 bytes declared in the XML prolog', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-iso-8859-1-declared.xml'));
    expect(text).toContain('<title>Réglementation européenne : ce qui change pour les Pages</title>');
    expect(text).toContain('Amélie Lefèvre');
    expect(text).toContain('Hélène Garçon');
    expect(text).not.toContain('\uFFFD');
  });

  it('falls back to Windows-1252 for undeclared bytes that are not UTF-8 (œ, ’, €)', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-windows-1252-undeclared.xml'));
    expect(text).toContain('Publicité politique : un budget minimum de 1 500 € pendant la réserve électorale ?');
    expect(text).toContain('Modération : l’œil de Meta sur les commentaires haineux');
    expect(text).toContain('L’Observatoire des plateformes – veille Facebook');
    expect(text).toContain('une liste à tenir à jour…');
    expect(text).not.toContain('\uFFFD');
  });

  it('falls back to Windows-1252 when the server claims UTF-8 for bytes that are not', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-windows-1252-undeclared.xml'), 'application/rss+xml; charset=UTF-8');
    expect(text).toContain('l’œil de Meta');
  });

  it('strips a UTF-8 byte-order mark and decodes the rest as UTF-8', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-utf8-bom.xml'));
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('Instagram : les « Notes » arrivent sur les comptes professionnels');
    expect(text).toContain('Œuvre utile ou gadget ?');
  });

  it('lets the byte-order mark win over a contradicting HTTP charset', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-utf8-bom.xml'), 'text/xml; charset=ISO-8859-1');
    expect(text).toContain('Cellule réseaux sociaux — la lettre du vendredi');
  });

  it('decodes UTF-16LE with its byte-order mark', () => {
    const text = decodeFeedBytes(fixtureBytes('rss20-utf16le-bom.xml'));
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('Événement en direct : la fonctionnalité « Live » évolue');
  });

  it('prefers the HTTP charset to the XML declaration', () => {
    const bytes = latin1('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>Réglementation</title></channel></rss>');
    expect(decodeFeedBytes(bytes, 'text/xml; charset="iso-8859-1"')).toContain('<title>Réglementation</title>');
  });

  it('uses the XML declaration when the server gives no charset', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-15"?><rss><channel><title>Début</title></channel></rss>');
    expect(decodeFeedBytes(bytes, 'application/rss+xml')).toContain('<title>Début</title>');
  });

  it('accepts whitespace before the XML declaration', () => {
    const bytes = latin1('\n  <?xml version=\'1.0\' encoding=\'iso-8859-1\'?><rss><channel><title>Déjà</title></channel></rss>');
    expect(decodeFeedBytes(bytes)).toContain('<title>Déjà</title>');
  });

  it('ignores an unknown charset label and goes on down the chain', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Élu</title></channel></rss>');
    expect(decodeFeedBytes(bytes, 'text/xml; charset=pas-un-encodage')).toContain('<title>Élu</title>');
  });

  it('ignores a declared UTF-8 that the bytes contradict', () => {
    const bytes = latin1('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>Été</title></channel></rss>');
    expect(decodeFeedBytes(bytes)).toContain('<title>Été</title>');
  });

  it('reads undeclared valid UTF-8 as UTF-8', () => {
    const text = decodeFeedBytes(utf8('<rss><channel><title>Réglementation européenne : ce qui change pour les Pages</title></channel></rss>'));
    expect(text).toContain('Réglementation européenne : ce qui change pour les Pages');
  });

  it('maps every byte from 0x80 to 0x9F as the WHATWG windows-1252 decoder does, whatever the label', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const expected = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
    expect(decodeFeedBytes(bytes)).toBe(expected);
    for (const charset of ['windows-1252', 'ISO-8859-1', 'latin1', 'us-ascii']) {
      expect(decodeFeedBytes(bytes, `text/xml; charset=${charset}`), charset).toBe(expected);
    }
  });

  it('returns an empty string for no bytes', () => {
    expect(decodeFeedBytes(new Uint8Array())).toBe('');
  });
});

describe('charsetOf', () => {
  it('reads the charset parameter of a Content-Type, quoted or not', () => {
    expect(charsetOf('text/xml; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(charsetOf('application/rss+xml;charset="utf-8"')).toBe('utf-8');
    expect(charsetOf("text/xml; Charset = 'windows-1252'")).toBe('windows-1252');
  });

  it('is undefined without a charset', () => {
    expect(charsetOf('application/atom+xml')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });
});
