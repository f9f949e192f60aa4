import type { Item } from '../../lib/model/item';
import type { Condition, Rule } from '../../lib/model/rule';
import { EMPTY_SUBJECT, type RuleSubject } from '../../lib/rules/match';

/** A user rule with these conditions (and a text condition in titles and content when given terms). */
export function makeRule(conditions: Condition[], overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'r',
    name: 'Règle',
    enabled: true,
    priority: 'info',
    conditions,
    actions: { alert: true, addTags: [], star: false, notify: false, proposeShare: false },
    origin: 'user',
    updated: '2026-11-30T00:00:00.000Z',
    ...overrides,
  };
}

export const inText = (mode: Condition['mode'], combine: Condition['combine'], terms: string[]): Condition => ({ fields: ['title', 'content'], mode, combine, terms });

/** A subject with these field values; the others empty. */
export function makeSubject(fields: Partial<Record<keyof RuleSubject, string | string[]>>): RuleSubject {
  const subject: Record<string, readonly string[]> = { ...EMPTY_SUBJECT };
  for (const [field, value] of Object.entries(fields)) subject[field] = typeof value === 'string' ? [value] : value;
  return subject as RuleSubject;
}

export function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'i',
    sourceId: 'blog-du-moderateur',
    title: 'Titre',
    fetched: '2026-11-30T08:00:00.000Z',
    categories: [],
    read: false,
    starred: false,
    tags: [],
    ...overrides,
  };
}
