import { describe, expect, it } from 'vitest';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import {
  checkPastEvent,
  countsByCategoryAndMonth,
  filterPoints,
  NO_CATEGORY,
  pointsAt,
  timeAxisLabels,
  timelinePoints,
  topCategories,
} from '../../lib/timeline';
import { ITEMS, item, SOURCES, TAGS } from './fixtures';

/** The timeline's data: which items are Meta's changes, how they are filtered and counted. */
const points = timelinePoints(ITEMS, SOURCES, TAGS);
const ids = (list: { itemId: string }[]) => list.map((point) => point.itemId);

describe('timelinePoints', () => {
  it('keeps Meta announcements, terms and page changes, past events, and the news a member judged, oldest first', () => {
    expect(ids(points)).toEqual(['histoire', 'annonce', 'cgu', 'page', 'article-juge', 'article-etoile']);
    expect(Object.fromEntries(points.map((point) => [point.itemId, point.kind]))).toEqual({
      histoire: 'history',
      annonce: 'announcement',
      cgu: 'terms',
      page: 'page',
      'article-juge': 'news',
      'article-etoile': 'news',
    });
  });

  it('leaves out news nobody judged and news with only a personal tag', () => {
    expect(ids(points)).not.toContain('article-simple');
    expect(ids(points)).not.toContain('article-perso');
  });

  it('reads the kind from the diff an item carries, whatever its source', () => {
    const diff = (kind: 'page' | 'terms') => ({ kind, documents: [] });
    const found = timelinePoints(
      [item('diff-cgu', { sourceId: 'clips', change: diff('terms') }), item('diff-page', { sourceId: 'clips', change: diff('page') })],
      SOURCES,
      TAGS,
    );
    expect(found.map((point) => point.kind)).toEqual(['terms', 'page']);
  });

  it('colours a point by its top-level shared category: a narrower tag climbs to its parent', () => {
    const page = points.find((point) => point.itemId === 'page');
    expect(page).toMatchObject({ category: 'publicite', categories: ['publicite'], color: '#b35900', impact: 'high' });
  });

  it('puts an untagged terms change under the terms category, and leaves other untagged points without one', () => {
    expect(points.find((point) => point.itemId === 'cgu')).toMatchObject({ category: 'conditions-confidentialite', color: '#5d4037' });
    const untagged = timelinePoints([item('u', { sourceId: 'meta-newsroom' })], SOURCES, TAGS)[0];
    expect(untagged?.category).toBeUndefined();
    expect(untagged?.color).toBeUndefined();
    expect(untagged?.categories).toEqual([]);
  });

  it('dates a point when it was published, or when Vigie saw it if the feed gave no date', () => {
    const [point] = timelinePoints([item('sans-date', { sourceId: 'meta-newsroom', fetched: '2025-02-01T12:00:00Z' })], SOURCES, TAGS);
    expect(point?.date).toBe('2025-02-01T12:00:00Z');
    expect(point?.time).toBe(Date.parse('2025-02-01T12:00:00Z'));
  });

  it('lists the top-level categories in the taxonomy order', () => {
    const tops = topCategories(TAGS).map((tag) => tag.id);
    expect(tops).not.toContain('publicite-politique');
    expect(tops).not.toContain('elus');
    expect(tops[0]).toBe(SHARED_TAXONOMY[0]?.id);
  });
});

describe('filterPoints', () => {
  it('keeps the points of the categories chosen, a narrower tag counting for its parent', () => {
    expect(ids(filterPoints(points, { categories: ['publicite', 'pages'] }))).toEqual(['histoire', 'page']);
  });

  it('finds the points without a category with NO_CATEGORY', () => {
    const more = [...points, ...timelinePoints([item('u', { sourceId: 'meta-newsroom', published: '2024-05-01T12:00:00Z' })], SOURCES, TAGS)];
    expect(ids(filterPoints(more, { categories: [NO_CATEGORY] }))).toEqual(['u']);
    expect(filterPoints(more, { categories: [] })).toEqual([]);
  });

  it('keeps the kinds chosen', () => {
    expect(ids(filterPoints(points, { kinds: ['terms', 'history'] }))).toEqual(['histoire', 'cgu']);
  });

  it('keeps the days between the two dates, both included', () => {
    expect(ids(filterPoints(points, { from: '2024-03-20', to: '2024-04-02' }))).toEqual(['cgu', 'page']);
    expect(ids(filterPoints(points, { to: '2004-12-31' }))).toEqual(['histoire']);
  });

  it('keeps the points judged at least as strong as asked, and drops the ones nobody judged', () => {
    expect(ids(filterPoints(points, { minImpact: 'medium' }))).toEqual(['annonce', 'page']);
    expect(ids(filterPoints(points, { minImpact: 'low' }))).toEqual(['annonce', 'page', 'article-juge']);
  });

  it('combines the filters', () => {
    expect(ids(filterPoints(points, { kinds: ['news', 'page'], minImpact: 'low', from: '2024-04-05' }))).toEqual(['article-juge']);
  });
});

