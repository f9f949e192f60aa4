/**
 * The COPIL hub as deployed: real hub processes behind nginx with TLS (hub/deploy/nginx/vigie-hub.conf),
 * everything over https://. For one process on the embedded database, one on PostgreSQL, and two on one
 * PostgreSQL behind nginx's round-robin:
 *   150 simulated members, each with one live stream open and polling the change feed every 3 s (twenty
 *   times the extension's once a minute), and a burst of 50 shares (a minute's worth, compressed into 30 s).
 *   Each change event makes the member pull what changed, after the extension's random wait (lib/hub/live.ts).
 * Reported: requests per second, p50/p99 latency of every request, and how long until every stream has seen
 * each share and the whole burst. Targets: p99 < 100 ms, every stream served within 2 s of a share, no error.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LIVE_PULL_JITTER_MS } from '../lib/hub/live';
import { createStorage, draft, skipped, startHub, type DbKind, type TestHub } from '../tests/hub/helpers/hub-process';
import { freePort, openStream, proxyMissing, scratch, selfSignedCertificate, startNginx, type EventStream } from '../tests/hub/helpers/proxy';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const MEMBERS = 150;
const POLL_EVERY_MS = 3_000;
const SHARES = 50;
const BURST_MS = 30_000;
/** Polling goes on this long after the burst's last share, so that every pull it causes is measured. */
const TAIL_MS = 3_000;

