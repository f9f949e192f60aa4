import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { REQUESTS } from '../../lib/messages/protocol';
import type { Handlers } from '../../lib/messages/router';
import type { Alert } from '../../lib/model/alert';
import { FeedError } from '../../lib/model/feed-error';
import { DEFAULT_MONITORS } from '../../lib/packs/default-monitors';
import { OpmlError } from '../../lib/packs/opml';
import { seedCuratedPack } from '../../lib/packs/seed-sources';
import { curatedSourcePack } from '../../lib/packs/source-pack-build';
import { Poller } from '../../lib/refresh/poller';
import { META } from '../../lib/store/meta-keys';
import type { VigieStore } from '../../lib/store/store';
import { HTML_PAGE, makeSource, openTestStore, rss, testSettings, THREE_ENTRIES, type RssEntry } from '../store/fixtures';
import { startServer, type TestServer } from '../support/http-server';

/** The curated pack as the build ships it. */
const pack = async () => curatedSourcePack();

const RSS_TYPE = 'application/rss+xml; charset=utf-8';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Harness {
  store: VigieStore;
  handlers: Handlers;
  http: TestServer;
  /** What the feed at /feed.xml lists; the test may change it. */
  entries: RssEntry[];
  counts: { itemsChanged: number; sourcesChanged: number };
  /** What the handlers gave the background to notify outside a refresh. */
  raised: Alert[];
}

async function harness(): Promise<Harness> {
  const entries = [...THREE_ENTRIES];
  const http = await startServer({
    '/feed.xml': (_request, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': RSS_TYPE }).end(rss('Veille Meta', entries));
    },
    '/page.html': (_request, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(HTML_PAGE);
    },
  });
  cleanup.push(() => http.close());
  const store = await openTestStore();
  cleanup.push(() => store.close());
  const counts = { itemsChanged: 0, sourcesChanged: 0 };
  const raised: Alert[] = [];
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const handlers = createHandlers({
    store,
    poller,
    settingsChanged: async () => undefined,
    tagsChanged: () => undefined,
    alertsChanged: async () => undefined,
    alertsRaised: async (alerts) => void raised.push(...alerts),
    rulesChanged: () => undefined,
    itemsChanged: async () => {
      counts.itemsChanged++;
    },
    sourcesChanged: () => {
      counts.sourcesChanged++;
    },
  });
  return { store, handlers, http, entries, counts, raised };
}

