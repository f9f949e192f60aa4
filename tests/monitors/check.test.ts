import { describe, expect, it } from 'vitest';
import { FeedError } from '../../lib/model/feed-error';
import { checkPage, type FetchedPage } from '../../lib/monitors/check';
import { fixtureBytes } from './fixtures';

const ALL = { select: [], remove: [] };
const utf8 = (text: string) => new TextEncoder().encode(text);
const page = (html: string, more: Partial<FetchedPage> = {}): FetchedPage => ({
  bytes: utf8(html),
  contentType: 'text/html; charset=utf-8',
  url: 'https://transparency.meta.com/policies/community-standards/',
  requestedUrl: 'https://transparency.meta.com/policies/community-standards/',
  ...more,
});

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error.code;
    throw error;
  }
  return 'none';
};

/** A long policy text, as Meta's pages have; a login box in the page's header must not make it a login page. */
const LONG_POLICY = `<p>${'Les standards de la communauté décrivent ce qui est autorisé ou non sur Facebook. '.repeat(40)}</p>`;

describe('checkPage', () => {
  it('returns the text and the title of an HTML page', () => {
    const result = checkPage({ bytes: fixtureBytes('policy-v1.html'), contentType: 'text/html', url: 'https://exemple.fr/regles' }, { select: ['main article'], remove: ['.share'] });
    expect(result.title).toBe('Règles publicitaires pour les Pages | Exemple Meta');
    expect(result.text.split('\n')[0]).toBe('Règles publicitaires pour les Pages');
  });

  describe('binary content', () => {
    it.each([['application/pdf'], ['image/png'], ['application/octet-stream'], ['application/zip']])('refuses %s', (contentType) => {
      expect(codeOf(() => checkPage(page('<p>x</p>', { contentType }), ALL))).toBe('binary');
    });

    it('refuses NUL bytes even when the server says text/html, and a PDF served without a type', () => {
      expect(codeOf(() => checkPage({ ...page(''), bytes: new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]) }, ALL))).toBe('binary');
      expect(codeOf(() => checkPage({ ...page(''), contentType: undefined, bytes: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj') }, ALL))).toBe('binary');
    });

    it('reads text/plain whole (selectors are for HTML)', () => {
      expect(checkPage(page('Ligne 1\n\n\n   Ligne   2  ', { contentType: 'text/plain' }), { select: ['main'], remove: [] })).toEqual({ text: 'Ligne 1\nLigne 2', title: '' });
    });

    it('reads a page served without a content type', () => {
      expect(checkPage(page('<p>Bonjour</p>', { contentType: undefined }), ALL).text).toBe('Bonjour');
    });
  });

  describe('login pages (conservative: a false alarm would hide a real version)', () => {
    it('spots a redirect to a login address', () => {
      for (const url of ['https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fpolicies', 'https://www.facebook.com/login.php', 'https://www.facebook.com/checkpoint/1501092823525282/', 'https://www.instagram.com/accounts/login/']) {
        expect(codeOf(() => checkPage(page(LONG_POLICY, { url }), ALL)), url).toBe('login');
      }
    });

    it('tells the address in the error', () => {
      try {
        checkPage(page(LONG_POLICY, { url: 'https://www.facebook.com/login.php' }), ALL);
      } catch (error) {
        expect((error as FeedError).detail).toBe('https://www.facebook.com/login.php');
      }
    });

    it('does not call a login address the user chose to watch a redirect', () => {
      const url = 'https://exemple.fr/aide/connexion';
      expect(checkPage(page(LONG_POLICY, { url, requestedUrl: url }), ALL).text).toContain('standards de la communauté');
    });

    it('spots a page that is mostly a login form', () => {
      const form = '<title>Facebook</title><form action="/login"><input name="email"><input type="password" name="pass"><button>Se connecter</button></form><a href="/r">Créer un compte</a>';
      expect(codeOf(() => checkPage(page(form), ALL))).toBe('login');
    });

    it('spots a sign-in title on a page built by scripts (no form in its HTML)', () => {
      expect(codeOf(() => checkPage(page('<title>Log into Facebook</title><div id="root"></div><script>boot()</script>'), ALL))).toBe('login');
      expect(codeOf(() => checkPage(page('<title>Connexion • Instagram</title><div id="react-root">Chargement…</div>'), ALL))).toBe('login');
    });

    it('spots a password field under a sign-in title, however long the page', () => {
      expect(codeOf(() => checkPage(page(`<title>Facebook – log in or sign up</title><input type="password">${LONG_POLICY}`), ALL))).toBe('login');
    });

    it('keeps a long policy page with a login box in its header', () => {
      const html = `<title>Conditions d’utilisation | Facebook</title><header><form><input type="password"></form></header><main>${LONG_POLICY}</main>`;
      expect(checkPage(page(html), { select: ['main'], remove: [] }).text).toContain('standards de la communauté');
    });

    it('keeps a long help page that explains how to log in', () => {
      const html = `<title>How to log in to your account | Help Center</title>${LONG_POLICY}`;
      expect(codeOf(() => checkPage(page(html), ALL))).toBe('none');
    });
  });

  describe('decoding', () => {
    it('reads the charset a page declares in its <meta>', () => {
      const latin1 = new Uint8Array(Buffer.from('<meta charset="iso-8859-1"><p>Réserve électorale</p>', 'latin1'));
      expect(checkPage({ bytes: latin1, contentType: 'text/html', url: 'https://exemple.fr/' }, ALL).text).toBe('Réserve électorale');
    });

    it('trusts the server header over the page', () => {
      const bytes = utf8('<meta charset="iso-8859-1"><p>Réserve électorale</p>');
      expect(checkPage({ bytes, contentType: 'text/html; charset=utf-8', url: 'https://exemple.fr/' }, ALL).text).toBe('Réserve électorale');
    });
  });
});
