import { describe, it, expect } from 'vitest';
import { decodeFeedBytes } from '../../lib/feeds/decode';
import { detectFormat, parseFeedText } from '../../lib/feeds/parse';
import { fixtureBytes, feedErrorOf } from './fixtures';

const fixtureText = (name: string) => decodeFeedBytes(fixtureBytes(name));

describe('detectFormat', () => {
  it('recognises RSS, Atom, RDF and JSON Feed by their root', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')).toBe('rss');
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectFormat('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')).toBe('rdf');
    expect(detectFormat('  \n{"version": "https://jsonfeed.org/version/1.1"}')).toBe('jsonfeed');
  });

  it('looks past whitespace, a byte-order mark, comments, processing instructions and a DOCTYPE', () => {
    const prolog = '\uFEFF\n<?xml version="1.0"?>\n<!-- généré par le CMS -->\n<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n'
      + '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n';
    expect(detectFormat(`${prolog}<rss version="0.91"><channel/></rss>`)).toBe('rss');
  });

  it('calls an HTML page an HTML page', async () => {
    for (const html of [fixtureText('html-page.html'), '<html><body>x</body></html>', '<head><title>Moved</title></head>', '<!doctype html><p>x']) {
      const error = await feedErrorOf(() => detectFormat(html));
      expect(error.code, html).toBe('not-a-feed');
      expect(error.detail).toMatch(/HTML/);
    }
  });

  it('refuses documents that declare entities, before any parsing', async () => {
    const bomb = await feedErrorOf(() => detectFormat(fixtureText('entity-bomb.xml')));
    expect(bomb.code).toBe('malformed');
    expect(bomb.detail).toMatch(/entit/);
    const external = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>';
    expect((await feedErrorOf(() => detectFormat(external))).code).toBe('malformed');
  });

  it('says what it found when it is neither a feed nor HTML', async () => {
    const svg = await feedErrorOf(() => detectFormat('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect(svg.code).toBe('not-a-feed');
    expect(svg.detail).toContain('<svg>');
    expect((await feedErrorOf(() => detectFormat(''))).code).toBe('not-a-feed');
    expect((await feedErrorOf(() => detectFormat('Service indisponible'))).code).toBe('not-a-feed');
    expect((await feedErrorOf(() => detectFormat('[1, 2, 3]'))).code).toBe('not-a-feed');
  });
});

describe('parseFeedText: XML', () => {
  it('reads RSS 2.0 fields as the feed gave them', async () => {
    const feed = await parseFeedText(fixtureText('rss20-iso-8859-1-declared.xml'));
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Veille réseaux sociaux : actualités Meta');
    expect(feed.siteUrl).toBe('https://veille-meta.example/');
    expect(feed.language).toBe('fr-FR');
    expect(feed.entries).toHaveLength(2);
    const [first] = feed.entries;
    expect(first).toMatchObject({
      guid: 'veille-meta-2025-06-12-dsa',
      link: 'https://veille-meta.example/2025/06/reglementation-europeenne-pages.html',
      title: 'Réglementation européenne : ce qui change pour les Pages',
      author: 'Amélie Lefèvre',
      categories: ['Réglementation', 'Pages'],
    });
    expect(first?.dates).toContain('Thu, 12 Jun 2025 08:30:00 +0200');
    expect(first?.contentHtml).toContain('<p>Dès juillet, les Pages des collectivités');
  });

  it('reads RSS 0.91 with its Netscape DOCTYPE, items without guid nor date', async () => {
    const feed = await parseFeedText(fixtureText('rss091.xml'));
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Brèves du réseau des communicants publics');
    expect(feed.entries.map((entry) => entry.title)).toEqual([
      'Facebook : le bouton « J’aime » disparaît des Pages',
      'Live : diffuser un conseil municipal',
    ]);
    expect(feed.entries[0]?.guid).toBeUndefined();
    expect(feed.entries[0]?.dates.filter(Boolean)).toEqual([]);
  });

  it('reads an <rss> element that has no version attribute', async () => {
    const feed = await parseFeedText(fixtureText('rss-without-version.xml'));
    expect(feed.format).toBe('rss');
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.title).toBe('Threads : ouverture aux comptes institutionnels');
  });

  it('reads RSS 1.0 (RDF): rdf:about as guid, dc:date, dc:creator', async () => {
    const feed = await parseFeedText(fixtureText('rdf-rss10.xml'));
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Agenda numérique des territoires');
    expect(feed.entries).toHaveLength(3);
    expect(feed.entries[0]).toMatchObject({
      guid: 'https://agenda-numerique.example/2025/messenger-pages',
      link: 'https://agenda-numerique.example/2025/messenger-pages',
      title: 'Messenger : réponses automatiques pour les Pages de mairie',
      author: 'Service communication',
    });
    expect(feed.entries[0]?.dates).toContain('2025-05-20T10:00:00+02:00');
  });

  it('reads Atom: xml:base of the feed and of an entry, categories, raw dates', async () => {
    const feed = await parseFeedText(fixtureText('atom-xml-base-relative-links.xml'));
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Veille territoriale : Meta et les collectivités');
    expect(feed.base).toBe('https://veille-territoriale.example/meta/');
    expect(feed.language).toBe('fr');
    expect(feed.siteUrl).toBe('./');
    expect(feed.entries).toHaveLength(4);
    const [reels, moderation, unreadable] = feed.entries;
    expect(reels).toMatchObject({
      guid: 'tag:veille-territoriale.example,2025:reels-bonus',
      link: '2025/06/reels-bonus.html?utm_source=atom&utm_medium=flux',
      author: 'Équipe veille',
      categories: ['Vidéo', 'Monétisation'],
      summaryHtml: 'Meta arrête le programme de bonus Reels en France.',
    });
    expect(reels?.dates).toEqual(['2025-06-18T09:00:00+02:00', '2025-06-18T10:15:00+02:00']);
    expect(moderation?.base).toBe('https://dossiers.veille-territoriale.example/moderation/');
    expect(unreadable?.dates).toEqual(['mardi dernier, vers midi', undefined]);
  });

  it('calls a truncated document malformed', async () => {
    const error = await feedErrorOf(() => parseFeedText(fixtureText('malformed.xml')));
    expect(error.code).toBe('malformed');
  });

  it('refuses the billion laughs quickly, without expanding anything', async () => {
    const started = Date.now();
    const error = await feedErrorOf(() => parseFeedText(fixtureText('entity-bomb.xml')));
    expect(error.code).toBe('malformed');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not expand entities declared after a "]" that hides them from the DOCTYPE check', async () => {
    const sneaky = '<?xml version="1.0"?><!DOCTYPE rss [<!-- ] --><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
      + '<rss version="2.0"><channel><title>&b;</title></channel></rss>';
    const error = await feedErrorOf(() => parseFeedText(sneaky));
    expect(error.code).toBe('malformed');
  });
});

