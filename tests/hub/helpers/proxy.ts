/**
 * The hub as a collectivité deploys it: Debian's nginx in front, with TLS, running the very configuration
 * in hub/deploy/nginx/vigie-hub.conf (only its addresses, certificate and upstream ports changed), a
 * self-signed certificate made by openssl, and an HTTPS client that trusts that certificate and no other.
 * Also a PostgreSQL cluster of the test's own, for the tests that restart it (never the shared one).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, type ApiAnswer, type ApiOptions } from './hub-process';

const NGINX = '/usr/sbin/nginx';
const OPENSSL = '/usr/bin/openssl';

/** What these tests need of the machine; `.ci/run` installs it. */
export const proxyMissing = (): string | undefined =>
  [NGINX, OPENSSL].find((path) => !existsSync(path));

/** certutil (libnss3-tools), for a Firefox profile to trust the test's certificate authority. */
export const certutilMissing = (): string | undefined => (existsSync('/usr/bin/certutil') ? undefined : '/usr/bin/certutil');

/** A port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (!alive() || Date.now() > until) throw new Error(`nothing listens on port ${port}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

export interface Certificate {
  certFile: string;
  keyFile: string;
  /** The test's own certificate authority, which signed `certFile`: what a browser profile is told to trust. */
  caFile: string;
  /** The authority's PEM text, for a client that trusts it and no other. */
  pem: string;
  /** base64 SHA-256 of the server certificate's public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
}

/**
 * A certificate for 127.0.0.1 and localhost, valid a day, signed by an authority made for the test (Firefox
 * refuses a self-signed authority's certificate used as the server's own, so there are two).
 */
export function selfSignedCertificate(dir: string): Certificate {
  const caFile = join(dir, 'ca.crt');
  const caKey = join(dir, 'ca.key');
  const certFile = join(dir, 'hub.crt');
  const keyFile = join(dir, 'hub.key');
  const csr = join(dir, 'hub.csr');
  const ext = join(dir, 'hub.ext');
  const ssl = (args: string[], input?: Buffer) => execFileSync(OPENSSL, args, { stdio: input ? ['pipe', 'pipe', 'ignore'] : ['ignore', 'pipe', 'ignore'], ...(input ? { input } : {}) });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl(['req', '-x509', ...ec, '-days', '1', '-subj', '/CN=Vigie test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-keyout', caKey, '-out', caFile]);
  ssl(['req', '-new', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', keyFile, '-out', csr]);
  writeFileSync(ext, 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl(['x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial', '-days', '1', '-extfile', ext, '-out', certFile]);
  const publicKey = ssl(['x509', '-in', certFile, '-noout', '-pubkey']);
  const spkiDer = ssl(['pkey', '-pubin', '-outform', 'der'], publicKey);
  const spki = ssl(['dgst', '-sha256', '-binary'], spkiDer).toString('base64');
  return { certFile, keyFile, caFile, pem: readFileSync(caFile, 'utf8'), spki };
}

/**
 * hub/deploy/nginx/vigie-hub.conf made to run here: the port-80 redirect dropped (no root port), the TLS
 * server on 127.0.0.1:<port>, this certificate, these hub ports as the upstream. Everything else as shipped.
 */
export function deployedNginxConfig(options: { port: number; upstreams: number[]; cert: Certificate }): string {
  let conf = readFileSync(join(REPO, 'hub/deploy/nginx/vigie-hub.conf'), 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`hub/deploy/nginx/vigie-hub.conf no longer has ${pattern}`);
    conf = conf.replace(pattern, by);
  };
  replace(/(upstream vigie_hub \{\n)(?:\s*server 127\.0\.0\.1:\d+;\n)+/, `$1${options.upstreams.map((port) => `    server 127.0.0.1:${port};\n`).join('')}`);
  replace(/server \{\n\s*listen 80;[^}]*\}\n/, '');
  replace(/listen 443 ssl( http2)?;/, `listen 127.0.0.1:${options.port} ssl$1;`);
  replace(/\n\s*listen \[::\]:443 ssl( http2)?;/, '');
  replace(/server_name hub\.example\.fr;/, 'server_name 127.0.0.1;');
  replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${options.cert.certFile};`);
  replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${options.cert.keyFile};`);
  return conf;
}

export interface Nginx {
  port: number;
  url: string;
  stderr(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** nginx in the foreground (no daemon), its files in `dir`, one worker so that round-robin alternates strictly. */
/** A proxy process started by a test: its port awaited, its output kept, stopped with its own graceful signal. */
async function supervise(child: ChildProcess, name: string, port: number, graceful: NodeJS.Signals): Promise<Nginx> {
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let alive = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    alive = false;
    running.delete(child);
    resolve();
  }));
  try {
    await waitForPort(port, 10_000, () => alive);
  } catch (error) {
    // Not SIGKILL: nginx's master would leave its worker behind.
    child.kill('SIGTERM');
    throw new Error(`${name} did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    stderr: () => stderr,
    async stop() {
      if (alive) child.kill(graceful);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startNginx(dir: string, options: { upstreams: number[]; cert: Certificate; port?: number }): Promise<Nginx> {
  const port = options.port ?? (await freePort());
  const site = join(dir, 'vigie-hub.conf');
  writeFileSync(site, deployedNginxConfig({ port, upstreams: options.upstreams, cert: options.cert }));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp), { recursive: true });
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, [
    'daemon off;',
    'worker_processes 1;',
    // As root, workers would switch to an unprivileged user that cannot enter this private folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp === 'body' ? 'client_body' : temp}_temp_path ${join(dir, temp)};`),
    `  include ${site};`,
    '}',
    '',
  ].join('\n'));
  const child = spawn(NGINX, ['-p', dir, '-c', main, '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'pipe'] });
  // SIGQUIT: nginx's graceful stop, which takes its worker with it.
  return supervise(child, 'nginx', port, 'SIGQUIT');
}

const CADDY = '/usr/bin/caddy';
export const caddyMissing = (): string | undefined => (existsSync(CADDY) ? undefined : CADDY);

/** hub/deploy/Caddyfile made to run here: this address and certificate instead of Let's Encrypt, these hub ports. */
export function deployedCaddyfile(options: { port: number; upstreams: number[]; cert: Certificate }): string {
  let conf = readFileSync(join(REPO, 'hub/deploy/Caddyfile'), 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`hub/deploy/Caddyfile no longer has ${pattern}`);
    conf = conf.replace(pattern, by);
  };
  replace(/^hub\.example\.fr \{$/m, `https://127.0.0.1:${options.port} {\n\ttls ${options.cert.certFile} ${options.cert.keyFile}`);
  replace(/reverse_proxy 127\.0\.0\.1:\d+ 127\.0\.0\.1:\d+/, `reverse_proxy ${options.upstreams.map((port) => `127.0.0.1:${port}`).join(' ')}`);
  // No admin endpoint (its fixed port would clash between test runs), no certificate authority of its own.
  return `{\n\tadmin off\n\tskip_install_trust\n\tauto_https disable_redirects\n}\n\n${conf}`;
}

/** Caddy in the foreground, its state in `dir`. */
export async function startCaddy(dir: string, options: { upstreams: number[]; cert: Certificate; port?: number }): Promise<Nginx> {
  const port = options.port ?? (await freePort());
  const file = join(dir, 'Caddyfile');
  writeFileSync(file, deployedCaddyfile({ port, upstreams: options.upstreams, cert: options.cert }));
  const child = spawn(CADDY, ['run', '--config', file, '--adapter', 'caddyfile'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  });
  return supervise(child, 'caddy', port, 'SIGTERM');
}

/** One HTTPS request, trusting `ca` only; answered whatever its status. */
export function httpsApi<T = any>(base: string, path: string, ca: string, options: ApiOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= options.contentType ?? 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(base + path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, ca, ...(options.localAddress ? { localAddress: options.localAddress } : {}) }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: answerHeaders, text, json });
      });
    });
    req.once('error', reject);
    req.end(body);
  });
}

