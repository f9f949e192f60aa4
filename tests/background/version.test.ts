import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BEFORE_NOTING } from '../../lib/about/whats-new';
import type { Background } from '../../lib/background/start';
import { noteRunningVersion } from '../../lib/background/version';
import { makeBackup, parseBackup, restoreBackup } from '../../lib/data/backup';
import { META } from '../../lib/store/meta-keys';
import { VigieStore } from '../../lib/store/store';
import { makeSource, openTestStore } from '../store/fixtures';
import { startTestBackground } from '../support/background';

/**
 * The version that last opened the store, and the update « Quoi de neuf » has to show: noted at each start of
 * the background before the packs are seeded, never carried by a backup, kept by a restore or an erase.
 */
const cleanup: (() => unknown)[] = [];
beforeEach(() => {
  vi.stubGlobal('fetch', async () => {
    throw new Error('offline');
  });
});
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
  vi.unstubAllGlobals();
});

async function start(name: string, version: string): Promise<Background> {
  const started = startTestBackground(name, version);
  await started.handlers;
  return started;
}
const close = async (started: Background) => (await started.ready).store.close();

describe('each start of the background', () => {
  it('on a fresh install notes its version, with nothing new to show, although it seeds the packs', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const started = await start(name, '0.2.0');
    const { store } = await started.ready;
    expect(await store.getMeta(META.lastVersion)).toBe('0.2.0');
    expect(await store.getMeta(META.whatsNew)).toBeUndefined();
    expect((await store.listSources()).length).toBeGreaterThan(0);
    await close(started);
  });

  it('on a store an earlier build filled without noting its version: every line is new; seen, it does not come back', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const earlier = await VigieStore.open(name);
    await earlier.putSources([makeSource({ id: 'mine', title: 'Ma source' })]);
    earlier.close();

    const started = await start(name, '0.2.0');
    expect(await (await started.ready).store.getMeta(META.whatsNew)).toEqual({ from: BEFORE_NOTING, to: '0.2.0' });
    await expect(started.answer({ channel: 'vigie', type: 'whatsNewSeen', params: {} })).resolves.toMatchObject({ ok: true });
    await close(started);

    const again = await start(name, '0.2.0');
    expect(await (await again.ready).store.getMeta(META.whatsNew)).toBeUndefined();
    await close(again);
  });

  it('after an update, keeps what came since the version noted until it is seen', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await close(await start(name, '0.1.0'));
    const updated = await start(name, '0.2.0');
    expect(await (await updated.ready).store.getMeta(META.whatsNew)).toEqual({ from: '0.1.0', to: '0.2.0' });
    await close(updated);
    // Not seen yet (the dashboard was not opened): the next start keeps it.
    const restarted = await start(name, '0.2.0');
    expect(await (await restarted.ready).store.getMeta(META.whatsNew)).toEqual({ from: '0.1.0', to: '0.2.0' });
    await close(restarted);
  });
});

describe('the version notes and the member’s data', () => {
  it('a backup carries neither; restoring or erasing keeps this browser’s', async () => {
    const store = await openTestStore();
    cleanup.push(() => store.close());
    await noteRunningVersion(store, '0.1.0');
    await store.putSources([makeSource({ id: 'mine' })]);
    await noteRunningVersion(store, '0.2.0');
    const notes = async () => [await store.getMeta(META.lastVersion), await store.getMeta(META.whatsNew)];
    expect(await notes()).toEqual(['0.2.0', { from: '0.1.0', to: '0.2.0' }]);

    const backup = await makeBackup(store);
    expect(Object.keys(backup.meta ?? {})).not.toContain(META.lastVersion.name);
    expect(Object.keys(backup.meta ?? {})).not.toContain(META.whatsNew.name);

    // A file that claims other notes (edited by hand, or from another browser) does not change this browser's.
    await restoreBackup(store, parseBackup(JSON.stringify({ ...backup, meta: { ...backup.meta, lastVersion: '9.9.9' } })));
    expect(await notes()).toEqual(['0.2.0', { from: '0.1.0', to: '0.2.0' }]);
    await store.eraseAll();
    expect(await notes()).toEqual(['0.2.0', { from: '0.1.0', to: '0.2.0' }]);
  });
});
