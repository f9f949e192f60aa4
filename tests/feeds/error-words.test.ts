import { describe, expect, it } from 'vitest';
import { nodeTranslate } from '../../lib/i18n/node';
import { feedErrorParts } from '../../lib/i18n/translate';

/** A feed's error on screen: the sentence in the member's language, a parser's or browser's own words apart. */
describe('feedErrorParts', () => {
  const fr = nodeTranslate('fr');
  const en = nodeTranslate('en');

  it('keeps a parser’s English out of the French sentence, for « Détails »', () => {
    expect(feedErrorParts({ code: 'malformed', detail: 'Unclosed root tag\nLine: 3' }, fr)).toEqual({ text: 'Flux illisible', detail: 'Unclosed root tag\nLine: 3' });
    expect(feedErrorParts({ code: 'network', detail: 'net::ERR_CERT_DATE_INVALID' }, en).detail).toBe('net::ERR_CERT_DATE_INVALID');
  });

  it('leaves in the sentence what is already words: a reason, a duration, a size', () => {
    expect(feedErrorParts({ code: 'network', reason: 'unreachable' }, fr).detail).toBeUndefined();
    expect(feedErrorParts({ code: 'timeout', detail: '30 s' }, fr)).toEqual({ text: "Le serveur n'a pas répondu à temps (30 s)" });
    expect(feedErrorParts({ code: 'too-large', detail: '10' }, fr).text).toContain('plus de 10 Mo');
  });
});