describe('parseFeedText: JSON Feed', () => {
  it('reads JSON Feed 1.1: ids, external links, authors, tags, text content escaped', async () => {
    const feed = await parseFeedText(fixtureText('jsonfeed-11.json'));
    expect(feed.format).toBe('jsonfeed');
    expect(feed.title).toBe('Le fil des CM publics');
    expect(feed.language).toBe('fr-FR');
    expect(feed.entries).toHaveLength(3);
    const [reserve, factCheck, untitled] = feed.entries;
    expect(reserve).toMatchObject({
      guid: 'https://fil-cm.example/2025/06/reserve-electorale',
      title: 'Réserve électorale : ce que Meta autorise sur les Pages de collectivités',
      author: 'Claire Dupré, Loïc Bénard',
      categories: ['Élections', 'Publicité'],
      language: 'fr',
      summaryHtml: 'Le point avant les municipales.',
      dates: ['2025-06-15T09:00:00+02:00', '2025-06-16T11:00:00+02:00'],
    });
    expect(factCheck).toMatchObject({ guid: '42', link: 'https://presse.example/meta-annonce', author: 'Rédaction' });
    expect(factCheck?.contentHtml).toBe('Texte brut avec &lt;chevrons&gt; &amp; esperluette.\nDeuxième ligne.');
    expect(untitled?.title).toBeUndefined();
  });

  it('keeps the valid items of a feed whose other items are null or invalid', async () => {
    const feed = await parseFeedText(fixtureText('jsonfeed-null-items.json'));
    expect(feed.entries.map((entry) => entry.guid)).toEqual(['valide-1', 'valide-2', 'valide-3']);
    expect(feed.siteUrl).toBeUndefined();
    expect(feed.language).toBeUndefined();
    const allNull = feed.entries[1];
    expect(allNull).toMatchObject({ link: undefined, title: undefined, author: undefined, categories: [], dates: [undefined, undefined] });
    expect(allNull?.contentHtml).toBe('Tous les champs facultatifs sont à null.');
  });

  it('says clearly that items is missing when it is null', async () => {
    const error = await feedErrorOf(() => parseFeedText(fixtureText('jsonfeed-items-null.json')));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(/^JSON Feed: items: /);
  });

  it('calls invalid JSON malformed, and JSON that is not a feed not-a-feed', async () => {
    expect((await feedErrorOf(() => parseFeedText('{"version": "https://jsonfeed.org/version/1.1", "title": '))).code).toBe('malformed');
    expect((await feedErrorOf(() => parseFeedText('{"data": []}'))).code).toBe('not-a-feed');
    expect((await feedErrorOf(() => parseFeedText('{"version": "https://example.org/other", "title": "x", "items": []}'))).code).toBe('malformed');
  });
});
