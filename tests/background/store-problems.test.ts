import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Background } from '../../lib/background/start';
import type { rawExport } from '../../lib/data/raw-export';
import { errorWords } from '../../lib/i18n/error-words';
import { nodeTranslate } from '../../lib/i18n/node';
import { DB_VERSION } from '../../lib/store/schema';
import { openVigieDb } from '../../lib/store/store';
import { createNewerStore, NEWER, snapshot } from '../store/newer-store';
import { startTestBackground } from '../support/background';

/**
 * The background on a store it cannot use as it is: made by a newer Vigie, held by another tab during its
 * upgrade, closed by the browser. Each request is answered, in words, never with a rejection without one.
 */
const fr = nodeTranslate('fr');
const en = nodeTranslate('en');

const NEWER_FR = `Ces données viennent d'une version plus récente de Vigie (base de données version ${NEWER}, cette version de Vigie lit jusqu'à la version ${DB_VERSION}). Elles sont intactes : mettez Vigie à jour, ou exportez une sauvegarde.`;
const NEWER_EN = `This data comes from a newer version of Vigie (database version ${NEWER}; this version of Vigie reads up to version ${DB_VERSION}). It is intact: update Vigie, or export a backup.`;
const BLOCKED_FR = 'Fermez les autres onglets de Vigie pour terminer la mise à jour de ses données.';

const cleanup: (() => unknown)[] = [];
beforeEach(() => {
  // Nothing leaves the machine: the curated sources' first refresh finds no permission and no network.
  vi.stubGlobal('fetch', async () => {
    throw new Error('offline');
  });
});
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
  vi.unstubAllGlobals();
});

/** The background as entrypoints/background.ts starts it, on the database `name`, in a French browser. */
function background(name: string): Background {
  const started = startTestBackground(name);
  cleanup.push(() => started.ready.then(({ store }) => store.close()).catch(() => undefined));
  return started;
}

const ask = (started: Background, type: string, params: object = {}) => started.answer({ channel: 'vigie', type, params });

describe('the background on a store it cannot use as it is', () => {
  it('on a store a newer Vigie made: says so to every request, in words, offers the raw export, and writes nothing', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createNewerStore(name);
    const before = await snapshot(name);
    const started = background(name);

    // The handlers are there (they say why), where they used to reject with a VersionError.
    await expect(started.handlers).resolves.toBeDefined();
    const refused = { ok: false, code: 'store-newer', params: { found: NEWER, supported: DB_VERSION }, message: NEWER_FR };
    expect(await ask(started, 'summary')).toEqual(refused);
    expect(await ask(started, 'listSources')).toEqual(refused);
    // Nothing is imported on top of it.
    expect(await ask(started, 'importData', { text: '{}' })).toEqual(refused);

    const exported = await ask(started, 'exportData');
    expect(exported).toMatchObject({ ok: true });
    const file = JSON.parse((exported as { result: { text: string } }).result.text) as Awaited<ReturnType<typeof rawExport>>;
    expect(file).toMatchObject({ format: 'vigie-raw-export', database: { name, version: NEWER, readableUpTo: DB_VERSION } });
    expect(Object.keys(file.stores).sort()).toEqual([...before.names].sort());
    expect(file.stores.items?.records).toEqual(before.stores.items?.records);

    await expect(started.hubSync()).resolves.toBeUndefined();
    // No upgrade, no deletion, no curated sources or default rules seeded on top of it.
    expect(await snapshot(name)).toEqual(before);
  });

  it('while its upgrade waits for another tab: says so, then answers as usual once that tab lets go', async () => {
    const name = `test-${crypto.randomUUID()}`;
    (await openVigieDb(name, DB_VERSION - 1)).close();
    const holder = await openDB(name);
    const started = background(name);

    // Asked at once, before the browser says the upgrade is blocked: answered as soon as it does.
    expect(await ask(started, 'summary')).toEqual({ ok: false, code: 'store-blocked', params: {}, message: BLOCKED_FR });
    expect(await ask(started, 'exportData')).toMatchObject({ ok: false, code: 'store-blocked' });
    holder.close();
    await vi.waitFor(async () => expect(await ask(started, 'listSources')).toMatchObject({ ok: true }));
    expect((await started.ready).store.db.version).toBe(DB_VERSION);
  });

  it('after the browser closed the store: the next request opens it again and is answered', async () => {
    const started = background(`test-${crypto.randomUUID()}`);
    await started.handlers;
    const ids = (answer: unknown) => (answer as { result: { id: string }[] }).result.map((source) => source.id);
    const sources = ids(await ask(started, 'listSources'));
    expect(sources.length).toBeGreaterThan(0);

    const { store } = await started.ready;
    const raw = unwrap(store.db.transaction('meta').db) as IDBDatabase;
    const closed = new Promise((resolve) => raw.addEventListener('close', resolve));
    forceCloseDatabase(raw as never);
    // The browser says it closed the connection once the transactions under way are aborted.
    await closed;
    expect(await ask(started, 'summary')).toMatchObject({ ok: true });
    expect(ids(await ask(started, 'listSources'))).toEqual(sources);
  });

  it("words each store problem in French and in English", () => {
    const newer = { code: 'store-newer', params: { found: NEWER, supported: DB_VERSION } };
    expect(errorWords(newer, fr)).toBe(NEWER_FR);
    expect(errorWords(newer, en)).toBe(NEWER_EN);
    expect(errorWords({ code: 'store-blocked' }, fr)).toBe(BLOCKED_FR);
    expect(errorWords({ code: 'store-blocked' }, en)).toBe("Close Vigie's other tabs to finish updating its data.");
    expect(errorWords({ code: 'store-closed' }, fr)).toBe("Le navigateur a fermé l'accès aux données de Vigie. Elles sont intactes : réessayez, Vigie les rouvre.");
    expect(errorWords({ code: 'store-closed' }, en)).toBe("The browser closed Vigie's access to its data. The data is intact: try again, Vigie reopens it.");
  });
});
