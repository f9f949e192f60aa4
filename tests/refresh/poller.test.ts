import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { VigieEvent } from '../../lib/messages/protocol';
import { Poller } from '../../lib/refresh/poller';
import type { RefreshSummary } from '../../lib/refresh/refresh';
import type { VigieStore } from '../../lib/store/store';
import { makeSource, openTestStore, rss, testSettings, THREE_ENTRIES } from '../store/fixtures';
import { startServer, type TestServer } from '../support/http-server';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A feed route that holds each answer until the test lets it through, recording each arrival. */
function gatedFeed() {
  const arrivals: string[] = [];
  let open = false;
  let waiting: (() => void)[] = [];
  const route = async (request: IncomingMessage, response: ServerResponse) => {
    arrivals.push(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
    response.writeHead(200, { 'Content-Type': RSS_TYPE }).end(rss('Veille', THREE_ENTRIES));
  };
  return {
    route,
    arrivals,
    /** Answers the requests waiting now; later ones wait again. */
    letThrough() {
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    /** Answers every request, now and later, at once. */
    open() {
      open = true;
      this.letThrough();
    },
  };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function setup(routes: Parameters<typeof startServer>[0]) {
  const http: TestServer = await startServer(routes);
  cleanup.push(() => http.close());
  const store: VigieStore = await openTestStore();
  cleanup.push(() => store.close());
  const events: VigieEvent[] = [];
  const summaries: RefreshSummary[] = [];
  const poller = new Poller({
    store,
    broadcast: (event) => events.push(event),
    afterRefresh: async (summary) => {
      summaries.push(summary);
    },
    loadSettings: async () => testSettings(),
  });
  return { http, store, events, summaries, poller };
}

describe('Poller', () => {
  it('runs one refresh at a time: two timed polls during a run share it', async () => {
    const feed = gatedFeed();
    const { http, store, events, summaries, poller } = await setup({ '/feed.xml': feed.route });
    await store.putSources([makeSource({ id: 'src', url: http.url('/feed.xml') })]);

    const first = poller.poll(false);
    await waitFor(() => feed.arrivals.length === 1, 'the first request');
    expect(poller.isRunning).toBe(true);
    const second = poller.poll(false);
    expect(second).toBe(first);

    feed.letThrough();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(a.added).toHaveLength(3);
    expect(feed.arrivals).toEqual(['/feed.xml']);
    expect(poller.isRunning).toBe(false);
    expect(summaries).toHaveLength(1);
    expect(events).toEqual([
      { channel: 'vigie', event: 'refreshStarted' },
      { channel: 'vigie', event: 'refreshFinished', added: 3, failed: 0 },
    ]);
  });

  it("runs a user's refresh asked during a run after that run, once however often it is asked", async () => {
    const feed = gatedFeed();
    const { http, store, events, poller } = await setup({ '/feed.xml': feed.route });
    await store.putSources([makeSource({ id: 'src', url: http.url('/feed.xml') })]);

    const timed = poller.poll(false);
    await waitFor(() => feed.arrivals.length === 1, 'the first request');
    const user = poller.poll(true);
    const userAgain = poller.poll(true);
    expect(userAgain).toBe(user);
    expect(user).not.toBe(timed);
    // Nothing of the second run happens while the first is still waiting for its answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(feed.arrivals).toHaveLength(1);

    let timedDone = false;
    void timed.then(() => (timedDone = true));
    feed.letThrough();
    await waitFor(() => feed.arrivals.length === 2, 'the second request');
    // The second request was only sent once the first run was over.
    expect(timedDone).toBe(true);
    feed.letThrough();

    const [timedSummary, userSummary] = await Promise.all([timed, user]);
    expect(timedSummary.added).toHaveLength(3);
    // The source was fetched a moment ago, so not due: the user's refresh fetched it anyway.
    expect(userSummary.outcomes).toEqual([{ sourceId: 'src', status: 'updated', added: [] }]);
    expect(events.map((event) => event.event)).toEqual(['refreshStarted', 'refreshFinished', 'refreshStarted', 'refreshFinished']);
    expect(poller.isRunning).toBe(false);
  });

  it('is idle only once the running refresh and the one waiting its turn have both ended', async () => {
    const feed = gatedFeed();
    const { http, store, poller } = await setup({ '/feed.xml': feed.route });
    await store.putSources([makeSource({ id: 'src', url: http.url('/feed.xml') })]);
    expect(poller.lastFinished).toBeUndefined();
    await poller.idle();

    const timed = poller.poll(false);
    await waitFor(() => feed.arrivals.length === 1, 'the first request');
    const user = poller.poll(true);
    let idle = false;
    const settled = poller.idle().then(() => (idle = true));
    feed.letThrough();
    await timed;
    // The user's refresh now runs: still not idle.
    await waitFor(() => feed.arrivals.length === 2, 'the second request');
    expect(idle).toBe(false);
    feed.letThrough();
    await settled;
    expect(poller.isRunning).toBe(false);
    let userDone = false;
    await user.then(() => (userDone = true));
    expect(userDone).toBe(true);
    expect(Date.parse(poller.lastFinished!)).toBeLessThanOrEqual(Date.now());
  });

  it('a timed poll fetches only the due sources; a user refresh fetches every enabled one', async () => {
    const feed = gatedFeed();
    feed.open();
    const { http, store, events, poller } = await setup({
      '/due.xml': feed.route,
      '/recent.xml': feed.route,
      '/off.xml': feed.route,
      '/backoff.xml': feed.route,
    });
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60 * 1000).toISOString();
    await store.putSources([
      makeSource({ id: 'due', url: http.url('/due.xml'), intervalMinutes: 30, health: { consecutiveFailures: 0, lastFetch: ago(31) } }),
      makeSource({ id: 'recent', url: http.url('/recent.xml'), intervalMinutes: 30, health: { consecutiveFailures: 0, lastFetch: ago(5) } }),
      makeSource({ id: 'off', url: http.url('/off.xml'), enabled: false }),
      // Failed 3 times in a row: waits 4 × 30 min, so 31 minutes is not enough.
      makeSource({ id: 'backoff', url: http.url('/backoff.xml'), intervalMinutes: 30, health: { consecutiveFailures: 3, lastFetch: ago(31), lastError: { code: 'http' } } }),
    ]);

    const timed = await poller.poll(false);
    expect(timed.outcomes.map((outcome) => outcome.sourceId)).toEqual(['due']);
    expect(feed.arrivals).toEqual(['/due.xml']);

    // Nothing due any more: no fetch, no event.
    const idle = await poller.poll(false);
    expect(idle).toEqual({ outcomes: [], added: [], failed: 0 });
    expect(feed.arrivals).toEqual(['/due.xml']);
    expect(events).toHaveLength(2);

    const all = await poller.poll(true);
    expect(all.outcomes.map((outcome) => outcome.sourceId).sort()).toEqual(['backoff', 'due', 'recent']);
    expect([...feed.arrivals].sort()).toEqual(['/backoff.xml', '/due.xml', '/due.xml', '/recent.xml']);
    expect(http.hits.get('/off.xml')).toBeUndefined();
  });
});
