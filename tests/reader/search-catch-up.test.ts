import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { PackedTerms, packTerms, type PackedIndex } from '../../lib/reader/packed-terms';
import { keepInIndexedDb, LiveSearch, type SearchKeeping } from '../../lib/reader/search-catch-up';
import { SEARCH_FORMAT } from '../../lib/reader/search-index';
import { loadSearch, saveSearch } from '../../lib/reader/search-snapshot';
import { VigieReader } from '../../lib/store/reader';
import type { VigieStore } from '../../lib/store/store';
import { makeSource, newStore } from '../store/fixtures';

/**
 * The search index kept between two openings of the dashboard: saved, restored, and brought up to date from
 * the store's search journal with what changed while no dashboard was open (issue 19: opening the dashboard
 * never builds it again).
 */

function item(id: string, fields: Partial<Item> = {}): Item {
  return { id, sourceId: 'alpha', title: id, fetched: '2026-03-01T08:00:00.000Z', categories: [], read: false, starred: false, tags: [], ...fields };
}

async function filled(): Promise<{ store: VigieStore; reader: VigieReader; keeping: SearchKeeping & { built: number } }> {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' }), makeSource({ id: 'beta' })]);
  await store.putTags([{ id: 'elus', label: { fr: 'Élus', en: 'Officials' }, scope: 'personal', color: '#1d6fb8' }]);
  await store.putItems([
    item('a1', { title: 'Publicité politique : les nouvelles règles' }),
    item('a2', { title: 'La portée organique des Reels' }),
    item('b1', { sourceId: 'beta', title: 'Modération des commentaires', tags: ['elus'] }),
  ]);
  const keeping = { ...keepInIndexedDb(store.db.name, () => void (keeping.built += 1)), built: 0 };
  return { store, reader: new VigieReader(store.db), keeping };
}

const sorted = (ids: string[]) => [...ids].sort();

