import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 for feeds in tests and benchmarks; routes are plain Node handlers. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: (path: string) => string;
  port: number;
  /** How many requests each path received, and with which status. */
  hits: Map<string, number[]>;
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    response.on('finish', () => hits.set(path, [...(hits.get(path) ?? []), response.statusCode]));
    const route = routes[path];
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    void Promise.resolve(route(request, response)).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a body with an ETag and answers 304 when the client already has it. */
export function withEtag(body: Buffer | string, contentType: string, etag = '"v1"'): Route {
  return (request, response) => {
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag }).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': contentType, ETag: etag }).end(body);
  };
}

/** Accepts the request and never answers: a dead server behind a live socket. */
export const hang: Route = () => new Promise<void>(() => undefined);
