import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import type { Rule } from '../../lib/model/rule';
import type { Source } from '../../lib/model/source';
import type { Tag } from '../../lib/model/tag';
import { META } from '../../lib/store/meta-keys';
import { VigieReader } from '../../lib/store/reader';
import { DB_VERSION, MIGRATIONS, type AlertRecord, type ItemRecord, type PageVersion, type VigieSchema } from '../../lib/store/schema';
import { openVigieDb, toRecord, VigieStore } from '../../lib/store/store';
import { makeDraft, makeSource } from './fixtures';

/**
 * A generic harness over MIGRATIONS: for every earlier version v, a database is created step by step up to
 * v, each version writing the data valid at that version (SEEDS below), then it is opened at DB_VERSION. What
 * was written must all be there, and the layout must be exactly the current one, every index answering.
 *
 * Adding a migration means adding SEEDS[newVersion] (a test below fails until then): data in the shape the
 * new version stores, and a check of how it reads once upgraded to the latest version.
 */

/** A database whatever its version: seeds write the raw shape of their version, not today's types. */
type RawDb = IDBPDatabase;
type CurrentDb = IDBPDatabase<VigieSchema>;

interface Seed {
  /** Writes data valid at this version into a database opened at this version. */
  write: (db: RawDb) => Promise<void>;
  /** Checks, on the database upgraded to DB_VERSION, that this data is all there and indexed. */
  check: (store: VigieStore, db: CurrentDb) => Promise<void>;
}

// ---- version 1 ------------------------------------------------------------------------------------------

const V1_SOURCES: Source[] = [
  makeSource({ id: 'v1-alpha', url: 'https://alpha.example/feed.xml', title: 'Alpha', category: 'Meta officiel' }),
  makeSource({
    id: 'v1-beta',
    url: 'https://beta.example/atom.xml',
    kind: 'atom',
    title: 'Beta',
    origin: 'curated',
    language: 'fr',
    health: { consecutiveFailures: 2, lastFetch: '2025-06-10T09:00:00.000Z', lastError: { code: 'http', detail: '500' }, etag: '"e1"' },
  }),
];

/** Version 1 stores an item with `sortDate` (published, else fetched) and, unread only, `unreadDate`. */
const V1_ITEMS: ItemRecord[] = [
  {
    id: 'v1-a1',
    sourceId: 'v1-alpha',
    url: 'https://alpha.example/a1',
    title: 'Publicité : nouvelles règles',
    published: '2025-06-01T10:00:00.000Z',
    fetched: '2025-06-10T09:00:00.000Z',
    summary: 'Résumé',
    categories: ['Ads'],
    read: false,
    starred: false,
    tags: ['v1-publicite', 'v1-ia'],
    sortDate: '2025-06-01T10:00:00.000Z',
    unreadDate: '2025-06-01T10:00:00.000Z',
  },
  {
    id: 'v1-a2',
    sourceId: 'v1-alpha',
    title: 'Sans date',
    fetched: '2025-06-05T09:00:00.000Z',
    categories: [],
    read: true,
    starred: true,
    tags: ['v1-publicite'],
    note: 'à suivre',
    sortDate: '2025-06-05T09:00:00.000Z',
  },
  {
    id: 'v1-b1',
    sourceId: 'v1-beta',
    url: 'https://beta.example/b1',
    title: 'Conditions mises à jour',
    published: '2025-06-03T10:00:00.000Z',
    fetched: '2025-06-04T09:00:00.000Z',
    categories: [],
    read: false,
    starred: false,
    tags: [],
    sortDate: '2025-06-03T10:00:00.000Z',
    unreadDate: '2025-06-03T10:00:00.000Z',
  },
];

const V1_TAG: Tag = { id: 'v1-publicite', label: { fr: 'Publicité', en: 'Advertising' }, scope: 'shared', color: '#b35900' };

const V1_META = { seenUntil: '2025-06-04T00:00:00.000Z', curatedPackVersion: 1 };

// ---- version 2 ------------------------------------------------------------------------------------------

