import { describe, it, expect } from 'vitest';
import { canonicalLink, originPattern, safeHttpUrl } from '../../lib/feeds/links';

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://www.facebook.com/business/news')).toBe('https://www.facebook.com/business/news');
    expect(safeHttpUrl('http://veille.example/a?b=1#c')).toBe('http://veille.example/a?b=1#c');
  });

  it('resolves relative and protocol-relative links against the base', () => {
    expect(safeHttpUrl('../contact.html', 'https://veille.example/meta/2025/article.html')).toBe('https://veille.example/meta/contact.html');
    expect(safeHttpUrl('/mentions', 'https://veille.example/meta/')).toBe('https://veille.example/mentions');
    expect(safeHttpUrl('//cdn.example/image.png', 'https://veille.example/')).toBe('https://cdn.example/image.png');
  });

  it('trims whitespace around the link', () => {
    expect(safeHttpUrl('\n  https://veille.example/article  \n')).toBe('https://veille.example/article');
  });

  it('refuses every scheme but http(s), whatever the case or hidden whitespace', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://veille.example/',
      'mailto:cm@mairie.example',
      'chrome-extension://abc/popup.html',
    ]) {
      expect(safeHttpUrl(href, 'https://veille.example/'), href).toBeUndefined();
    }
  });

  it('is undefined for nothing, and for a relative link with no base', () => {
    expect(safeHttpUrl(undefined)).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
    expect(safeHttpUrl('article.html')).toBeUndefined();
    expect(safeHttpUrl('https://exa mple.org/')).toBeUndefined();
  });
});

describe('canonicalLink', () => {
  it('removes utm_*, fbclid, xtor and other click trackers, keeping the real parameters', () => {
    expect(canonicalLink('https://veille.example/a?id=7&utm_source=rss&utm_medium=flux&UTM_Campaign=juin')).toBe('https://veille.example/a?id=7');
    expect(canonicalLink('https://veille.example/a?fbclid=IwAR0abc&id=7&xtor=RSS-12')).toBe('https://veille.example/a?id=7');
    expect(canonicalLink('https://veille.example/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&id=7')).toBe('https://veille.example/a?id=7');
  });

  it('drops the query mark when only trackers were there, and the fragment', () => {
    expect(canonicalLink('https://veille.example/a?utm_source=rss')).toBe('https://veille.example/a');
    expect(canonicalLink('https://veille.example/a#commentaires')).toBe('https://veille.example/a');
  });

  it('gives the same link for two copies that differ only by trackers and their order', () => {
    const first = canonicalLink('https://veille.example/avis?id=7&utm_source=rss');
    const second = canonicalLink('https://veille.example/avis?utm_campaign=juin&fbclid=x&id=7');
    expect(first).toBe(second);
  });

  it('keeps parameters that only look like trackers', () => {
    expect(canonicalLink('https://veille.example/a?utmost=1&source=rss')).toBe('https://veille.example/a?utmost=1&source=rss');
  });

  it('refuses what safeHttpUrl refuses, and resolves against the base', () => {
    expect(canonicalLink('javascript:alert(1)')).toBeUndefined();
    expect(canonicalLink('article?utm_source=x', 'https://veille.example/meta/')).toBe('https://veille.example/meta/article');
  });
});

describe('originPattern', () => {
  it('is the host permission pattern for the URL', () => {
    expect(originPattern('https://veille.example:8443/meta/flux.xml?x=1')).toBe('https://veille.example/*');
    expect(originPattern('http://127.0.0.1:3000/feed')).toBe('http://127.0.0.1/*');
  });
});