describe('search kept between two dashboards', () => {
  it('builds the index once, saves it, and the next dashboard restores it without reading the items', async () => {
    const { store, reader, keeping } = await filled();
    const first = await LiveSearch.open(reader, keeping);
    expect(first.origin).toBe('built');
    expect(keeping.built).toBeGreaterThan(0);
    expect(await first.save()).toBe(true);
    // The journal the saved index holds is forgotten by the store.
    expect(await reader.searchChangesAfter(0)).toEqual([]);

    keeping.built = 0;
    const pages = { read: 0 };
    const counting = { ...reader, listTags: () => reader.listTags(), countItems: () => reader.countItems(), getItems: (ids: readonly string[]) => reader.getItems(ids), idsWithTags: (tags: readonly string[]) => reader.idsWithTags(tags), searchChangesAfter: (seq: number) => reader.searchChangesAfter(seq), lastSearchChange: () => reader.lastSearchChange(), forgetSearchChanges: (seq: number) => reader.forgetSearchChanges(seq), pages: (size: number) => ((pages.read += 1), reader.pages(size)) };
    const second = await LiveSearch.open(counting, keeping);
    expect(second.origin).toBe('restored');
    expect([keeping.built, pages.read]).toEqual([0, 0]);
    expect(second.search('publicite')).toEqual(['a1']);
    expect(second.search('elus')).toEqual(['b1']);
    expect(second.size).toBe(3);
    store.close();
  });

  it('catches up on what changed while no dashboard was open: new, noted, removed, a tag renamed', async () => {
    const { store, reader, keeping } = await filled();
    await (await LiveSearch.open(reader, keeping)).save();

    await store.putItems([item('a3', { title: 'Élection municipale : la période de réserve' })]);
    await store.updateItems(['a2'], { note: 'À montrer au service des sports' });
    await store.deleteSource('beta', false);
    await store.putItems([item('a4', { title: 'Threads', tags: ['elus'] })]);
    await store.putTags([{ id: 'elus', label: { fr: 'Conseil municipal', en: 'City council' }, scope: 'personal', color: '#1d6fb8' }]);

    const live = await LiveSearch.open(reader, keeping);
    expect(live.origin).toBe('restored');
    expect(live.search('election')).toEqual(['a3']);
    expect(live.search('sports')).toEqual(['a2']);
    expect(live.search('moderation')).toEqual([]);
    expect(live.search('conseil municipal')).toEqual(['a4']);
    expect(live.search('officials')).toEqual([]);
    expect(live.size).toBe(4);

    // Changes while it is open reach it the same way, and are saved for the next one.
    await store.updateItems(['a1'], { addTags: ['elus'] });
    expect(await live.catchUp()).toBe(true);
    expect(sorted(live.search('city council'))).toEqual(['a1', 'a4']);
    expect(await live.catchUp()).toBe(false);
    expect(await live.save()).toBe(true);
    expect(sorted((await LiveSearch.open(reader, keeping)).search('council'))).toEqual(['a1', 'a4']);
    store.close();
  });

  it('builds the index again when the store was replaced whole, or the saved one is of another format', async () => {
    const { store, reader, keeping } = await filled();
    const live = await LiveSearch.open(reader, keeping);
    await live.save();
    await store.replaceAll({ sources: [makeSource({ id: 'alpha' })], items: [item('r1', { title: 'Restauré depuis une sauvegarde' })], tags: [], rules: [], alerts: [], meta: {} });
    keeping.built = 0;
    expect(await live.catchUp()).toBe(true);
    expect(keeping.built).toBeGreaterThan(0);
    expect(live.search('restaure')).toEqual(['r1']);
    expect(live.search('publicite')).toEqual([]);

    await live.save();
    const saved = (await loadSearch(store.db.name))!;
    await saveSearch({ ...saved, journal: saved.journal + 1, snapshot: { ...saved.snapshot, format: SEARCH_FORMAT + 1 } }, store.db.name);
    const again = await LiveSearch.open(reader, keeping);
    expect(again.origin).toBe('built');
    expect(again.search('restaure')).toEqual(['r1']);
    store.close();
  });

  it('builds the index again over one saved by Vigie 0.6 (FlexSearch JSON in numbered parts), then saves it packed', async () => {
    const { store, reader, keeping } = await filled();
    // The 0.6 layout, as that release wrote it: a head counting its parts, parts keyed 0, 1, … holding JSON.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(`${store.db.name}-search`, 1);
      open.onupgradeneeded = () => ['head', 'parts'].forEach((name) => open.result.createObjectStore(name));
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction(['head', 'parts'], 'readwrite');
    tx.objectStore('head').put({ format: 1, journal: 99, labels: {}, ids: ['a1'], prints: [1, 2], parts: 1 }, 'head');
    tx.objectStore('parts').put(['text:1.map', '[["publicite",[[0]]]]'], 0);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const live = await LiveSearch.open(reader, keeping);
    expect(live.origin).toBe('built');
    expect(sorted(live.search('modera'))).toEqual(['b1']);
    expect(await live.save()).toBe(true);
    const saved = (await loadSearch(store.db.name))!;
    expect(saved.snapshot.format).toBe(SEARCH_FORMAT);
    expect(saved.snapshot.text.numbers).toBeInstanceOf(Uint8Array);
    expect((await LiveSearch.open(reader, keeping)).origin).toBe('restored');
    store.close();
  });

  it('saves a large index in pieces and reads its numbers back whole', async () => {
    const { store } = await filled();
    // Four million numbers 200 apart: two bytes each, so that the bytes make two pieces.
    const long = Uint32Array.from({ length: 4_000_005 }, (_, n) => n * 200);
    const packed = packTerms(
      new Map([
        ['ab', [Array.from(long)]],
        ['cd', [[1, 2, 3, 4, 5]]],
      ]),
      [0, 1],
    );
    expect(packed.numbers.length).toBeGreaterThan(8_000_000);
    const empty = packTerms(new Map(), []);
    const snapshot = { format: SEARCH_FORMAT, ids: ['a1'], prints: Uint32Array.of(1, 2), text: packed, annotations: empty };
    expect(await saveSearch({ snapshot, journal: 1, labels: {} }, store.db.name)).toBe(true);
    const read = (await loadSearch(store.db.name))!;
    // Compared as bytes: toEqual walks millions of numbers one by one.
    expect(Buffer.from(read.snapshot.text.numbers.buffer).equals(Buffer.from(packed.numbers.buffer))).toBe(true);
    expect(read.snapshot.text.lengths).toEqual(packed.lengths);
    expect(read.snapshot.text.sizes).toEqual(packed.sizes);
    expect(new PackedTerms(read.snapshot.text).get('cd')).toEqual([[1, 2, 3, 4, 5]]);
    expect(Buffer.from(Uint32Array.from(new PackedTerms(read.snapshot.text).get('ab')![0]!).buffer).equals(Buffer.from(long.buffer))).toBe(true);
    expect(read.snapshot.annotations.numbers).toHaveLength(0);
    store.close();
  }, 30_000);

  it('restores an index saved by Vigie 0.9 (numbers four bytes each, no sizes) without building it again', async () => {
    const { store, reader, keeping } = await filled();
    const first = await LiveSearch.open(reader, keeping);
    expect(await first.save()).toBe(true);
    const built = keeping.built;
    // The 0.9 layout, from today's: each part's numbers unpacked into a Uint32Array, in one piece, no sizes;
    // the head without the order of its ids.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(`${store.db.name}-search`);
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction(['parts', 'head'], 'readwrite');
    const head = await new Promise<Record<string, unknown>>((resolve) => {
      const get = tx.objectStore('head').get('head');
      get.onsuccess = () => resolve(get.result);
    });
    expect(head.order).toBeInstanceOf(Uint32Array);
    delete head.order;
    tx.objectStore('head').put(head, 'head');
    for (const name of ['text', 'annotations']) {
      const part = await new Promise<PackedIndex & { pieces: number }>((resolve) => {
        const get = tx.objectStore('parts').get(name);
        get.onsuccess = () => resolve(get.result);
      });
      const terms = new PackedTerms({ ...part, numbers: await new Promise<Uint8Array>((resolve) => {
        const get = tx.objectStore('parts').get(`${name}:0`);
        get.onsuccess = () => resolve(get.result ?? new Uint8Array());
      }) });
      const numbers = Uint32Array.from([...terms.values()].flat(2));
      const { sizes: _sizes, numbers: _bytes, ...old } = part;
      tx.objectStore('parts').put({ ...old, pieces: numbers.length ? 1 : 0 }, name);
      if (numbers.length) tx.objectStore('parts').put(numbers, `${name}:0`);
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const saved = (await loadSearch(store.db.name))!;
    expect(saved.snapshot.text.numbers).toBeInstanceOf(Uint8Array);
    expect(saved.repacked).toBe(true);
    const restored = await LiveSearch.open(reader, keeping);
    expect(restored.origin).toBe('restored');
    expect(keeping.built).toBe(built);
    for (const query of ['publicite', 'portee', 'modera', 'elus', 'officials']) expect(sorted(restored.search(query))).toEqual(sorted(first.search(query)));
    // Saved again in today's packing: the next opening reads bytes, not numbers to repack.
    expect(await restored.save()).toBe(true);
    expect((await loadSearch(store.db.name))!.repacked).toBeUndefined();
    expect((await loadSearch(store.db.name))!.snapshot.order).toBeInstanceOf(Uint32Array);
    store.close();
  });

  it('never replaces a newer saved index by an older one (two dashboards open)', async () => {
    const { store, reader, keeping } = await filled();
    const older = await LiveSearch.open(reader, keeping);
    const newer = await LiveSearch.open(reader, keeping);
    await store.putItems([item('n1', { title: 'Nouveauté' })]);
    await newer.catchUp();
    expect(await newer.save()).toBe(true);
    expect(await older.save()).toBe(false);
    expect((await LiveSearch.open(reader, keeping)).search('nouveaute')).toEqual(['n1']);
    store.close();
  });
});
