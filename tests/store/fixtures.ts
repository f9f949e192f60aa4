import { afterEach } from 'vitest';
import type { ItemDraft } from '../../lib/model/item';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { emptyHealth, type Source } from '../../lib/model/source';
import { VigieStore } from '../../lib/store/store';

/** Builders shared by the store, refresh, sources and background tests (not a test file itself). */

/** A store on a database of its own, so that no two tests share state. */
export const openTestStore = (): Promise<VigieStore> => VigieStore.open(`test-${crypto.randomUUID()}`);

const opened: VigieStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** A fresh store for one test, closed after it. */
export async function newStore(): Promise<VigieStore> {
  const store = await openTestStore();
  opened.push(store);
  return store;
}

export function makeSource(fields: Partial<Source> & Pick<Source, 'id'>): Source {
  return {
    url: `https://${fields.id}.example/feed.xml`,
    kind: 'rss',
    title: fields.id,
    intervalMinutes: 30,
    enabled: true,
    origin: 'user',
    added: '2025-01-15T08:00:00.000Z',
    health: emptyHealth(),
    ...fields,
  };
}

export function makeDraft(id: string, fields: Partial<ItemDraft> = {}): ItemDraft {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Title ${id}`,
    summary: `Summary ${id}`,
    categories: [],
    ...fields,
  };
}

/** Settings for tests: short timeouts so that a hanging server costs a second. */
export const testSettings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, fetchTimeoutSeconds: 1, ...patch });

export interface RssEntry {
  title: string;
  guid: string;
  link?: string;
  date?: string;
  description?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small, valid RSS 2.0 document. */
export function rss(title: string, entries: readonly RssEntry[]): string {
  const items = entries
    .map(
      (entry) => `    <item>
      <title>${escape(entry.title)}</title>
      <guid isPermaLink="false">${escape(entry.guid)}</guid>
      ${entry.link ? `<link>${escape(entry.link)}</link>` : ''}
      ${entry.date ? `<pubDate>${entry.date}</pubDate>` : ''}
      ${entry.description ? `<description>${escape(entry.description)}</description>` : ''}
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escape(title)}</title>
    <link>https://veille.example/</link>
    <language>fr</language>
${items}
  </channel>
</rss>
`;
}

export const THREE_ENTRIES: readonly RssEntry[] = [
  { title: 'Algorithme : nouvelle portée des Pages', guid: 'a-1', link: 'https://veille.example/a-1', date: 'Mon, 02 Jun 2025 08:00:00 GMT', description: 'Premier' },
  { title: 'Publicité politique : règles TTPA', guid: 'a-2', link: 'https://veille.example/a-2', date: 'Tue, 03 Jun 2025 08:00:00 GMT', description: 'Deuxième' },
  { title: 'Reels : durée maximale', guid: 'a-3', link: 'https://veille.example/a-3', date: 'Wed, 04 Jun 2025 08:00:00 GMT', description: 'Troisième' },
];

export const HTML_PAGE = '<!doctype html><html><head><title>Pas un flux</title></head><body><p>Bonjour</p></body></html>';
