/**
 * The hub against what an attack on a real deployment found (issue 16): the admin route read whole bodies
 * before its secret, two processes could open one data folder, made-up tokens escaped the rate limit and cost
 * a query each, slow clients were never cut, a member could open streams without end. Each test drives real
 * hub processes over loopback, as the other hub tests do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { newToken } from '../../hub/members/tokens';
import {
  DB_KINDS, HUB_ARGS, REPO, clientId, createStorage, draft, hubEnv, openEvents, skipped, startHub, startHubs, type HubStorage, type TestHub,
} from './helpers/hub-process';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** A hub process started by hand (two at once on one folder, say), with what it printed. */
function spawnHub(storage: HubStorage, args: string[] = [], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [...HUB_ARGS, ...args], { cwd: REPO, env: hubEnv(storage, env), stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, out, exited, ready: () => /"msg":"hub ready at/.test(out.stdout) };
}

/** A raw connection, to send what fetch will not: half a request, a body at its own pace. */
function rawSocket(url: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {}); // a reset by the hub is what some tests wait for
  const state = { received: '', closedAt: 0 };
  socket.on('data', (chunk) => (state.received += chunk.toString('latin1')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => {
    state.closedAt = Date.now();
    resolve();
  }));
  onTestFinished(() => void socket.destroy());
  return { socket, state, closed };
}

const lockFile = (storage: HubStorage) => join(storage.env.HUB_DATA_DIR!, 'hub.lock.json');

