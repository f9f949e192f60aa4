import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../lib/model/feed-error';
import { discoverFeeds } from '../../lib/sources/discover';
import { findFeeds } from '../../lib/sources/find-feeds';
import { HTML_PAGE, rss, testSettings, THREE_ENTRIES } from '../store/fixtures';
import { startServer, type TestServer } from '../support/http-server';

const PAGE = 'https://www.exemple.fr/actualites/index.html';

describe('discoverFeeds (a page’s <link rel="alternate"> feeds)', () => {
  it('lists RSS, Atom and JSON Feed alternates, resolved against the page, with their titles, in document order', () => {
    const html = `<!doctype html><html><head><title>Exemple</title>
      <link rel="alternate" type="application/rss+xml" title="Actualités (RSS)" href="/flux.xml">
      <link rel="alternate" type="application/atom+xml" title="Actualités &amp; presse" href="atom.xml">
      <link rel="alternate" type="application/feed+json" title="JSON" href="https://cdn.exemple.fr/feed.json">
      </head><body></body></html>`;
    expect(discoverFeeds(html, PAGE)).toEqual([
      { url: 'https://www.exemple.fr/flux.xml', title: 'Actualités (RSS)', format: 'rss' },
      { url: 'https://www.exemple.fr/actualites/atom.xml', title: 'Actualités & presse', format: 'atom' },
      { url: 'https://cdn.exemple.fr/feed.json', title: 'JSON', format: 'jsonfeed' },
    ]);
  });

  it('reads rel as a token list, types with parameters, any letter case, and follows <base href>', () => {
    const html = `<HTML><HEAD><BASE HREF="https://autre.exemple.fr/blog/">
      <LINK REL="Alternate Home" TYPE="Application/RSS+XML; charset=utf-8" HREF="feed/">
      </HEAD></HTML>`;
    expect(discoverFeeds(html, PAGE)).toEqual([{ url: 'https://autre.exemple.fr/blog/feed/', title: 'https://autre.exemple.fr/blog/feed/', format: 'rss' }]);
  });

  it('keeps http(s) only, each feed once (tracking parameters aside), and ignores other links', () => {
    const html = `<head><title> Mairie   de Lille </title>
      <link rel="stylesheet" type="text/css" href="/style.css">
      <link rel="alternate" type="text/html" hreflang="en" href="/en/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
      <link rel="alternate" type="application/rss+xml" href="ftp://exemple.fr/flux.xml">
      <link rel="alternate" type="application/rss+xml" href="/flux.xml?utm_source=site">
      <link rel="alternate" type="application/rss+xml" href="/flux.xml#top">
      <link rel="alternate" type="application/rss+xml">
      </head>`;
    expect(discoverFeeds(html, PAGE)).toEqual([{ url: 'https://www.exemple.fr/flux.xml', title: 'Mairie de Lille', format: 'rss' }]);
  });

  it('skips the WordPress REST API that every WordPress page announces as application/json', () => {
    const html = `<head>
      <link rel="alternate" type="application/rss+xml" title="Flux" href="https://site.fr/feed/">
      <link rel="alternate" type="application/json" href="https://site.fr/wp-json/wp/v2/pages/12">
      <link rel="alternate" type="application/json" href="https://site.fr/?rest_route=/wp/v2/pages/12">
      <link rel="alternate" type="application/json" title="JSON Feed 1.0" href="https://site.fr/feed.json">
      </head>`;
    expect(discoverFeeds(html, 'https://site.fr/').map((feed) => feed.url)).toEqual(['https://site.fr/feed/', 'https://site.fr/feed.json']);
  });

  it('takes the document’s first <title> only, not an SVG’s', () => {
    const html = `<head><title>Page</title><link rel="alternate" type="application/rss+xml" href="/f"></head><body><svg><title>Icône</title></svg></body>`;
    expect(discoverFeeds(html, PAGE)[0]?.title).toBe('Page');
  });

  it('finds nothing on a page without alternates', () => {
    expect(discoverFeeds(HTML_PAGE, PAGE)).toEqual([]);
    expect(discoverFeeds('', PAGE)).toEqual([]);
  });
});

describe('findFeeds (reading an address once)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const serve = async () => {
    server = await startServer({
      '/flux.xml': (_, response: ServerResponse) => void response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Veille locale', THREE_ENTRIES)),
      '/page.html': (_, response: ServerResponse) =>
        void response
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><head><title>Accueil</title><link rel="alternate" type="application/rss+xml" href="/flux.xml"></head></html>'),
      '/vide.html': (_, response: ServerResponse) => void response.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML_PAGE),
      '/texte.txt': (_, response: ServerResponse) => void response.writeHead(200, { 'Content-Type': 'text/plain' }).end('bonjour'),
    });
    return server;
  };

  it('a feed is its own single candidate, under the address as typed', async () => {
    const http = await serve();
    expect(await findFeeds(http.url('/flux.xml?utm_source=x'), { settings: testSettings() })).toEqual([
      { url: http.url('/flux.xml'), title: 'Veille locale', format: 'rss' },
    ]);
  });

  it('a page gives the feeds it announces, or none', async () => {
    const http = await serve();
    expect(await findFeeds(http.url('/page.html'), { settings: testSettings() })).toEqual([{ url: http.url('/flux.xml'), title: 'Accueil', format: 'rss' }]);
    expect(await findFeeds(http.url('/vide.html'), { settings: testSettings() })).toEqual([]);
  });

  it('something that is neither a feed nor a page, a missing page, or a refused origin is an error in words', async () => {
    const http = await serve();
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => (error instanceof FeedError ? error.code : String(error)));
    expect(await codeOf(findFeeds(http.url('/texte.txt'), { settings: testSettings() }))).toBe('not-a-feed');
    expect(await codeOf(findFeeds(http.url('/absent'), { settings: testSettings() }))).toBe('http');
    const refused = findFeeds(http.url('/page.html'), { settings: testSettings(), canRead: async () => false });
    expect(await codeOf(refused)).toBe('permission');
    expect(http.hits.get('/page.html')).toBeUndefined();
  });
});
