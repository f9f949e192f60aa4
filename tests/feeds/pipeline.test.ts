import { describe, it, expect } from 'vitest';
import { readFeed, readFeedText, type FeedResult } from '../../lib/feeds/pipeline';
import { ItemSchema } from '../../lib/model/item';
import { fixtureBytes, feedErrorOf } from './fixtures';

const read = (name: string, url = 'https://flux.example/feed.xml', contentType?: string) =>
  readFeed(fixtureBytes(name), { url, contentType });

/** Every draft must become a valid stored item once the background adds its own fields. */
function expectStorable(result: FeedResult): void {
  for (const draft of result.items) {
    const item = { ...draft, sourceId: 'source', fetched: '2025-06-20T12:00:00.000Z', read: false, starred: false, tags: [] };
    const checked = ItemSchema.safeParse(item);
    expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    expect(draft.id).toMatch(/^[0-9a-f]{32}$/);
  }
}


describe('readFeed: encodings', () => {
  it('reads ISO-8859-1 declared in the XML prolog, accents intact', async () => {
    const feed = await read('rss20-iso-8859-1-declared.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Veille réseaux sociaux : actualités Meta');
    expect(feed.siteUrl).toBe('https://veille-meta.example/');
    expect(feed.language).toBe('fr-FR');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Réglementation européenne : ce qui change pour les Pages',
      'Vidéo : Meta privilégie à nouveau les formats courts',
    ]);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      url: 'https://veille-meta.example/2025/06/reglementation-europeenne-pages.html',
      author: 'Amélie Lefèvre',
      published: '2025-06-12T06:30:00.000Z',
      categories: ['Réglementation', 'Pages'],
      language: 'fr-FR',
    });
    expect(first?.summary).toBe("Dès juillet, les Pages des collectivités devront afficher leur responsable légal. Voilà ce qu'il faut vérifier côté accès et rôles : où trouver l'option, à qui la confier, et comment prévenir les élus.");
    expect(first?.contentHtml).toMatch(/^<p>Dès juillet/);
    expect(second?.author).toBe('Hélène Garçon');
    expect(second?.summary).toContain('Façon de faire recommandée : sous-titres incrustés, accroche en 3 s.');
    expectStorable(feed);
  });

  it('reads undeclared Windows-1252 bytes (œ, ’, €) without a charset', async () => {
    const feed = await read('rss20-windows-1252-undeclared.xml');
    expect(feed.title).toBe('L’Observatoire des plateformes – veille Facebook');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Publicité politique : un budget minimum de 1 500 € pendant la réserve électorale ?',
      'Modération : l’œil de Meta sur les commentaires haineux',
    ]);
    expect(feed.items[0]?.summary).toContain('Le cœur du problème : les campagnes d’intérêt général des mairies.');
    expect(feed.items[1]?.summary).toBe('Le filtre « mots masqués » s’étend aux réponses. Coût pour la collectivité : 0 €, mais une liste à tenir à jour…');
  });

  it('reads the same Windows-1252 bytes when the server wrongly says UTF-8', async () => {
    const feed = await read('rss20-windows-1252-undeclared.xml', undefined, 'text/xml; charset=utf-8');
    expect(feed.items[1]?.title).toBe('Modération : l’œil de Meta sur les commentaires haineux');
  });

  it('reads UTF-8 with a byte-order mark, even when the server says otherwise', async () => {
    for (const contentType of [undefined, 'application/rss+xml; charset=ISO-8859-1']) {
      const feed = await read('rss20-utf8-bom.xml', undefined, contentType);
      expect(feed.title).toBe('Cellule réseaux sociaux — la lettre du vendredi');
      expect(feed.items[0]?.title).toBe('Instagram : les « Notes » arrivent sur les comptes professionnels');
      expect(feed.items[0]?.summary).toContain('Œuvre utile ou gadget ?');
    }
  });

  it('reads UTF-16LE with a byte-order mark', async () => {
    const feed = await read('rss20-utf16le-bom.xml');
    expect(feed.items[0]?.title).toBe('Événement en direct : la fonctionnalité « Live » évolue');
  });
});

