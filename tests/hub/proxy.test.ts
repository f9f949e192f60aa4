/**
 * The hub in production: two hub processes on one PostgreSQL, behind Debian's nginx with TLS running
 * hub/deploy/nginx/vigie-hub.conf, everything through https://. And a PostgreSQL restart under running hubs,
 * on a cluster of the test's own.
 */
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, createStorage, draft, skipped, startHub, type HubStorage, type TestHub } from './helpers/hub-process';
import {
  caddyMissing, freePort, httpsApi, openStream, ownPostgresMissing, proxyMissing, scratch, selfSignedCertificate, startCaddy, startNginx, startOwnPostgres,
  type Certificate, type EventStream, type Nginx, type OwnPostgres,
} from './helpers/proxy';

/** Resolves with how long `promise` took, or rejects past `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const value = await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms)))]);
  clearTimeout(timer);
  return { value, ms: performance.now() - start };
}

/**
 * How many times a hub process logged an incoming request on this path. Read from its log as it arrives through
 * its stdout pipe: a request just answered may not be in it yet (hence the polls).
 */
const requestsTo = (hub: TestHub, path: string) =>
  hub.logLines().filter((line) => line.msg === 'incoming request' && (line.req as { url?: string } | undefined)?.url?.split('?')[0] === path).length;

