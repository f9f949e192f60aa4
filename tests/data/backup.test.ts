import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { BackupError, makeBackup, parseBackup, restoreBackup, type Backup } from '../../lib/data/backup';
import { REQUESTS } from '../../lib/messages/protocol';
import type { Item } from '../../lib/model/item';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { CURATED_PACK } from '../../lib/packs/curated-sources';
import { DEFAULT_MONITORS } from '../../lib/packs/default-monitors';
import { seedCuratedPack } from '../../lib/packs/seed-sources';
import { curatedSourcePack } from '../../lib/packs/source-pack-build';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { keepInIndexedDb, LiveSearch } from '../../lib/reader/search-catch-up';
import { loadSearch } from '../../lib/reader/search-snapshot';
import { Poller } from '../../lib/refresh/poller';
import { loadSettings, updateSettings } from '../../lib/settings/settings';
import { META } from '../../lib/store/meta-keys';
import { VigieReader } from '../../lib/store/reader';
import type { VigieStore } from '../../lib/store/store';
import { makeDraft, makeSource, testSettings, newStore } from '../store/fixtures';

/** The curated pack as the build ships it. */
const pack = async () => curatedSourcePack();


const FETCHED = '2025-06-02T08:00:00.000Z';

/** A store a member has used: a curated and a user source, read, starred, tagged, noted and clipped items, a personal tag. */
async function usedStore(): Promise<VigieStore> {
  const store = await newStore();
  await seedCuratedPack(store, pack, new Date('2025-06-01T08:00:00.000Z'));
  await store.putSources([makeSource({ id: 'mairie', url: 'https://mairie.example/flux.xml', category: 'Collectivités', language: 'fr' })]);
  await store.saveFetch({ source: { id: 'mairie', health: { consecutiveFailures: 0, lastSuccess: FETCHED } }, items: [makeDraft('m-1'), makeDraft('m-2'), makeDraft('m-3', { published: '2025-05-30T10:00:00.000Z' })], fetchedAt: FETCHED });
  await store.updateItems(['m-1'], { read: true, starred: true, tags: ['publicite', 'ma-veille'], note: 'À relayer', impact: 'high', triage: 'reviewed' });
  await store.putClip(['https://clip.example/page'], () => ({
    id: 'clip-1',
    sourceId: 'clips',
    url: 'https://clip.example/page',
    title: 'Page clipée',
    fetched: FETCHED,
    categories: [],
    read: false,
    starred: false,
    tags: [],
    clip: { clippedAt: FETCHED, quote: 'Citation' },
  }));
  await store.putTags([{ id: 'ma-veille', label: { fr: 'Ma veille', en: 'Ma veille' }, scope: 'personal', color: '#555555' }]);
  await store.setMeta(META.seenUntil, FETCHED);
  await store.setMeta(META.removedCurated, ['siecle-digital']);
  await updateSettings(store, { language: 'en', defaultIntervalMinutes: 45 });
  return store;
}

/** Everything a store holds, in a stable order, with the index keys items are stored under. */
async function contentOf(store: VigieStore) {
  const content = await store.exportAll();
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...content,
    sources: byId(content.sources),
    items: byId(content.items),
    tags: byId(content.tags),
    records: byId(await store.db.getAll('items')),
  };
}