export interface StreamEvent {
  name: string;
  data: any;
  /** performance.now() when it arrived. */
  at: number;
}

export interface EventStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Resolves with the data of the next event of this name (others passed over); rejects when the stream ends first. */
  next(name: string, timeoutMs?: number): Promise<any>;
  /** Resolves when the hub ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * The live stream (`GET /api/events`) over HTTPS or HTTP, read as the extension reads it. `onEvent` hears each
 * event as it arrives (with its arrival time), whether or not `next` is waiting for it.
 */
export function openStream(base: string, token: string, ca?: string, onEvent?: (event: StreamEvent) => void): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/events', base);
    const get = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = get(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, ...(ca ? { ca } : {}) }, (response) => {
      let buffer = '';
      const queue: StreamEvent[] = [];
      const waiting: (() => void)[] = [];
      let done = false;
      const wakeAll = () => {
        for (const wake of waiting.splice(0)) wake();
      };
      const ended = new Promise<void>((end) => response.once('close', () => {
        done = true;
        end();
        wakeAll();
      }));
      response.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (name === undefined) continue; // a comment (the heartbeat)
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const event = { name, data: data === undefined ? undefined : JSON.parse(data), at: performance.now() };
          queue.push(event);
          onEvent?.(event);
        }
        wakeAll();
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        ended,
        async next(name, timeoutMs = 5_000) {
          const until = Date.now() + timeoutMs;
          for (;;) {
            for (let event = queue.shift(); event; event = queue.shift()) if (event.name === name) return event.data;
            if (done) throw new Error(`the event stream ended before an "${name}" event`);
            const left = until - Date.now();
            if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiting.push(() => {
                clearTimeout(timer);
                wake();
              });
            });
          }
        },
        close: () => req.destroy(),
      });
    });
    req.once('error', reject);
    req.end();
  });
}

export interface OwnPostgres {
  /** For DATABASE_URL: the superuser, on this cluster's port. */
  url(database?: string): string;
  /** Stops the server (fast: sessions are cut, as at a restart), and starts it again after `downMs`. */
  restart(downMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Debian's PostgreSQL binaries, for the tests that run a cluster of their own. */
export const ownPostgresMissing = (): string | undefined => (existsSync(join(PG_BIN, 'initdb')) ? undefined : `${PG_BIN}/initdb`);

/**
 * A throwaway PostgreSQL cluster in a temporary folder on a free port, owned by the `postgres` user when the
 * tests run as root (the server refuses to run as root). Trust authentication, no fsync: it lives a minute.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-own-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  let ids: { uid: number; gid: number } | undefined;
  if (asRoot) {
    ids = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
    chownSync(dir, ids.uid, ids.gid);
  }
  const run = (bin: string, args: string[]) => execFileSync(join(PG_BIN, bin), args, { cwd: dir, stdio: 'pipe', ...(ids ?? {}) });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '20', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  return {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restart(downMs = 500) {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      await new Promise((wait) => setTimeout(wait, downMs));
      start();
    },
    async dispose() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary folder for one test file's certificates and configurations. */
export const scratch = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