/** Version 2 adds impact, triage and clips to items, and `starredDate` / `clipDate` as index keys. */
const V2_ITEMS: ItemRecord[] = [
  {
    id: 'v2-clip',
    sourceId: 'clips',
    url: 'https://page.example/clip',
    title: 'Une page clipée',
    fetched: '2025-07-01T08:00:00.000Z',
    categories: [],
    read: true,
    starred: false,
    tags: ['v2-personnel'],
    note: 'À diffuser aux élus',
    impact: 'high',
    triage: 'reviewed',
    clip: { clippedAt: '2025-07-01T08:00:00.000Z', quote: 'Un extrait', siteName: 'Page' },
    sortDate: '2025-07-01T08:00:00.000Z',
    clipDate: '2025-07-01T08:00:00.000Z',
  },
  {
    id: 'v2-starred',
    sourceId: 'v1-beta',
    title: 'Favori',
    fetched: '2025-07-02T08:00:00.000Z',
    categories: [],
    read: false,
    starred: true,
    tags: [],
    triage: 'to-review',
    sortDate: '2025-07-02T08:00:00.000Z',
    unreadDate: '2025-07-02T08:00:00.000Z',
    starredDate: '2025-07-02T08:00:00.000Z',
    unreadFetched: '2025-07-02T08:00:00.000Z',
  },
];

const V2_IDS = V2_ITEMS.map((item) => item.id);

// ---- version 3 ------------------------------------------------------------------------------------------

/** Version 3 adds alert rules and alerts; an unread alert carries `unreadCreated`. */
const V3_RULE: Rule = {
  id: 'v3-rule',
  name: 'Algorithme',
  enabled: true,
  priority: 'important',
  conditions: [{ fields: ['title', 'content'], mode: 'phrase', combine: 'any', terms: ['algorithme', 'portée organique'] }],
  actions: { alert: true, addTags: ['algorithme-portee'], star: false, notify: true, proposeShare: false },
  origin: 'user',
  updated: '2025-08-01T08:00:00.000Z',
};

const V3_ALERTS: AlertRecord[] = [
  { id: 'v3-rule|v2-starred', ruleId: 'v3-rule', ruleName: 'Algorithme', itemId: 'v2-starred', priority: 'important', created: '2025-08-02T08:00:00.000Z', read: false, unreadCreated: '2025-08-02T08:00:00.000Z' },
  { id: 'v3-rule|v2-clip', ruleId: 'v3-rule', ruleName: 'Algorithme', itemId: 'v2-clip', priority: 'critical', created: '2025-08-01T08:00:00.000Z', read: true },
];

const withoutIndexKeys = ({ sortDate: _sortDate, unreadDate: _unreadDate, ...item }: ItemRecord): Item => item;

/** Keeps only the keys `among`, in the order given. */
const only = (keys: readonly IDBValidKey[], among: readonly string[]) => keys.filter((key) => among.includes(String(key)));

const V1_IDS = V1_ITEMS.map((item) => item.id);

const V4_VERSIONS: PageVersion[] = [
  { id: 'v1-alpha|2025-09-01T00:00:00.000Z', sourceId: 'v1-alpha', fetched: '2025-09-01T00:00:00.000Z', text: 'Première version', hash: 'h1' },
  { id: 'v1-alpha|2025-09-02T00:00:00.000Z', sourceId: 'v1-alpha', fetched: '2025-09-02T00:00:00.000Z', text: 'Seconde version', hash: 'h2' },
];

const V5_SHARE = {
  id: 'share-0001',
  kind: 'clip',
  url: 'https://example.org/regle',
  title: 'Nouvelle règle des Pages',
  tags: ['pages'],
  note: 'À relayer',
  author: { id: 'm_other', name: 'Camille', role: 'member' },
  created: '2026-11-01T08:00:00.000Z',
  updated: '2026-11-01T08:00:00.000Z',
  hidden: false,
  seq: 3,
  comments: [],
  reactions: { useful: [], seen: [] },
} as const;

// ---- version 6 ------------------------------------------------------------------------------------------

/** Version 6 repaired items only: an item as it stores one, unread (so in byUnreadFetched) and starred. */
const V6_ITEM: ItemRecord = toRecord({
  ...makeDraft('v6-item', { url: 'https://v6.example/item', title: 'Version 6' }),
  sourceId: 'v6-source',
  fetched: '2026-12-05T08:00:00.000Z',
  read: false,
  starred: true,
  tags: [],
});

// ---- version 7 ------------------------------------------------------------------------------------------

