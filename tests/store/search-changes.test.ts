import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { pruneOldItems } from '../../lib/retention/prune';
import { VigieReader } from '../../lib/store/reader';
import { makeDraft, makeSource, newStore } from './fixtures';

/**
 * The search journal (store version 8): every write that changes what the search finds notes its items in the
 * same transaction, and nothing else is noted (the saved search index catches up from it: lib/reader/search-catch-up.ts).
 */

const at = '2025-06-01T08:00:00.000Z';
const health = { consecutiveFailures: 0, lastFetch: at, lastSuccess: at };

describe('search journal', () => {
  it('notes new and reworded items, notes, tags, merges, clips, removals and a store replaced; not reads, stars or impacts', async () => {
    const store = await newStore();
    const reader = new VigieReader(store.db);
    await store.putSources([makeSource({ id: 'alpha' }), makeSource({ id: 'beta' })]);
    let seen = await reader.lastSearchChange();
    const next = async () => {
      const changes = await reader.searchChangesAfter(seen);
      seen = changes.at(-1)?.seq ?? seen;
      return changes.map((change) => (change.reset ? 'reset' : [...(change.ids ?? [])].sort()));
    };

    await store.saveFetch({ source: { id: 'alpha', health }, items: [makeDraft('i1'), makeDraft('i2')], fetchedAt: at });
    expect(await next()).toEqual([['i1', 'i2']]);
    // Fetched again: unchanged items are not noted, one whose title the feed changed is.
    await store.saveFetch({ source: { id: 'alpha', health }, items: [makeDraft('i1'), makeDraft('i2', { title: 'Titre corrigé' })], fetchedAt: at });
    expect(await next()).toEqual([['i2']]);

    await store.updateItems(['i1', 'i2'], { read: true, starred: true, impact: 'high' });
    expect(await next()).toEqual([]);
    await store.updateItems(['i1'], { note: 'À relire' });
    await store.updateItems(['i2'], { addTags: ['elus'] });
    expect(await next()).toEqual([['i1'], ['i2']]);

    await store.putTags([{ id: 'elus', label: { fr: 'Élus', en: 'Officials' }, scope: 'personal', color: '#1d6fb8' }, { id: 'conseil', label: { fr: 'Conseil', en: 'Council' }, scope: 'personal', color: '#1d6fb8' }]);
    expect(await next()).toEqual([]);
    await store.mergeTag('elus', 'conseil');
    expect(await next()).toEqual([['i2']]);

    const clip: Item = { id: 'clip-1', sourceId: 'clips', url: 'https://exemple.fr/clip', title: 'Clip', fetched: at, categories: [], read: false, starred: false, tags: [] };
    await store.putClip(['https://exemple.fr/clip'], () => clip);
    await store.putItems([{ ...clip, id: 'event-1', url: 'https://exemple.fr/event' }]);
    await store.saveFetch({ source: { id: 'beta', health }, items: [makeDraft('b1', { url: 'https://exemple.fr/b1' })], fetchedAt: at });
    expect(await next()).toEqual([['clip-1'], ['event-1'], ['b1']]);

    await store.deleteSource('beta', false);
    expect(await next()).toEqual([['b1']]);

    // Pruned by the retention (i1 and i2 are kept: noted or tagged; the clip and the event go if old enough).
    await store.putItems([{ ...clip, id: 'old-1', url: 'https://exemple.fr/old', sourceId: 'alpha', fetched: '2020-01-01T00:00:00.000Z' }]);
    await next();
    await pruneOldItems(store, 12, { now: new Date('2026-12-06T00:00:00.000Z') });
    expect((await next()).flat()).toContain('old-1');

    await store.replaceAll({ sources: [], items: [], tags: [], rules: [], alerts: [], meta: {} });
    expect(await next()).toEqual(['reset']);
    store.close();
  });
});
