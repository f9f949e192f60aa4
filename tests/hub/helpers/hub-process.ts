/**
 * The COPIL hub as its admins run it: a real `node --import tsx hub/main.ts` process on a free port, on a fresh
 * embedded database (a temporary data folder) or a fresh PostgreSQL database, driven over HTTP and through
 * its admin commands. Tests see what a member's extension and an admin's shell see, logs included.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { JoinAnswer } from '../../../lib/model/share';

export type DbKind = 'embedded' | 'postgres';
export const DB_KINDS: DbKind[] = ['embedded', 'postgres'];

/** The repository root: the hub runs from there, as `npm run hub` does. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const ADMIN_URL = process.env.VIGIE_TEST_PG || 'postgres://vigie:vigie@127.0.0.1:5432/postgres';
const READY_TIMEOUT_MS = 30_000;

/** Whether the PostgreSQL server answers; on CI its absence is an error, elsewhere its tests are skipped. */
async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem) {
  const message = `PostgreSQL unreachable at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} (${postgresProblem})`;
  if (process.env.CI) throw new Error(`${message}: the hub's PostgreSQL tests cannot run on CI without it (set VIGIE_TEST_PG).`);
  console.warn(`${message}: the PostgreSQL variants of the hub tests are skipped. Set VIGIE_TEST_PG to run them.`);
}

/** For `describe.skipIf(skipped(kind))`. */
export const skipped = (kind: DbKind): boolean => kind === 'postgres' && postgresProblem !== undefined;

/** Where a hub keeps its data: outlives one hub process, so a hub can be restarted on the same data. */
export interface HubStorage {
  kind: DbKind;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `cp -R` copies PGlite's thousand small files in a fifth of a second, fs.cpSync in over one. */
async function copyFolder(from: string, to: string): Promise<void> {
  if (process.platform === 'win32') return cpSync(from, to, { recursive: true });
  await new Promise<void>((resolve, reject) => execFile('cp', ['-R', `${from}/.`, to], (error) => (error ? reject(error) : resolve())));
}

let template: Promise<string> | undefined;

/**
 * An embedded database already created and migrated, copied for each new hub: PGlite takes seconds to create
 * one, a copy a fraction of that. Kept in the temporary folder under the schema's and PGlite's fingerprint,
 * so test files and runs share it, and a new migration makes a new one.
 */
function embeddedTemplate(): Promise<string> {
  template ??= (async () => {
    const fingerprint = createHash('sha256')
      .update(readFileSync(join(REPO, 'hub/db/migrations.ts')))
      .update(readFileSync(join(REPO, 'node_modules/@electric-sql/pglite/package.json')))
      .digest('hex')
      .slice(0, 16);
    const dir = join(tmpdir(), `vigie-hub-template-${fingerprint}`);
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    const building = mkdtempSync(join(tmpdir(), 'vigie-hub-template-build-'));
    // Any command on a stopped hub's folder creates the database, migrates it and closes it cleanly.
    const made = await runHub(['members'], hubEnv({ kind: 'embedded', env: { HUB_DATA_DIR: building }, dispose: async () => {} }, {}));
    if (made.code !== 0) throw new Error(`could not create the embedded database: ${made.stderr}`);
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file made it first
    }
    return dir;
  })();
  return template;
}

/**
 * A fresh database of this kind. `fresh: true` has the embedded hub create its database itself at its first
 * start (slower), instead of starting from a copy of one created and migrated beforehand.
 */
