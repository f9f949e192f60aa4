/**
 * Chat webhooks: local HTTP servers play a Slack / Mattermost incoming webhook and a Matrix homeserver, and a
 * real hub announces shared alerts to them, retries failures with a doubling delay, and keeps a delivery log.
 * The message formats themselves are unit-tested at the end.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { matrixBatchMessage, matrixMessage, slackBatchMessage, slackMessage } from '../../hub/webhooks/formats';
import type { Share } from '../../lib/model/share';
import { DB_KINDS, clientId, draft, skipped, startHub, type Joined, type TestHub } from './helpers/hub-process';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const RETRY_MS = 50;
const MAX_ATTEMPTS = 4;
const MATRIX_TOKEN = 'syt_matrix_secret_access_token_0123456789';
const ROOM = '!copil:matrix.example.org';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: any;
  at: number;
}

/**
 * A chat server on 127.0.0.1 that answers each request with the status `answer` gives for it (1st, 2nd…),
 * after `delayMs` (a slow server keeps a delivery in flight while other passes run).
 */
async function startReceiver(answer: (count: number) => number = () => 200, delayMs = 0) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: JSON.parse(text), at: Date.now() });
      const status = answer(received.length);
      setTimeout(() => response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"event_id":"$1"}' : '{"errcode":"M_UNKNOWN"}'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** Requests about one share, recognised by its title. */
    about: (title: string) => received.filter((request) => JSON.stringify(request.body).includes(title)),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Polls until `check` returns something truthy. */
