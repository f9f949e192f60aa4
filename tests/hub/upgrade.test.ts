/**
 * The upgrade path: a database left by the previous release (hub 1.1.0: migrations 1 and 2) holding a
 * collective's data is migrated by the new hub at its start, and everything in it is still there and works:
 * members and their tokens, shares with comments and reactions, packs, webhooks and their delivery queue.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../hub/db/db';
import { MIGRATIONS, migrate } from '../../hub/db/migrations';
import { DB_KINDS, clientId, createStorage, skipped, startHub, type DbKind, type HubStorage, type TestHub } from './helpers/hub-process';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 90_000 });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ADMIN_TOKEN = `vh_${'a'.repeat(43)}`;
const ALICE_TOKEN = `vh_${'b'.repeat(43)}`;
const BOB_TOKEN = `vh_${'c'.repeat(43)}`;

/** The database as the hub in this storage would open it, in the test's own process. */
async function open(storage: HubStorage): Promise<Db> {
  return storage.env.DATABASE_URL
    ? (await import('../../hub/db/postgres')).openPostgres(storage.env.DATABASE_URL)
    : (await import('../../hub/db/embedded')).openEmbedded(storage.env.HUB_DATA_DIR);
}

/** What a collective's hub 1.1.0 held: written with that release's schema, in its own SQL. */
async function fillAsRelease110(db: Db, receiverUrl: string): Promise<void> {
  const statements: [string, unknown[]][] = [
    [`INSERT INTO members (id, name, role, token_hash, feed_token_hash, created, revoked) VALUES
      ('m_admin', 'Admin COPIL', 'admin', $1, NULL, '2026-09-01T08:00:00Z', NULL),
      ('m_alice', 'Alice Martin', 'member', $2, $3, '2026-09-02T08:00:00Z', NULL),
      ('m_bob', 'Bob Durand', 'member', $4, NULL, '2026-09-03T08:00:00Z', '2026-10-01T08:00:00Z')`,
    [sha256(ADMIN_TOKEN), sha256(ALICE_TOKEN), sha256('vf_alice_feed'), sha256(BOB_TOKEN)]],
    ["INSERT INTO invites (code_hash, name, role, created, used, member_id) VALUES ($1, 'Alice Martin', 'member', '2026-09-02T07:00:00Z', '2026-09-02T08:00:00Z', 'm_alice')", [sha256('CODE')]],
    [`INSERT INTO shares (id, author_id, kind, url, title, summary, published, tags, note, impact, priority, created, updated) VALUES
      ('s-old-00001', 'm_alice', 'item', 'https://www.exemple.fr/article/#haut', 'Meta change la portée des Pages', 'Résumé', '2026-09-10T06:00:00Z', '["algorithme-portee"]', 'Prévenir le cabinet', 'high', 'critical', '2026-09-10T08:00:00Z', '2026-09-10T08:00:00Z'),
      ('s-old-00002', 'm_alice', 'alert', 'https://exemple.fr/panne', 'Panne chez Meta', NULL, NULL, '[]', NULL, NULL, 'critical', '2026-10-02T08:00:00Z', '2026-10-02T08:00:00Z')`, []],
    ["INSERT INTO comments (id, share_id, author_id, body, created) VALUES ('c-old-00001', 's-old-00001', 'm_admin', 'Vu, merci', '2026-09-10T09:00:00Z')", []],
    ["INSERT INTO reactions (share_id, member_id, kind) VALUES ('s-old-00001', 'm_admin', 'useful'), ('s-old-00001', 'm_alice', 'seen')", []],
    ["INSERT INTO packs (name, body, version, updated, updated_by) VALUES ('sources', '<opml version=\"2.0\"><body/></opml>', 3, '2026-09-05T08:00:00Z', 'm_admin')", []],
    ["INSERT INTO webhooks (id, kind, url, min_priority) VALUES ('w_copil', 'slack', $1, 'critical')", [`${receiverUrl}/hooks/copil`]],
    // The first alert was announced under 1.1.0; the second was still waiting when the hub stopped.
    ["INSERT INTO deliveries (webhook_id, share_id, status, attempts, last_status, delivered) VALUES ('w_copil', 's-old-00001', 'delivered', 1, 200, '2026-09-10T08:00:01Z')", []],
    ["INSERT INTO deliveries (webhook_id, share_id) VALUES ('w_copil', 's-old-00002')", []],
  ];
  for (const [sql, params] of statements) await db.query(sql, params);
}

