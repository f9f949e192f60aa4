import type { Item } from '../../lib/model/item';
import { emptyHealth, type Source } from '../../lib/model/source';
import type { Tag } from '../../lib/model/tag';
import { CURATED_CATEGORIES } from '../../lib/packs/curated-sources';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';

/** Sources of each kind the timeline tells apart, and items built on them. Dates at noon UTC: the same day in any time zone of France's. */
function source(id: string, fields: Partial<Source>): Source {
  return { id, url: `https://example.org/${id}`, kind: 'rss', title: id, intervalMinutes: 30, enabled: true, origin: 'curated', added: '2024-01-01T00:00:00Z', health: emptyHealth(), ...fields };
}

export const SOURCES: Source[] = [
  source('meta-newsroom', { category: CURATED_CATEGORIES.meta }),
  source('ota-facebook', { kind: 'atom', category: CURATED_CATEGORIES.terms }),
  source('page-transparency', { kind: 'page', category: 'Pages surveillées' }),
  source('blog-du-moderateur', { category: CURATED_CATEGORIES.newsFr }),
];

export const TAGS: Tag[] = [...SHARED_TAXONOMY, { id: 'elus', label: { fr: 'Élus', en: 'Élus' }, scope: 'personal', color: '#1d6fb8' }];

export function item(id: string, fields: Partial<Item> = {}): Item {
  return { id, sourceId: 'blog-du-moderateur', title: `Titre ${id}`, fetched: '2025-01-01T12:00:00Z', categories: [], read: false, starred: false, tags: [], ...fields };
}

/** One of each: the timeline keeps all but the plain news article. */
export const ITEMS: Item[] = [
  item('annonce', { sourceId: 'meta-newsroom', title: 'Nouvelle règle sur les Reels', published: '2024-03-05T12:00:00Z', tags: ['video-reels-live'], impact: 'medium' }),
  item('cgu', { sourceId: 'ota-facebook', title: "Conditions d'utilisation modifiées", published: '2024-03-20T12:00:00Z' }),
  item('page', { sourceId: 'page-transparency', title: 'Page Transparence modifiée', published: '2024-04-02T12:00:00Z', tags: ['publicite-politique'], impact: 'high' }),
  item('histoire', { sourceId: 'history', title: 'Lancement de Facebook', published: '2004-02-04T12:00:00Z', url: 'https://example.org/2004', tags: ['pages'] }),
  item('article-juge', { title: "L'algorithme change encore", published: '2024-04-10T12:00:00Z', tags: ['algorithme-portee'], impact: 'low' }),
  item('article-etoile', { title: 'Les groupes évoluent', published: '2024-04-11T12:00:00Z', tags: ['groupes'], starred: true }),
  item('article-simple', { title: 'Dix astuces pour vos publications', published: '2024-04-12T12:00:00Z', tags: ['pages'] }),
  item('article-perso', { title: 'Note pour les élus', published: '2024-04-13T12:00:00Z', tags: ['elus'], impact: 'high' }),
];