export async function createStorage(kind: DbKind, options: { fresh?: boolean } = {}): Promise<HubStorage> {
  if (kind === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigie-hub-'));
    if (!options.fresh) await copyFolder(await embeddedTemplate(), dataDir);
    return { kind, env: { HUB_DATA_DIR: dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    // The data folder is set too, and empty, so that nothing lands in the repository's ./hub-data.
    env: { DATABASE_URL: url.toString(), HUB_DATA_DIR: join(tmpdir(), `${name}-unused`) },
    dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Only what the test gives: no HUB_* or DATABASE_URL from the shell running the tests. */
export function hubEnv(storage: HubStorage, env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HUB_') && key !== 'DATABASE_URL'));
  return { ...inherited, HUB_HOST: '127.0.0.1', HUB_PORT: '0', HUB_LOG_LEVEL: 'info', ...storage.env, ...env };
}

export const HUB_ARGS = ['--import', 'tsx', 'hub/main.ts'];

/** A port free right now on 127.0.0.1 (for hubs too quiet to say which one they took). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `hub/main.ts` with these arguments to its end. */
function runHub(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...HUB_ARGS, ...args], { cwd: REPO, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** The body read as JSON, when it is JSON. */
  json: T;
}

export interface ApiOptions {
  method?: string;
  token?: string;
  /** An object is sent as JSON; a string as it is (with `contentType`, JSON by default). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** The loopback address the request leaves from (127.0.0.2, …): another client, as a proxy sees it (httpsApi). */
  localAddress?: string;
}

export type Joined = JoinAnswer;

export interface HubOptions {
  /** Environment for the hub beyond the defaults (HUB_PORT=0, HUB_HOST=127.0.0.1, HUB_LOG_LEVEL=info). */
  env?: Record<string, string>;
  /** Data to start on (another hub's, stopped); a fresh database otherwise. */
  storage?: HubStorage;
  /** Embedded: let the hub create its database at its first start rather than copy a prepared one. */
  fresh?: boolean;
}

/** Live processes, killed if the test run itself ends without stopping them. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class TestHub {
  url = '';
  port = 0;
  /** Everything the hub printed on stdout (its JSON log lines), across restarts. */
  logs = '';
  stderr = '';
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  private constructor(readonly storage: HubStorage, readonly env: Record<string, string>) {}

  static async start(kind: DbKind, options: HubOptions = {}): Promise<TestHub> {
    const storage = options.storage ?? (await createStorage(kind, options));
    const hub = new TestHub(storage, options.env ?? {});
    try {
      await hub.restart();
    } catch (error) {
      await storage.dispose();
      throw error;
    }
    return hub;
  }

  get kind(): DbKind {
    return this.storage.kind;
  }

  /** The running hub process's id (to read its memory, say). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts a hub process on this hub's data (at first, or again after `stop`), and waits for "hub ready". */
  async restart(extraEnv: Record<string, string> = {}): Promise<void> {
    if (this.child) throw new Error('the hub is running');
    const env = hubEnv(this.storage, { ...this.env, ...extraEnv });
    // Below "info" the hub does not print "hub ready": it gets a port chosen here, and is polled until it answers.
    const quiet = ['warn', 'error', 'fatal', 'silent'].includes(env.HUB_LOG_LEVEL ?? '');
    if (quiet && env.HUB_PORT === '0') env.HUB_PORT = String(await freePort());
    const child = spawn(process.execPath, HUB_ARGS, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      running.delete(child);
      this.child = undefined;
      resolve(code);
    }));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    const ready = new Promise<number>((resolve, reject) => {
      let pending = '';
      const timer = setTimeout(() => reject(new Error(`the hub was not ready in ${READY_TIMEOUT_MS} ms\n${this.stderr}`)), READY_TIMEOUT_MS);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        this.logs += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const port = /"msg":"hub ready at http:\/\/[^:]+:(\d+)"/.exec(line)?.[1];
          if (port) {
            clearTimeout(timer);
            resolve(Number(port));
          }
        }
      });
      void this.exited!.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the hub exited (code ${code}) before it was ready\n${this.stderr}`));
      });
      if (quiet) {
        void (async () => {
          while (this.child === child) {
            const healthy = await fetch(`http://127.0.0.1:${env.HUB_PORT}/health`).then((response) => response.ok, () => false);
            if (healthy) {
              clearTimeout(timer);
              return resolve(Number(env.HUB_PORT));
            }
            await new Promise((wait) => setTimeout(wait, 100));
          }
        })();
      }
    });
    try {
      this.port = await ready;
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
    this.url = `http://127.0.0.1:${this.port}`;
  }

  /** Sends a signal (SIGTERM: a graceful stop) and waits for the process to end; resolves with its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child) return null;
    const exited = this.exited!;
    this.child.kill(signal);
    const timeout = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Stops the hub and removes its data (the temporary folder, or the test database). */
  async close(): Promise<void> {
    await this.stop();
    await this.storage.dispose();
  }

  /** The log lines printed so far, parsed. */
  logLines(): Record<string, unknown>[] {
    return this.logs.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** One HTTP request to the hub, answered whatever its status. */
  async api<T = any>(path: string, options: ApiOptions = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= options.contentType ?? 'application/json';
    }
    const response = await fetch(this.url + path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** An admin command (`npm run hub -- …`) with the hub's environment: through the running hub if embedded. */
  cli(...args: string[]): Promise<CliResult> {
    return runHub(args, hubEnv(this.storage, this.env));
  }

  /** `invite "Name" --role …` run as a command; resolves with the printed code. */
  async invite(name: string, role: 'admin' | 'member' = 'member'): Promise<string> {
    const result = await this.cli('invite', name, '--role', role);
    const code = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b/.exec(result.stdout)?.[0];
    if (result.code !== 0 || !code) throw new Error(`invite failed (${result.code}): ${result.stderr || result.stdout}`);
    return code;
  }

  /** A new member with their tokens: invited through the command (or by an admin through the API), then joined. */
  async join(name: string, role: 'admin' | 'member' = 'member', by?: { adminToken: string }): Promise<Joined> {
    const code = by
      ? (await this.api('/api/invites', { token: by.adminToken, body: { name, role } })).json.code as string
      : await this.invite(name, role);
    const answer = await this.api<Joined>('/api/join', { body: { code } });
    if (answer.status !== 201) throw new Error(`join failed: ${answer.status} ${answer.text}`);
    return answer.json;
  }
}

/** Shorthand: a hub on a fresh database of this kind. */
export const startHub = (kind: DbKind, options?: HubOptions) => TestHub.start(kind, options);

/** A valid share draft; `overrides` change or add fields. Each links to its own article (the hub keeps one share per article). */
export function draft(overrides: Record<string, unknown> = {}) {
  const url = `https://exemple.fr/article-${randomBytes(4).toString('hex')}`;
  return { kind: 'item', title: 'Meta change la portée des Pages', url, tags: ['algorithme-portee'], ...overrides };
}

/** A fresh client-made id, as the extension makes them. */
export const clientId = (prefix = 's'): string => `${prefix}-${randomBytes(8).toString('hex')}`;

/** Every share in the change feed, following `more` page by page. */
export async function allChanges(hub: TestHub, token: string): Promise<{ cursor: number; shares: any[]; packs: { sources: number; rules: number } }> {
  let since = 0;
  const shares: any[] = [];
  for (;;) {
    const page = await hub.api(`/api/changes?since=${since}&limit=500`, { token });
    if (page.status !== 200) throw new Error(`changes: ${page.status} ${page.text}`);
    shares.push(...page.json.shares);
    since = page.json.cursor;
    if (!page.json.more) return { cursor: since, shares, packs: page.json.packs };
  }
}

/** The live stream (`GET /api/events`) as the extension reads it: fetch with the token in a header, events parsed. */
export async function openEvents(hub: TestHub, token: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${hub.url}/api/events`, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    /** The data of the next event of this name (earlier events of other names are passed over). */
    async next(name: string): Promise<any> {
      for (;;) {
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === name) return data === undefined ? undefined : JSON.parse(data);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`the event stream ended before an "${name}" event`);
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

/** Several hubs started side by side (each takes seconds, mostly its database starting); if one fails, the others are closed. */
export async function startHubs(kind: DbKind, options: HubOptions[]): Promise<TestHub[]> {
  const started = await Promise.allSettled(options.map((option) => startHub(kind, option)));
  const failed = started.find((result) => result.status === 'rejected');
  if (!failed) return started.map((result) => (result as PromiseFulfilledResult<TestHub>).value);
  await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
  throw failed.reason;
}
