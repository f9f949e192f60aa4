import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { REQUESTS } from '../../lib/messages/protocol';
import { Poller } from '../../lib/refresh/poller';
import type { VigieStore } from '../../lib/store/store';
import { makeSource, openTestStore, rss, testSettings, THREE_ENTRIES } from '../store/fixtures';
import { startServer } from '../support/http-server';

/** The Sources screen's requests: discovery before adding, and editing a source's settings. */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function harness() {
  const http = await startServer({
    '/flux.xml': (_, response: ServerResponse) => void response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Veille', THREE_ENTRIES)),
    '/': (_, response: ServerResponse) =>
      void response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<html><head><title>Accueil</title><link rel="alternate" type="application/rss+xml" title="Actus" href="/flux.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>'),
  });
  cleanup.push(() => http.close());
  const store: VigieStore = await openTestStore();
  cleanup.push(() => store.close());
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const handlers = createHandlers({
    store,
    poller,
    settingsChanged: async () => undefined,
    tagsChanged: () => undefined,
    alertsChanged: async () => undefined,
    rulesChanged: () => undefined,
    itemsChanged: async () => undefined,
    sourcesChanged: () => undefined,
  });
  return { http, store, handlers };
}

describe('Sources screen requests', () => {
  it('discoverFeeds lists a page’s feeds and says which one is already followed', async () => {
    const { http, handlers } = await harness();
    const before = REQUESTS.discoverFeeds.result.parse(await handlers.discoverFeeds({ url: http.url('/') }));
    expect(before.feeds).toEqual([
      { url: http.url('/flux.xml'), title: 'Actus', format: 'rss' },
      { url: http.url('/atom.xml'), title: 'Accueil', format: 'atom' },
    ]);
    await handlers.addSource({ url: http.url('/flux.xml') });
    const after = await handlers.discoverFeeds({ url: http.url('/') });
    expect(after.feeds.map((feed) => feed.followed)).toEqual([true, undefined]);
  });

  it('pausePack pauses the pack sources together, and resumes only those it paused, the member’s own untouched', async () => {
    const { store, handlers } = await harness();
    await store.putSources([
      makeSource({ id: 'meta', url: 'https://a.example/1', origin: 'curated' }),
      makeSource({ id: 'numerama', url: 'https://a.example/2', origin: 'curated' }),
      // Turned off by the member before the pause: it stays off after « Reprendre ».
      makeSource({ id: 'tired', url: 'https://a.example/3', origin: 'curated', enabled: false }),
      makeSource({ id: 'copil', url: 'https://a.example/4', origin: 'hub' }),
      makeSource({ id: 'mine', url: 'https://a.example/5', origin: 'user' }),
    ]);
    const enabled = async () => (await store.listSources()).filter((source) => source.enabled).map((source) => source.id).sort();
    expect(await handlers.pausePack({ paused: true })).toEqual({ changed: 3 });
    expect(await enabled()).toEqual(['mine']);
    expect(await handlers.pausePack({ paused: false })).toEqual({ changed: 3 });
    expect(await enabled()).toEqual(['copil', 'meta', 'mine', 'numerama']);
    // No pause on record (paused one by one, or before this build): « Reprendre » turns every pack source on.
    expect(await handlers.pausePack({ paused: false })).toEqual({ changed: 1 });
    expect(await enabled()).toEqual(['copil', 'meta', 'mine', 'numerama', 'tired']);
  });

  it('updateSource trims, keeps the title when emptied, and removes an emptied category or language', async () => {
    const { store, handlers } = await harness();
    await store.putSources([makeSource({ id: 's', title: 'Mairie', category: 'Villes', language: 'fr' })]);
    const edited = await handlers.updateSource({ id: 's', patch: { title: '  ', category: '', language: ' de ', intervalMinutes: 90, enabled: false } });
    expect(edited).toMatchObject({ title: 'Mairie', language: 'de', intervalMinutes: 90, enabled: false });
    expect(edited).not.toHaveProperty('category');
    expect(await store.getSource('s')).toEqual(edited);
    const renamed = await handlers.updateSource({ id: 's', patch: { title: ' Ville de Lyon ', category: ' Villes ' } });
    expect(renamed).toMatchObject({ title: 'Ville de Lyon', category: 'Villes', language: 'de' });
  });
});