const log = (line: string) => process.stderr.write(`hub-proxy bench: ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};
const round = (ms: number) => Number(ms.toFixed(1));

/** HTTPS requests through the proxy on kept-alive connections, trusting the bench's own certificate; each timed. */
class Client {
  readonly latencies: number[] = [];
  errors = 0;
  firstError?: string;
  private readonly agent: Agent;

  constructor(private readonly base: string, ca: string) {
    this.agent = new Agent({ keepAlive: true, ca, maxSockets: MEMBERS * 2 });
  }

  /** The answer as JSON, or undefined when it failed (counted). */
  call(method: string, path: string, token: string, body?: unknown): Promise<{ cursor?: number; seq?: number } | undefined> {
    const start = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) };
      const req = request(this.base + path, { method, headers, agent: this.agent }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          this.latencies.push(performance.now() - start);
          const ok = (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300;
          if (!ok) this.fail(`${method} ${path}: ${response.statusCode} ${text.slice(0, 200)}`);
          resolve(ok ? JSON.parse(text) : undefined);
        });
      });
      req.once('error', (error) => {
        this.fail(`${method} ${path}: ${error.message}`);
        resolve(undefined);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private fail(message: string): void {
    this.errors++;
    this.firstError ??= message;
  }
}

interface Setup {
  database: DbKind;
  processes: number;
}

async function scenario({ database, processes }: Setup, report: Report): Promise<void> {
  const dir = scratch('vigie-bench-proxy-');
  const cert = selfSignedCertificate(dir);
  const port = await freePort();
  const base = `https://127.0.0.1:${port}`;
  // No rate limit (150 members from one address), quiet logs (a line per request costs).
  const env = { HUB_RATE_LIMIT: '10000000', HUB_LOG_LEVEL: 'warn', HUB_PUBLIC_URL: base };
  const storage = await createStorage(database);
  const hubs: TestHub[] = [];
  const streams: EventStream[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const client = new Client(base, cert.pem);
  try {
    for (let i = 0; i < processes; i++) hubs.push(await startHub(database, { storage, env }));
    nginx = await startNginx(dir, { port, upstreams: hubs.map((hub) => hub.port), cert });
    log(`${database}, ${processes} process(es): ${MEMBERS} members join`);
    const admin = await hubs[0]!.join('Admin COPIL', 'admin');
    const members: { token: string; cursor: number }[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const joined = await hubs[0]!.join(`Membre ${i}`, 'member', { adminToken: admin.token });
      members.push({ token: joined.token, cursor: 0 });
    }

    // Each member's stream, through the proxy; each change event noted with its arrival time, then a pull.
    const seen: { cursor: number; at: number }[][] = members.map(() => []);
    let pulling = true;
    for (const [i, member] of members.entries()) {
      // As lib/hub/live.ts does: a random wait before the pull, and events met meanwhile make no second pull.
      let pending = false;
      const stream = await openStream(base, member.token, cert.pem, (event) => {
        if (event.name !== 'change') return;
        seen[i]!.push({ cursor: (event.data as { cursor: number }).cursor, at: event.at });
        if (pending || !pulling) return;
        pending = true;
        void sleep(Math.random() * LIVE_PULL_JITTER_MS).then(async () => {
          pending = false;
          const page = await client.call('GET', `/api/changes?since=${member.cursor}`, member.token);
          if (page?.cursor !== undefined) member.cursor = Math.max(member.cursor, page.cursor);
        });
      });
      if (stream.status !== 200) throw new Error(`stream ${i}: HTTP ${stream.status}`);
      streams.push(stream);
      await stream.next('hello');
    }

    // Warm-up: two kept-alive TLS connections per member (a poll and a pull may overlap), the JIT, the caches.
    await Promise.all(members.flatMap((member) => [0, 1].map(() => client.call('GET', `/api/changes?since=${member.cursor}`, member.token))));
    // A hub in service has taken shares before: the first ones on each process (cold code paths) are not the burst's.
    for (let i = 0; i < 2 * processes; i++) await client.call('PUT', `/api/shares/s-${randomBytes(8).toString('hex')}`, members[i]!.token, draft());
    await sleep(LIVE_PULL_JITTER_MS + 500);
    log(`${database}, ${processes} process(es): polling, and ${SHARES} shares in ${BURST_MS / 1000} s`);
    client.latencies.length = 0;
    // The bench's own stalls (it plays 150 members on the same 2 cores as the hubs and nginx), told apart from the hub's.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let polling = true;
    const pollers = members.map(async (member) => {
      await sleep(Math.random() * POLL_EVERY_MS);
      while (polling) {
        const started = performance.now();
        const page = await client.call('GET', `/api/changes?since=${member.cursor}`, member.token);
        if (page?.cursor !== undefined) member.cursor = Math.max(member.cursor, page.cursor);
        await sleep(Math.max(0, POLL_EVERY_MS - (performance.now() - started)));
      }
    });
    const start = performance.now();
    const sent: { seq: number; at: number }[] = [];
    for (let i = 0; i < SHARES; i++) {
      await sleep(Math.max(0, start + (i * BURST_MS) / SHARES - performance.now()));
      const author = members[i % members.length]!;
      const at = performance.now();
      const share = await client.call('PUT', `/api/shares/s-${randomBytes(8).toString('hex')}`, author.token, draft());
      if (share?.seq !== undefined) sent.push({ seq: share.seq, at });
    }
    const lastSent = performance.now();
    await sleep(TAIL_MS);
    polling = false;
    pulling = false;
    await Promise.all(pollers);
    const elapsedS = (performance.now() - start) / 1000;
    loopDelay.disable();

    // For each share and each stream: how long from the share's request until the stream heard of it.
    const delays: number[] = [];
    let missed = 0;
    for (const share of sent) {
      for (const events of seen) {
        const heard = events.find((event) => event.cursor >= share.seq && event.at >= share.at);
        if (heard) delays.push(heard.at - share.at);
        else missed++;
      }
    }
    const lastSeq = Math.max(...sent.map((share) => share.seq));
    const allSeenAt = Math.max(...seen.map((events) => events.find((event) => event.cursor >= lastSeq)?.at ?? Number.POSITIVE_INFINITY));
    const latencies = client.latencies;
    report('hub-proxy-burst', {
      database,
      processes,
      via: 'nginx 1.22, TLS, round-robin',
      members: MEMBERS,
      streams: streams.length,
      pollEveryMs: POLL_EVERY_MS,
      shares: sent.length,
      burstS: BURST_MS / 1000,
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / elapsedS),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(Math.max(...latencies)),
      streamDelayP99Ms: round(percentile(delays, 99)),
      streamDelayMaxMs: round(Math.max(...delays)),
      missedEvents: missed,
      burstSeenByEveryStreamS: Number(((allSeenAt - start) / 1000).toFixed(2)),
      afterLastShareMs: round(allSeenAt - lastSent),
      benchEventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      benchEventLoopDelayMaxMs: round(loopDelay.max / 1e6),
      machineLoadAverage: Number(loadavg()[0]!.toFixed(1)),
      errors: client.errors + (sent.length === SHARES ? 0 : SHARES - sent.length),
      ...(client.firstError ? { firstError: client.firstError } : {}),
      target: 'p99 < 100 ms, every stream within 2 s of a share, no error',
    });
  } finally {
    for (const stream of streams) stream.close();
    client.close();
    await nginx?.stop();
    await Promise.all(hubs.map((hub) => hub.stop()));
    await storage.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHubProxy(report: Report): Promise<void> {
  const missing = proxyMissing();
  if (missing) {
    log(`skipped: ${missing} is not installed (apt-get install nginx openssl)`);
    return;
  }
  const setups: Setup[] = [{ database: 'embedded', processes: 1 }];
  if (skipped('postgres')) log('PostgreSQL: skipped, it is unreachable (set VIGIE_TEST_PG)');
  else setups.push({ database: 'postgres', processes: 1 }, { database: 'postgres', processes: 2 });
  for (const setup of setups) await scenario(setup, report);
}
