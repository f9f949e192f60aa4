import { describe, expect, it } from 'vitest';
import { RuleError } from '../../lib/alerts/rule-error';
import { describeError, describeInWords } from '../../lib/background/errors';
import { memberWords } from '../../lib/background/language';
import { ClipError } from '../../lib/clips/errors';
import { BackupError } from '../../lib/data/backup';
import { HubError } from '../../lib/hub/client';
import { errorWords, hubRefusalWords } from '../../lib/i18n/error-words';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Messages } from '../../lib/i18n/translate';
import { ResponseEnvelopeSchema } from '../../lib/messages/protocol';
import { InvalidRequestError } from '../../lib/messages/router';
import { ErrorInfoSchema } from '../../lib/model/error-info';
import { FeedError } from '../../lib/model/feed-error';
import { OpmlError } from '../../lib/packs/opml';
import { TagError } from '../../lib/tags/personal-tag';
import enMessages from '../../public/_locales/en/messages.json';

/** The background says what went wrong as data; whoever speaks the member's language words it. */
const en = nodeTranslate('en');
const fr = nodeTranslate('fr');

describe('describeError', () => {
  it('keeps the codes pages know, with the specifics as params and no words', () => {
    expect(describeError(new HubError('unreachable', 'ECONNREFUSED'))).toEqual({ code: 'hub-unreachable', params: { detail: 'ECONNREFUSED' } });
    expect(describeError(new FeedError('not-a-feed', 'HTML', 'html-page', '2/3 https://a.example/'))).toEqual({
      code: 'not-a-feed',
      params: { detail: 'HTML', reason: 'html-page', page: '2/3 https://a.example/' },
    });
    expect(describeError(new ClipError('forbidden', 'chrome://'))).toEqual({ code: 'clip-forbidden' });
    expect(describeError(new TagError('merge-target'))).toEqual({ code: 'tag-merge-target' });
    expect(describeError(new OpmlError('no body'))).toEqual({ code: 'invalid-opml', params: { detail: 'no body' } });
    expect(describeError(new BackupError('not JSON'))).toEqual({ code: 'invalid-backup', params: { detail: 'not JSON' } });
    expect(describeError(new InvalidRequestError('setRead: ids'))).toEqual({ code: 'invalid-request', params: { detail: 'setRead: ids' } });
    expect(describeError('boom')).toEqual({ code: 'error', params: { detail: 'boom' } });
    const rule = describeError(new RuleError([{ code: 'invalid-regex', condition: 0, term: '(', detail: 'Unterminated group' }]));
    expect(rule).toEqual({ code: 'invalid-rule', params: { problems: [{ code: 'invalid-regex', term: '(', detail: 'Unterminated group' }] } });
  });

  it('gives what the error envelope schema accepts', () => {
    for (const error of [new HubError('revoked', 'x'), new FeedError('http', '404'), new RuleError([{ code: 'empty-term', condition: 0, term: ' ' }]), new Error('x')]) {
      const info = describeError(error);
      expect(ErrorInfoSchema.parse(info)).toEqual(info);
      expect(ResponseEnvelopeSchema.safeParse({ ok: false, ...info }).success).toBe(true);
    }
  });
});

describe('errorWords', () => {
  it('words each kind of error in the language asked for', () => {
    expect(errorWords(describeError(new HubError('unreachable', 'ECONNREFUSED')), en)).toBe('The hub does not answer: ECONNREFUSED');
    expect(errorWords(describeError(new FeedError('not-a-feed', 'HTML')), en)).toBe('Not an RSS, Atom or JSON Feed (HTML)');
    expect(errorWords(describeError(new Error('boom')), en)).toBe('Something went wrong: boom');
    for (const error of [new ClipError('forbidden'), new TagError('only-personal'), new OpmlError('x'), new BackupError('x')]) {
      const [english, french] = [errorWords(describeError(error), en), errorWords(describeError(error), fr)];
      expect(english, String(error)).not.toBe('');
      expect(english).not.toBe(french);
    }
  });

  it("words a hub's refusal by the hub's code, in the member's language; its English sentence only as a technical detail", () => {
    const refused = (code: string, message: string) => new HubError('refused', message, 403, { error: code, message });
    const info = describeError(refused('admins-only', 'Only an admin may hide or show a share.'));
    expect(info).toEqual({ code: 'hub-refused', params: { detail: 'Only an admin may hide or show a share.', refusal: 'admins-only' } });
    expect(errorWords(info, fr)).toBe('Le hub a refusé : seul un administrateur du hub peut le faire.');
    expect(errorWords(info, en)).toBe('The hub refused: only an admin of the hub may do this.');
    expect(errorWords(describeError(refused('invalid', 'Invalid body: note: Too big')), fr)).toBe('Le hub a refusé : il n’a pas accepté les données envoyées (détail technique : Invalid body: note: Too big).');
    // A code this Vigie does not know yet (a newer hub): the hub's own sentence, rather than nothing.
    expect(errorWords(describeError(refused('something-new', 'Something new happened.')), fr)).toBe('Le hub a refusé : Something new happened.');
    // Every refusal code the hub sends (hub/http.ts, hub/shares, hub/fiches, hub/packs, Fastify's own) has its words.
    const codes = ['admins-only', 'editors-only', 'not-yours', 'not-found', 'decided', 'id-taken', 'too-large', 'no-pack', 'invalid-pack', 'invalid', 'invalid-json', 'bad-request', 'fiche-conflict'];
    for (const code of codes) {
      const [french, english] = [hubRefusalWords(code, 'x', fr), hubRefusalWords(code, 'x', en)];
      expect(french, code).not.toBe('x');
      expect(english, code).not.toBe('x');
      expect(french).not.toBe(english);
    }
  });

  it("names a rule's problems, quoting the regex engine and naming a dangerous shape in words", () => {
    const said = errorWords(
      describeError(
        new RuleError([
          { code: 'invalid-regex', condition: 0, term: '(', detail: 'Unterminated group' },
          { code: 'unsafe-regex', condition: 0, term: '(a+)+', detail: 'nested-quantifiers' },
        ]),
      ),
      en,
    );
    expect(said).toContain('Unterminated group');
    expect(said).toContain('(a+)+');
    expect(said).not.toContain('nested-quantifiers');
  });

  it('words a source error as the source list does, with its well-known cause', () => {
    const info = describeError(new FeedError('not-a-feed', 'raw parser text', 'html-page'));
    expect(errorWords(info, fr)).toContain(fr('feedReason_html_page'));
    expect(errorWords(info, fr)).not.toContain('raw parser text');
  });
});

describe('describeInWords', () => {
  it("adds the background's own sentence in the stored language, not the browser's", async () => {
    const words = memberWords({ stored: async () => 'en', browserLanguage: 'fr-FR', browserTranslate: fr, messages: async () => enMessages as Messages });
    expect(await describeInWords(new HubError('unreachable', 'ECONNREFUSED'), words)).toEqual({
      code: 'hub-unreachable',
      params: { detail: 'ECONNREFUSED' },
      message: 'The hub does not answer: ECONNREFUSED',
    });
  });
});