describe('the admin route (/internal/command)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub('embedded');
  });
  afterAll(() => hub?.close());

  it('refuses a large body without the secret at once, without reading it, while /health stays quick and memory flat', async () => {
    const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${hub.pid}/status`, 'utf8'))![1]) * 1024;
    const before = rss();
    const size = 64 * 1024 * 1024;
    const { socket, state, closed } = rawSocket(hub.url);
    const started = Date.now();
    socket.write(`POST /internal/command HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
    // The answer comes from the headers alone. (Waited for before the body is sent: a reset on a connection
    // closed with unread data could otherwise drop the answer before this client reads it.)
    await vi.waitFor(() => expect(state.received).toMatch(/^HTTP\/1\.1 403 /), { timeout: 5_000, interval: 10 });
    const answeredIn = Date.now() - started;
    // Then the body, as fast as the hub takes it (spaces: valid JSON so far), until the hub hangs up.
    let sent = 0;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pump = (async () => {
      while (sent < size && !socket.destroyed) {
        if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
        sent += chunk.length;
      }
    })();
    const healthTimes: number[] = [];
    const health = (async () => {
      while (!state.closedAt && Date.now() - started < 10_000) {
        const asked = Date.now();
        expect((await hub.api('/health')).status).toBe(200);
        healthTimes.push(Date.now() - asked);
        await sleep(20);
      }
    })();
    await Promise.race([closed, sleep(5_000)]);
    await Promise.all([pump, health]);
    expect(state.received).toMatch(/"error":"forbidden"/);
    expect(answeredIn).toBeLessThan(1_000);
    // The hub hung up long before the body's end: it never read it.
    expect(state.closedAt).toBeGreaterThan(0);
    expect(sent).toBeLessThan(size / 2);
    expect(Math.max(0, ...healthTimes)).toBeLessThan(500);
    expect(rss() - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('takes only small bodies, even with the secret: a file to import goes by its path', async () => {
    const { secret } = JSON.parse(readFileSync(lockFile(hub.storage), 'utf8')) as { secret: string };
    const big = await hub.api('/internal/command', {
      headers: { 'x-vigie-command-secret': secret },
      body: { argv: ['members'], cwd: '/', padding: 'x'.repeat(100 * 1024) },
    });
    expect(big.status).toBe(413);
    // A backup well over that limit (its JSON padded with spaces) is imported through the running hub all the same.
    await hub.join('Admin COPIL', 'admin');
    const exported = await hub.cli('export');
    expect(exported.code).toBe(0);
    const folder = mkdtempSync(join(tmpdir(), 'vigie-harden-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'backup.json');
    writeFileSync(file, exported.stdout.replace('{', `{${' '.repeat(300 * 1024)}`));
    const imported = await hub.cli('import', file);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^Imported: 1 members/);
    // A file that is not there is said in words, by its name.
    const missing = await hub.cli('import', join(folder, 'absent.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read .*absent\.json: ENOENT/);
  });
});

describe('the lock on the embedded data folder', () => {
  it('lets exactly one of two hubs started together on one folder serve; the other stops, saying why', async () => {
    const storage = await createStorage('embedded');
    onTestFinished(() => storage.dispose());
    const hubs = [spawnHub(storage), spawnHub(storage)];
    const loser = await Promise.race(hubs.map(async (hub) => ((await hub.exited), hub)));
    const winner = hubs.find((hub) => hub !== loser)!;
    expect(await loser.exited).toBe(1);
    expect(loser.out.stderr).toMatch(new RegExp(`^Another hub \\(pid ${winner.child.pid}\\) already runs on the data folder ${storage.env.HUB_DATA_DIR}`));
    expect(loser.ready()).toBe(false);
    await vi.waitFor(() => expect(winner.ready()).toBe(true), { timeout: 30_000 });
    winner.child.kill('SIGTERM');
    expect(await winner.exited).toBe(0);
    expect(existsSync(lockFile(storage))).toBe(false);
  });

  it('is taken by an admin command on a stopped hub: a hub starting meanwhile waits for it', async () => {
    const storage = await createStorage('embedded');
    onTestFinished(() => storage.dispose());
    const command = spawnHub(storage, ['invite', 'Camille Martin', '--role', 'admin']);
    // The lock is created empty (O_EXCL) and then written: stopped in between, it would stay empty. So the
    // command is held only once the lock names it.
    const written = () => {
      try {
        return JSON.parse(readFileSync(lockFile(storage), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    };
    await vi.waitFor(() => expect(written()).toMatchObject({ pid: command.child.pid, holder: 'invite' }), { timeout: 20_000, interval: 5 });
    // Held still (as a long import would be) while a hub starts on the same folder.
    command.child.kill('SIGSTOP');
    const hub = spawnHub(storage);
    await vi.waitFor(() => expect(hub.out.stderr).toMatch(`Waiting for the admin command "invite" (pid ${command.child.pid}) to finish`), { timeout: 20_000 });
    await sleep(500);
    expect(hub.ready()).toBe(false);
    command.child.kill('SIGCONT');
    expect(await command.exited).toBe(0);
    await vi.waitFor(() => expect(hub.ready()).toBe(true), { timeout: 30_000 });
    // What the command wrote is the hub's: its invite code lets one join.
    const code = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b/.exec(command.out.stdout)![0];
    const port = /"msg":"hub ready at http:\/\/[^:]+:(\d+)"/.exec(hub.out.stdout)![1];
    const joined = await fetch(`http://127.0.0.1:${port}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(joined.status).toBe(201);
  });

  it('takes over a lock left by a process that died', async () => {
    const storage = await createStorage('embedded');
    onTestFinished(() => storage.dispose());
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(lockFile(storage), JSON.stringify({ pid: dead.pid, holder: 'hub', port: 1, secret: 'old' }));
    const members = spawnHub(storage, ['members']);
    expect(await members.exited).toBe(0);
    expect(members.out.stdout).toMatch(/No member yet/);
    expect(existsSync(lockFile(storage))).toBe(false);
  });
});

describe.each(DB_KINDS)('tokens the hub does not know, %s database', (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub(kind, { env: { HUB_LOG_LEVEL: 'warn' } });
  });
  afterAll(() => hub?.close());

  it.runIf(kind === 'postgres')('remembers a refused token a while: asked again, it is refused without a query', async () => {
    const made = newToken('vh');
    expect((await hub.api('/api/me', { token: made })).status).toBe(401);
    // Tokens are looked up in `members`: while a transaction holds that table, any lookup waits.
    const client = new pg.Client({ connectionString: hub.storage.env.DATABASE_URL });
    await client.connect();
    onTestFinished(() => client.end());
    await client.query('BEGIN');
    await client.query('LOCK TABLE members IN ACCESS EXCLUSIVE MODE');
    try {
      const again = await Promise.race([hub.api('/api/me', { token: made }), sleep(5_000).then(() => 'waiting')]);
      expect(again).toMatchObject({ status: 401, json: { error: 'bad-token' } });
      // A token never seen does need the table (so the one above really was answered from memory).
      const fresh = hub.api('/api/me', { token: newToken('vh') });
      expect(await Promise.race([fresh.then(() => 'answered'), sleep(1_000).then(() => 'waiting')])).toBe('waiting');
      await client.query('ROLLBACK');
      expect((await fresh).status).toBe(401);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('throttles 1,400 different made-up tokens with their address, while a member the hub knows keeps their own count', async () => {
    const alice = await hub.join('Alice Martin');
    expect((await hub.api('/api/me', { token: alice.token })).status).toBe(200);
    const statuses: number[] = [];
    for (let batch = 0; batch < 70; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, async () => (await hub.api('/api/me', { token: newToken('vh') })).status))));
    }
    const count = (status: number) => statuses.filter((s) => s === status).length;
    expect(count(401) + count(429)).toBe(1_400);
    // 600 a minute from this address, the join and the first look at /api/me above included.
    expect(count(401)).toBeLessThanOrEqual(600);
    expect(count(429)).toBeGreaterThanOrEqual(800);
    expect((await hub.api('/health')).status).toBe(429);
    expect((await hub.api('/api/me', { token: alice.token })).status).toBe(200);
  });
});

describe('the client address behind a reverse proxy (HUB_TRUST_PROXY)', () => {
  let trusting: TestHub;
  let elsewhere: TestHub;
  beforeAll(async () => {
    // The first believes the proxy on this machine; the second only proxies on 10.0.0.0/8, so not this client.
    [trusting, elsewhere] = (await startHubs('embedded', [
      { env: { HUB_RATE_LIMIT: '3', HUB_TRUST_PROXY: '127.0.0.1, ::1' } },
      { env: { HUB_RATE_LIMIT: '3', HUB_TRUST_PROXY: '10.0.0.0/8' } },
    ])) as [TestHub, TestHub];
  });
  afterAll(() => Promise.all([trusting, elsewhere].map((hub) => hub?.close())));

  const from = (hub: TestHub, forwarded: string) => hub.api('/health', { headers: { 'x-forwarded-for': forwarded } });

  it('counts each client the proxy names under its own address, and logs that address', async () => {
    const statuses = [];
    // As nginx sends it: what the client claimed, then the address it saw. Only the latter is believed.
    for (let i = 0; i < 4; i++) statuses.push((await from(trusting, `198.51.100.${i}, 203.0.113.7`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await from(trusting, '203.0.113.8')).status).toBe(200);
    // The hub's log lines reach this process a moment after its answers.
    const addresses = () => trusting.logLines().flatMap((line) => ((line.req as { remoteAddress?: string } | undefined)?.remoteAddress ?? []));
    await vi.waitFor(() => expect(addresses()).toEqual(expect.arrayContaining(['203.0.113.7', '203.0.113.8'])));
    expect(addresses()).not.toContain('198.51.100.0');
  });

  it('does not believe X-Forwarded-For from an address that is not a listed proxy', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from(elsewhere, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const addresses = () => elsewhere.logLines().flatMap((line) => ((line.req as { remoteAddress?: string } | undefined)?.remoteAddress ?? []));
    await vi.waitFor(() => expect(addresses().length).toBeGreaterThanOrEqual(4));
    expect(new Set(addresses())).toEqual(new Set(['127.0.0.1']));
  });
});

describe('slow clients and open streams', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub('embedded', {
      env: { HUB_HEADERS_TIMEOUT_MS: '1000', HUB_REQUEST_TIMEOUT_MS: '2000', HUB_KEEP_ALIVE_TIMEOUT_MS: '1000', HUB_IDLE_TIMEOUT_MS: '1500' },
    });
  });
  afterAll(() => hub?.close());

  /** Sends `text` a byte at a time, every `everyMs`, until the hub hangs up; resolves with how long that took. */
  async function trickle(prefix: string, text: string, everyMs: number) {
    const { socket, state, closed } = rawSocket(hub.url);
    const started = Date.now();
    socket.write(prefix);
    for (const byte of text) {
      if (state.closedAt) break;
      socket.write(byte);
      await Promise.race([sleep(everyMs), closed]);
    }
    await Promise.race([closed, sleep(10_000)]);
    return { lasted: (state.closedAt || Infinity) - started, received: state.received };
  }

  it('cuts a client sending its headers byte by byte after the header timeout (a "slow loris")', async () => {
    const { lasted, received } = await trickle('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n', `X-Slow: ${'a'.repeat(100)}\r\n\r\n`, 100);
    expect(lasted).toBeGreaterThanOrEqual(900);
    expect(lasted).toBeLessThan(3_000);
    expect(received).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('cuts a body sent byte by byte after the request timeout', async () => {
    const body = JSON.stringify({ code: 'AAAA-BBBB-CCCC-DDDD' });
    const { lasted, received } = await trickle(`POST /api/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body, 200);
    expect(lasted).toBeGreaterThanOrEqual(1_900);
    expect(lasted).toBeLessThan(4_000);
    expect(received).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('closes a kept-alive connection left idle after the keep-alive timeout', async () => {
    const { socket, state, closed } = rawSocket(hub.url);
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await vi.waitFor(() => expect(state.received).toMatch(/^HTTP\/1\.1 200 [^]*"service"/));
    const answered = Date.now();
    await Promise.race([closed, sleep(5_000)]);
    expect(state.closedAt - answered).toBeGreaterThanOrEqual(800);
    expect(state.closedAt - answered).toBeLessThan(2_500);
  });

  it('keeps at most 5 event streams per member, ending the oldest, and exempts them from the idle timeout', async () => {
    const [alice, bob] = [await hub.join('Alice Martin'), await hub.join('Bob Durand')];
    const streams = [];
    for (let i = 0; i < 6; i++) {
      const stream = await openEvents(hub, alice.token);
      onTestFinished(() => stream.close());
      await stream.next('hello');
      streams.push(stream);
    }
    const bobs = await openEvents(hub, bob.token);
    onTestFinished(() => bobs.close());
    await bobs.next('hello');
    // The oldest was told why, then ended.
    expect(await streams[0]!.next('closed')).toMatchObject({ reason: 'too-many-streams', message: expect.stringMatching(/^At most 5 live streams per member/) });
    await expect(streams[0]!.next('change')).rejects.toThrow('ended');
    // The others outlive the idle timeout (1.5 s here; nothing is sent between heartbeats) and hear the next share.
    await sleep(2_500);
    expect((await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: bob.token, body: draft() })).status).toBe(201);
    for (const stream of [...streams.slice(1), bobs]) expect(await stream.next('change')).toMatchObject({ cursor: expect.any(Number) });
  });
});