/** Version 7 counts unread items per source and tag: an unread tagged item carries `unreadTags`; a read one does not. */
const V7_ITEMS: ItemRecord[] = [
  toRecord({ ...makeDraft('v7-unread', { url: 'https://v7.example/unread' }), sourceId: 'v7-source', fetched: '2026-12-06T08:00:00.000Z', read: false, starred: false, tags: ['v7-tag'] }),
  toRecord({ ...makeDraft('v7-read', { url: 'https://v7.example/read' }), sourceId: 'v7-source', fetched: '2026-12-06T08:00:00.000Z', read: true, starred: false, tags: ['v7-tag'] }),
];

const SEEDS: Record<number, Seed> = {
  9: {
    // Version 9 keeps the navigation's unread counts: counted once by the migration, from every version's items.
    async write() {},
    async check(store, db) {
      // Counted by the migration (checked against a walk in tests/store/unread-counts.test.ts); a write through
      // the store moves them.
      const before = await new VigieReader(db).unreadCounts(['v7-source'], ['v7-tag']);
      await store.updateItems(['v7-unread'], { read: true });
      const after = await new VigieReader(db).unreadCounts(['v7-source'], ['v7-tag']);
      expect([after.unread, after.bySource['v7-source'], after.byTag['v7-tag']]).toEqual([before.unread - 1, 0, 0]);
      await store.updateItems(['v7-unread'], { read: false });
    },
  },
  8: {
    async write(db) {
      await db.add('searchChanges', { ids: ['v7-unread'] });
    },
    async check(store, db) {
      // The journal keeps its order across the upgrade, and the next write is noted after it.
      const [first] = await new VigieReader(db).searchChangesAfter(0);
      expect(first?.ids).toEqual(['v7-unread']);
      const before = await new VigieReader(db).lastSearchChange();
      await store.updateItems(['v7-unread'], { starred: false });
      await store.updateItems(['v7-unread'], { tags: ['v7-tag'] });
      const after = await new VigieReader(db).searchChangesAfter(before);
      // Starring changes no word: only the tags are noted.
      expect(after.map((change) => change.ids)).toEqual([['v7-unread']]);
      await db.delete('searchChanges', IDBKeyRange.lowerBound(first!.seq!, true));
    },
  },
  7: {
    async write(db) {
      const tx = db.transaction('items', 'readwrite');
      await Promise.all([...V7_ITEMS.map((item) => tx.objectStore('items').put(item)), tx.done]);
    },
    async check(store, db) {
      expect(V7_ITEMS.map((record) => record.unreadTags)).toEqual([['v7-tag'], undefined]);
      for (const record of V7_ITEMS) expect(await db.get('items', record.id)).toEqual(record);
      expect(await db.getAllKeysFromIndex('items', 'byUnreadTag', 'v7-tag')).toEqual(['v7-unread']);
      const counts = await new VigieReader(db).unreadCounts(['v7-source'], ['v7-tag']);
      expect([counts.bySource, counts.byTag]).toEqual([{ 'v7-source': 1 }, { 'v7-tag': 1 }]);
    },
  },
  6: {
    async write(db) {
      await db.put('items', V6_ITEM);
    },
    async check(store, db) {
      expect(await db.get('items', 'v6-item')).toEqual(V6_ITEM);
      expect(await db.getAllKeysFromIndex('items', 'byUnreadFetched', V6_ITEM.unreadFetched)).toContain('v6-item');
      expect(await db.getAllKeysFromIndex('items', 'byStarred', V6_ITEM.starredDate)).toContain('v6-item');
    },
  },
  5: {
    async write(db) {
      const tx = db.transaction(['shares', 'outbox'], 'readwrite');
      await Promise.all([
        tx.objectStore('shares').put({ ...V5_SHARE, unreadAt: V5_SHARE.created }),
        tx.objectStore('outbox').put({ method: 'PUT', path: '/api/shares/share-0002', body: { kind: 'item', title: 'x', tags: [] }, kind: 'share', label: 'x', created: V5_SHARE.created, attempts: 1 }),
        tx.done,
      ]);
    },
    async check(store) {
      expect(await store.shares.get('share-0001')).toEqual({ ...V5_SHARE, unread: true, pending: false });
      expect(await store.shares.unread()).toEqual({ count: 1, highest: 'info' });
      expect((await store.shares.outbox()).map((entry) => [entry.seq, entry.path, entry.attempts])).toEqual([[1, '/api/shares/share-0002', 1]]);
    },
  },
  4: {
    async write(db) {
      const tx = db.transaction('versions', 'readwrite');
      await Promise.all([...V4_VERSIONS.map((version) => tx.objectStore('versions').put(version)), tx.done]);
    },
    async check(store) {
      expect(await store.versions.list('v1-alpha')).toEqual(V4_VERSIONS);
      expect(await store.versions.latest('v1-alpha')).toEqual(V4_VERSIONS[1]);
      expect(await store.versions.latest('v1-beta')).toBeUndefined();
    },
  },
  3: {
    async write(db) {
      const tx = db.transaction(['rules', 'alerts'], 'readwrite');
      await Promise.all([tx.objectStore('rules').put(V3_RULE), ...V3_ALERTS.map((alert) => tx.objectStore('alerts').put(alert)), tx.done]);
    },
    async check(store, db) {
      expect(await store.rules.get('v3-rule')).toEqual(V3_RULE);
      expect(await store.alerts.get('v3-rule|v2-clip')).toEqual({ ...V3_ALERTS[1] });
      expect(await store.alerts.unread()).toEqual({ count: 1, highest: 'important' });
      expect(await db.getAllKeysFromIndex('alerts', 'byUnread')).toEqual(['v3-rule|v2-starred']);
      expect(await db.getAllKeysFromIndex('alerts', 'byCreated')).toEqual(['v3-rule|v2-clip', 'v3-rule|v2-starred']);
      expect(await db.getAllKeysFromIndex('alerts', 'byItem', 'v2-clip')).toEqual(['v3-rule|v2-clip']);
      expect(await db.getAllKeysFromIndex('alerts', 'byRule', 'v3-rule')).toHaveLength(2);
    },
  },
  1: {
    async write(db) {
      const tx = db.transaction(['sources', 'items', 'tags', 'meta'], 'readwrite');
      await Promise.all([
        ...V1_SOURCES.map((source) => tx.objectStore('sources').put(source)),
        ...V1_ITEMS.map((item) => tx.objectStore('items').put(item)),
        tx.objectStore('tags').put(V1_TAG),
        ...Object.entries(V1_META).map(([key, value]) => tx.objectStore('meta').put({ key, value })),
        tx.done,
      ]);
    },
    async check(store, db) {
      const sources = (await store.listSources()).filter((source) => source.id.startsWith('v1-'));
      expect(sources.sort((a, b) => a.id.localeCompare(b.id))).toEqual(V1_SOURCES);
      for (const record of V1_ITEMS) expect(await store.getItem(record.id)).toEqual(withoutIndexKeys(record));
      expect((await store.listTags()).find((tag) => tag.id === V1_TAG.id)).toEqual(V1_TAG);
      expect(await store.getMeta(META.seenUntil)).toBe(V1_META.seenUntil);
      expect(await store.getMeta(META.curatedPackVersion)).toBe(V1_META.curatedPackVersion);

      expect((await db.getFromIndex('sources', 'byUrl', 'https://beta.example/atom.xml'))?.id).toBe('v1-beta');
      // byDate: published, else fetched, oldest first.
      expect(only(await db.getAllKeysFromIndex('items', 'byDate'), V1_IDS)).toEqual(['v1-a1', 'v1-b1', 'v1-a2']);
      // bySource: one source's items, by date.
      const alpha = IDBKeyRange.bound(['v1-alpha', ''], ['v1-alpha', '\uffff']);
      expect(await db.getAllKeysFromIndex('items', 'bySource', alpha)).toEqual(['v1-a1', 'v1-a2']);
      // byTag is multiEntry: an item is found under each of its tags.
      expect(await db.getAllKeysFromIndex('items', 'byTag', 'v1-publicite')).toEqual(['v1-a1', 'v1-a2']);
      expect(await db.getAllKeysFromIndex('items', 'byTag', 'v1-ia')).toEqual(['v1-a1']);
      // byUnread lists exactly the unread ones.
      expect(only(await db.getAllKeysFromIndex('items', 'byUnread'), V1_IDS)).toEqual(['v1-a1', 'v1-b1']);
      // byFetched: by first fetch time.
      expect(only(await db.getAllKeysFromIndex('items', 'byFetched'), V1_IDS)).toEqual(['v1-b1', 'v1-a2', 'v1-a1']);
      const fetchedAfter = IDBKeyRange.lowerBound('2025-06-04T00:00:00.000Z', true);
      expect(only(await db.getAllKeysFromIndex('items', 'byFetched', fetchedAfter), V1_IDS)).toEqual(['v1-b1', 'v1-a2', 'v1-a1']);
      // Version 2 backfilled the favourites index for items starred before it existed, and indexes URLs.
      expect(only(await db.getAllKeysFromIndex('items', 'byStarred'), V1_IDS)).toEqual(['v1-a2']);
      expect(await db.getAllKeysFromIndex('items', 'byUrl', 'https://beta.example/b1')).toEqual(['v1-b1']);
      expect(only(await db.getAllKeysFromIndex('items', 'byClip'), V1_IDS)).toEqual([]);
      // …and the unread ones by first fetch, for the new count.
      expect(only(await db.getAllKeysFromIndex('items', 'byUnreadFetched'), V1_IDS)).toEqual(['v1-b1', 'v1-a1']);
      // Version 7 indexed the unread ones by source and backfilled their tags for the per-tag count.
      const unreadOf = async (sourceId: string) => only(await db.getAllKeysFromIndex('items', 'byUnreadSource', IDBKeyRange.bound([sourceId], [sourceId, []])), V1_IDS);
      expect([await unreadOf('v1-alpha'), await unreadOf('v1-beta')]).toEqual([['v1-a1'], ['v1-b1']]);
      expect(only(await db.getAllKeysFromIndex('items', 'byUnreadTag', 'v1-publicite'), V1_IDS)).toEqual(['v1-a1']);
      expect(only(await db.getAllKeysFromIndex('items', 'byUnreadTag', 'v1-ia'), V1_IDS)).toEqual(['v1-a1']);
    },
  },
  2: {
    async write(db) {
      const tx = db.transaction('items', 'readwrite');
      await Promise.all([...V2_ITEMS.map((item) => tx.objectStore('items').put(item)), tx.done]);
    },
    async check(store, db) {
      for (const record of V2_ITEMS) {
        const { sortDate: _s, unreadDate: _u, starredDate: _st, clipDate: _c, unreadFetched: _f, ...item } = record;
        expect(await store.getItem(record.id)).toEqual(item);
      }
      expect(only(await db.getAllKeysFromIndex('items', 'byClip'), V2_IDS)).toEqual(['v2-clip']);
      expect(only(await db.getAllKeysFromIndex('items', 'byStarred'), V2_IDS)).toEqual(['v2-starred']);
      expect(await db.getAllKeysFromIndex('items', 'byImpact', 'high')).toEqual(expect.arrayContaining(['v2-clip']));
      expect(await db.getAllKeysFromIndex('items', 'byUrl', 'https://page.example/clip')).toEqual(['v2-clip']);
    },
  },
};