async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DB_KINDS)('webhooks, %s database', (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  let hub: TestHub;
  let admin: Joined;
  let member: Joined;
  let slack: Receiver;
  let matrix: Receiver;
  let criticalOnly: Receiver;

  beforeAll(async () => {
    [slack, matrix, criticalOnly] = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
    hub = await startHub(kind, { env: { HUB_WEBHOOK_RETRY_MS: String(RETRY_MS), HUB_WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
    admin = await hub.join('Admin COPIL', 'admin');
    member = await hub.join('Alice Martin', 'member', { adminToken: admin.token });
    const webhooks = {
      'slack-main': { kind: 'slack', url: `${slack.url}/hooks/copil`, minPriority: 'info' },
      'matrix-main': { kind: 'matrix', url: `${matrix.url}/`, room: ROOM, accessToken: MATRIX_TOKEN, minPriority: 'important' },
      'slack-critical': { kind: 'slack', url: `${criticalOnly.url}/hooks/urgent`, minPriority: 'critical' },
    };
    for (const [id, body] of Object.entries(webhooks)) {
      const answer = await hub.api(`/api/webhooks/${id}`, { method: 'PUT', token: admin.token, body });
      expect(answer.status, answer.text).toBe(200);
    }
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([slack, matrix, criticalOnly].map((receiver) => receiver?.close()));
  });

  const share = async (overrides: Record<string, unknown>) => {
    const answer = await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: member.token, body: draft(overrides) });
    expect(answer.status, answer.text).toBe(201);
    return answer.json as Share;
  };
  const deliveriesOf = async (shareId: string) =>
    ((await hub.api('/api/deliveries', { token: admin.token })).json.deliveries as { shareId: string; webhookId: string; status: string; attempts: number; lastStatus?: number; lastError?: string }[])
      .filter((delivery) => delivery.shareId === shareId);
  const settled = (shareId: string, count: number) =>
    until(async () => {
      const deliveries = await deliveriesOf(shareId);
      return deliveries.length === count && deliveries.every((delivery) => delivery.status !== 'pending') && deliveries;
    }, `${count} finished deliveries`);

  it('announces a critical share once to each webhook, in its format', async () => {
    const title = '<b>Alerte</b> & <!channel> Meta coupe la portée';
    const alert = await share({ title, url: 'https://exemple.fr/article', priority: 'critical', impact: 'high', note: 'Prévenir le cabinet', tags: ['algorithme-portee'] });
    const deliveries = await settled(alert.id, 3);
    expect(deliveries.map((delivery) => [delivery.webhookId, delivery.status, delivery.attempts]).sort()).toEqual([
      ['matrix-main', 'delivered', 1], ['slack-critical', 'delivered', 1], ['slack-main', 'delivered', 1],
    ]);

    for (const receiver of [slack, criticalOnly]) {
      const [request, ...more] = receiver.about('Meta coupe la port');
      expect(more).toEqual([]);
      expect(request).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
      expect(Object.keys(request!.body)).toEqual(['text']);
      const text: string = request!.body.text;
      // Slack markup is <link|label>: the member's <, > and & are escaped, so the title forges no mention or link.
      expect(text).toContain(`<https://exemple.fr/article|&lt;b&gt;Alerte&lt;/b&gt; &amp; &lt;¡channel&gt; Meta coupe la portée>`);
      expect(text).not.toContain('<!channel>');
      expect(text).toMatch(/^\*\[Critique\] Alice Martin partage une alerte avec le COPIL\*\n/);
      expect(text).toContain('> Conseil : Prévenir le cabinet');
    }

    const [request, ...more] = matrix.about('Meta coupe la port');
    expect(more).toEqual([]);
    expect(request!.method).toBe('PUT');
    expect(request!.url).toMatch(/^\/_matrix\/client\/v3\/rooms\/!copil%3Amatrix\.example\.org\/send\/m\.room\.message\/vigie-m\d+$/);
    expect(request!.headers.authorization).toBe(`Bearer ${MATRIX_TOKEN}`);
    expect(request!.body).toMatchObject({ msgtype: 'm.text', format: 'org.matrix.custom.html' });
    expect(request!.body.body).toContain('<b>Alerte</b> & <¡channel> Meta coupe la portée — https://exemple.fr/article');
    const html: string = request!.body.formatted_body;
    expect(html).toContain('<a href="https://exemple.fr/article">&lt;b&gt;Alerte&lt;/b&gt; &amp; &lt;¡channel&gt; Meta coupe la portée</a>');
    expect(html).not.toContain('<b>');
    expect(html).toMatch(/^<strong>\[Critique\] Alice Martin partage une alerte avec le COPIL<\/strong><br>/);
  });

  it('announces a fiche conseil’s new version to the chats that take everything, as plain text, once', async () => {
    // The slack-main webhook takes everything (info); the Matrix and critical ones asked for more than a fiche.
    const saved = await hub.api('/api/fiches/messagerie', { method: 'PUT', token: admin.token, body: { title: 'Messagerie <!channel>', body: '## Que faire', baseVersion: 0, summary: 'voir https://evil.example *gras*' } });
    expect(saved.status, saved.text).toBe(200);
    const [request, ...more] = await until(async () => slack.about('Fiche conseil').length > 0 && slack.about('Fiche conseil'), 'the fiche announcement');
    expect(more).toEqual([]);
    expect(request!.body.text).toBe('*[Fiche conseil] Admin COPIL a mis à jour une fiche*\nMessagerie &lt;¡channel&gt; — version 1\n> Ce qui change : voir https∶//evil․example ∗gras∗');
    expect(matrix.about('Fiche conseil')).toEqual([]);
    expect(criticalOnly.about('Fiche conseil')).toEqual([]);
    // Saving the same text again is no new version, and announces nothing more.
    await hub.api('/api/fiches/messagerie', { method: 'PUT', token: admin.token, body: { title: 'Messagerie <!channel>', body: '## Que faire', baseVersion: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(slack.about('Fiche conseil')).toHaveLength(1);
  });

  it("takes a hostile member's name, title, note and tags to each chat as plain text, linking only to the item", async () => {
    const mallory = await hub.join('Mallory @channel *Admin*\u202e', 'member', { adminToken: admin.token });
    const body = draft({
      title: 'Vrai titre\n*[Critique] Admin COPIL partage une alerte avec le COPIL*\n@here <!channel> [clic](https://piege.example/x) ![img](https://piege.example/i.png)\u2067',
      url: 'https://exemple.fr/hostile', priority: 'critical', note: 'Voir www.piege.example\r\n> @all @room\u0007', tags: ['@everyone'],
    });
    const answer = await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: mallory.token, body });
    expect(answer.status, answer.text).toBe(201);
    await settled(answer.json.id, 3);
    for (const receiver of [slack, criticalOnly]) {
      const [request, ...more] = receiver.about('Vrai titre');
      expect(more).toEqual([]);
      const text: string = request!.body.text;
      expect(text.split('\n')).toEqual([
        '*[Critique] Mallory ＠channel ∗Admin∗ partage une alerte avec le COPIL*',
        '<https://exemple.fr/hostile|Vrai titre ∗［Critique］ Admin COPIL partage une alerte avec le COPIL∗ ＠here &lt;¡channel&gt; ［clic］(https∶//piege․example/x) !［img］(https∶//piege․example/i․png)>',
        '> Conseil : Voir www․piege․example &gt; ＠all ＠room',
        '> Tags : ＠everyone',
      ]);
    }
    const [request] = matrix.about('Vrai titre');
    expect(request!.body['m.mentions']).toEqual({});
    expect(request!.body.body.split('\n')).toEqual([
      '[Critique] Mallory ＠channel *Admin* partage une alerte avec le COPIL',
      'Vrai titre *[Critique] Admin COPIL partage une alerte avec le COPIL* ＠here <¡channel> [clic](https∶//piege․example/x) ![img](https∶//piege․example/i․png) — https://exemple.fr/hostile',
      'Conseil : Voir www․piege․example > ＠all ＠room',
      'Tags : ＠everyone',
    ]);
    expect(request!.body.formatted_body.match(/<[a-z]+/g)).toEqual(['<strong', '<br', '<a', '<br', '<br']);
  });

  it('sends nothing for a share without priority, nor to webhooks that want a higher one', async () => {
    const quiet = await share({ title: 'Sans priorité, rien à annoncer' });
    const info = await share({ title: 'Simple info pour le canal', priority: 'info' });
    const [delivery] = await settled(info.id, 1);
    expect(delivery).toMatchObject({ webhookId: 'slack-main', status: 'delivered' });
    // A worker pass later (it runs every 500 ms), still nothing else went out.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await deliveriesOf(quiet.id)).toEqual([]);
    expect(await deliveriesOf(info.id)).toHaveLength(1);
    expect(slack.about('Simple info pour le canal')).toHaveLength(1);
    for (const receiver of [slack, matrix, criticalOnly]) expect(receiver.about('Sans priorité')).toEqual([]);
    expect([...matrix.about('Simple info'), ...criticalOnly.about('Simple info')]).toEqual([]);
  });

  it('retries a failing receiver with a doubling delay: delivered at the 3rd attempt, or failed after the last', async () => {
    const flaky = await startReceiver((count) => (count <= 2 ? 500 : 200));
    const dead = await startReceiver(() => 503);
    try {
      for (const [id, receiver] of [['slack-flaky', flaky], ['slack-dead', dead]] as const) {
        await hub.api(`/api/webhooks/${id}`, { method: 'PUT', token: admin.token, body: { kind: 'slack', url: `${receiver.url}/hook`, minPriority: 'critical' } });
      }
      const alert = await share({ title: 'Panne chez Meta', priority: 'critical' });
      const deliveries = await settled(alert.id, 5);
      expect(deliveries.find((delivery) => delivery.webhookId === 'slack-flaky')).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
      expect(deliveries.find((delivery) => delivery.webhookId === 'slack-dead')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatus: 503, lastError: 'HTTP 503' });
      expect(flaky.received).toHaveLength(3);
      expect(dead.received).toHaveLength(MAX_ATTEMPTS);
      // Each wait at least doubles: 50 ms, then 100, then 200 (the worker's 500 ms passes may stretch them).
      const gaps = dead.received.slice(1).map((request, i) => request.at - dead.received[i]!.at);
      gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(RETRY_MS * 2 ** i - 5));
      // The other webhooks were not held up by the failing ones.
      expect(deliveries.filter((delivery) => !delivery.webhookId.startsWith('slack-f') && delivery.webhookId !== 'slack-dead').every((delivery) => delivery.attempts === 1)).toBe(true);
    } finally {
      await Promise.all([flaky.close(), dead.close()]);
    }
  });

  it('stops announcing a share an admin hid before it went out', async () => {
    const refusing = await startReceiver(() => 500);
    try {
      await hub.api('/api/webhooks/slack-refusing', { method: 'PUT', token: admin.token, body: { kind: 'slack', url: `${refusing.url}/hook`, minPriority: 'critical' } });
      const alert = await share({ title: 'Rumeur à ne pas relayer', priority: 'critical' });
      expect((await hub.api(`/api/shares/${alert.id}`, { method: 'PATCH', token: admin.token, body: { hidden: true } })).status).toBe(200);
      const delivery = await until(async () => (await deliveriesOf(alert.id)).find((d) => d.webhookId === 'slack-refusing' && d.status !== 'pending'), 'the delivery to end');
      expect(delivery).toMatchObject({ status: 'failed', lastError: 'share hidden by an admin' });
      // At most the one attempt made before the admin hid it.
      expect(refusing.received.length).toBeLessThanOrEqual(1);
    } finally {
      await hub.api('/api/webhooks/slack-refusing', { method: 'DELETE', token: admin.token });
      await refusing.close();
    }
  });

  it('never shows the Matrix access token: not in the webhook list, not in the logs', async () => {
    const listed = await hub.api('/api/webhooks', { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.json.webhooks.find((webhook: { id: string }) => webhook.id === 'matrix-main')).toEqual({
      id: 'matrix-main', kind: 'matrix', url: `${matrix.url}/`, room: ROOM, accessToken: '[set]', minPriority: 'important', enabled: true,
    });
    expect(listed.text).not.toContain(MATRIX_TOKEN);
    expect((await hub.api('/api/webhooks/matrix-main', { method: 'PUT', token: admin.token, body: { kind: 'matrix', url: matrix.url, room: ROOM, accessToken: MATRIX_TOKEN } })).text).not.toContain(MATRIX_TOKEN);
    expect(hub.logs).toContain('webhook delivered');
    expect(hub.logs).not.toContain(MATRIX_TOKEN);
    expect(hub.logs).not.toContain(member.token);
  });
});

/** The chat messages a receiver got, as text: Slack's `text`, Matrix's plain `body`. */
const texts = (receiver: Receiver): string[] => receiver.received.map((request) => String(request.body.text ?? request.body.body));
/** How many messages of `texts` name this title (as « Partage 3 sur 30 » never contains « Partage 30 sur 30 »). */
const mentions = (all: string[], title: string) => all.filter((text) => text.includes(title)).length;

const LIMIT = 5;

describe.each(DB_KINDS)("a member's announcements past the hourly limit, %s database", (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  let hub: TestHub;
  let admin: Joined;
  let slack: Receiver;
  let matrix: Receiver;

  beforeAll(async () => {
    [slack, matrix] = await Promise.all([startReceiver(), startReceiver()]);
    hub = await startHub(kind, { env: { HUB_WEBHOOK_MEMBER_LIMIT: String(LIMIT), HUB_WEBHOOK_MEMBER_WINDOW_S: '3600', HUB_WEBHOOK_BATCH_DELAY_S: '2' } });
    admin = await hub.join('Admin COPIL', 'admin');
    for (const [id, body] of Object.entries({
      'slack-batch': { kind: 'slack', url: `${slack.url}/hooks/copil`, minPriority: 'critical' },
      'matrix-batch': { kind: 'matrix', url: matrix.url, room: ROOM, accessToken: MATRIX_TOKEN, minPriority: 'critical' },
    })) expect((await hub.api(`/api/webhooks/${id}`, { method: 'PUT', token: admin.token, body })).status).toBe(200);
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([slack, matrix].map((receiver) => receiver?.close()));
  });

  it(`30 critical shares in a row: ${LIMIT} messages, then one « 25 partages de Camille Martin », no title lost or repeated`, async () => {
    const camille = await hub.join('Camille Martin', 'member', { adminToken: admin.token });
    const alice = await hub.join('Alice Martin', 'member', { adminToken: admin.token });
    const titles = Array.from({ length: 30 }, (_, i) => `Partage ${i + 1} sur 30`);
    const sharing = Date.now();
    for (const title of titles) {
      const answer = await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: camille.token, body: draft({ title, priority: 'critical' }) });
      expect(answer.status, answer.text).toBe(201);
    }
    // A batch gathers for 2 s from its first held share: shares spread over longer (a slow machine) make more.
    const batchesAtMost = 1 + Math.ceil((Date.now() - sharing) / 2000);
    // Another member is not held up by Camille's batch: their alert goes out alone, in a message of its own.
    // (Whether it arrives before the batch depends on the machine's speed against the batch's 2 s: the hub's
    // decision, read from its delivery log below, does not.)
    const aliceShare = clientId();
    const answer = await hub.api(`/api/shares/${aliceShare}`, { method: 'PUT', token: alice.token, body: draft({ title: 'Alice seule', priority: 'critical' }) });
    expect(answer.status).toBe(201);
    await until(async () => slack.about('Alice seule').length && matrix.about('Alice seule').length, "Alice's alert");
    for (const receiver of [slack, matrix]) {
      const aboutAlice = texts(receiver).filter((text) => text.includes('Alice seule'));
      expect(aboutAlice).toHaveLength(1);
      expect(aboutAlice[0]).not.toContain('Partage ');
    }

    const deliveries = await until(async () => {
      const all = (await hub.api('/api/deliveries', { token: admin.token })).json.deliveries as { shareId: string; status: string; batched?: true; attempts: number }[];
      return all.length === 62 && all.every((delivery) => delivery.status === 'delivered') && all;
    }, 'every delivery to be made');
    expect(deliveries.filter((delivery) => delivery.batched)).toHaveLength(2 * (30 - LIMIT));
    // Alice's, one per receiver, each sent alone.
    expect(deliveries.filter((delivery) => delivery.shareId === aliceShare).map((delivery) => delivery.batched ?? false)).toEqual([false, false]);

    for (const receiver of [slack, matrix]) {
      const all = texts(receiver).filter((text) => !text.includes('Alice seule'));
      // The limit's messages, then one batch per 2 s the shares spanned (on a fast machine, one or two).
      expect(all.length).toBeGreaterThanOrEqual(LIMIT + 1);
      expect(all.length).toBeLessThanOrEqual(LIMIT + batchesAtMost);
      for (const title of titles) expect(mentions(all, title), title).toBe(1);
      const singles = all.filter((text) => /Camille Martin partage une alerte avec le COPIL/.test(text));
      expect(singles).toHaveLength(LIMIT);
      titles.slice(0, LIMIT).forEach((title, i) => expect(singles[i]).toContain(title));
      const batches = all.slice(LIMIT);
      let batched = 0;
      for (const text of batches) {
        const count = Number(/^\*?\[Critique\] (\d+) partages de Camille Martin\*?\n/.exec(text)?.[1]);
        expect(text.split('\n').slice(1)).toHaveLength(count);
        expect(text.split('\n').slice(1).every((line) => line.startsWith('• '))).toBe(true);
        batched += count;
      }
      expect(batched).toBe(30 - LIMIT);
    }
    expect(texts(slack).filter((text) => !text.includes('Alice seule')).at(-1)!.split('\n')[0]).toMatch(/^\*\[Critique\] \d+ partages de Camille Martin\*$/);
    expect(hub.logs).toContain('webhook announcements held for a batch');
  });
});