async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('backup', () => {
  it('round trip: the file restored into another store gives back the same content, indexes included', async () => {
    const source = await usedStore();
    const backup = await makeBackup(source, new Date('2025-06-03T08:00:00.000Z'));
    expect(backup).toMatchObject({ format: 'vigie-backup', version: 1, exportedAt: '2025-06-03T08:00:00.000Z' });
    expect(backup.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'en', defaultIntervalMinutes: 45 });
    expect(backup.meta).not.toHaveProperty('settings');

    const target = await newStore();
    await target.putSources([makeSource({ id: 'ailleurs' })]);
    await target.saveFetch({ source: { id: 'ailleurs', health: { consecutiveFailures: 0 } }, items: [makeDraft('x-1')], fetchedAt: FETCHED });
    const before = await restoreBackup(target, parseBackup(JSON.stringify(backup)));
    expect(before).toEqual(['x-1']);

    expect(await contentOf(target)).toEqual(await contentOf(source));
    expect(await loadSettings(target)).toEqual(backup.settings);
    // Index keys were derived again (not trusted from the file): the reader's queries find the same items.
    expect(await target.db.getAllKeysFromIndex('items', 'byStarred')).toEqual(['m-1']);
    expect(await target.db.getAllKeysFromIndex('items', 'byClip')).toEqual(['clip-1']);
    expect(await target.db.getAllKeysFromIndex('items', 'byTag', 'ma-veille')).toEqual(['m-1']);
    expect(await target.countNewUnread('2025-01-01T00:00:00.000Z')).toBe(3);
  });

  it('carries the retention the member chose and the last pruning, and gives them back; a file from before the retention takes 12 months', async () => {
    const source = await usedStore();
    await updateSettings(source, { retentionMonths: null });
    await source.setMeta(META.lastPrune, { at: '2025-06-01T03:00:00.000Z', items: 1234, alerts: 5 });
    const backup = await makeBackup(source);
    expect(backup.settings.retentionMonths).toBeNull();
    const target = await newStore();
    await restoreBackup(target, parseBackup(JSON.stringify(backup)));
    expect((await loadSettings(target)).retentionMonths).toBeNull();
    expect(await target.getMeta(META.lastPrune)).toEqual({ at: '2025-06-01T03:00:00.000Z', items: 1234, alerts: 5 });

    const { retentionMonths: _absent, ...older } = backup.settings;
    const parsed = parseBackup(JSON.stringify({ ...backup, settings: older }));
    expect(parsed.settings.retentionMonths).toBe(12);
    expect(() => parseBackup(JSON.stringify({ ...backup, settings: { ...older, retentionMonths: 0 } }))).toThrow(/^settings\.retentionMonths: too small/);
  });

  it('never carries the hub token, and a restore keeps this browser’s hub connection', async () => {
    const hub = { url: 'https://veille.example.fr', token: 'vh_secret', feedToken: 'vf_secret', member: { id: 'm_1', name: 'Alice', role: 'member' }, hubName: 'COPIL', cursor: 4, packs: { sources: 0, rules: 0 } };
    const source = await usedStore();
    await source.setMeta(META.hub, hub);
    const backup = await makeBackup(source);
    expect(JSON.stringify(backup)).not.toContain('vh_secret');
    expect(backup.meta).not.toHaveProperty('hub');

    const target = await newStore();
    const here = { ...hub, token: 'vh_here', member: { id: 'm_2', name: 'Bruno', role: 'member' } };
    await target.setMeta(META.hub, here);
    // Even a file that carries a connection (edited by hand) does not replace this browser's.
    await restoreBackup(target, parseBackup(JSON.stringify({ ...backup, meta: { ...backup.meta, hub } })));
    expect((await target.db.get('meta', 'hub'))?.value).toEqual(here);
  });

  it('an invalid file is refused with where it fails, and the store is unchanged', async () => {
    const store = await usedStore();
    const valid = await makeBackup(store);
    const before = await contentOf(store);
    const broken = structuredClone(valid) as Backup;
    (broken.items[1] as Item).url = 'javascript:alert(1)';

    const error = await errorOf(() => parseBackup(JSON.stringify(broken)));
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toBe('items.1.url: not an http(s) URL');
    expect(await contentOf(store)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"format": "vigie-backup",', /^not JSON/],
    ['another kind of file', '{"opml": 1}', /^not a Vigie backup/],
    ['a newer version', '{"format": "vigie-backup", "version": 2}', /newer Vigie \(version 2\)/],
    ['a missing list', (b: Backup) => ({ ...b, sources: undefined }), /^sources: expected array$/],
    ['a bad setting', (b: Backup) => ({ ...b, settings: { ...b.settings, defaultIntervalMinutes: 0 } }), /^settings\.defaultIntervalMinutes: too small \(minimum 1\)$/],
    ['a bad tag colour', (b: Backup) => ({ ...b, tags: [{ ...b.tags[0], color: 'red' }] }), /^tags\.0\.color: /],
    ['a bad date', (b: Backup) => ({ ...b, exportedAt: 'hier' }), /^exportedAt: not a valid ISO date$/],
    ['two sources with one address', (b: Backup) => ({ ...b, sources: [...b.sources, { ...b.sources[0], id: 'copie' }] }), /^sources\.\d+\.url: same as sources\.0\.url$/],
  ])('refuses %s', async (_, change, expected) => {
    const store = await usedStore();
    const before = await contentOf(store);
    const text = typeof change === 'string' ? change : JSON.stringify(change(await makeBackup(store)));
    const handlers = harness(store).handlers;
    const error = await errorOf(() => handlers.importData({ text }));
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(expected);
    expect(await contentOf(store)).toEqual(before);
  });

  it('replaceAll is one transaction: a write that fails halfway leaves everything as it was', async () => {
    const store = await usedStore();
    const before = await contentOf(store);
    const content = await store.exportAll();
    // Two sources with one URL pass the schema but break the unique index, after the stores were cleared.
    const clash = { ...content, sources: [...content.sources, { ...content.sources[0]!, id: 'doublon' }] };
    expect(await errorOf(() => store.replaceAll(clash))).toMatchObject({ name: 'ConstraintError' });
    expect(await contentOf(store)).toEqual(before);
  });
});