describe('readFeed: formats', () => {
  it('resolves Atom links against xml:base, strips trackers, tolerates bad dates', async () => {
    const feed = await read('atom-xml-base-relative-links.xml', 'https://ailleurs.example/flux.atom');
    expect(feed.format).toBe('atom');
    expect(feed.siteUrl).toBe('https://veille-territoriale.example/meta/');
    expect(feed.items).toHaveLength(4);
    const [reels, moderation, unreadable, updatedOnly] = feed.items;
    expect(reels).toMatchObject({
      url: 'https://veille-territoriale.example/meta/2025/06/reels-bonus.html',
      title: 'Reels : la fin des bonus pour les créateurs publics',
      published: '2025-06-18T07:00:00.000Z',
      author: 'Équipe veille',
      summary: 'Meta arrête le programme de bonus Reels en France.',
      language: 'fr',
    });
    expect(moderation?.url).toBe('https://dossiers.veille-territoriale.example/moderation/guide-2025.html');
    expect(unreadable?.url).toBe('https://veille-territoriale.example/meta/2025/06/tableau-de-bord.html');
    expect(unreadable?.title).toBe('Pages : un nouveau tableau de bord « Professional Dashboard »');
    expect(unreadable?.published).toBeUndefined();
    expect(unreadable).not.toHaveProperty('published');
    expect(updatedOnly?.published).toBe('2025-06-16T12:00:00.000Z');
    expectStorable(feed);
  });

  it('reads an Atom feed whose links are written as text, or empty, instead of losing it', async () => {
    const feed = await read('atom-link-without-href.xml');
    expect(feed.siteUrl).toBe('https://fait-main.example/');
    expect(feed.items.map((item) => item.url)).toEqual(['https://fait-main.example/lien-texte', undefined, 'https://fait-main.example/correct']);
    expect(feed.items.map((item) => item.published)).toEqual(['2025-06-05T10:00:00.000Z', '2025-06-04T10:00:00.000Z', '2025-06-03T10:00:00.000Z']);
  });

  it('resolves relative links in Atom content against xml:base, as RFC 4287 says', async () => {
    const feed = await read('atom-xml-base-relative-links.xml', 'https://ailleurs.example/flux.atom');
    const [reels, moderation] = feed.items;
    expect(reels?.contentHtml).toContain('src="https://veille-territoriale.example/meta/images/reels-bonus.png"');
    expect(reels?.contentHtml).toContain('href="https://veille-territoriale.example/contact.html"');
    expect(reels?.contentHtml).toContain('href="https://veille-territoriale.example/mentions-legales"');
    expect(moderation?.contentHtml).toContain('href="https://dossiers.veille-territoriale.example/moderation/annexe.pdf"');
  });

  it('resolves relative links in RSS content against the item link', async () => {
    const feed = await readFeedText(
      '<rss version="2.0"><channel><title>t</title><item><link>https://site.example/2025/06/article.html</link>'
      + '<description>&lt;img src="photo.jpg"&gt;&lt;a href="/contact"&gt;c&lt;/a&gt;</description></item></channel></rss>',
      { url: 'https://flux.example/rss' },
    );
    expect(feed.items[0]?.contentHtml).toContain('src="https://site.example/2025/06/photo.jpg"');
    expect(feed.items[0]?.contentHtml).toContain('href="https://site.example/contact"');
  });

  it('reads RSS 1.0 (RDF)', async () => {
    const feed = await read('rdf-rss10.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items.map((item) => item.published)).toEqual(['2025-05-20T08:00:00.000Z', '2025-05-22T15:30:00.000Z', '2025-05-27T00:00:00.000Z']);
    expect(feed.items[2]?.title).toBe('Atelier : s’adapter aux changements incessants de Facebook');
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(3);
    expectStorable(feed);
  });

  it('reads RSS 0.91: no guid, no date, ids from links', async () => {
    const feed = await read('rss091.xml');
    expect(feed.format).toBe('rss');
    expect(feed.language).toBe('fr');
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) expect(item).not.toHaveProperty('published');
    expect(feed.items[0]?.url).toBe('https://breves-communicants.example/jaime-pages');
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(2);
    expectStorable(feed);
  });

  it('reads an <rss> without version attribute', async () => {
    const feed = await read('rss-without-version.xml');
    expect(feed.items[0]?.published).toBe('2025-06-11T08:00:00.000Z');
  });

  it('reads JSON Feed 1.1: canonical links, sanitized HTML, title from the text when there is none', async () => {
    const feed = await read('jsonfeed-11.json', 'https://fil-cm.example/feed.json', 'application/feed+json');
    expect(feed.format).toBe('jsonfeed');
    expect(feed.title).toBe('Le fil des CM publics');
    expect(feed.siteUrl).toBe('https://fil-cm.example/');
    const [reserve, factCheck, untitled] = feed.items;
    expect(reserve).toMatchObject({
      url: 'https://fil-cm.example/2025/06/reserve-electorale',
      title: 'Réserve électorale : ce que Meta autorise sur les Pages de collectivités',
      author: 'Claire Dupré, Loïc Bénard',
      published: '2025-06-15T07:00:00.000Z',
      summary: 'Le point avant les municipales.',
      categories: ['Élections', 'Publicité'],
      language: 'fr',
      contentHtml: '<p>Pendant la période de réserve, <strong>pas de publicité</strong> sur les réalisations de la mandature.</p>',
    });
    expect(factCheck?.url).toBe('https://presse.example/meta-annonce');
    expect(factCheck?.summary).toBe('Texte brut avec <chevrons> & esperluette. Deuxième ligne.');
    expect(factCheck?.language).toBe('fr-FR');
    expect(untitled?.title).toBe('Une brève sans titre : les Stories de Page passent à 60 secondes.');
    expectStorable(feed);
  });

  it('recovers the valid items of a JSON Feed with nulls and invalid items', async () => {
    const feed = await read('jsonfeed-null-items.json');
    expect(feed.items.map((item) => item.title)).toEqual(['Premier élément valide', 'Tous les champs facultatifs sont à null.', 'Troisième élément valide']);
    expect(feed.items[1]?.url).toBeUndefined();
    expect(feed.items[1]).not.toHaveProperty('published');
    expectStorable(feed);
  });
});

