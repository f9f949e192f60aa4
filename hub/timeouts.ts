import type { IncomingMessage } from 'node:http';
import * as z from 'zod/mini';

/**
 * How long the hub waits on a client. Without limits, a client sending its headers a byte at a time, or
 * keeping a socket open doing nothing, holds a connection for ever; enough of them and the hub serves no one.
 */
export interface Timeouts {
  /** To receive a whole request, headers and body (Node's `requestTimeout`): a slow upload is cut after it. */
  requestMs: number;
  /** To receive a request's headers (Node's `headersTimeout`): a "slow loris" sending them byte by byte is cut after it. */
  headersMs: number;
  /** An idle kept-alive connection between two requests (Node's `keepAliveTimeout`). */
  keepAliveMs: number;
  /** A socket on which nothing moves either way while a request is answered (Node's socket timeout). */
  idleMs: number;
}

const ms = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.gte(1)), fallback);

const Env = z.object({
  HUB_REQUEST_TIMEOUT_MS: ms(60_000),
  HUB_HEADERS_TIMEOUT_MS: ms(20_000),
  // Longer than the reverse proxy's own keep-alive towards the hub (nginx's `keepalive_timeout`, 60 s by
  // default; Caddy keeps idle connections less): the proxy, not the hub, then closes an idle connection,
  // so it never sends a request on one the hub is closing at that very moment (which the client sees as a 502).
  HUB_KEEP_ALIVE_TIMEOUT_MS: ms(72_000),
  // Two minutes of silence either way on a socket in the middle of a request: its client is gone. The event
  // stream (quiet between its heartbeats) and the admin route (a long import says nothing until it is done)
  // are exempt.
  HUB_IDLE_TIMEOUT_MS: ms(120_000),
});

/** Reads the timeouts from the environment; a bad value is named. */
export function loadTimeouts(env: Record<string, string | undefined>): Timeouts {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const e = parsed.data;
  // Node refuses a header timeout longer than the request's, which includes it.
  if (e.HUB_HEADERS_TIMEOUT_MS > e.HUB_REQUEST_TIMEOUT_MS) throw new Error('HUB_HEADERS_TIMEOUT_MS: must not be longer than HUB_REQUEST_TIMEOUT_MS');
  return { requestMs: e.HUB_REQUEST_TIMEOUT_MS, headersMs: e.HUB_HEADERS_TIMEOUT_MS, keepAliveMs: e.HUB_KEEP_ALIVE_TIMEOUT_MS, idleMs: e.HUB_IDLE_TIMEOUT_MS };
}

/** Fastify's options for these timeouts. */
export function serverTimeouts(t: Timeouts) {
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    connectionTimeout: t.idleMs,
    http: {
      headersTimeout: t.headersMs,
      // Node looks for requests past these limits every 30 s by default, which would let a slow client run
      // up to 30 s over: every second here (sooner for short limits), a look at each open connection.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(t.headersMs / 4))),
    },
  };
}

/**
 * A response that rightly stays quiet for long (the event stream between heartbeats, an admin command at
 * work) is not cut by the idle timeout. The request timeout does not concern them: it only covers receiving
 * the request, which is over as soon as they start.
 */
export function exemptFromIdleTimeout(request: IncomingMessage): void {
  request.socket.setTimeout(0);
}
