import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyHealth, type Source } from '../../lib/model/source';
import { exportOpml, OpmlError, parseOpml } from '../../lib/packs/opml';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/opml/${name}`, import.meta.url), 'utf8');

const opml = (body: string) => `<?xml version="1.0"?><opml version="2.0"><head/><body>${body}</body></opml>`;

const source = (fields: Partial<Source> & Pick<Source, 'url' | 'title'>): Source => ({
  id: fields.url,
  kind: 'rss',
  intervalMinutes: 30,
  enabled: true,
  origin: 'user',
  added: '2025-01-15T08:00:00.000Z',
  health: emptyHealth(),
  ...fields,
});

/** Expects `promise` to reject with an OpmlError whose message matches `message`. */
async function expectOpmlError(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OpmlError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toContain('\n');
}

describe('parseOpml', () => {
  it('reads a French Inoreader export with nested categories', async () => {
    expect(await parseOpml(fixture('inoreader-fr.opml'))).toEqual([
      {
        url: 'https://about.fb.com/news/feed/',
        title: 'Meta Newsroom',
        category: 'Veille / Meta',
        kind: 'rss',
      },
      {
        url: 'https://transparency.meta.com/fr-fr/feed.atom',
        title: 'Centre de transparence de Meta',
        category: 'Veille / Meta',
        language: 'fr',
        kind: 'atom',
      },
      {
        url: 'https://observatoire.example.fr/feed/',
        title: 'Observatoire des réseaux sociaux publics',
        category: 'Veille / Réseaux sociaux & institutions',
        language: 'fr',
        kind: 'rss',
      },
      {
        url: 'https://www.lemonde.fr/pixels/rss_full.xml',
        title: 'Le Monde — Pixels',
        category: 'Presse écrite',
        language: 'fr',
        kind: 'rss',
      },
      { url: 'https://www.blogdumoderateur.com/feed/', title: 'Blog du Modérateur', kind: 'rss' },
    ]);
  });

  it('takes the category attribute of a top-level feed and falls back to the URL for a title', async () => {
    const entries = await parseOpml(opml('<outline xmlUrl="https://example.org/feed" category="/Veille/Meta,/Autre"/>'));
    expect(entries).toEqual([{ url: 'https://example.org/feed', title: 'https://example.org/feed', category: 'Veille / Meta' }]);
  });

  it('skips javascript:, file:, data: and relative feed URLs', async () => {
    const entries = await parseOpml(
      opml(`
        <outline text="a" xmlUrl="javascript:alert(1)"/>
        <outline text="b" xmlUrl="file:///etc/passwd"/>
        <outline text="c" xmlUrl="data:text/xml,&lt;rss/&gt;"/>
        <outline text="d" xmlUrl="/feed.xml"/>
        <outline text="e" xmlUrl="https://example.org/feed"/>`),
    );
    expect(entries.map((entry) => entry.url)).toEqual(['https://example.org/feed']);
  });

  it('keeps a feed listed twice once, as first seen', async () => {
    const entries = await parseOpml(
      opml(`
        <outline text="Premier" xmlUrl="https://example.org/feed"/>
        <outline text="Veille"><outline text="Second" xmlUrl="https://example.org/feed?utm_source=x"/></outline>`),
    );
    expect(entries).toEqual([{ url: 'https://example.org/feed', title: 'Premier' }]);
  });

  it('refuses invalid XML, saying where', async () => {
    await expectOpmlError(parseOpml('<opml version="2.0">\n<body>\n</bdy></opml>'), /^invalid XML at line 3: unexpected close tag$/);
  });

  it('refuses an HTML page', async () => {
    const html = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Oups</title></head><body></body></html>';
    await expectOpmlError(parseOpml(html), /^not an OPML document: the root element is <html>$/);
  });

  it('refuses well-formed XML that is not OPML', async () => {
    await expectOpmlError(parseOpml('<rss version="2.0"><channel/></rss>'), /root element is <rss>/);
  });

  it('refuses an empty file and an OPML without a body', async () => {
    await expectOpmlError(parseOpml('  '), /^not an OPML document: the file is empty$/);
    await expectOpmlError(parseOpml('<opml version="2.0"><head/></opml>'), /has no <body>/);
  });

  it('refuses an OPML without any feed outline', async () => {
    await expectOpmlError(
      parseOpml(opml('<outline text="Liens"><outline type="link" text="Meta" url="https://about.fb.com/"/></outline>')),
      /^no feed outline \(no outline with an xmlUrl\)$/,
    );
  });

  it('refuses a DOCTYPE that declares entities', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE opml [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="https://example.org/feed"/></body></opml>`;
    await expectOpmlError(parseOpml(bomb), /declares XML entities/);
  });
});

describe('exportOpml', () => {
  const sources = [
    source({ url: 'https://www.lemonde.fr/pixels/rss_full.xml', title: 'Le Monde — Pixels', category: 'Presse écrite', language: 'fr' }),
    source({ url: 'https://example.org/feed', title: 'Sans catégorie' }),
    source({ url: 'https://example.org/multiline', title: 'Titre\tsur\ndeux lignes\u0001' }),
    source({
      url: 'https://about.fb.com/news/feed/',
      title: 'Meta "Newsroom" & <annonces>',
      category: 'Veille / Meta',
      siteUrl: 'https://about.fb.com/news/',
      kind: 'atom',
      enabled: false,
    }),
    source({ url: 'https://observatoire.example.fr/feed/', title: "L'Observatoire", category: 'Éducation', language: 'fr' }),
  ];

  it('writes an OPML 2.0 document grouped by category, in French order', () => {
    const text = exportOpml(sources, { now: new Date('2025-03-04T10:00:00Z') });
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('<title>Vigie — sources</title>');
    expect(text).toContain('<dateCreated>Tue, 04 Mar 2025 10:00:00 GMT</dateCreated>');
    expect(text).toContain(
      '<outline type="rss" text="Meta &quot;Newsroom&quot; &amp; &lt;annonces&gt;" title="Meta &quot;Newsroom&quot; &amp; &lt;annonces&gt;" xmlUrl="https://about.fb.com/news/feed/" htmlUrl="https://about.fb.com/news/"/>',
    );
    const order = ['Sans catégorie', 'text="Éducation"', "L&apos;Observatoire", 'text="Presse écrite"', 'text="Veille / Meta"'];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('round-trips url, title, category and language, special characters included', async () => {
    const entries = await parseOpml(exportOpml(sources, { title: 'Veille & "COPIL"' }));
    const expected = sources.map(({ url, title, category, language }) => ({
      url,
      // A control character cannot be written in XML at all: only it is lost.
      title: title.replace('\u0001', ''),
      ...(category ? { category } : {}),
      ...(language ? { language } : {}),
      kind: 'rss',
    }));
    expect(entries).toHaveLength(sources.length);
    expect(entries).toEqual(expect.arrayContaining(expected));
  });

  it('exports an empty list as a valid OPML without feeds', async () => {
    await expectOpmlError(parseOpml(exportOpml([])), /^no feed outline/);
  });
});
