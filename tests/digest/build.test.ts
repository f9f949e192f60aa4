import { describe, expect, it } from 'vitest';
import { buildDigest, digestPeriod } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import { CLIP_SOURCE_ID } from '../../lib/model/vocabulary';
import { BEFORE, IN_WEEK, PERIOD, alert, input, item } from './fixtures';

/** The digest's content: which items, filed where, in which order, counted how. */
const fr = nodeTranslate('fr');
const titles = (digest: ReturnType<typeof buildDigest>) => digest.groups.map((group) => [group.label, group.entries.map((entry) => entry.title)]);

describe('digestPeriod', () => {
  it('covers the 7 days, or the 24 hours, that end now', () => {
    const now = new Date('2026-11-28T09:00:00.000Z');
    expect(digestPeriod('weekly', now)).toEqual({ from: '2026-11-21T09:00:00.000Z', to: '2026-11-28T09:00:00.000Z' });
    expect(digestPeriod('daily', now)).toEqual({ from: '2026-11-27T09:00:00.000Z', to: '2026-11-28T09:00:00.000Z' });
  });

  it('counts the week in local days, so that it starts at the same clock time across a change of time', () => {
    const now = new Date(2026, 2, 31, 10, 0); // Tuesday 31 March 2026, 10:00 local: summer time began on the 29th in Europe
    const from = new Date(digestPeriod('weekly', now).from);
    expect([from.getDate(), from.getMonth(), from.getHours(), from.getMinutes()]).toEqual([24, 2, 10, 0]);
  });
});

describe('buildDigest', () => {
  it('groups entries by top-level category in the taxonomy order, narrower tags under their broader one, the rest under "Autres"', () => {
    const items = [
      item('moderation', { tags: ['moderation'] }),
      item('politique', { tags: ['publicite-politique'] }),
      item('portee', { tags: ['algorithme-portee'] }),
      item('perso', { tags: ['elus'] }),
      item('rien'),
    ];
    const digest = buildDigest(input(items.map((one) => alert('Veille', one.id, 'info')), items), fr);
    expect(titles(digest)).toEqual([
      ['Algorithme / portée', ['Titre portee']],
      ['Publicité', ['Titre politique']],
      ['Modération et règles communautaires', ['Titre moderation']],
      ['Autres', ['Titre perso', 'Titre rien']],
    ]);
    expect(digest.groups.map((group) => group.tagId)).toEqual(['algorithme-portee', 'publicite', 'moderation', undefined]);
    // The narrower tag still shows on the entry.
    expect(digest.groups[1]?.entries[0]?.tags).toEqual(['Publicité politique']);
  });

  it('files an item with several shared tags once, under its first category, and shows all its tags', () => {
    const one = item('double', { tags: ['elus', 'moderation', 'publicite'] });
    const digest = buildDigest(input([alert('Veille', 'double', 'info')], [one]), fr);
    expect(titles(digest)).toEqual([['Publicité', ['Titre double']]]);
    expect(digest.groups[0]?.entries[0]?.tags).toEqual(['Publicité', 'Modération et règles communautaires', 'Élus']);
  });

  it('orders critical, important, info, then starred only, newest first within each', () => {
    const items = [
      item('info', {}),
      item('star-old', { starred: true, published: '2026-11-22T08:00:00.000Z' }),
      item('star-new', { starred: true, published: '2026-11-27T08:00:00.000Z' }),
      item('critical-old', { published: '2026-11-22T08:00:00.000Z' }),
      item('critical-new', { published: '2026-11-27T08:00:00.000Z' }),
      item('important', {}),
    ];
    const alerts = [alert('A', 'info', 'info'), alert('A', 'critical-old', 'critical'), alert('A', 'critical-new', 'critical'), alert('A', 'important', 'important')];
    const digest = buildDigest(input(alerts, items), fr);
    expect(digest.groups[0]?.entries.map((entry) => entry.itemId)).toEqual(['critical-new', 'critical-old', 'important', 'info', 'star-new', 'star-old']);
  });

  it('makes one entry per item, with the highest priority and every rule that fired', () => {
    const one = item('x', { starred: true });
    const alerts = [alert('Vidéo', 'x', 'info'), alert('Réserve électorale', 'x', 'critical'), alert('Publicité', 'x', 'important')];
    const digest = buildDigest(input(alerts, [one]), fr);
    expect(digest.groups.flatMap((group) => group.entries)).toHaveLength(1);
    const entry = digest.groups[0]?.entries[0];
    expect(entry?.priority).toBe('critical');
    expect(entry?.rules).toEqual(['Réserve électorale', 'Publicité', 'Vidéo']);
    expect(digest.counts).toEqual({ items: 1, critical: 1, important: 0, info: 0, starred: 1 });
  });

  it('keeps only the alerts raised in the period and the items starred in it', () => {
    const items = [
      item('old-alert'),
      item('new-alert', { published: BEFORE }),
      item('old-star', { starred: true, published: BEFORE, fetched: BEFORE }),
      item('fetched-star', { starred: true, published: undefined, fetched: IN_WEEK }),
      item('clipped-star', { starred: true, published: BEFORE, fetched: BEFORE, clip: { clippedAt: IN_WEEK } }),
      item('not-starred'),
      item('future', { starred: true, published: '2026-12-01T08:00:00.000Z' }),
    ];
    const alerts = [alert('A', 'old-alert', 'critical', BEFORE), alert('A', 'new-alert', 'info'), alert('A', 'missing-item', 'critical')];
    const digest = buildDigest(input(alerts, items), fr);
    const ids = digest.groups.flatMap((group) => group.entries.map((entry) => entry.itemId));
    expect(ids.sort()).toEqual(['clipped-star', 'fetched-star', 'new-alert']);
    expect(digest.period).toEqual(PERIOD);
  });

  it('fills in the words: "Sans titre", the source, "Clip" for a clipped page, the note, impact', () => {
    const items = [
      item('untitled', { title: '  ', note: '  Prévenir les élus.  ', impact: 'high' }),
      item('clip', { sourceId: CLIP_SOURCE_ID, fetched: BEFORE, published: undefined, clip: { clippedAt: IN_WEEK }, starred: true }),
    ];
    const digest = buildDigest(input([alert('A', 'untitled', 'important')], items), fr);
    const [first, second] = digest.groups[0]?.entries ?? [];
    expect(first).toMatchObject({ title: 'Sans titre', source: 'Meta Newsroom', note: 'Prévenir les élus.', impact: 'high', starred: false, date: IN_WEEK });
    expect(second).toMatchObject({ source: 'Clip', date: IN_WEEK, rules: [], starred: true });
    expect(second?.priority).toBeUndefined();
  });

  it('speaks French by default in its words, and English when asked', () => {
    const items = [item('x', { title: '', tags: ['publicite-politique'] })];
    const french = buildDigest(input([alert('A', 'x', 'info')], items), fr);
    expect(french.title).toBe('Synthèse de la semaine');
    expect(french.groups[0]?.label).toBe('Publicité');
    const english = buildDigest(input([alert('A', 'x', 'info')], items, { language: 'en', kind: 'daily' }), nodeTranslate('en'));
    expect(english.title).toBe('Daily digest');
    expect(english.groups[0]).toMatchObject({ label: 'Advertising', entries: [{ title: 'Untitled', tags: ['Political ads'] }] });
  });

  it('is empty, with zero counts, when nothing happened', () => {
    const digest = buildDigest(input([], [item('quiet')]), fr);
    expect(digest.groups).toEqual([]);
    expect(digest.counts).toEqual({ items: 0, critical: 0, important: 0, info: 0, starred: 0 });
  });
});