describe.each(DB_KINDS)('upgrade from hub 1.1.0, %s database', (kind: DbKind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  let storage: HubStorage;
  let hub: TestHub | undefined;
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
      received.push(text);
      response.writeHead(200).end('ok');
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    storage = await createStorage(kind, { fresh: true });
    const db = await open(storage);
    try {
      expect(await migrate(db, { upTo: 2 })).toBe(2);
      await fillAsRelease110(db, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await hub?.stop();
    await storage?.dispose();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('migrates at start, and the collective finds everything as it was', async () => {
    hub = await startHub(kind, { storage });
    const me = await hub.api('/api/me', { token: ALICE_TOKEN });
    expect(me.status, me.text).toBe(200);
    expect(me.json.member).toMatchObject({ id: 'm_alice', name: 'Alice Martin', role: 'member' });
    expect((await hub.api('/api/me', { token: BOB_TOKEN })).status).toBe(401);

    const changes = await hub.api('/api/changes?since=0', { token: ALICE_TOKEN });
    expect(changes.status, changes.text).toBe(200);
    const [first, second] = changes.json.shares;
    expect(first).toMatchObject({
      id: 's-old-00001', title: 'Meta change la portée des Pages', url: 'https://www.exemple.fr/article/#haut', tags: ['algorithme-portee'],
      note: 'Prévenir le cabinet', impact: 'high', priority: 'critical', author: { id: 'm_alice' },
      reactions: { useful: ['m_admin'], seen: ['m_alice'] },
    });
    expect(first.comments).toMatchObject([{ id: 'c-old-00001', body: 'Vu, merci', author: { id: 'm_admin' } }]);
    expect(second).toMatchObject({ id: 's-old-00002', title: 'Panne chez Meta' });
    expect(changes.json.packs).toMatchObject({ sources: 3 });

    // Migration 3 gave the old share its key: the same article shared again joins it.
    const again = await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: ADMIN_TOKEN, body: { kind: 'item', url: 'https://exemple.fr/article', title: 'Meta et les Pages', tags: [] } });
    expect(again.status, again.text).toBe(200);
    expect(again.json.id).toBe('s-old-00001');

    // The alert left waiting by 1.1.0 goes out once; the one 1.1.0 announced is not announced again.
    const deadline = Date.now() + 15_000;
    while (!received.some((text) => text.includes('Panne chez Meta')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.filter((text) => text.includes('Panne chez Meta'))).toHaveLength(1);
    expect(received.filter((text) => text.includes('portée des Pages'))).toEqual([]);
    const deliveries = (await hub.api('/api/deliveries', { token: ADMIN_TOKEN })).json.deliveries;
    expect(deliveries.map((delivery: { shareId: string; status: string }) => [delivery.shareId, delivery.status]).sort()).toEqual([['s-old-00001', 'delivered'], ['s-old-00002', 'delivered']]);

    const exported = await hub.cli('export');
    expect(exported.code, exported.stderr).toBe(0);
    const backup = JSON.parse(exported.stdout);
    expect(backup.members.map((member: { id: string }) => member.id)).toEqual(['m_admin', 'm_alice', 'm_bob']);
    expect(backup.invites).toHaveLength(1);
    expect(backup.packs).toMatchObject([{ name: 'sources', version: 3 }]);
    expect(backup.webhooks).toMatchObject([{ id: 'w_copil', kind: 'slack', minPriority: 'critical' }]);
    expect(backup.shares.find((share: { id: string }) => share.id === 's-old-00001').sharers).toMatchObject([{ memberId: 'm_admin' }]);

    expect(await hub.stop()).toBe(0);
    hub = undefined;
    const db = await open(storage);
    try {
      expect((await db.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version')).map((row) => row.version))
        .toEqual(MIGRATIONS.map((_, i) => i + 1));
      // Migration 4 noted each old delivery's member, whose announcements the hourly limit counts.
      expect(await db.query('SELECT share_id, member_id FROM deliveries ORDER BY share_id')).toEqual([
        { share_id: 's-old-00001', member_id: 'm_alice' }, { share_id: 's-old-00002', member_id: 'm_alice' },
      ]);
      expect(await migrate(db)).toBe(0);
    } finally {
      await db.close();
    }
  });
});