function harness(store: VigieStore) {
  const calls = { settings: [] as Settings[], items: [] as (string[] | undefined)[], sources: 0, tags: 0 };
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const handlers = createHandlers({
    store,
    poller,
    settingsChanged: async (settings) => void calls.settings.push(settings),
    itemsChanged: async (ids) => void calls.items.push(ids),
    sourcesChanged: () => void calls.sources++,
    tagsChanged: () => void calls.tags++,
    alertsChanged: async () => undefined,
    rulesChanged: () => undefined,
    sourcePack: pack,
  });
  return { handlers, calls };
}

describe('data requests', () => {
  it('exportData then importData elsewhere: same content, open pages told about every item that was or is there', async () => {
    const source = await usedStore();
    const exported = REQUESTS.exportData.result.parse(await harness(source).handlers.exportData({}));

    const target = await newStore();
    await target.putSources([makeSource({ id: 'ailleurs' })]);
    await target.saveFetch({ source: { id: 'ailleurs', health: { consecutiveFailures: 0 } }, items: [makeDraft('x-1')], fetchedAt: FETCHED });
    const { handlers, calls } = harness(target);
    expect(await handlers.checkBackup({ text: exported.text })).toMatchObject({ sources: CURATED_PACK.length + DEFAULT_MONITORS.length + 1, items: 4, tags: SHARED_TAXONOMY.length + 1 });
    expect(await target.getSource('ailleurs')).toBeDefined();

    const result = REQUESTS.importData.result.parse(await handlers.importData({ text: exported.text }));
    expect(result.imported).toMatchObject({ sources: CURATED_PACK.length + DEFAULT_MONITORS.length + 1, items: 4 });
    expect(result.settings.language).toBe('en');
    expect(calls.settings.map((settings) => settings.language)).toEqual(['en']);
    expect(calls.sources).toBe(1);
    expect(calls.tags).toBe(1);
    expect(calls.items[0]?.sort()).toEqual(['clip-1', 'm-1', 'm-2', 'm-3', 'x-1']);
    expect(await target.getSource('ailleurs')).toBeUndefined();
  });

  it('eraseAll empties the store, then puts back the taxonomy and the whole curated pack as on first install', async () => {
    const store = await usedStore();
    const { handlers, calls } = harness(store);
    // A dashboard had saved its search index: it holds words of the items, and goes with them.
    await (await LiveSearch.open(new VigieReader(store.db), keepInIndexedDb(store.db.name))).save();
    expect(await loadSearch(store.db.name)).toBeDefined();
    const result = REQUESTS.eraseAll.result.parse(await handlers.eraseAll({}));
    expect(await loadSearch(store.db.name)).toBeUndefined();

    expect(result).toEqual({ sources: CURATED_PACK.length + DEFAULT_MONITORS.length, tags: SHARED_TAXONOMY.length, settings: DEFAULT_SETTINGS });
    expect(await store.countItems()).toBe(0);
    // Even the curated source deleted before is back: the erased store forgot it.
    expect((await store.listSources()).map((source) => source.id).sort()).toEqual([...CURATED_PACK, ...DEFAULT_MONITORS].map((entry) => entry.id).sort());
    expect((await store.listTags()).map((tag) => tag.id).sort()).toEqual(SHARED_TAXONOMY.map((tag) => tag.id).sort());
    expect(await store.getMeta(META.removedCurated)).toBeUndefined();
    expect(await loadSettings(store)).toEqual(DEFAULT_SETTINGS);
    expect(calls.settings).toEqual([DEFAULT_SETTINGS]);
    expect(calls.items[0]?.sort()).toEqual(['clip-1', 'm-1', 'm-2', 'm-3']);
    expect(calls.sources).toBe(1);
    expect(calls.tags).toBe(1);
  });
});