describe('readFeed: hostile content', () => {
  it('leaves no script, handler, frame, javascript: or data: URL, nor tracking pixel', async () => {
    const feed = await read('hostile-script.xml', 'https://piege.example/flux.xml');
    const [trap, dataLink, protocolRelative, gallery] = feed.items;
    expect(trap?.title).toBe('Alerte sécurité des comptes');
    expect(trap?.url).toBeUndefined();
    const html = trap?.contentHtml ?? '';
    expect(html).toContain('Sécurisez la double authentification de vos Pages.');
    expect(html).toContain('src="https://piege.example/capture.png"');
    expect(html).toContain('href="https://www.facebook.com/business/news"');
    for (const forbidden of ['<script', '<style', '<iframe', '<svg', '<object', '<embed', '<form', '<input', '<button', '<math',
      'onclick', 'onerror', 'onmouseover', 'onload', 'style=', 'javascript:', 'data:', 'pixel.tracker', 'evil.example', 'alert(', 'steal(']) {
      expect(html.toLowerCase(), forbidden).not.toContain(forbidden.toLowerCase());
    }
    // The img whose onerror was the point keeps its harmless relative src, made absolute.
    expect(html.match(/<img [^>]*>/g)?.map((img) => img.match(/src="([^"]*)"/)?.[1])).toEqual(['https://piege.example/capture.png', 'https://piege.example/x']);
    expect(trap?.summary).toBe('Résumé sans danger.');
    expect(dataLink?.url).toBeUndefined();
    expect(protocolRelative?.url).toBe('https://piege.example/relatif-au-protocole');
    // Without content:encoded the summary comes from the description: no CSS rule nor script in it either.
    expect(gallery?.summary).toBe('Les photos de l’atelier Facebook & collectivités. Merci aux participants.');
    expect(gallery?.contentHtml).toBe('<p>Les photos de l’atelier <b>Facebook &amp; collectivités</b>.</p><p>Merci aux participants.</p>');
    expectStorable(feed);
  });
});

describe('readFeed: duplicates', () => {
  it('keeps the first of a guid, of a link up to trackers and fragment, of a content without either', async () => {
    const feed = await read('duplicates-and-tracking.xml');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Facebook Dating arrive en France (première version)',
      'Les Pages de mairie et les avis : désactiver ou répondre ?',
      'Les Pages de mairie : un autre article',
      'Brève : la portée des liens externes baisse encore',
      'Brève : la portée des liens externes baisse encore',
    ]);
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://doublons.example/dating',
      'https://doublons.example/avis-pages?id=7',
      'https://doublons.example/avis-pages?id=8',
      undefined,
      undefined,
    ]);
    expect(feed.items[4]?.summary).toBe('Même titre, autre texte : un autre élément.');
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(5);
    expectStorable(feed);
  });

  it('gives the same ids on every read, and other ids in another namespace', async () => {
    const once = await read('duplicates-and-tracking.xml');
    const twice = await read('duplicates-and-tracking.xml');
    expect(twice.items.map((item) => item.id)).toEqual(once.items.map((item) => item.id));
    const moved = await readFeed(fixtureBytes('duplicates-and-tracking.xml'), { url: 'https://nouvelle-adresse.example/rss' });
    expect(moved.items.map((item) => item.id)).not.toEqual(once.items.map((item) => item.id));
    const pinned = await readFeed(fixtureBytes('duplicates-and-tracking.xml'), { url: 'https://nouvelle-adresse.example/rss', namespace: 'https://flux.example/feed.xml' });
    expect(pinned.items.map((item) => item.id)).toEqual(once.items.map((item) => item.id));
  });
});