// ---- the layout DB_VERSION must have ---------------------------------------------------------------------

interface IndexLayout {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
type Layout = Record<string, { keyPath: string | string[] | null; autoIncrement: boolean; indexes: Record<string, IndexLayout> }>;

const index = (keyPath: string | string[], options: Partial<IndexLayout> = {}): IndexLayout => ({
  keyPath,
  unique: false,
  multiEntry: false,
  ...options,
});

const EXPECTED_LAYOUT: Layout = {
  items: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      byDate: index('sortDate'),
      byFetched: index('fetched'),
      bySource: index(['sourceId', 'sortDate']),
      byTag: index('tags', { multiEntry: true }),
      byUnread: index('unreadDate'),
      byUrl: index('url'),
      byStarred: index('starredDate'),
      byClip: index('clipDate'),
      byImpact: index('impact'),
      byUnreadFetched: index('unreadFetched'),
      byUnreadSource: index(['sourceId', 'unreadDate']),
      byUnreadTag: index('unreadTags', { multiEntry: true }),
    },
  },
  meta: { keyPath: 'key', autoIncrement: false, indexes: {} },
  rules: { keyPath: 'id', autoIncrement: false, indexes: {} },
  versions: { keyPath: 'id', autoIncrement: false, indexes: { bySource: index(['sourceId', 'fetched']) } },
  shares: { keyPath: 'id', autoIncrement: false, indexes: { byCreated: index('created'), byUnread: index('unreadAt') } },
  outbox: { keyPath: 'seq', autoIncrement: true, indexes: {} },
  searchChanges: { keyPath: 'seq', autoIncrement: true, indexes: {} },
  counts: { keyPath: null, autoIncrement: false, indexes: {} },
  alerts: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { byCreated: index('created'), byUnread: index('unreadCreated'), byItem: index('itemId'), byRule: index('ruleId') },
  },
  sources: { keyPath: 'id', autoIncrement: false, indexes: { byUrl: index('url', { unique: true }) } },
  tags: { keyPath: 'id', autoIncrement: false, indexes: {} },
};

