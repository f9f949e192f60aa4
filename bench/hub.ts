/**
 * The COPIL hub under load, on the embedded database and on PostgreSQL, against a real hub process:
 *   (a) members polling the change feed with nothing new (what 150 members polling every 30 s do: 5 req/s),
 *   (b) a first page of 50 changes with 1,000 shares stored,
 *   (c) restoring a backup of 10,000 shares with `npm run hub -- import` (through the running hub).
 * Targets: ≥ 1,000 req/s and p99 < 50 ms for (a) and (b), and (c) in under 10 s. Each figure is one JSON line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BACKUP_FORMAT, type HubBackup } from '../hub/backup';
import { DB_KINDS, skipped, startHub, type DbKind, type TestHub } from '../tests/hub/helpers/hub-process';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const CONNECTIONS = 10;
const DURATION_S = 5;
/** 150 members, each polling every 30 s. */
const NEEDED_PER_SECOND = 150 / 30;
const SEEDED_SHARES = 1_000;
const IMPORTED_SHARES = 10_000;

/** Progress on stderr, so that stdout stays one JSON line per figure. */
const log = (line: string) => process.stderr.write(`hub bench: ${line}\n`);

/** A backup as `export` writes it: members, then shares (a comment on every 4th, reactions on every 2nd). */
function backup(shares: number, prefix: string): HubBackup {
  const now = Date.now();
  const at = (offsetMs: number) => new Date(now - offsetMs).toISOString();
  const members = Array.from({ length: 150 }, (_, i) => ({
    id: `m_${prefix}${i}`, name: `Membre ${i}`, role: i === 0 ? 'admin' as const : 'member' as const,
    tokenHash: null, feedTokenHash: null, created: at(90 * 86_400_000), revoked: null,
  }));
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exported: at(0),
    members,
    invites: [],
    shares: Array.from({ length: shares }, (_, i) => ({
      id: `${prefix}-share-${String(i).padStart(6, '0')}`,
      kind: 'item' as const,
      url: `https://exemple.fr/veille/${prefix}/${i}`,
      title: `Meta modifie la portée des Pages (${i})`,
      summary: 'Les publications des Pages publiques voient leur portée organique évoluer ; ce qui change pour les collectivités.',
      sourceTitle: 'Veille Meta',
      tags: ['algorithme-portee', i % 3 ? 'facebook' : 'elections'],
      ...(i % 5 === 0 ? { note: 'À relayer au cabinet', impact: 'medium' as const } : {}),
      authorId: members[i % members.length]!.id,
      hidden: false,
      created: at((shares - i) * 60_000),
      updated: at((shares - i) * 60_000),
      comments: i % 4 === 0 ? [{ id: `${prefix}-comment-${i}`, authorId: members[(i + 1) % members.length]!.id, body: 'Vu, merci.', created: at((shares - i) * 60_000 - 1_000) }] : [],
      reactions: i % 2 === 0 ? [{ memberId: members[(i + 2) % members.length]!.id, kind: 'useful' as const }, { memberId: members[(i + 3) % members.length]!.id, kind: 'seen' as const }] : [],
    })),
    packs: [],
    webhooks: [],
  };
}

/** Writes a backup to a temporary file and imports it with the admin command; resolves with the seconds it took. */
async function importBackup(hub: TestHub, data: HubBackup): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  try {
    const file = join(folder, 'backup.json');
    writeFileSync(file, JSON.stringify(data));
    const start = performance.now();
    const result = await hub.cli('import', file);
    const seconds = (performance.now() - start) / 1000;
    if (result.code !== 0) throw new Error(`import failed: ${result.stderr}`);
    return seconds;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function load(figure: string, kind: DbKind, hub: TestHub, token: string, path: string, report: Report, extra: Record<string, unknown>) {
  const options = { url: hub.url + path, connections: CONNECTIONS, headers: { authorization: `Bearer ${token}` } };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, connection pools, the database's caches
  const result = await autocannon({ ...options, duration: DURATION_S });
  const requestsPerSecond = Math.round(result.requests.average);
  report(figure, {
    database: kind,
    path: path.replace(/since=\d+/, 'since=<cursor>'),
    ...extra,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    requests: result.requests.total,
    requestsPerSecond,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    neededPerSecond: NEEDED_PER_SECOND,
    headroom: Math.round(requestsPerSecond / NEEDED_PER_SECOND),
    target: '>= 1000 req/s, p99 < 50 ms',
  });
}

async function benchDatabase(kind: DbKind, report: Report): Promise<void> {
  // No rate limit for the bench (it would answer 429 past 600 a minute), and quiet logs (a line per request costs).
  const env = { HUB_RATE_LIMIT: '10000000', HUB_LOG_LEVEL: 'warn' };
  log(`${kind}: starting a hub with ${SEEDED_SHARES} shares`);
  const hub = await startHub(kind, { env });
  try {
    const member = await hub.join('Membre qui relève', 'member');
    await importBackup(hub, backup(SEEDED_SHARES, 'seed'));
    const latest = (await hub.api(`/api/changes?since=0&limit=1`, { token: member.token })).json;
    let cursor = latest.cursor as number;
    for (let page = latest; page.more; ) {
      page = (await hub.api(`/api/changes?since=${cursor}&limit=500`, { token: member.token })).json;
      cursor = page.cursor;
    }
    log(`${kind}: polling with nothing new (cursor ${cursor})`);
    await load('hub-poll-nothing-new', kind, hub, member.token, `/api/changes?since=${cursor}`, report, { sharesStored: SEEDED_SHARES });
    log(`${kind}: first page of 50`);
    await load('hub-changes-first-50', kind, hub, member.token, '/api/changes?since=0&limit=50', report, { sharesStored: SEEDED_SHARES });
  } finally {
    await hub.close();
  }

  log(`${kind}: importing ${IMPORTED_SHARES} shares into a fresh hub`);
  const fresh = await startHub(kind, { env });
  try {
    const data = backup(IMPORTED_SHARES, 'bulk');
    const seconds = await importBackup(fresh, data);
    const admin = await fresh.join('Admin COPIL', 'admin');
    const first = (await fresh.api('/api/changes?since=0&limit=500', { token: admin.token })).json;
    if (first.shares.length !== 500 || !first.more) throw new Error('the imported shares are not in the change feed');
    report('hub-import-10000-shares', {
      database: kind,
      shares: data.shares.length,
      comments: data.shares.reduce((total, share) => total + share.comments.length, 0),
      reactions: data.shares.reduce((total, share) => total + share.reactions.length, 0),
      members: data.members.length,
      via: kind === 'embedded' ? 'npm run hub -- import (through the running hub)' : 'npm run hub -- import (on PostgreSQL)',
      seconds: Number(seconds.toFixed(2)),
      target: '< 10 s',
    });
  } finally {
    await fresh.close();
  }
}

export async function benchHub(report: Report): Promise<void> {
  for (const kind of DB_KINDS) {
    if (skipped(kind)) {
      log(`${kind}: skipped, PostgreSQL is unreachable (set VIGIE_TEST_PG)`);
      continue;
    }
    await benchDatabase(kind, report);
  }
}
