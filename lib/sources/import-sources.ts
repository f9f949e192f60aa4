import { canonicalLink } from '../feeds/links';
import type { Settings } from '../model/settings';
import { emptyHealth, type Source } from '../model/source';
import type { OpmlEntry } from '../packs/opml';
import type { VigieStore } from '../store/store';

/**
 * Adds the sources of an OPML file that are not followed yet, all in one write: a file that fails to parse
 * never gets here, so an invalid file changes nothing. Imported sources are read at the next refresh; their
 * health shows the ones that are not feeds, or whose origin Vigie may not read yet.
 */
export async function importSources(
  store: VigieStore,
  entries: readonly OpmlEntry[],
  settings: Settings,
  now = new Date(),
  /** 'hub' for the sources the COPIL publishes on its hub. */
  origin: Source['origin'] = 'user',
): Promise<{ added: string[]; skipped: string[] }> {
  const followed = new Set((await store.listSources()).map((source) => source.url));
  const added: Source[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const url = canonicalLink(entry.url);
    if (!url || followed.has(url)) {
      skipped.push(entry.url);
      continue;
    }
    followed.add(url);
    added.push({
      id: crypto.randomUUID(),
      url,
      kind: entry.kind ?? 'rss',
      title: entry.title,
      ...(entry.language ? { language: entry.language } : {}),
      ...(entry.category ? { category: entry.category } : {}),
      intervalMinutes: settings.defaultIntervalMinutes,
      enabled: true,
      origin,
      added: now.toISOString(),
      health: emptyHealth(),
    });
  }
  await store.putSources(added);
  return { added: added.map((source) => source.url), skipped };
}