function layoutOf(db: RawDb): Layout {
  const names = Array.from(db.objectStoreNames);
  const layout: Layout = {};
  if (names.length === 0) return layout;
  const tx = db.transaction(names);
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, IndexLayout> = {};
    for (const indexName of Array.from(store.indexNames)) {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      indexes[indexName] = { keyPath: Array.isArray(keyPath) ? [...keyPath] : keyPath, unique, multiEntry };
    }
    const keyPath = store.keyPath;
    layout[name] = { keyPath: Array.isArray(keyPath) ? [...keyPath] : keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  return layout;
}

/**
 * Writes through today's store code and checks that every index answers for it: whatever the database
 * came from, the current write path must land in the current indexes.
 */
async function probeIndexes(store: VigieStore): Promise<void> {
  const { db } = store;
  await store.putSources([makeSource({ id: 'probe', url: 'https://probe.example/feed.xml' })]);
  const fetchedAt = '2030-01-01T00:00:00.000Z';
  const added = await store.saveFetch({
    source: { id: 'probe', health: { consecutiveFailures: 0, lastSuccess: fetchedAt } },
    items: [
      makeDraft('probe-1', { published: '2029-01-01T00:00:00.000Z' }),
      makeDraft('probe-2', { published: '2029-03-01T00:00:00.000Z' }),
      makeDraft('probe-3', { published: '2029-02-01T00:00:00.000Z' }),
    ],
    fetchedAt,
  });
  expect(added).toEqual(['probe-1', 'probe-2', 'probe-3']);
  await store.setRead(['probe-3'], true);
  const tagged = await store.getItem('probe-1');
  await db.put('items', toRecord({ ...tagged!, tags: ['probe-tag', 'probe-other'] }));
  const ids = ['probe-1', 'probe-2', 'probe-3'];

  expect(only(await db.getAllKeysFromIndex('items', 'byDate'), ids)).toEqual(['probe-1', 'probe-3', 'probe-2']);
  const probe = IDBKeyRange.bound(['probe', ''], ['probe', '\uffff']);
  expect(await db.getAllKeysFromIndex('items', 'bySource', probe)).toEqual(['probe-1', 'probe-3', 'probe-2']);
  expect(await db.getAllKeysFromIndex('items', 'byTag', 'probe-tag')).toEqual(['probe-1']);
  expect(await db.getAllKeysFromIndex('items', 'byTag', 'probe-other')).toEqual(['probe-1']);
  expect(only(await db.getAllKeysFromIndex('items', 'byUnread'), ids)).toEqual(['probe-1', 'probe-2']);
  expect(await db.getAllKeysFromIndex('items', 'byFetched', fetchedAt)).toEqual(['probe-1', 'probe-2', 'probe-3']);
  expect((await db.getFromIndex('sources', 'byUrl', 'https://probe.example/feed.xml'))?.id).toBe('probe');
  expect(await store.countNewUnread('2029-12-31T00:00:00.000Z')).toBe(2);
}

const seedVersions = (upTo: number) => Array.from({ length: upTo }, (_, i) => i + 1);

/** Creates `name` at version 1, 2, … `version`, each step writing that version's seed. */
async function buildAt(name: string, version: number): Promise<void> {
  for (const step of seedVersions(version)) {
    const db = await openVigieDb(name, step);
    expect(db.version).toBe(step);
    await SEEDS[step]!.write(db as unknown as RawDb);
    db.close();
  }
}

async function freshLayout(): Promise<Layout> {
  const db = await openVigieDb(`test-fresh-${crypto.randomUUID()}`);
  const layout = layoutOf(db as unknown as RawDb);
  db.close();
  return layout;
}

describe('store migrations', () => {
  it('has one migration per version and a seed for every version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(Object.keys(SEEDS).map(Number).sort((a, b) => a - b)).toEqual(seedVersions(DB_VERSION));
  });

  it('creates the current layout, with every store and index, on a new database', async () => {
    expect(await freshLayout()).toEqual(EXPECTED_LAYOUT);
  });

  for (let version = 0; version < DB_VERSION; version++) {
    const from = version === 0 ? 'no database yet' : `version ${version}`;
    it(`upgrades from ${from} to version ${DB_VERSION} losing nothing, every index present and answering`, async () => {
      const name = `test-${crypto.randomUUID()}`;
      await buildAt(name, version);

      const store = await VigieStore.open(name);
      try {
        expect(store.db.version).toBe(DB_VERSION);
        const layout = layoutOf(store.db as unknown as RawDb);
        expect(layout).toEqual(EXPECTED_LAYOUT);
        expect(layout).toEqual(await freshLayout());
        for (const step of seedVersions(version)) await SEEDS[step]!.check(store, store.db);
        await probeIndexes(store);
        // The data written before the upgrade is still right after today's code wrote beside it.
        for (const step of seedVersions(version)) await SEEDS[step]!.check(store, store.db);
      } finally {
        store.close();
      }
    });
  }

  // The store the first version-2 build wrote (commit c967e74): its migration 2, as it shipped, created no
  // byUnreadFetched and left `unreadFetched` unset; the field and the index were later added to migration 2
  // in place, so such a store never got them until the repair (migration 6).
  it('upgrades a version-2 store written by the first version-2 build (no byUnreadFetched) with every index, the new count answering', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const early = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => MIGRATIONS[0]!(db as never, tx as never) });
    await SEEDS[1]!.write(early as unknown as RawDb);
    early.close();
    const shipped = await openDB(name, 2, {
      async upgrade(_db, _old, _new, tx) {
        // c967e74's migration 2, word for word.
        const items = tx.objectStore('items');
        items.createIndex('byUrl', 'url');
        items.createIndex('byStarred', 'starredDate');
        items.createIndex('byClip', 'clipDate');
        items.createIndex('byImpact', 'impact');
        for await (const cursor of items.iterate()) {
          if (cursor.value.starred) await cursor.update({ ...cursor.value, starredDate: cursor.value.sortDate });
        }
      },
    });
    // Its items as that build stored them: no `unreadFetched`.
    await Promise.all(V2_ITEMS.map(({ unreadFetched: _f, ...item }) => shipped.put('items', item)));
    expect(Array.from(shipped.transaction('items').objectStore('items').indexNames)).not.toContain('byUnreadFetched');
    shipped.close();

    const store = await VigieStore.open(name);
    try {
      expect(layoutOf(store.db as unknown as RawDb)).toEqual(EXPECTED_LAYOUT);
      await SEEDS[1]!.check(store, store.db);
      await SEEDS[2]!.check(store, store.db);
      // The unread items of both versions, counted by the index the popup reads.
      expect(only(await store.db.getAllKeysFromIndex('items', 'byUnreadFetched'), [...V1_IDS, ...V2_IDS]).sort()).toEqual(['v1-a1', 'v1-b1', 'v2-starred']);
      expect(await store.countNewUnread('2000-01-01T00:00:00.000Z')).toBe(3);
    } finally {
      store.close();
    }
  });

  it(`keeps every version's data when a database at version ${DB_VERSION} is reopened at the same version`, async () => {
    const name = `test-${crypto.randomUUID()}`;
    await buildAt(name, DB_VERSION);
    for (let reopen = 0; reopen < 2; reopen++) {
      const db = await openVigieDb(name, DB_VERSION);
      const store = new VigieStore(db);
      try {
        expect(layoutOf(db as unknown as RawDb)).toEqual(EXPECTED_LAYOUT);
        for (const step of seedVersions(DB_VERSION)) await SEEDS[step]!.check(store, db);
      } finally {
        store.close();
      }
    }
    const store = await VigieStore.open(name);
    try {
      await probeIndexes(store);
      for (const step of seedVersions(DB_VERSION)) await SEEDS[step]!.check(store, store.db);
    } finally {
      store.close();
    }
  });
});
