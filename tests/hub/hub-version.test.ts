import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubStatus } from '../../lib/background/handlers/hub';
import { loadConnection, saveConnection } from '../../lib/hub/connection';
import { syncHub } from '../../lib/hub/sync';
import { HUB_EXPECTED, hubVersionGap } from '../../lib/hub/version';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { openTestStore } from '../store/fixtures';

/**
 * Where the hub's version stands against the one this Vigie expects, and what a member is told. The hub
 * process itself (tests/hub/extension-sync.test.ts) says 1.x; hubs of another major are faked here.
 */
describe('the hub’s version against the one this Vigie expects', () => {
  it(`is compared as a version against ${HUB_EXPECTED}`, () => {
    expect(hubVersionGap('0.9.4')).toBe('older');
    expect(hubVersionGap('1.0.0')).toBeUndefined();
    expect(hubVersionGap('1.12.0')).toBeUndefined();
    expect(hubVersionGap('2.0.0')).toBe('newer');
    expect(hubVersionGap('2.0.0-rc.1')).toBe('newer');
    // A hub that said nothing, or not a version: no claim either way.
    expect(hubVersionGap(undefined)).toBeUndefined();
    expect(hubVersionGap('dev')).toBeUndefined();
  });

  afterEach(() => vi.unstubAllGlobals());

  for (const [version, gap] of [['2.1.0', 'newer'], ['0.8.0', 'older']] as const) {
    it(`a pull from a hub ${version} keeps its version, and the status says it is ${gap}`, async () => {
      const store = await openTestStore();
      await saveConnection(store, {
        url: 'https://hub.example.org', token: 't', feedToken: 'f', hubName: 'COPIL', hubVersion: '1.1.0', cursor: 0,
        member: { id: 'm1', name: 'Camille', role: 'member' }, packs: { sources: 0, rules: 0 }, lastPull: '2026-12-01T08:00:00.000Z',
      });
      vi.stubGlobal('fetch', async () => Response.json({ cursor: 0, more: false, shares: [], packs: { sources: 0, rules: 0 }, hub: { version } }));
      await syncHub(store, DEFAULT_SETTINGS);
      expect((await loadConnection(store))?.hubVersion).toBe(version);
      expect(await hubStatus(store)).toMatchObject({ connected: true, hubVersion: version, versionGap: gap });
      store.close();
    });
  }
});
