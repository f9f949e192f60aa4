import { describe, expect, it } from 'vitest';
import { sourcesById, summaryItem } from '../../lib/background/handlers/core';
import type { Item } from '../../lib/model/item';
import { makeSource } from '../store/fixtures';

const item = (fields: Partial<Item> = {}): Item => ({ id: 'i', sourceId: 'meta', title: 'Ads update', fetched: '2026-12-01T08:00:00.000Z', categories: [], read: false, starred: false, tags: [], ...fields });

describe('summaryItem', () => {
  const sources = sourcesById([makeSource({ id: 'meta', title: 'Meta for Business', language: 'en-us' }), makeSource({ id: 'fr', url: 'https://fr.example/feed.xml', title: 'Veille' })]);

  it("names the language of an item's title: its own, else its source's (RGAA 8.7), canonical", () => {
    expect(summaryItem(item({ language: 'pt_BR' }), sources)).toMatchObject({ sourceTitle: 'Meta for Business', language: 'pt-BR' });
    expect(summaryItem(item(), sources).language).toBe('en-US');
    // A source without a language, or a clip (its site is not the source): nothing said rather than a guess.
    expect(summaryItem(item({ sourceId: 'fr' }), sources)).not.toHaveProperty('language');
    expect(summaryItem(item({ clip: { clippedAt: '2026-12-01T08:00:00.000Z', siteName: 'Un site' } }), sources)).toMatchObject({ sourceTitle: 'Un site' });
    expect(summaryItem(item({ clip: { clippedAt: '2026-12-01T08:00:00.000Z' } }), sources)).not.toHaveProperty('language');
  });
});
