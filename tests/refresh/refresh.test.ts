import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import type { Source } from '../../lib/model/source';
import { refreshSources, type SourceOutcome } from '../../lib/refresh/refresh';
import type { VigieStore } from '../../lib/store/store';
import { HTML_PAGE, makeSource, openTestStore, rss, testSettings, THREE_ENTRIES } from '../store/fixtures';
import { hang, startServer, withEtag, type TestServer } from '../support/http-server';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const T1 = new Date('2025-06-10T08:00:00.000Z');
const T2 = new Date('2025-06-10T09:00:00.000Z');
const clock = (date: Date) => () => date;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function server(routes: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(routes);
  cleanup.push(() => started.close());
  return started;
}

async function store(): Promise<VigieStore> {
  const opened = await openTestStore();
  cleanup.push(() => opened.close());
  return opened;
}

/** A source added by address: named after its URL until the feed tells its title. */
const sourceAt = (id: string, url: string): Source => makeSource({ id, url, title: url });

const byId = (outcomes: readonly SourceOutcome[]) => new Map(outcomes.map((outcome) => [outcome.sourceId, outcome]));

async function itemsOf(store: VigieStore, sourceId: string): Promise<Item[]> {
  return (await store.latestItems(1000)).filter((item) => item.sourceId === sourceId);
}

const status = (code: number, body: string) => (_request: unknown, response: ServerResponse) => {
  response.writeHead(code, { 'Content-Type': 'text/plain' }).end(body);
};