describe.skipIf(skipped('postgres'))('webhooks from two hub processes on one PostgreSQL', () => {
  let first: TestHub;
  let second: TestHub;
  let slack: Receiver;
  let matrix: Receiver;
  const env = { HUB_WEBHOOK_MEMBER_LIMIT: String(LIMIT), HUB_WEBHOOK_BATCH_DELAY_S: '2', HUB_WEBHOOK_RETRY_MS: String(RETRY_MS) };

  beforeAll(async () => {
    // Slow chat servers (150 ms an answer): deliveries stay in flight while the other process's passes run.
    [slack, matrix] = await Promise.all([startReceiver(() => 200, 150), startReceiver(() => 200, 150)]);
    first = await startHub('postgres', { env });
    second = await startHub('postgres', { env, storage: first.storage });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.close();
    await Promise.all([slack, matrix].map((receiver) => receiver?.close()));
  });

  it('announces each share once to each webhook, whichever process took it and whichever delivers', async () => {
    const admin = await first.join('Admin COPIL', 'admin');
    for (const [id, body] of Object.entries({
      'slack-two': { kind: 'slack', url: `${slack.url}/hooks/copil`, minPriority: 'critical' },
      'matrix-two': { kind: 'matrix', url: matrix.url, room: ROOM, accessToken: MATRIX_TOKEN, minPriority: 'critical' },
    })) expect((await first.api(`/api/webhooks/${id}`, { method: 'PUT', token: admin.token, body })).status).toBe(200);
    const members = await Promise.all(['Alice', 'Bruno', 'Chloé', 'David', 'Camille'].map((name) => first.join(`${name} Martin`, 'member', { adminToken: admin.token })));
    // Four members share 4 alerts each (within their limit), Camille 12 (past it), through either process in turn.
    const plan = [
      ...members.slice(0, 4).flatMap((member, m) => Array.from({ length: 4 }, (_, i) => ({ member, title: `Alerte ${m + 1}-${i + 1} fin` }))),
      ...Array.from({ length: 12 }, (_, i) => ({ member: members[4]!, title: `Camille ${i + 1} fin` })),
    ];
    const sharing = Date.now();
    await Promise.all(plan.map(async ({ member, title }, i) => {
      const hub = i % 2 ? second : first;
      const answer = await hub.api(`/api/shares/${clientId()}`, { method: 'PUT', token: member.token, body: draft({ title, priority: 'critical' }) });
      expect(answer.status, answer.text).toBe(201);
    }));
    // A batch gathers for 2 s from its first held share: shares spread over longer (a slow machine) make more.
    const batchesAtMost = 1 + Math.ceil((Date.now() - sharing) / 2000);
    await until(async () => {
      const all = (await second.api('/api/deliveries', { token: admin.token })).json.deliveries as { status: string }[];
      return all.length === 2 * plan.length && all.every((delivery) => delivery.status === 'delivered');
    }, 'every delivery to be made', 30_000);
    // A worker pass later on each process, nothing more went out.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    for (const receiver of [slack, matrix]) {
      const all = texts(receiver);
      for (const { title } of plan) expect(mentions(all, title), title).toBe(1);
      // 16 messages for the four, and for Camille 5 alone then her batch (one or two on a fast machine).
      expect(all.length).toBeGreaterThanOrEqual(16 + LIMIT + 1);
      expect(all.length).toBeLessThanOrEqual(16 + LIMIT + batchesAtMost);
    }
    // Each Matrix message had its own transaction id: none was sent twice, even as a retry.
    const transactions = matrix.received.map((request) => request.url.split('/').at(-1));
    expect(new Set(transactions).size).toBe(transactions.length);
    // Both processes delivered some.
    expect(first.logs).toContain('webhook delivered');
    expect(second.logs).toContain('webhook delivered');
  });
});

