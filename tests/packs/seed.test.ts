import { describe, expect, it } from 'vitest';
import { CURATED_PACK, CURATED_PACK_VERSION } from '../../lib/packs/curated-sources';
import { DEFAULT_MONITORS } from '../../lib/packs/default-monitors';
import { seedCuratedPack } from '../../lib/packs/seed-sources';
import { curatedSourcePack } from '../../lib/packs/source-pack-build';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { META } from '../../lib/store/meta-keys';
import { makeSource, newStore } from '../store/fixtures';

/** The curated pack as the build ships it. */
const pack = async () => curatedSourcePack();


const NOW = new Date('2025-06-01T08:00:00.000Z');
const sortedIds = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

describe('seedCuratedPack', () => {
  it('adds the whole curated pack, enabled and curated, and the shared taxonomy on first run', async () => {
    const store = await newStore();
    const added = await seedCuratedPack(store, pack, NOW);
    expect(CURATED_PACK).toHaveLength(9);
    expect(added).toEqual([...CURATED_PACK, ...DEFAULT_MONITORS].map((entry) => entry.id));

    const sources = await store.listSources();
    expect(sources).toHaveLength(12);
    expect(sortedIds(sources)).toEqual(sortedIds([...CURATED_PACK, ...DEFAULT_MONITORS]));
    // Version 2 of the pack watches Meta's pages that have no feed.
    for (const monitor of DEFAULT_MONITORS) {
      expect(await store.getSource(monitor.id)).toMatchObject({ kind: 'page', url: monitor.url, origin: 'curated', monitor: { select: monitor.select, retention: monitor.retention } });
    }
    for (const source of sources.filter((candidate) => candidate.kind !== 'page')) {
      const entry = CURATED_PACK.find((candidate) => candidate.id === source.id)!;
      expect(source).toMatchObject({
        url: entry.url,
        title: entry.title,
        kind: entry.kind,
        language: entry.language,
        category: entry.category,
        enabled: true,
        origin: 'curated',
        added: NOW.toISOString(),
        health: { consecutiveFailures: 0 },
      });
    }

    const tags = await store.listTags();
    expect(tags).toHaveLength(13);
    expect(sortedIds(tags)).toEqual(sortedIds(SHARED_TAXONOMY));
    expect(await store.getMeta(META.curatedPackVersion)).toBe(CURATED_PACK_VERSION);
  });

  it('adds nothing when run again, and leaves the sources as the user changed them', async () => {
    const store = await newStore();
    await seedCuratedPack(store, pack, NOW);
    const newsroom = (await store.getSource('meta-newsroom'))!;
    await store.putSources([{ ...newsroom, enabled: false, title: 'Renamed' }]);
    const before = await store.listSources();

    expect(await seedCuratedPack(store, pack, new Date('2025-07-01T00:00:00.000Z'))).toEqual([]);
    expect(await store.listSources()).toEqual(before);
    expect(await store.listTags()).toHaveLength(13);
  });

  it('does not re-add a curated source the user removed when an older pack version is installed', async () => {
    const store = await newStore();
    await store.setMeta(META.curatedPackVersion, CURATED_PACK_VERSION - 1);
    await store.setMeta(META.removedCurated, ['meta-newsroom', 'techcrunch-meta']);
    const added = await seedCuratedPack(store, pack, NOW);

    expect(added).not.toContain('meta-newsroom');
    expect(added).not.toContain('techcrunch-meta');
    expect(added).toHaveLength(7 + DEFAULT_MONITORS.length);
    expect(await store.getSource('meta-newsroom')).toBeUndefined();
    expect(await store.getSource('techcrunch-meta')).toBeUndefined();
    expect(await store.getMeta(META.curatedPackVersion)).toBe(CURATED_PACK_VERSION);
  });

  it('does not add a curated source whose URL the user already follows under another id', async () => {
    const store = await newStore();
    await store.putSources([makeSource({ id: 'mine', url: 'https://about.fb.com/news/feed/', title: 'Mon flux Meta' })]);
    const added = await seedCuratedPack(store, pack, NOW);
    expect(added).not.toContain('meta-newsroom');
    expect(added).toHaveLength(8 + DEFAULT_MONITORS.length);
    expect((await store.findSourceByUrl('https://about.fb.com/news/feed/'))?.id).toBe('mine');
  });

  it("retires the France collection's Facebook history (empty since OTA dropped it in 2022) from a version 2 store, keeping its items", async () => {
    const store = await newStore();
    const retired = makeSource({ id: 'ota-france-facebook', url: 'https://github.com/OpenTermsArchive/france-versions/commits/main/Facebook.atom', origin: 'curated' });
    await store.putSources([retired]);
    await store.saveFetch({ source: { id: retired.id, health: retired.health }, items: [{ id: 'ota-france-facebook|c1', title: 'Update Facebook Terms of Service', url: 'https://github.com/OpenTermsArchive/france-versions/commit/e41b8d2c09f7a3651b4e8c2d7f0a9b3c6e5d4f21', published: '2022-03-01T10:00:00.000Z', categories: [] }], fetchedAt: NOW.toISOString() });
    await store.setMeta(META.curatedPackVersion, 2);
    await seedCuratedPack(store, pack, NOW);
    expect(await store.getSource('ota-france-facebook')).toBeUndefined();
    expect(await store.getItem('ota-france-facebook|c1')).toMatchObject({ title: 'Update Facebook Terms of Service' });
    expect(await store.getMeta(META.curatedPackVersion)).toBe(CURATED_PACK_VERSION);
    // A member's own source at that address is theirs: a later start leaves it alone.
    await store.putSources([makeSource({ id: 'mine', url: retired.url, origin: 'user' })]);
    await store.setMeta(META.curatedPackVersion, 2);
    await seedCuratedPack(store, pack, NOW);
    expect(await store.getSource('mine')).toBeDefined();
  });
});
