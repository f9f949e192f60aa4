import { Parser } from 'htmlparser2';
import { describe, it, expect } from 'vitest';
import { htmlToText, sanitizeItemHtml } from '../../lib/feeds/sanitize';

/** The elements of an HTML fragment with their attributes, so that attribute order does not matter. */
function elements(html: string): { name: string; attribs: Record<string, string> }[] {
  const found: { name: string; attribs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attribs) => found.push({ name, attribs }) });
  parser.end(html);
  return found;
}

const BASE = 'https://veille.example/meta/2025/article.html';

describe('sanitizeItemHtml', () => {
  it('keeps text formatting, lists, tables and figures', () => {
    const html = '<h2>Titre</h2><p><strong>Gras</strong>, <em>italique</em>, <code>code</code></p><ul><li>un</li></ul>'
      + '<table><tr><th scope="col">A</th></tr><tr><td colspan="2">B</td></tr></table>'
      + '<figure><img src="https://veille.example/i.png" alt="Légende" width="600"><figcaption>Légende</figcaption></figure>';
    const out = sanitizeItemHtml(html);
    expect(elements(out)).toEqual(elements(html));
    expect(htmlToText(out)).toBe(htmlToText(html));
  });

  it('drops script, style, iframe, object, embed, form, svg and math, content included', () => {
    const html = '<p>Avant</p><script>alert(1)</script><style>p{display:none}</style><iframe src="https://evil.example">x</iframe>'
      + '<object data="https://evil.example/a.swf">objet</object><embed src="https://evil.example/b.swf">'
      + '<form action="https://evil.example"><input name="mdp"><button>Envoyer</button><textarea>t</textarea></form>'
      + '<svg onload="alert(2)"><text>svg</text></svg><math><mi>x</mi></math><noscript>ns</noscript><p>Après</p>';
    expect(sanitizeItemHtml(html)).toBe('<p>Avant</p><p>Après</p>');
  });

  it('removes event handlers, style and class attributes', () => {
    const out = sanitizeItemHtml('<p onclick="steal()" style="position:fixed" class="x" id="y" lang="fr">Texte</p>');
    expect(out).toBe('<p lang="fr">Texte</p>');
  });

  it('removes javascript: and data: links but keeps their text', () => {
    const out = sanitizeItemHtml('<a href="javascript:alert(1)">un</a> <a href="JaVaScRiPt:alert(1)">deux</a> <a href="data:text/html,x">trois</a>');
    expect(out).toBe('<a>un</a> <a>deux</a> <a>trois</a>');
  });

  it('drops images whose source is not http(s), and tracking pixels', () => {
    const html = '<p>Texte</p><img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><img>'
      + '<img src="https://pixel.tracker.example/o.gif" width="1" height="1"><img src="https://pixel.tracker.example/p.gif" height="0">';
    expect(sanitizeItemHtml(html, BASE)).toBe('<p>Texte</p>');
  });

  it('keeps a real image but not its onerror', () => {
    const out = sanitizeItemHtml('<img src="https://veille.example/a.png" onerror="alert(1)" alt="Capture">');
    expect(elements(out)).toEqual([{ name: 'img', attribs: { src: 'https://veille.example/a.png', alt: 'Capture' } }]);
  });

  it('makes links and images absolute from the base, and opens links safely', () => {
    const out = sanitizeItemHtml('<a href="../contact.html">Contact</a><img src="/img/a.png" alt="">', BASE);
    expect(elements(out)).toEqual([
      { name: 'a', attribs: { href: 'https://veille.example/meta/contact.html', rel: 'noopener noreferrer nofollow', target: '_blank' } },
      { name: 'img', attribs: { src: 'https://veille.example/img/a.png', alt: '' } },
    ]);
  });

  it('overrides whatever rel and target the feed gave', () => {
    const out = sanitizeItemHtml('<a href="https://veille.example/" rel="opener" target="_self">x</a>');
    expect(elements(out)).toEqual([
      { name: 'a', attribs: { href: 'https://veille.example/', rel: 'noopener noreferrer nofollow', target: '_blank' } },
    ]);
  });

  it('drops a relative link that has no base to resolve against', () => {
    expect(sanitizeItemHtml('<a href="contact.html">Contact</a>')).toBe('<a>Contact</a>');
  });

  it('keeps French text and entities intact', () => {
    expect(sanitizeItemHtml('<p>L’œil de Meta&nbsp;: « 1&nbsp;500&nbsp;€ » &amp; plus</p>')).toBe('<p>L’œil de Meta\u00a0: « 1\u00a0500\u00a0€ » &amp; plus</p>');
  });
});

describe('htmlToText', () => {
  it('keeps the text, decodes entities and collapses whitespace', () => {
    expect(htmlToText('<p>Réglementation&nbsp;<b>européenne</b> :\n   ce qui change</p>')).toBe('Réglementation européenne : ce qui change');
  });

  it('separates blocks that the markup alone kept apart', () => {
    expect(htmlToText('<p>Un</p><p>deux</p><ul><li>trois</li><li>quatre</li></ul>cinq<br>six')).toBe('Un deux trois quatre cinq six');
  });

  it('drops the content of script, style and the like', () => {
    expect(htmlToText('Avant<script>alert("x")</script><style>p{}</style><iframe>cadre</iframe> après')).toBe('Avant après');
  });

  it('reads plain text as is', () => {
    expect(htmlToText('Simple texte, sans balise.')).toBe('Simple texte, sans balise.');
    expect(htmlToText('')).toBe('');
  });
});