describe.skipIf(skipped('postgres') || proxyMissing())('two hub processes on one PostgreSQL behind nginx with TLS', () => {
  let storage: HubStorage;
  let hubs: TestHub[];
  let nginx: Nginx;
  let cert: Certificate;
  let base: string;
  let dir: string;
  const api = (path: string, options?: Parameters<typeof httpsApi>[3]) => httpsApi(base, path, cert.pem, options);

  beforeAll(async () => {
    dir = scratch('vigie-proxy-');
    cert = selfSignedCertificate(dir);
    const port = await freePort();
    base = `https://127.0.0.1:${port}`;
    storage = await createStorage('postgres');
    // The first creates the schema; the second starts on it, as a second process of a deployment does.
    const first = await startHub('postgres', { storage, env: { HUB_PUBLIC_URL: base } });
    hubs = [first, await startHub('postgres', { storage, env: { HUB_PUBLIC_URL: base } })];
    nginx = await startNginx(dir, { port, upstreams: hubs.map((hub) => hub.port), cert });
  }, 60_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all((hubs ?? []).map((hub) => hub.stop()));
    await storage?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('joins, shares, serves the live event on the other process within a second, and the Atom feed, all through https', async () => {
    const [author, reader] = [await hubs[0]!.invite('Camille Martin'), await hubs[1]!.invite('Dominique Petit')];
    const joinedAuthor = await api('/api/join', { body: { code: author } });
    const joinedReader = await api('/api/join', { body: { code: reader } });
    expect([joinedAuthor.status, joinedReader.status]).toEqual([201, 201]);
    const health = await api('/health');
    expect(health.json).toMatchObject({ service: 'vigie-hub', database: { kind: 'postgres', ok: true } });

    // One worker, round-robin: two streams opened one after the other land on the two processes.
    const before = hubs.map((hub) => requestsTo(hub, '/api/events'));
    const streams: EventStream[] = [await openStream(base, joinedReader.json.token, cert.pem), await openStream(base, joinedReader.json.token, cert.pem)];
    try {
      for (const stream of streams) {
        expect(stream.status).toBe(200);
        expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
        await stream.next('hello');
      }
      await expect.poll(() => hubs.map((hub, i) => requestsTo(hub, '/api/events') - before[i]!)).toEqual([1, 1]);

      const share = draft({ title: 'Meta retire les publications sponsorisées politiques' });
      const sent = performance.now();
      const created = await api(`/api/shares/${clientId()}`, { method: 'PUT', token: joinedAuthor.json.token, body: share });
      expect(created.status).toBe(201);
      // Whichever process took the write, the other one's stream hears of it through PostgreSQL.
      const heard = await within(1_000, Promise.all(streams.map((stream) => stream.next('change', 1_000))));
      for (const event of heard.value) expect(event.cursor).toBe(created.json.seq);
      expect(performance.now() - sent).toBeLessThan(1_000);

      const changes = await api('/api/changes?since=0', { token: joinedReader.json.token });
      expect(changes.json.shares.map((s: { title: string }) => s.title)).toContain(share.title);

      const feed = await api(`/feed/${joinedReader.json.feedToken}.atom`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      expect(feed.text).toContain(share.title);
      // Links in the feed name the public address, https through the proxy, never the process's own port.
      expect(feed.text).toContain(`${base}/feed/${joinedReader.json.feedToken}.atom`);
      expect(feed.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1:(${hubs.map((hub) => hub.port).join('|')})`));
    } finally {
      for (const stream of streams) stream.close();
    }
  }, 30_000);

  it('closes a member\'s streams on every process when `npm run hub -- revoke` runs in a process of its own', async () => {
    const joined = await api('/api/join', { body: { code: await hubs[0]!.invite('Membre révoqué') } });
    const before = hubs.map((hub) => requestsTo(hub, '/api/events'));
    const streams = [await openStream(base, joined.json.token, cert.pem), await openStream(base, joined.json.token, cert.pem)];
    for (const stream of streams) await stream.next('hello');
    await expect.poll(() => hubs.map((hub, i) => requestsTo(hub, '/api/events') - before[i]!)).toEqual([1, 1]);

    const revoked = await hubs[0]!.cli('revoke', joined.json.member.id);
    expect(revoked.code).toBe(0);
    await within(1_000, Promise.all(streams.map((stream) => stream.ended)));
    expect((await api('/api/changes', { token: joined.json.token })).status).toBe(401);
  }, 30_000);

  it('refuses the admin route through the proxy', async () => {
    expect((await api('/internal/command', { body: { argv: ['members'] } })).status).toBe(404);
  });

  it.skipIf(caddyMissing())('serves the same through Caddy with hub/deploy/Caddyfile: join, the live event on both processes, the Atom feed', async () => {
    const dir = scratch('vigie-caddy-');
    const caddy = await startCaddy(dir, { upstreams: hubs.map((hub) => hub.port), cert });
    try {
      const call = (path: string, options?: Parameters<typeof httpsApi>[3]) => httpsApi(caddy.url, path, cert.pem, options);
      const joined = await call('/api/join', { body: { code: await hubs[0]!.invite('Sacha Bernard') } });
      expect(joined.status).toBe(201);
      const before = hubs.map((hub) => requestsTo(hub, '/api/events'));
      const streams = [await openStream(caddy.url, joined.json.token, cert.pem), await openStream(caddy.url, joined.json.token, cert.pem)];
      try {
        for (const stream of streams) await stream.next('hello');
        await expect.poll(() => hubs.map((hub, i) => requestsTo(hub, '/api/events') - before[i]!)).toEqual([1, 1]);
        const share = draft({ title: 'Caddy : la portée organique des Pages' });
        const created = await call(`/api/shares/${clientId()}`, { method: 'PUT', token: joined.json.token, body: share });
        expect(created.status).toBe(201);
        await within(1_000, Promise.all(streams.map((stream) => stream.next('change', 1_000))));
        const feed = await call(`/feed/${joined.json.feedToken}.atom`);
        expect(feed.text).toContain(share.title);
        expect((await call('/internal/command', { body: { argv: ['members'] } })).status).toBe(404);
      } finally {
        for (const stream of streams) stream.close();
      }
    } finally {
      await caddy.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('counts the rate limit per client address through nginx, not per proxy, and believes no one else\'s X-Forwarded-For', async () => {
    // A hub of its own trusting the proxy (127.0.0.1) with a small limit; clients leave from other loopback
    // addresses, as they would from their own machines.
    const own = scratch('vigie-proxy-limit-');
    const hub = await startHub('postgres', { storage, env: { HUB_PUBLIC_URL: base, HUB_TRUST_PROXY: '127.0.0.1', HUB_RATE_LIMIT: '5' } });
    const proxy = await startNginx(own, { upstreams: [hub.port], cert });
    try {
      const through = (from: string, headers: Record<string, string> = {}) => httpsApi(proxy.url, '/health', cert.pem, { localAddress: from, headers });
      // A forged header from the client is not what counts: nginx appends the address it saw, the one believed.
      const first: number[] = [];
      for (let i = 0; i < 6; i++) first.push((await through('127.0.0.2', { 'x-forwarded-for': `203.0.113.${i}` })).status);
      expect(first).toEqual([200, 200, 200, 200, 200, 429]);
      // Another client behind the same proxy has its own counter.
      expect((await through('127.0.0.3')).status).toBe(200);
      // Straight to the hub from an address not in HUB_TRUST_PROXY: its X-Forwarded-For is not believed.
      const direct: number[] = [];
      for (let i = 0; i < 6; i++) direct.push(await statusFrom(`${hub.url}/health`, '127.0.0.4', { 'x-forwarded-for': `198.51.100.${i}` }));
      expect(direct).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await proxy.stop();
      await hub.stop();
      rmSync(own, { recursive: true, force: true });
    }
  }, 30_000);
});

/** A plain HTTP request leaving from a given loopback address: another machine, as the hub sees it. */
function statusFrom(url: string, localAddress: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

describe.skipIf(ownPostgresMissing())('a PostgreSQL restart under two running hub processes', () => {
  let server: OwnPostgres;
  let hubs: TestHub[] = [];
  let storage: HubStorage;
  const unused = scratch('vigie-own-pg-unused-');

  beforeAll(async () => {
    server = await startOwnPostgres();
    const url = server.url();
    storage = { kind: 'postgres', env: { DATABASE_URL: url, HUB_DATA_DIR: `${unused}/none` }, dispose: async () => {} };
    hubs = [await startHub('postgres', { storage })];
    hubs.push(await startHub('postgres', { storage }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()));
    await server?.dispose();
    rmSync(unused, { recursive: true, force: true });
  });

  it('is survived: the processes stay up, their streams go on, and live events cross again', async () => {
    const [a, b] = hubs as [TestHub, TestHub];
    const author = await a.join('Camille Martin');
    const reader = await b.join('Dominique Petit');
    const stream = await openStream(b.url, reader.token);
    try {
      await stream.next('hello');

      await server.restart(1_000);

      // The pool opens new connections as it needs them; the first write may meet a connection cut by the restart.
      let created;
      for (let attempt = 0; attempt < 20; attempt++) {
        created = await a.api(`/api/shares/${clientId()}`, { method: 'PUT', token: author.token, body: draft() }).catch(() => undefined);
        if (created?.status === 201) break;
        await new Promise((wait) => setTimeout(wait, 250));
      }
      expect(created?.status, `${created?.text}\n${a.stderr}`).toBe(201);
      // Heard either through the restored LISTEN or through the catch-up sent when it came back.
      const event = await stream.next('change', 4_000);
      expect(event.cursor).toBeGreaterThanOrEqual(created!.json.seq);

      // And once both listeners are back (they try again every second at most), a new write crosses within a
      // second, as before the restart.
      await new Promise((wait) => setTimeout(wait, 3_000));
      const again = await a.api(`/api/shares/${clientId()}`, { method: 'PUT', token: author.token, body: draft() });
      expect(again.status).toBe(201);
      for (;;) {
        const next = await stream.next('change', 1_000);
        if (next.cursor >= again.json.seq) break;
      }

      for (const hub of hubs) {
        expect((await hub.api('/health')).json.database.ok).toBe(true);
        expect(hub.stderr).toContain('reconnecting');
      }
    } finally {
      stream.close();
    }
    expect(await hubs[0]!.stop()).toBe(0);
  }, 60_000);
});
