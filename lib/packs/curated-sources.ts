import { originPattern } from '../feeds/links';
import { DEFAULT_INTERVAL_MINUTES, type Source, type SourceKind, emptyHealth } from '../model/source';
import { DEFAULT_MONITORS, type DefaultMonitor } from './default-monitors';

/**
 * "Veille Meta": the sources every member starts with, enabled on first install. Their URLs could not be
 * checked from where this pack was written: each source's health in the popup shows a dead one at once.
 * Raising `CURATED_PACK_VERSION` makes installed extensions add the entries they lack (never re-add a
 * source the user deleted: see `seedCuratedPack`).
 */
export { CURATED_PACK_VERSION } from './curated-sources-version';

interface CuratedEntry {
  id: string;
  title: string;
  url: string;
  kind: SourceKind;
  language: 'fr' | 'en';
  category: string;
}

export const CURATED_CATEGORIES = {
  meta: 'Meta officiel',
  pages: 'Pages de Meta surveillées',
  terms: "Conditions d'utilisation (Open Terms Archive)",
  newsFr: 'Actualité des réseaux sociaux (FR)',
  newsEn: 'Actualité des réseaux sociaux (EN)',
} as const;

/**
 * Curated sources that later packs retire, by the version that retired them: an installation whose pack is
 * older loses them at its next start (their items stay). Version 3: OTA removed Facebook and Instagram from
 * its France collection on 2022-04-28, so `france-versions/commits/main/Facebook.atom` follows an empty history.
 */
export const RETIRED_CURATED: readonly { id: string; retiredIn: number }[] = [{ id: 'ota-france-facebook', retiredIn: 3 }];

export const CURATED_PACK: readonly CuratedEntry[] = [
  { id: 'meta-newsroom', title: 'Meta Newsroom', url: 'https://about.fb.com/news/feed/', kind: 'rss', language: 'en', category: CURATED_CATEGORIES.meta },
  { id: 'meta-developers-blog', title: 'Meta for Developers — blog', url: 'https://developers.facebook.com/blog/feed/', kind: 'rss', language: 'en', category: CURATED_CATEGORIES.meta },
  { id: 'ota-pga-facebook', title: 'Open Terms Archive — Facebook (collection UE)', url: 'https://github.com/OpenTermsArchive/pga-versions/commits/main/Facebook.atom', kind: 'atom', language: 'en', category: CURATED_CATEGORIES.terms },
  { id: 'blog-du-moderateur', title: 'Blog du Modérateur', url: 'https://www.blogdumoderateur.com/feed/', kind: 'rss', language: 'fr', category: CURATED_CATEGORIES.newsFr },
  { id: 'siecle-digital', title: 'Siècle Digital', url: 'https://siecledigital.fr/feed/', kind: 'rss', language: 'fr', category: CURATED_CATEGORIES.newsFr },
  { id: 'journal-du-cm', title: 'Journal du CM', url: 'https://www.journalducm.com/feed/', kind: 'rss', language: 'fr', category: CURATED_CATEGORIES.newsFr },
  { id: 'social-media-today', title: 'Social Media Today', url: 'https://www.socialmediatoday.com/feeds/news/', kind: 'rss', language: 'en', category: CURATED_CATEGORIES.newsEn },
  { id: 'the-verge-meta', title: 'The Verge — Meta', url: 'https://www.theverge.com/rss/meta/index.xml', kind: 'atom', language: 'en', category: CURATED_CATEGORIES.newsEn },
  { id: 'techcrunch-meta', title: 'TechCrunch — Meta', url: 'https://techcrunch.com/tag/meta/feed/', kind: 'rss', language: 'en', category: CURATED_CATEGORIES.newsEn },
];

/** Version 2: Meta's pages without a feed, watched for changes (see lib/monitors/default-monitors.ts). */
export function curatedMonitor(monitor: DefaultMonitor, now: Date): Source {
  return {
    id: monitor.id,
    url: monitor.url,
    kind: 'page',
    title: monitor.title,
    language: monitor.language,
    category: CURATED_CATEGORIES.pages,
    intervalMinutes: monitor.intervalMinutes,
    enabled: true,
    origin: 'curated',
    added: now.toISOString(),
    health: emptyHealth(),
    monitor: { select: [...monitor.select], remove: [...monitor.remove], retention: monitor.retention },
  };
}

export function curatedSource(entry: CuratedEntry, now: Date): Source {
  return {
    ...entry,
    intervalMinutes: DEFAULT_INTERVAL_MINUTES,
    enabled: true,
    origin: 'curated',
    added: now.toISOString(),
    health: emptyHealth(),
  };
}

/** The origins the manifest declares, so that the pack works without asking anything at install. */
export function curatedHostPermissions(): string[] {
  return [...new Set([...CURATED_PACK, ...DEFAULT_MONITORS].map((entry) => originPattern(entry.url)))];
}
