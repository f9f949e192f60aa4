import type { IncomingMessage } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { commandRoute } from './cli/command-route';
import type { HubConfig } from './config';
import type { HubContext } from './context';
import type { Db } from './db/db';
import { ChangeEvents } from './events';
import { seedFiches } from './fiches/fiches';
import { HttpError } from './http';
import { loggerOptions } from './log';
import { MemberCache } from './members/member-cache';
import { hashSecret } from './members/tokens';
import { feedRoutes } from './routes/feed';
import { ficheRoutes } from './routes/fiches';
import { memberRoutes } from './routes/members';
import { packRoutes } from './routes/packs';
import { shareRoutes } from './routes/shares';
import { webhookRoutes } from './routes/webhooks';
import { ShareRefusal } from './shares/shares';
import { serverTimeouts } from './timeouts';
import { HUB_VERSION } from './version';
import { WebhookWorker } from './webhooks/worker';

export interface Hub {
  app: FastifyInstance;
  events: ChangeEvents;
  webhooks: WebhookWorker;
  /** Stops taking requests, lets the ones in flight finish their writes, then closes the database. */
  stop(): Promise<void>;
}

/** Paths that need no member token: the health check, the invite exchange, and the Atom feeds (feed token in the path). */
const OPEN_PATHS = [/^\/health$/, /^\/api\/join$/, /^\/feed\//, /^\/internal\/command$/];

/** Fastify's refusals, under the same short codes as the hub's own. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-length',
};

/** Extension pages only: Chrome's and Firefox's extension origins, or the exact ones the collective pinned. */
function allowedOrigin(config: HubConfig, origin: string | undefined): boolean {
  if (!origin) return true; // not a browser page: the CLI, a feed reader, a chat server
  if (config.extensionOrigins.length) return config.extensionOrigins.includes(origin);
  return /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i.test(origin);
}

export async function buildHub(config: HubConfig, db: Db, options: { commandSecret?: string } = {}): Promise<Hub> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimit,
    // Refuses `__proto__` / `constructor` keys in JSON bodies instead of merging them.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Behind the proxies named in HUB_TRUST_PROXY, `request.ip` is the client's address they pass on; from
    // anywhere else an `X-Forwarded-For` is not believed (anyone can send one).
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    ...serverTimeouts(config.timeouts),
  });
  const events = new ChangeEvents(undefined, config.eventStreamsPerMember);
  const members = new MemberCache(db);
  await members.start();
  const webhooks = new WebhookWorker(db, app.log, { retryMs: config.webhookRetryMs, maxAttempts: config.webhookMaxAttempts });
  const context: HubContext = { config, db, members, events, webhooks };

  app.addContentTypeParser(['text/xml', 'application/xml', 'text/x-opml'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  await app.register(cors, {
    origin: (origin, callback) => callback(null, allowedOrigin(config, origin)),
    methods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'last-event-id'],
    maxAge: 600,
  });

  await app.register(rateLimit, {
    // Not per route: the plugin's route hooks would run after the token check below, so a guessed token would
    // get its 401 without ever being counted. The limit is one app-wide hook instead, added before that check.
    global: false,
    max: config.rateLimit,
    timeWindow: '1 minute',
    // Per member for a token found valid lately (its hash keys the count, never the token itself). Any other
    // request counts with its client's address: anonymous ones, and tokens the hub does not know (yet), so
    // that sending a new made-up token each time gains nothing. A member's first request after a while
    // counts with their address once; the next ones have their own count.
    keyGenerator: (request) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      return token && members.knows(token) ? `member:${hashSecret(token)}` : `address:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate-limited',
      message: `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  app.addHook('onRequest', app.rateLimit());

  // Who is calling (after the rate limit, so guessing tokens is throttled too): a revoked or unknown token stops here, at once.
  app.addHook('onRequest', async (request) => {
    if (OPEN_PATHS.some((path) => path.test(request.url.split('?')[0]!))) return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'no-token', 'A member token is required (Authorization: Bearer …).');
    const member = await members.byToken(token);
    if (!member) throw new HttpError(401, 'bad-token', 'This token is unknown or was revoked.');
    request.member = member;
  });

  // While the hub stops, answers close their connection: a client's kept-alive socket must not hold the stop up.
  // A caller refused for who it is (403: the admin route without its secret) is not owed the rest of its body:
  // its connection closes with the answer, unread.
  let stopping = false;
  app.addHook('onSend', async (request, reply) => {
    if (stopping) reply.header('connection', 'close');
    else if (reply.getHeader('connection') === 'close' && !request.raw.complete && reply.statusCode !== 403) lingerForBody(request.raw, reply);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError || error instanceof ShareRefusal) {
      return reply.code(error.status).send({ error: error.code, message: error.message });
    }
    // The database refused a value the schemas let through (a NUL character, a 30 February): SQLSTATE class 22,
    // "data exception". The request is at fault, not the hub, and the answer says which value.
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      return reply.code(400).send({ error: 'invalid', message: `Invalid value: ${(error as Error).message}` });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, body too large, unsupported media type, rate limit.
      const code = FASTIFY_CODES[(error as { code?: string }).code ?? ''] ?? (error as { error?: string }).error ?? 'bad-request';
      return reply.code(status).send({ error: code, message: (error as Error).message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'The hub could not complete this request.' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not-found', message: `No ${request.method} ${request.url.split('?')[0]} here.` }));

  app.get('/health', async () => {
    let database: { kind: Db['kind']; ok: boolean; error?: string };
    try {
      await db.query('SELECT 1');
      database = { kind: db.kind, ok: true };
    } catch (error) {
      database = { kind: db.kind, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { name: config.name, service: 'vigie-hub', version: HUB_VERSION, database };
  });

  await memberRoutes(app, context);
  await shareRoutes(app, context);
  await packRoutes(app, context);
  await seedFiches(db);
  await ficheRoutes(app, context);
  await webhookRoutes(app, context);
  await feedRoutes(app, context);
  // The address printed with an invite: HUB_PUBLIC_URL, or where this hub listens (its port once chosen, when 0).
  const publicUrl = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? config.publicUrl.replace(/:0$/, `:${address.port}`) : config.publicUrl;
  };
  if (options.commandSecret) commandRoute(app, db, options.commandSecret, () => members.forget(), publicUrl);

  webhooks.start();
  return {
    app,
    events,
    webhooks,
    async stop() {
      stopping = true;
      events.close();
      // Fastify closes the connections idle when the close begins; one whose request ends later would stay open
      // until its keep-alive timeout (72 s) and keep the process from exiting. They are closed as they turn idle.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await webhooks.stop();
      await db.close();
    },
  };
}

/** How long a refused body may go on arriving before its connection is closed anyway. */
const LINGER_MS = 10_000;

/**
 * A body refused before it was all read (over the size limit, or malformed): Fastify closes the connection as
 * soon as it has answered, and a client still sending then meets a reset instead of the answer ("write EPIPE"),
 * so the member's extension would say the hub is unreachable rather than why it refused. As web servers do
 * ("lingering close"), the rest of the body is read and dropped, within LINGER_MS, and the connection is kept.
 */
function lingerForBody(raw: IncomingMessage, reply: FastifyReply): void {
  reply.removeHeader('connection');
  const timer = setTimeout(() => raw.socket.destroy(), LINGER_MS);
  timer.unref();
  raw.once('end', () => clearTimeout(timer));
  raw.once('close', () => clearTimeout(timer));
  raw.resume();
}