describe('readFeed: what is not a usable feed', () => {
  it('refuses the billion laughs as malformed', async () => {
    expect((await feedErrorOf(() => read('entity-bomb.xml'))).code).toBe('malformed');
  });

  it('calls a truncated feed malformed', async () => {
    expect((await feedErrorOf(() => read('malformed.xml'))).code).toBe('malformed');
  });

  it('calls an HTML page not-a-feed', async () => {
    expect((await feedErrorOf(() => read('html-page.html', 'https://veille-meta.example/'))).code).toBe('not-a-feed');
  });

  it('calls an empty answer not-a-feed', async () => {
    expect((await feedErrorOf(() => readFeed(new Uint8Array(), { url: 'https://flux.example/' }))).code).toBe('not-a-feed');
  });

  it('calls a JSON Feed whose items are null malformed', async () => {
    const error = await feedErrorOf(() => read('jsonfeed-items-null.json'));
    expect(error.code).toBe('malformed');
    expect(error.detail).toContain('items');
  });
});

describe('readFeedText: defaults', () => {
  it('names an untitled feed after its host, and has items inherit the feed language', async () => {
    const feed = await readFeedText(
      '<rss version="2.0"><channel><language>fr</language><item><guid>1</guid><title>Sans titre de flux</title></item></channel></rss>',
      { url: 'https://www.mairie-exemple.fr/rss' },
    );
    expect(feed.title).toBe('www.mairie-exemple.fr');
    expect(feed.items[0]?.language).toBe('fr');
  });

  it('drops a publication date in 2099', async () => {
    const feed = await readFeedText(
      '<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Futur</title><pubDate>Thu, 01 Jan 2099 00:00:00 GMT</pubDate></item></channel></rss>',
      { url: 'https://flux.example/' },
    );
    expect(feed.items[0]).not.toHaveProperty('published');
  });

  it('gives an empty title, not an invented one, to an item with nothing to call it by', async () => {
    const feed = await readFeedText('<rss version="2.0"><channel><title>t</title><item><guid>1</guid></item></channel></rss>', { url: 'https://flux.example/' });
    expect(feed.items[0]?.title).toBe('');
  });

  it('shortens a long summary on a word boundary', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `mot${i}`).join(' ');
    const feed = await readFeedText(`<rss version="2.0"><channel><title>t</title><item><guid>1</guid><description>${long}</description></item></channel></rss>`, { url: 'https://flux.example/' });
    const summary = feed.items[0]?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(601);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long.charAt(summary.length - 1)).toBe(' ');
  });
});
