/**
 * Chat webhooks: local HTTP servers play a Slack / Mattermost incoming webhook and a Matrix homeserver, and a
 * real hub announces shared alerts to them, retries failures with a doubling delay, and keeps a delivery log.
 * The message formats themselves are unit-tested at the end.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { matrixMessage, slackMessage } from '../../hub/webhooks/formats';
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

/** A chat server on 127.0.0.1 that answers each request with the status `answer` gives for it (1st, 2nd…). */
async function startReceiver(answer: (count: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: JSON.parse(text), at: Date.now() });
      const status = answer(received.length);
      response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"event_id":"$1"}' : '{"errcode":"M_UNKNOWN"}');
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
      expect(text).toContain(`<https://exemple.fr/article|&lt;b&gt;Alerte&lt;/b&gt; &amp; &lt;!channel&gt; Meta coupe la portée>`);
      expect(text).not.toContain('<!channel>');
      expect(text).toMatch(/^\*\[Critique\] Alice Martin partage une alerte avec le COPIL\*\n/);
      expect(text).toContain('> Conseil : Prévenir le cabinet');
    }

    const [request, ...more] = matrix.about('Meta coupe la port');
    expect(more).toEqual([]);
    expect(request!.method).toBe('PUT');
    expect(request!.url).toMatch(/^\/_matrix\/client\/v3\/rooms\/!copil%3Amatrix\.example\.org\/send\/m\.room\.message\/vigie-\d+$/);
    expect(request!.headers.authorization).toBe(`Bearer ${MATRIX_TOKEN}`);
    expect(request!.body).toMatchObject({ msgtype: 'm.text', format: 'org.matrix.custom.html' });
    expect(request!.body.body).toContain(`${title} — https://exemple.fr/article`);
    const html: string = request!.body.formatted_body;
    expect(html).toContain('<a href="https://exemple.fr/article">&lt;b&gt;Alerte&lt;/b&gt; &amp; &lt;!channel&gt; Meta coupe la portée</a>');
    expect(html).not.toContain('<b>');
    expect(html).toMatch(/^<strong>\[Critique\] Alice Martin partage une alerte avec le COPIL<\/strong><br>/);
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
    expect(slackMessage({ ...bare, tags: [] })).toEqual({ text: '*[Info] Zoé &lt;admin&gt; partage une alerte avec le COPIL*\nMeta | change &lt;tout&gt; &amp; plus' });
  });

  it('writes a Matrix message: plain text as it is, HTML escaped', () => {
    const message = matrixMessage({ ...base, priority: 'critical', url: 'https://exemple.fr/a?x="1"&y=2' });
    expect(message).toEqual({
      msgtype: 'm.text',
      body: '[Critique] Zoé <admin> partage une alerte avec le COPIL\nMeta | change <tout> & plus — https://exemple.fr/a?x="1"&y=2\nConseil : Relire <la> charte\nImpact : moyen\nTags : elections, pub',
      format: 'org.matrix.custom.html',
      formatted_body: '<strong>[Critique] Zoé &lt;admin&gt; partage une alerte avec le COPIL</strong><br>'
        + '<a href="https://exemple.fr/a?x=&quot;1&quot;&amp;y=2">Meta | change &lt;tout&gt; &amp; plus</a><br>'
        + 'Conseil : Relire &lt;la&gt; charte<br>Impact : moyen<br>Tags : elections, pub',
    });
  });
});