describe('webhook message formats', () => {
  const base: Share = {
    id: 'share-0001', kind: 'alert', title: 'Meta | change <tout> & plus', url: 'https://exemple.fr/a?b=1&c=<2>|x', tags: ['elections', 'pub'],
    note: 'Relire <la> charte', impact: 'medium', priority: 'important', author: { id: 'm_1', name: 'Zoé <admin>', role: 'member' },
    created: '2026-11-28T08:00:00.000Z', updated: '2026-11-28T08:00:00.000Z', hidden: false, seq: 1, comments: [], reactions: { useful: [], seen: [] },
  };

  it('writes a Slack message whose member text cannot become markup', () => {
    const { text } = slackMessage(base);
    expect(text.split('\n')).toEqual([
      '*[Important] Zoé &lt;admin&gt; partage une alerte avec le COPIL*',
      // The URL's own < > | are percent-encoded and the label's | made ¦, so the link cannot be split.
      '<https://exemple.fr/a?b=1&c=%3C2%3E%7Cx|Meta ¦ change &lt;tout&gt; &amp; plus>',
      '> Conseil : Relire &lt;la&gt; charte',
      '> Impact : moyen',
      '> Tags : elections, pub',
    ]);
  });

  it('writes a Slack message without a link when the share has none, and says Info without a priority', () => {
    const { url: _url, priority: _priority, note: _note, impact: _impact, ...bare } = base;
    expect(slackMessage({ ...bare, tags: [] })).toEqual({ text: '*[Info] Zoé &lt;admin&gt; partage une alerte avec le COPIL*\nMeta ¦ change &lt;tout&gt; &amp; plus' });
  });

  it('writes a Matrix message: plain text as it is, HTML escaped, mentioning no one', () => {
    const message = matrixMessage({ ...base, priority: 'critical', url: 'https://exemple.fr/a?x="1"&y=2' });
    expect(message).toEqual({
      msgtype: 'm.text',
      // The item's address has its quotes percent-encoded: nothing in it can end the link.
      body: '[Critique] Zoé <admin> partage une alerte avec le COPIL\nMeta | change <tout> & plus — https://exemple.fr/a?x=%221%22&y=2\nConseil : Relire <la> charte\nImpact : moyen\nTags : elections, pub',
      format: 'org.matrix.custom.html',
      formatted_body: '<strong>[Critique] Zoé &lt;admin&gt; partage une alerte avec le COPIL</strong><br>'
        + '<a href="https://exemple.fr/a?x=%221%22&amp;y=2">Meta | change &lt;tout&gt; &amp; plus</a><br>'
        + 'Conseil : Relire &lt;la&gt; charte<br>Impact : moyen<br>Tags : elections, pub',
      'm.mentions': {},
    });
  });
  /** Every hostile thing at once, in each piece of member text. */
  const HOSTILE = '@channel @here @all @room @everyone <!channel> <!here|here> <!subteam^S01> *gras* _penché_ ~barré~ `code` '
    + '[clic](https://piege.example/a) ![img](https://piege.example/i.png) www.piege.example piege.example/x';
  const BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff';
  const CONTROLS = '\u0000\u0007\u001b[31m\u007f\u0085\u009b';
  const hostile: Share = {
    ...base, priority: 'critical', url: 'https://exemple.fr/vrai', title: `Titre ${HOSTILE}${BIDI}${CONTROLS}`,
    note: `Note\n*[Critique] Faux titre*\n${HOSTILE}`, tags: ['@all', '*tag*', 'x\u202eyz'], tagLabels: { '*tag*': '[lien](https://piege.example)' },
    author: { id: 'm_2', name: `Mallory\n@everyone${BIDI}`, role: 'member' },
  };
  const MENTION = /@(channel|here|all|room|everyone)\b|<!/;
  // eslint-disable-next-line no-control-regex
  const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
  /** Every address a chat client could make a link of. */
  const addresses = (text: string) => text.match(/[a-z][a-z0-9+.-]*:\/\/[^\s<>|)\]"]+|\bwww\.\S+|\b[a-z0-9-]+\.[a-z]{2,}\b/gi) ?? [];

  for (const [name, message] of [['Slack', () => slackMessage(hostile).text], ['Matrix body', () => matrixMessage(hostile).body], ['Matrix HTML', () => matrixMessage(hostile).formatted_body]] as const) {
    it(`${name}: no mass mention, control or bidirectional character, link but the item's own`, () => {
      const text = message();
      expect(text).not.toMatch(MENTION);
      expect(text).toContain('＠channel');
      expect(text.replace(/<br>|\n/g, '')).not.toMatch(INVISIBLE);
      expect(addresses(text)).toEqual(['https://exemple.fr/vrai']);
    });
  }

  it('Slack: member text formats nothing (bold, italics, strike, code, links, images) and keeps to its line', () => {
    const lines = slackMessage(hostile).text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('*[Critique] Mallory ＠everyone partage une alerte avec le COPIL*');
    expect(lines[1]).toMatch(/^<https:\/\/exemple\.fr\/vrai\|Titre ＠channel /);
    expect(lines[2]).toMatch(/^> Conseil : Note ∗［Critique］ Faux titre∗ ＠channel /);
    expect(lines[3]).toBe('> Impact : moyen');
    expect(lines[4]).toBe('> Tags : ＠all, ［lien］(https∶//piege․example), xyz');
    // Only the heading's own bold, the item's link, and the quote marks are markup.
    const member = lines.slice(1).map((line) => line.replace(/^<https:\/\/exemple\.fr\/vrai\|/, '').replace(/>$/, '').replace(/^> /, '')).join('\n');
    expect(member).not.toMatch(/[*_~`[\]<>|]/);
    expect(member).toContain('∗gras∗ ˍpenchéˍ ∼barré∼ ˋcodeˋ ［clic］(https∶//piege․example/a) !［img］(https∶//piege․example/i․png)');
  });

  it('Matrix: member text is plain in the body and escaped in the HTML, one line each, one link, no image', () => {
    const message = matrixMessage(hostile);
    expect(message.body.split('\n')).toHaveLength(5);
    expect(message.body.split('\n')[0]).toBe('[Critique] Mallory ＠everyone partage une alerte avec le COPIL');
    expect(message.body).toContain('Conseil : Note *[Critique] Faux titre* ＠channel');
    const html = message.formatted_body;
    expect(html.split('<br>')).toHaveLength(5);
    expect(html.match(/<[a-z]+[^>]*>/g)).toEqual(['<strong>', '<br>', '<a href="https://exemple.fr/vrai">', '<br>', '<br>', '<br>']);
    expect(html).toContain('&lt;¡channel&gt;');
    expect(message['m.mentions']).toEqual({});
  });

  it('cuts very long member text, and never splits the item address', () => {
    const long = slackMessage({ ...base, title: 'x'.repeat(5_000), note: 'y'.repeat(20_000) }).text.split('\n');
    expect(long[1]!.length).toBeLessThan(400);
    expect(long[1]).toMatch(/x…>$/);
    expect(long[2]!.length).toBeLessThan(700);
  });

  it('writes a batch: « 12 partages de Camille Martin », each title with its own link, in each format', () => {
    const shares = Array.from({ length: 12 }, (_, i): Share => ({
      ...base, id: `share-${i}`, title: `Partage ${i + 1} @here *gras*`, url: `https://exemple.fr/${i + 1}`, priority: i === 4 ? 'critical' : 'important',
      author: { id: 'm_3', name: 'Camille Martin', role: 'member' },
    }));
    const slackLines = slackBatchMessage(shares).text.split('\n');
    expect(slackLines[0]).toBe('*[Critique] 12 partages de Camille Martin*');
    expect(slackLines.slice(1)).toEqual(shares.map((_, i) => `• <https://exemple.fr/${i + 1}|Partage ${i + 1} ＠here ∗gras∗>`));
    const matrix = matrixBatchMessage(shares);
    expect(matrix.body.split('\n')).toEqual(['[Critique] 12 partages de Camille Martin', ...shares.map((_, i) => `• Partage ${i + 1} ＠here *gras* — https://exemple.fr/${i + 1}`)]);
    expect(matrix.formatted_body).toMatch(/^<strong>\[Critique\] 12 partages de Camille Martin<\/strong><ul>(<li><a href="https:\/\/exemple\.fr\/\d+">Partage \d+ ＠here \*gras\*<\/a><\/li>){12}<\/ul>$/);
    expect(matrix['m.mentions']).toEqual({});
  });
});
