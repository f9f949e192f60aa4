import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import * as z from 'zod/mini';
import { loadTimeouts, type Timeouts } from './timeouts';

/** Everything the hub reads from its environment; `.env.example` documents each with its default. */
export interface HubConfig {
  host: string;
  port: number;
  /** Where the embedded database lives when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl?: string;
  /** The hub's name, shown to members when they connect. */
  name: string;
  /** The address members and feed readers reach the hub at (for links in the Atom feed). */
  publicUrl: string;
  bodyLimit: number;
  /** Requests per minute per member token, or per client address for any other request (no token, an unknown one). */
  rateLimit: number;
  /**
   * The reverse proxies (addresses, CIDR ranges, or `loopback`) whose `X-Forwarded-For` is believed: behind
   * them the client's address is the one they pass on, so each client has its own rate-limit count. Empty: the
   * hub believes no such header, and the address is the connection's.
   */
  trustProxy: string[];
  /** Open event streams per member; past it, the oldest ends (see ChangeEvents). */
  eventStreamsPerMember: number;
  timeouts: Timeouts;
  /** Extension origins allowed by CORS beyond any chrome-extension:// or moz-extension:// one, if pinned. */
  extensionOrigins: string[];
  logLevel: string;
  webhookRetryMs: number;
  webhookMaxAttempts: number;
}

const Env = z.object({
  HUB_HOST: z._default(z.string(), '127.0.0.1'),
  HUB_PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8787),
  HUB_DATA_DIR: z._default(z.string(), './hub-data'),
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://'))),
  HUB_NAME: z._default(z.string(), 'Hub COPIL'),
  HUB_PUBLIC_URL: z.optional(z.string()),
  HUB_BODY_LIMIT: z._default(z.coerce.number().check(z.int(), z.gte(1024)), 1_048_576),
  HUB_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.gte(1)), 600),
  HUB_TRUST_PROXY: z._default(z.string().check(z.refine((list) => list.split(',').every((entry) => isProxy(entry.trim())), 'a comma-separated list of addresses, CIDR ranges (10.0.0.0/8) or loopback')), ''),
  HUB_EVENT_STREAMS_PER_MEMBER: z._default(z.coerce.number().check(z.int(), z.gte(1)), 5),
  HUB_EXTENSION_ORIGINS: z._default(z.string(), ''),
  HUB_LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  HUB_WEBHOOK_RETRY_MS: z._default(z.coerce.number().check(z.int(), z.gte(10)), 5_000),
  HUB_WEBHOOK_MAX_ATTEMPTS: z._default(z.coerce.number().check(z.int(), z.gte(1)), 8),
});

/** One entry of HUB_TRUST_PROXY, as Fastify's `trustProxy` (proxy-addr) takes them. */
function isProxy(entry: string): boolean {
  if (entry === '' || ['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  return isIP(address) !== 0 && !rest.length && (range === undefined || /^\d{1,3}$/.test(range) || isIP(range) !== 0);
}

/** Reads `.env` (if present) under the real environment, then checks every value, naming the bad ones. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): HubConfig {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid hub configuration: ${problems}`);
  }
  const e = parsed.data;
  let timeouts: Timeouts;
  try {
    timeouts = loadTimeouts(given);
  } catch (error) {
    throw new Error(`Invalid hub configuration: ${(error as Error).message}`, { cause: error });
  }
  return {
    host: e.HUB_HOST,
    port: e.HUB_PORT,
    dataDir: e.HUB_DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    name: e.HUB_NAME,
    publicUrl: (e.HUB_PUBLIC_URL ?? `http://${e.HUB_HOST}:${e.HUB_PORT}`).replace(/\/$/, ''),
    bodyLimit: e.HUB_BODY_LIMIT,
    rateLimit: e.HUB_RATE_LIMIT,
    trustProxy: e.HUB_TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean),
    eventStreamsPerMember: e.HUB_EVENT_STREAMS_PER_MEMBER,
    timeouts,
    extensionOrigins: e.HUB_EXTENSION_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.HUB_LOG_LEVEL,
    webhookRetryMs: e.HUB_WEBHOOK_RETRY_MS,
    webhookMaxAttempts: e.HUB_WEBHOOK_MAX_ATTEMPTS,
  };
}
