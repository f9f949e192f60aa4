import type { DigestInput } from '../../lib/digest';
import type { Alert } from '../../lib/model/alert';
import type { Item } from '../../lib/model/item';
import type { Priority } from '../../lib/model/rule';
import type { Source } from '../../lib/model/source';
import type { Tag } from '../../lib/model/tag';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';

/** A week that ends on Saturday 28 November 2026, 10:00 in Paris: the COPIL meets that morning. */
export const NOW = new Date('2026-11-28T09:00:00.000Z');
export const PERIOD = { from: '2026-11-21T09:00:00.000Z', to: NOW.toISOString() };
export const IN_WEEK = '2026-11-25T08:30:00.000Z';
export const BEFORE = '2026-11-10T08:30:00.000Z';

export const SOURCES: Source[] = [
  {
    id: 'meta-newsroom',
    url: 'https://about.fb.com/news/feed/',
    kind: 'rss',
    title: 'Meta Newsroom',
    intervalMinutes: 30,
    enabled: true,
    origin: 'curated',
    added: BEFORE,
    health: { consecutiveFailures: 0 },
  },
];

export const TAGS: Tag[] = [...SHARED_TAXONOMY, { id: 'elus', label: { fr: 'Élus', en: 'Elected officials' }, scope: 'personal', color: '#1d6fb8' }];

export function item(id: string, fields: Partial<Item> = {}): Item {
  return {
    id,
    sourceId: 'meta-newsroom',
    url: `https://about.fb.com/news/${id}/`,
    title: `Titre ${id}`,
    published: IN_WEEK,
    fetched: IN_WEEK,
    categories: [],
    read: false,
    starred: false,
    tags: [],
    ...fields,
  };
}

export function alert(ruleName: string, itemId: string, priority: Priority, created = IN_WEEK): Alert {
  const ruleId = ruleName.toLowerCase().replace(/\W+/g, '-');
  return { id: `${ruleId}|${itemId}`, ruleId, ruleName, itemId, priority, created, read: false };
}

export function input(alerts: Alert[], items: Item[], fields: Partial<DigestInput> = {}): DigestInput {
  return { kind: 'weekly', period: PERIOD, alerts, items, sources: SOURCES, tags: TAGS, language: 'fr', timeZone: 'Europe/Paris', ...fields };
}