describe('countsByCategoryAndMonth', () => {
  const counts = countsByCategoryAndMonth(
    points,
    'fr',
    topCategories(TAGS).map((tag) => tag.id),
  );

  it('has a column for each month with a change, named in French', () => {
    expect(counts.months).toEqual([
      { key: '2004-02', label: 'février 2004' },
      { key: '2024-03', label: 'mars 2024' },
      { key: '2024-04', label: 'avril 2024' },
    ]);
  });

  it('has a row per category in the taxonomy order, each point counted once', () => {
    expect(counts.rows.map((row) => [row.category, row.counts, row.total])).toEqual([
      ['algorithme-portee', [0, 0, 1], 1],
      ['publicite', [0, 0, 1], 1],
      ['pages', [1, 0, 0], 1],
      ['groupes', [0, 0, 1], 1],
      ['video-reels-live', [0, 1, 0], 1],
      ['conditions-confidentialite', [0, 1, 0], 1],
    ]);
    expect(counts.monthTotals).toEqual([1, 2, 3]);
    expect(counts.total).toBe(6);
  });

  it('puts the changes without a category last', () => {
    const more = [...points, ...timelinePoints([item('u', { sourceId: 'meta-newsroom', published: '2024-03-01T12:00:00Z' })], SOURCES, TAGS)];
    const rows = countsByCategoryAndMonth(more, 'fr').rows;
    expect(rows[rows.length - 1]).toEqual({ counts: [0, 1, 0], total: 1 });
  });

  it('names the months in English for an English interface', () => {
    expect(countsByCategoryAndMonth(points, 'en').months.map((month) => month.label)).toEqual(['February 2004', 'March 2024', 'April 2024']);
  });
});

describe('timeAxisLabels', () => {
  const day = 24 * 3600 * 1000;
  const at = (iso: string) => new Date(iso).getTime();

  it('says the months in French, with the year on the first tick and when it changes', () => {
    const ticks = [at('2024-11-01T00:00:00'), at('2024-12-01T00:00:00'), at('2025-01-01T00:00:00')];
    expect(timeAxisLabels(ticks, 30 * day, 'fr')).toEqual(['nov. 2024', 'déc.', 'janv. 2025']);
  });

  it('says only the years for a long history', () => {
    expect(timeAxisLabels([at('2004-01-01T00:00:00'), at('2010-01-01T00:00:00')], 365 * day, 'fr')).toEqual(['2004', '2010']);
  });
});

describe('pointsAt', () => {
  it('finds the points under the pointer, nearest first, with a little slack', () => {
    const drawn = [
      { x: 10, y: 10, radius: 4 },
      { x: 14, y: 10, radius: 4 },
      { x: 100, y: 10, radius: 8 },
    ];
    expect(pointsAt(drawn, 13, 10)).toEqual([1, 0]);
    expect(pointsAt(drawn, 110, 10)).toEqual([2]);
    expect(pointsAt(drawn, 50, 50)).toEqual([]);
  });
});

describe('checkPastEvent', () => {
  const categories = SHARED_TAXONOMY.map((tag) => tag.id);
  const valid = { date: '2004-02-04', title: ' Lancement de Facebook ', category: 'pages', url: 'https://example.org/2004' };

  it('accepts a dated, titled, categorised event with an http(s) link, trimmed', () => {
    expect(checkPastEvent(valid, categories, '2025-01-01')).toEqual({
      ok: true,
      event: { date: '2004-02-04', title: 'Lancement de Facebook', category: 'pages', url: 'https://example.org/2004' },
    });
    expect(checkPastEvent({ ...valid, url: '' }, categories, '2025-01-01')).toEqual({ ok: true, event: { date: '2004-02-04', title: 'Lancement de Facebook', category: 'pages' } });
  });

  it('says what is missing or wrong, field by field', () => {
    expect(checkPastEvent({ date: '', title: '  ', category: '', url: 'javascript:alert(1)' }, categories, '2025-01-01')).toEqual({
      ok: false,
      errors: { date: 'timelineEventDateMissing', title: 'timelineEventTitleMissing', category: 'timelineEventCategoryMissing', url: 'timelineEventUrlInvalid' },
    });
    const check = (fields: Partial<typeof valid>) => checkPastEvent({ ...valid, ...fields }, categories, '2025-01-01');
    expect(check({ date: '2023-02-30' })).toMatchObject({ errors: { date: 'timelineEventDateInvalid' } });
    expect(check({ date: '2025-01-02' })).toMatchObject({ errors: { date: 'timelineEventDateFuture' } });
    expect(check({ category: 'elus' })).toMatchObject({ errors: { category: 'timelineEventCategoryUnknown' } });
    expect(check({ url: 'ftp://example.org/file' })).toMatchObject({ errors: { url: 'timelineEventUrlInvalid' } });
    expect(check({ title: 'x'.repeat(301) })).toMatchObject({ errors: { title: 'timelineEventTitleTooLong' } });
  });
});