describe('refreshSources against a real local server', () => {
  it('stores the good feed and records timeout, not-a-feed and http for the others; a 304 later keeps the items', async () => {
    const http = await server({
      '/good.xml': withEtag(rss('Veille Meta', THREE_ENTRIES), RSS_TYPE, '"v1"'),
      '/hang.xml': hang,
      '/page.html': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HTML_PAGE);
      },
      '/broken.xml': status(500, 'Internal Server Error'),
    });
    const db = await store();
    const sources = [
      sourceAt('good', http.url('/good.xml')),
      sourceAt('hang', http.url('/hang.xml')),
      sourceAt('html', http.url('/page.html')),
      sourceAt('http500', http.url('/broken.xml')),
    ];
    await db.putSources(sources);

    const startedAt = Date.now();
    const first = await refreshSources(sources, { store: db, settings: testSettings({ fetchTimeoutSeconds: 1 }), now: clock(T1) });
    // The hanging server costs its timeout, not more.
    expect(Date.now() - startedAt).toBeLessThan(5000);

    const outcomes = byId(first.outcomes);
    expect(outcomes.get('good')).toMatchObject({ status: 'updated' });
    expect(outcomes.get('good')?.added).toHaveLength(3);
    expect(outcomes.get('hang')).toMatchObject({ status: 'failed', added: [], error: { code: 'timeout' } });
    expect(outcomes.get('html')).toMatchObject({ status: 'failed', added: [], error: { code: 'not-a-feed' } });
    expect(outcomes.get('http500')).toMatchObject({ status: 'failed', added: [], error: { code: 'http', detail: '500 Internal Server Error' } });
    expect(first.failed).toBe(3);
    expect(first.added).toEqual(outcomes.get('good')?.added);

    const good = await db.getSource('good');
    expect(good?.health).toMatchObject({ lastSuccess: T1.toISOString(), lastFetch: T1.toISOString(), etag: '"v1"', consecutiveFailures: 0 });
    expect(good?.health.lastError).toBeUndefined();
    // Named after its URL until now, the source takes the feed's title.
    expect(good).toMatchObject({ title: 'Veille Meta', kind: 'rss', siteUrl: 'https://veille.example/', language: 'fr' });
    const stored = await itemsOf(db, 'good');
    expect(stored.map((item) => item.title).sort()).toEqual(THREE_ENTRIES.map((entry) => entry.title).sort());
    expect(stored.every((item) => item.fetched === T1.toISOString() && !item.read)).toBe(true);

    for (const [id, code] of [['hang', 'timeout'], ['html', 'not-a-feed'], ['http500', 'http']] as const) {
      const failed = await db.getSource(id);
      expect(failed?.health.lastError?.code, id).toBe(code);
      expect(failed?.health.consecutiveFailures, id).toBe(1);
      expect(failed?.health.lastFetch, id).toBe(T1.toISOString());
      expect(failed?.health.lastSuccess, id).toBeUndefined();
      // A failure does not rename the source.
      expect(failed?.title, id).toBe(failed?.url);
      expect(await itemsOf(db, id), id).toEqual([]);
    }

    // Second round, from what the store now says (the good source has its ETag): it answers 304.
    const again = (await db.listSources()).filter((source) => source.id !== 'hang');
    const second = await refreshSources(again, { store: db, settings: testSettings({ fetchTimeoutSeconds: 1 }), now: clock(T2) });
    expect(byId(second.outcomes).get('good')).toEqual({ sourceId: 'good', status: 'not-modified', added: [] });
    expect(http.hits.get('/good.xml')).toEqual([200, 304]);
    expect(await itemsOf(db, 'good')).toEqual(stored);
    expect((await db.getSource('good'))?.health).toMatchObject({ lastSuccess: T2.toISOString(), lastFetch: T2.toISOString(), etag: '"v1"', consecutiveFailures: 0 });
    expect((await db.getSource('html'))?.health).toMatchObject({ consecutiveFailures: 2, lastError: { code: 'not-a-feed' } });
    expect((await db.getSource('http500'))?.health).toMatchObject({ consecutiveFailures: 2, lastError: { code: 'http' } });
    expect(second.added).toEqual([]);
  });

  it("records 'permission' for an origin Vigie may not read, without any request reaching the server", async () => {
    const http = await server({ '/good.xml': withEtag(rss('Veille', THREE_ENTRIES), RSS_TYPE) });
    const db = await store();
    const source = sourceAt('denied', http.url('/good.xml'));
    await db.putSources([source]);
    const asked: string[] = [];
    const summary = await refreshSources([source], {
      store: db,
      settings: testSettings(),
      now: clock(T1),
      canRead: async (pattern) => {
        asked.push(pattern);
        return false;
      },
    });
    expect(asked).toEqual(['http://127.0.0.1/*']);
    expect(summary.outcomes).toEqual([{ sourceId: 'denied', status: 'failed', added: [], error: { code: 'permission', detail: `http://127.0.0.1:${http.port}` } }]);
    expect(http.hits.size).toBe(0);
    expect((await db.getSource('denied'))?.health).toMatchObject({ consecutiveFailures: 1, lastError: { code: 'permission' } });
    expect(await db.countItems()).toBe(0);
  });

  it('never loses stored items when a later fetch fails (malformed XML), and records the error', async () => {
    let body = rss('Veille', THREE_ENTRIES);
    const http = await server({
      '/feed.xml': (_request, response) => {
        response.writeHead(200, { 'Content-Type': RSS_TYPE }).end(body);
      },
    });
    const db = await store();
    await db.putSources([sourceAt('flaky', http.url('/feed.xml'))]);
    const deps = { store: db, settings: testSettings() };

    await refreshSources(await db.listSources(), { ...deps, now: clock(T1) });
    const stored = await itemsOf(db, 'flaky');
    expect(stored).toHaveLength(3);
    await db.setRead([stored[0]!.id], true);
    const before = await itemsOf(db, 'flaky');

    body = '<?xml version="1.0"?><rss version="2.0"><channel><title>Coupé</title><item><title>Mi';
    const failed = await refreshSources(await db.listSources(), { ...deps, now: clock(T2) });
    expect(failed.outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'malformed' } });
    expect(await itemsOf(db, 'flaky')).toEqual(before);
    expect((await db.getSource('flaky'))?.health).toMatchObject({
      consecutiveFailures: 1,
      lastError: { code: 'malformed' },
      lastFetch: T2.toISOString(),
      lastSuccess: T1.toISOString(),
    });

    // The server is fixed: the failure count and the error go away, nothing is duplicated.
    body = rss('Veille', THREE_ENTRIES);
    const fixed = await refreshSources(await db.listSources(), { ...deps, now: clock(new Date('2025-06-10T10:00:00.000Z')) });
    expect(fixed.outcomes[0]).toMatchObject({ status: 'updated', added: [] });
    const health = (await db.getSource('flaky'))?.health;
    expect(health?.consecutiveFailures).toBe(0);
    expect(health?.lastError).toBeUndefined();
    expect(await itemsOf(db, 'flaky')).toEqual(before);
  });

  it("fails with 'too-large' past the size cap and 'network' when nothing listens, the others going on", async () => {
    const http = await server({
      '/big.xml': (_request, response) => {
        response.writeHead(200, { 'Content-Type': RSS_TYPE });
        response.end(rss('Gros', Array.from({ length: 200 }, (_, i) => ({ title: `Entrée ${i} ${'x'.repeat(200)}`, guid: `g${i}` }))));
      },
      '/small.xml': withEtag(rss('Petit', THREE_ENTRIES.slice(0, 1)), RSS_TYPE),
    });
    const closed = await startServer({});
    const deadUrl = closed.url('/feed.xml');
    await closed.close();
    const db = await store();
    const sources = [sourceAt('big', http.url('/big.xml')), sourceAt('dead', deadUrl), sourceAt('small', http.url('/small.xml'))];
    await db.putSources(sources);
    const summary = await refreshSources(sources, { store: db, settings: testSettings({ maxResponseMegabytes: 0.01, concurrency: 1 }), now: clock(T1) });
    const outcomes = byId(summary.outcomes);
    expect(outcomes.get('big')?.error?.code).toBe('too-large');
    expect(outcomes.get('dead')?.error?.code).toBe('network');
    expect(outcomes.get('small')).toMatchObject({ status: 'updated' });
    expect(outcomes.get('small')?.added).toHaveLength(1);
    expect(await db.countItems()).toBe(1);
  });
});
