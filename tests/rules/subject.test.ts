import { describe, expect, it } from 'vitest';
import { curatedSource, CURATED_PACK } from '../../lib/packs/curated-sources';
import { FIELD_LIMITS, subjectOf } from '../../lib/rules/match';
import { makeItem } from './helpers';

const labels = (id: string) => (id === 'ia' ? ['IA', 'AI'] : []);
/** Rules fold whitespace away: where the text of the HTML has a few more spaces does not matter. */
const squeezed = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('what rules see of an item', () => {
  const source = curatedSource(CURATED_PACK.find((entry) => entry.id === 'ota-pga-facebook') ?? (CURATED_PACK[0] as never), new Date('2026-11-01T00:00:00Z'));

  it('every field, from the item, its source and its tags', () => {
    const item = makeItem({
      sourceId: source.id,
      title: 'Conditions de service',
      summary: 'Résumé distinct.',
      contentHtml: '<p>Le <strong>texte</strong> &amp; la suite.</p>',
      url: 'https://exemple.fr/a',
      author: 'Claire',
      tags: ['ia'],
      clip: { clippedAt: '2026-11-02T00:00:00.000Z', quote: 'Une citation', description: 'La description' },
    });
    const subject = subjectOf(item, source, labels);
    expect(subject.content.map(squeezed)).toEqual(['Résumé distinct.', 'Le texte & la suite.', 'Une citation', 'La description']);
    expect({ ...subject, content: [] }).toEqual({
      title: ['Conditions de service'],
      content: [],
      url: ['https://exemple.fr/a'],
      author: ['Claire'],
      source: ['ota-pga-facebook', 'Open Terms Archive — Facebook (collection UE)'],
      category: ["Conditions d'utilisation (Open Terms Archive)"],
      tags: ['ia', 'IA', 'AI'],
    });
  });

  it('reads a summary that only repeats the start of the content once', () => {
    const item = makeItem({ summary: 'Le début du texte…', contentHtml: '<p>Le début du texte, et la suite.</p>' });
    expect(subjectOf(item, undefined, labels).content.map(squeezed)).toEqual(['Le début du texte, et la suite.']);
    const differs = makeItem({ summary: 'Un chapeau à part', contentHtml: '<p>Le début du texte.</p>' });
    expect(subjectOf(differs, undefined, labels).content.map(squeezed)).toEqual(['Un chapeau à part', 'Le début du texte.']);
  });

  it('without its source, the item’s source id still counts', () => {
    const subject = subjectOf(makeItem({ sourceId: 'perdue' }), undefined, labels);
    expect(subject.source).toEqual(['perdue']);
    expect(subject.category).toEqual([]);
  });

  it('caps long texts, so that a rule’s time per item is bounded', () => {
    const long = `<p>${'mot '.repeat(20_000)}</p>`;
    const subject = subjectOf(makeItem({ title: 'x'.repeat(5_000), summary: 'résumé', contentHtml: long }), undefined, labels);
    expect(subject.title[0]).toHaveLength(FIELD_LIMITS.title);
    expect(subject.content.join('').length).toBeLessThanOrEqual(FIELD_LIMITS.content);
  });
});
