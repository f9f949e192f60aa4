import { describe, expect, it } from 'vitest';
import type { OpmlEntry } from '../../lib/packs/opml';
import { importSources } from '../../lib/sources/import-sources';
import { makeSource, testSettings, newStore } from '../store/fixtures';


const NOW = new Date('2025-06-01T08:00:00.000Z');

describe('importSources', () => {
  it('adds the URLs not followed yet, as enabled user sources with the default interval', async () => {
    const store = await newStore();
    const entries: OpmlEntry[] = [
      { url: 'https://a.example/feed.xml', title: 'A', category: 'Veille / Meta', language: 'fr', kind: 'atom' },
      { url: 'https://b.example/rss', title: 'B' },
    ];
    const result = await importSources(store, entries, testSettings({ defaultIntervalMinutes: 45 }), NOW);
    expect(result).toEqual({ added: ['https://a.example/feed.xml', 'https://b.example/rss'], skipped: [] });

    const a = await store.findSourceByUrl('https://a.example/feed.xml');
    expect(a).toMatchObject({
      title: 'A',
      kind: 'atom',
      category: 'Veille / Meta',
      language: 'fr',
      intervalMinutes: 45,
      enabled: true,
      origin: 'user',
      added: NOW.toISOString(),
      health: { consecutiveFailures: 0 },
    });
    const b = await store.findSourceByUrl('https://b.example/rss');
    expect(b).toMatchObject({ title: 'B', kind: 'rss' });
    expect(b?.category).toBeUndefined();
    expect(a?.id).not.toBe(b?.id);
  });

  it('skips the URLs already followed, and a URL listed twice, changing nothing of the sources followed', async () => {
    const store = await newStore();
    const followed = makeSource({ id: 'followed', url: 'https://a.example/feed.xml', title: 'Mine', category: 'Perso' });
    await store.putSources([followed]);
    const result = await importSources(
      store,
      [
        { url: 'https://a.example/feed.xml', title: 'Theirs', category: 'Autre' },
        // The same feed behind a tracking parameter and a fragment is the same feed.
        { url: 'https://a.example/feed.xml?utm_source=opml#top', title: 'Theirs again' },
        { url: 'https://c.example/feed.xml', title: 'C' },
        { url: 'https://c.example/feed.xml', title: 'C twice' },
      ],
      testSettings(),
      NOW,
    );
    expect(result).toEqual({
      added: ['https://c.example/feed.xml'],
      skipped: ['https://a.example/feed.xml', 'https://a.example/feed.xml?utm_source=opml#top', 'https://c.example/feed.xml'],
    });
    expect(await store.getSource('followed')).toEqual(followed);
    expect(await store.listSources()).toHaveLength(2);
  });

  it('adds nothing when every URL is followed already', async () => {
    const store = await newStore();
    await store.putSources([makeSource({ id: 'x', url: 'https://x.example/feed.xml' })]);
    expect(await importSources(store, [{ url: 'https://x.example/feed.xml', title: 'X' }], testSettings(), NOW)).toEqual({
      added: [],
      skipped: ['https://x.example/feed.xml'],
    });
    expect(await store.listSources()).toHaveLength(1);
  });
});
