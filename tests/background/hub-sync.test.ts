import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDeps } from '../../lib/background/handlers/deps';
import { hubHandlers } from '../../lib/background/handlers/hub';
import { saveConnection } from '../../lib/hub/connection';
import type { SyncResult } from '../../lib/hub/sync';
import { openTestStore } from '../store/fixtures';

// The sync itself is lib/hub/sync.ts, tested against a real hub (tests/hub/extension-sync.test.ts); here only
// when the handlers start one, so the sync is a stand-in whose every run the test ends when it chooses.
const runs = vi.hoisted(() => [] as { outbox: number; finish: (sent: number) => void }[]);
vi.mock('../../lib/hub/sync', async (actual) => ({
  ...(await actual<typeof import('../../lib/hub/sync')>()),
  syncHub: vi.fn(async (store: { shares: { outbox: () => Promise<unknown[]> } }) => {
    // What this run would send: the outbox as it reads it when it starts.
    const outbox = (await store.shares.outbox()).length;
    return new Promise<SyncResult>((resolve) => runs.push({ outbox, finish: (sent) => resolve({ connected: true, sent, added: [], fiches: [], fichesRead: false }) }));
  }),
}));

afterEach(() => void runs.splice(0));

const until = async (check: () => boolean) => {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error('the sync never started');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const CONNECTION = { url: 'https://hub.example.org', token: 't', feedToken: 'f', hubName: 'COPIL', hubVersion: '1.5.0', member: { id: 'm_1', name: 'Alice', role: 'member' as const }, cursor: 0, packs: { sources: 0, rules: 0 } };

async function connectedHandlers() {
  const store = await openTestStore();
  await saveConnection(store, CONNECTION);
  return { store, handlers: hubHandlers({ store } as unknown as HandlerDeps) };
}

describe('the hub handlers start a sync after what they were asked', () => {
  it('sends a comment written while a sync runs by one more sync, not at the next alarm', async () => {
    const { handlers } = await connectedHandlers();
    // A live event's sync, running: it read an empty outbox.
    const live = handlers.hubSync({});
    await until(() => runs.length === 1);
    expect(runs[0]!.outbox).toBe(0);
    // The member comments meanwhile, then someone reacts: both wait for one more sync, which reads both.
    const comment = handlers.commentShare({ shareId: 's1', body: 'Merci !' });
    const reaction = handlers.reactShare({ shareId: 's1', kind: 'useful', on: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toHaveLength(1);
    runs[0]!.finish(0);
    await until(() => runs.length === 2);
    expect(runs[1]!.outbox).toBe(2);
    runs[1]!.finish(2);
    expect(await comment).toEqual({ sent: true });
    expect(await reaction).toEqual({ sent: true });
    await live;
    expect(runs).toHaveLength(2);
  });

  it('follows a running sync once for every page the hub told of a change meanwhile; the alarm joins the running one', async () => {
    const store = await openTestStore();
    await saveConnection(store, CONNECTION);
    let alarm: (() => Promise<unknown>) | undefined;
    const handlers = hubHandlers({ store, registerHubSync: (sync: () => Promise<unknown>) => (alarm = sync) } as unknown as HandlerDeps);
    const first = handlers.hubSync({});
    await until(() => runs.length === 1);
    // Two pages hear of a change while the first sync pulls: one more sync follows, for both.
    const pages = [handlers.hubSync({}), handlers.hubSync({})];
    // The minute's alarm: what the running sync does is enough for it.
    const ticked = alarm!();
    runs[0]!.finish(0);
    await ticked;
    await until(() => runs.length === 2);
    runs[1]!.finish(0);
    await Promise.all([first, ...pages]);
    expect(runs).toHaveLength(2);
  });
});