/** What the background would send back: the result as its schema reads it. */
async function summaryOf(handlers: Handlers) {
  return REQUESTS.summary.result.parse(await handlers.summary({}));
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('background handlers', () => {
  it('addSource reads the feed once, adds the source and stores its items', async () => {
    const { store, handlers, http, counts } = await harness();
    const source = await handlers.addSource({ url: http.url('/feed.xml'), category: 'Veille' });
    expect(REQUESTS.addSource.result.safeParse(source).success).toBe(true);
    expect(source).toMatchObject({ url: http.url('/feed.xml'), title: 'Veille Meta', kind: 'rss', origin: 'user', enabled: true, category: 'Veille', language: 'fr' });
    expect(source.health.lastSuccess).toBeDefined();
    expect(await store.getSource(source.id)).toEqual(source);
    const items = await store.latestItems(10);
    expect(items.map((item) => item.title).sort()).toEqual(THREE_ENTRIES.map((entry) => entry.title).sort());
    expect(items.every((item) => item.sourceId === source.id)).toBe(true);
    expect(counts).toEqual({ itemsChanged: 1, sourcesChanged: 1 });

    // The same URL again is the same source, without another request.
    expect((await handlers.addSource({ url: http.url('/feed.xml') })).id).toBe(source.id);
    expect(http.hits.get('/feed.xml')).toEqual([200]);
    expect(await store.listSources()).toHaveLength(1);
  });

  it('addSource: the new source’s articles of the last two days ring (badge, notification); its older backlog is filed as read', async () => {
    const { store, handlers, http, entries, raised } = await harness();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toUTCString();
    entries.splice(0, entries.length,
      { title: 'Publicité politique : ce matin', guid: 'p-1', link: 'https://veille.example/p-1', date: hoursAgo(3) },
      { title: 'Publicité politique : avant-hier soir', guid: 'p-2', link: 'https://veille.example/p-2', date: hoursAgo(47) },
      { title: 'Publicité politique : la semaine dernière', guid: 'p-3', link: 'https://veille.example/p-3', date: hoursAgo(24 * 7) },
      { title: 'Publicité politique : sans date', guid: 'p-4', link: 'https://veille.example/p-4' },
    );
    await store.rules.put([{
      id: 'pub', name: 'Publicité politique', enabled: true, priority: 'critical', origin: 'user', updated: '2026-11-01T00:00:00.000Z',
      conditions: [{ fields: ['title'], mode: 'phrase', combine: 'any', terms: ['publicité politique'] }],
      actions: { alert: true, addTags: [], star: false, notify: true, proposeShare: false },
    }]);
    await handlers.addSource({ url: http.url('/feed.xml') });
    const titleOf = async (itemId: string) => (await store.getItem(itemId))?.title;
    const alerts = await store.alerts.list();
    const unread = await Promise.all(alerts.filter((alert) => !alert.read).map((alert) => titleOf(alert.itemId)));
    expect(unread.sort()).toEqual(['Publicité politique : avant-hier soir', 'Publicité politique : ce matin']);
    expect(alerts).toHaveLength(4);
    expect(await store.alerts.unread()).toEqual({ count: 2, highest: 'critical' });
    // The background's notification hears of the two that ring, and only of them.
    expect(await Promise.all(raised.map((alert) => titleOf(alert.itemId)))).toEqual(expect.arrayContaining(unread));
    expect(raised).toHaveLength(2);
  });

  it('addSource refuses a page that is not a feed and adds nothing', async () => {
    const { store, handlers, http } = await harness();
    const error = await errorOf(() => handlers.addSource({ url: http.url('/page.html') }));
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('not-a-feed');
    expect(await store.listSources()).toEqual([]);
    expect(await store.countItems()).toBe(0);
  });

  it('summary gives the new count, the latest items and each source health; markSeen zeroes the new count', async () => {
    const { handlers, http, entries } = await harness();
    const source = await handlers.addSource({ url: http.url('/feed.xml') });
    await handlers.updateSource({ id: source.id, patch: { title: 'Ma veille' } });

    const summary = await summaryOf(handlers);
    expect(summary.newCount).toBe(3);
    expect(summary.refreshing).toBe(false);
    // Newest first, each with its source's title.
    expect(summary.latest.map((item) => item.title)).toEqual(['Reels : durée maximale', 'Publicité politique : règles TTPA', 'Algorithme : nouvelle portée des Pages']);
    expect(summary.latest[0]).toMatchObject({ url: 'https://veille.example/a-3', sourceTitle: 'Ma veille', date: '2025-06-04T08:00:00.000Z', read: false });
    expect(summary.sources).toEqual([
      { id: source.id, title: 'Ma veille', url: http.url('/feed.xml'), enabled: true, consecutiveFailures: 0, lastSuccess: source.health.lastSuccess, lastFetch: source.health.lastFetch },
    ]);

    await handlers.markSeen({});
    expect((await summaryOf(handlers)).newCount).toBe(0);

    // Something new arrives at the next refresh: it is new again, and only it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    entries.push({ title: 'Nouvelle règle', guid: 'a-4', link: 'https://veille.example/a-4', date: 'Thu, 05 Jun 2025 08:00:00 GMT' });
    expect(await handlers.refresh({})).toEqual({ added: 1, failed: 0 });
    const after = await summaryOf(handlers);
    expect(after.newCount).toBe(1);
    expect(after.latest[0]?.title).toBe('Nouvelle règle');

    // Reading it also takes it out of the count.
    await handlers.updateItems({ ids: [after.latest[0]!.id], patch: { read: true } });
    expect((await summaryOf(handlers)).newCount).toBe(0);
  });

  it('summary reports a failing source with its error', async () => {
    const { store, handlers, http } = await harness();
    await store.putSources([makeSource({ id: 'page', url: http.url('/page.html'), title: 'Une page' })]);
    expect(await handlers.refresh({})).toEqual({ added: 0, failed: 1 });
    const row = (await summaryOf(handlers)).sources[0];
    expect(row).toMatchObject({ id: 'page', consecutiveFailures: 1, lastError: { code: 'not-a-feed' } });
    expect(row?.lastSuccess).toBeUndefined();
  });

  it('removeSource of a curated source records it in removedCurated; of a user source, not', async () => {
    const { store, handlers, http } = await harness();
    await seedCuratedPack(store, pack);
    const mine = await handlers.addSource({ url: http.url('/feed.xml') });

    await handlers.removeSource({ id: 'meta-newsroom', keepItems: false });
    await handlers.removeSource({ id: 'techcrunch-meta', keepItems: true });
    await handlers.removeSource({ id: 'meta-newsroom', keepItems: false });
    await handlers.removeSource({ id: mine.id, keepItems: false });

    expect(await store.getMeta(META.removedCurated)).toEqual(['meta-newsroom', 'techcrunch-meta']);
    expect(await store.getSource('meta-newsroom')).toBeUndefined();
    expect(await store.getSource(mine.id)).toBeUndefined();
    expect(await store.countItems()).toBe(0);
    expect(await store.listSources()).toHaveLength(7 + DEFAULT_MONITORS.length);
  });

  it('importOpml with an invalid OPML throws and changes nothing', async () => {
    const { store, handlers, counts } = await harness();
    await store.putSources([makeSource({ id: 'kept' })]);
    await store.setMeta(META.seenUntil, '2025-06-01T00:00:00.000Z');
    const before = { sources: await store.listSources(), meta: await store.db.getAll('meta') };

    for (const text of ['<opml version="2.0"><body><outline xmlUrl="https://a.example/feed.xml"', '<html><body>Nope</body></html>', '<opml version="2.0"><body></body></opml>', '']) {
      expect(await errorOf(() => handlers.importOpml({ text })), JSON.stringify(text)).toBeInstanceOf(OpmlError);
    }
    expect({ sources: await store.listSources(), meta: await store.db.getAll('meta') }).toEqual(before);
    expect(counts.sourcesChanged).toBe(0);
  });

  it('exportOpml round-trips: importing the export elsewhere gives back the same sources', async () => {
    const { store, handlers } = await harness();
    await store.putSources([
      makeSource({ id: 'a', url: 'https://a.example/feed.xml', title: 'Alpha & <Beta> "quoted"', category: 'Meta officiel', language: 'en' }),
      makeSource({ id: 'b', url: 'https://b.example/rss?x=1&y=2', title: 'Blog du Modérateur', category: 'Actualité (FR)', language: 'fr' }),
      makeSource({ id: 'c', url: 'https://c.example/atom.xml', title: 'Sans catégorie' }),
    ]);
    const { text } = await handlers.exportOpml({});
    expect(REQUESTS.exportOpml.result.safeParse({ text }).success).toBe(true);

    // Into the same store: everything is followed already.
    expect(await handlers.importOpml({ text })).toEqual({
      added: [],
      skipped: expect.arrayContaining(['https://a.example/feed.xml', 'https://b.example/rss?x=1&y=2', 'https://c.example/atom.xml']),
    });

    const other = await harness();
    const result = await other.handlers.importOpml({ text });
    expect(result.skipped).toEqual([]);
    expect(result.added.sort()).toEqual(['https://a.example/feed.xml', 'https://b.example/rss?x=1&y=2', 'https://c.example/atom.xml']);
    const shape = (sources: Awaited<ReturnType<VigieStore['listSources']>>) =>
      sources
        .map(({ url, title, category, language, enabled }) => ({ url, title, category, language, enabled }))
        .sort((x, y) => x.url.localeCompare(y.url));
    expect(shape(await other.store.listSources())).toEqual(shape(await store.listSources()));
    expect(other.counts.sourcesChanged).toBe(1);
  });
});
