import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it, expect } from 'vitest';
import { fetchFeed, type FetchOptions } from '../../lib/feeds/fetch';
import { readFeed } from '../../lib/feeds/pipeline';
import { fixtureBytes, feedErrorOf } from './fixtures';

const MB = 1024 * 1024;
const OPTIONS: FetchOptions = { timeoutMs: 5000, maxBytes: 4 * MB };

interface TestServer {
  url: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

/** A real HTTP server on 127.0.0.1 and a free port, closed after the test whatever state its sockets are in. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('fetchFeed', () => {
  it('reads a feed with its validators, then gets 304 when the ETag still matches', async () => {
    const body = fixtureBytes('rss20-iso-8859-1-declared.xml');
    const etag = '"veille-2025-06-12"';
    const lastModified = 'Thu, 12 Jun 2025 06:30:00 GMT';
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=ISO-8859-1', ETag: etag, 'Last-Modified': lastModified });
      response.end(body);
    });

    const first = await fetchFeed(`${server.url}/flux.xml`, OPTIONS);
    expect(first).toMatchObject({ status: 'ok', url: `${server.url}/flux.xml`, contentType: 'application/rss+xml; charset=ISO-8859-1', etag, lastModified });
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.bytes).toEqual(body);
    const feed = await readFeed(first.bytes, { url: first.url, contentType: first.contentType });
    expect(feed.items[0]?.title).toBe('Réglementation européenne : ce qui change pour les Pages');

    const second = await fetchFeed(`${server.url}/flux.xml`, { ...OPTIONS, etag, lastModified });
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requests[0]?.['if-none-match']).toBeUndefined();
    expect(server.requests[1]).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(server.requests[0]?.accept).toContain('application/rss+xml');
    expect(server.requests[0]?.cookie).toBeUndefined();
  });

  it('follows redirects and reports the final URL', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/ancien') {
        response.writeHead(301, { Location: '/nouveau' });
        response.end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      response.end('<feed xmlns="http://www.w3.org/2005/Atom"><title>Déplacé</title></feed>');
    });
    const result = await fetchFeed(`${server.url}/ancien`, OPTIONS);
    expect(result).toMatchObject({ status: 'ok', url: `${server.url}/nouveau` });
  });

  it('gives up with a timeout on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const error = await feedErrorOf(() => fetchFeed(server.url, { ...OPTIONS, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up with a timeout on a body that stops coming', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel><title>Lent');
    });
    const error = await feedErrorOf(() => fetchFeed(server.url, { ...OPTIONS, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
  });

  it('cuts a 50 MB streamed body off at the cap, without reading it all', async () => {
    const total = 50 * MB;
    const chunk = Buffer.alloc(64 * 1024, ' ');
    let sent = 0;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel><title>Énorme</title>');
      const pump = () => {
        while (sent < total && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    const started = Date.now();
    const error = await feedErrorOf(() => fetchFeed(server.url, { ...OPTIONS, maxBytes: 3 * MB }));
    expect(error.code).toBe('too-large');
    expect(error.detail).toBe('3');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(sent).toBeLessThan(total / 2);
  });

  it('refuses a body whose Content-Length is above the cap before reading it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(100 * MB) });
      response.write('<rss version="2.0">');
    });
    const started = Date.now();
    const error = await feedErrorOf(() => fetchFeed(server.url, { ...OPTIONS, maxBytes: 2 * MB }));
    expect(error.code).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('accepts a body of exactly the cap', async () => {
    const body = Buffer.alloc(256 * 1024, 'a');
    const server = await serve((_request, response) => response.end(body));
    const result = await fetchFeed(server.url, { ...OPTIONS, maxBytes: body.length });
    expect(result.status === 'ok' && result.bytes.byteLength).toBe(body.length);
  });

  it('reports an HTTP error status', async () => {
    const server = await serve((request, response) => {
      response.writeHead(request.url === '/absent' ? 404 : 500, { 'Content-Type': 'text/html' });
      response.end('<h1>Erreur</h1>');
    });
    const serverError = await feedErrorOf(() => fetchFeed(`${server.url}/flux`, OPTIONS));
    expect(serverError.code).toBe('http');
    expect(serverError.detail).toMatch(/^500\b/);
    const notFound = await feedErrorOf(() => fetchFeed(`${server.url}/absent`, OPTIONS));
    expect(notFound.code).toBe('http');
    expect(notFound.detail).toMatch(/^404\b/);
  });

  it('reports a refused connection as a network error', async () => {
    const server = await serve(() => undefined);
    const { url } = server;
    await servers.splice(servers.indexOf(server), 1)[0]?.close();
    const error = await feedErrorOf(() => fetchFeed(url, OPTIONS));
    expect(error.code).toBe('network');
    expect(error.detail).toBe('ECONNREFUSED');
  });
});
