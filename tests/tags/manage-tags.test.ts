import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import type { Handlers } from '../../lib/messages/router';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { Poller } from '../../lib/refresh/poller';
import type { VigieStore } from '../../lib/store/store';
import { TagError } from '../../lib/tags/personal-tag';
import { makeDraft, makeSource, openTestStore, testSettings } from '../store/fixtures';

/** Personal tags: created by label, renamed and merged without losing a single assignment. */
const stores: VigieStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

async function setUp(): Promise<{ store: VigieStore; handlers: Handlers; changed: string[][] }> {
  const store = await openTestStore();
  stores.push(store);
  await store.putTags(SHARED_TAXONOMY);
  await store.putSources([makeSource({ id: 's' })]);
  await store.saveFetch({
    source: { id: 's', health: { consecutiveFailures: 0 } },
    items: [makeDraft('a'), makeDraft('b'), makeDraft('c')],
    fetchedAt: '2026-11-01T00:00:00.000Z',
  });
  const changed: string[][] = [];
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const handlers = createHandlers({
    store,
    poller,
    settingsChanged: async () => undefined,
    tagsChanged: () => undefined,
    alertsChanged: async () => undefined,
    rulesChanged: () => undefined,
    itemsChanged: async (ids) => {
      changed.push(ids ?? []);
    },
    sourcesChanged: () => undefined,
  });
  return { store, handlers, changed };
}

describe('personal tags', () => {
  it('creates a personal tag from a label, and gives back the same tag for the same name whatever its accents', async () => {
    const { handlers } = await setUp();
    const tag = await handlers.saveTag({ label: 'Élus locaux' });
    expect(tag).toMatchObject({ id: 'elus-locaux', scope: 'personal', label: { fr: 'Élus locaux', en: 'Élus locaux' } });
    expect(await handlers.saveTag({ label: 'elus LOCAUX' })).toEqual(tag);
    expect((await handlers.saveTag({ label: 'ia' })).id).toBe('ia');
  });

  it('renames a personal tag: same id, so every item keeps it', async () => {
    const { store, handlers } = await setUp();
    const tag = await handlers.saveTag({ label: 'À relire' });
    await handlers.updateItems({ ids: ['a', 'b'], patch: { addTags: [tag.id] } });
    const renamed = await handlers.renameTag({ id: tag.id, label: 'Relecture COPIL' });
    expect(renamed).toMatchObject({ id: tag.id, label: { fr: 'Relecture COPIL' } });
    expect((await store.getItem('a'))?.tags).toEqual([tag.id]);
    expect((await store.getItem('b'))?.tags).toEqual([tag.id]);
  });

  it('merges a personal tag into another: items carry the target once, the merged tag is gone', async () => {
    const { store, handlers, changed } = await setUp();
    const old = await handlers.saveTag({ label: 'Algo' });
    await handlers.updateItems({ ids: ['a', 'b'], patch: { addTags: [old.id] } });
    await handlers.updateItems({ ids: ['b'], patch: { addTags: ['algorithme-portee'] } });
    expect(await handlers.mergeTags({ from: old.id, into: 'algorithme-portee' })).toEqual({ updated: 2 });
    expect((await store.getItem('a'))?.tags).toEqual(['algorithme-portee']);
    expect((await store.getItem('b'))?.tags).toEqual(['algorithme-portee']);
    expect((await store.getItem('c'))?.tags).toEqual([]);
    expect((await store.listTags()).some((tag) => tag.id === old.id)).toBe(false);
    expect(changed.at(-1)?.sort()).toEqual(['a', 'b']);
  });

  it('refuses to rename or merge away the shared taxonomy, or to merge into nothing', async () => {
    const { handlers } = await setUp();
    await expect(handlers.renameTag({ id: 'ia', label: 'Intelligence' })).rejects.toBeInstanceOf(TagError);
    await expect(handlers.mergeTags({ from: 'ia', into: 'pages' })).rejects.toBeInstanceOf(TagError);
    const mine = await handlers.saveTag({ label: 'Perso' });
    await expect(handlers.mergeTags({ from: mine.id, into: mine.id })).rejects.toBeInstanceOf(TagError);
    await expect(handlers.mergeTags({ from: mine.id, into: 'absente' })).rejects.toBeInstanceOf(TagError);
  });
});
