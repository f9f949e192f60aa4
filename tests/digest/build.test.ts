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

  it('covers the month that ends now, and chosen days from the start of the first to the end of the last', () => {
    const now = new Date(2026, 10, 28, 10, 0);
    const month = digestPeriod('monthly', now);
    expect([new Date(month.from).getMonth(), new Date(month.from).getDate(), new Date(month.from).getHours()]).toEqual([9, 28, 10]);
    const range = digestPeriod({ kind: 'range', from: '2026-11-02', to: '2026-11-27' }, now);
    expect(new Date(range.from).getTime()).toBe(new Date(2026, 10, 2).getTime());
    expect(new Date(range.to).getTime()).toBe(new Date(2026, 10, 27, 23, 59, 59, 999).getTime());
    // Days given in the wrong order are read in the right one.
    expect(digestPeriod({ kind: 'range', from: '2026-11-27', to: '2026-11-02' }, now)).toEqual(range);
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

  it('chooses items by their publication in the period, not by their alerts’ dates', () => {
    const items = [
      // Published this week; its alert was raised before (a date the feed gave late): this week's news.
      item('alert-raised-before'),
      // A source added this week brought last month's article: its alert is this week's, the article is not.
      item('backlog', { published: BEFORE }),
      item('old-star', { starred: true, published: BEFORE, fetched: BEFORE }),
      item('fetched-star', { starred: true, published: undefined, fetched: IN_WEEK }),
      // An older page a member clipped this week is this week's news to the COPIL.
      item('clipped-star', { starred: true, published: BEFORE, fetched: BEFORE, clip: { clippedAt: IN_WEEK } }),
      item('nothing-to-say'),
      item('future', { starred: true, published: '2026-12-01T08:00:00.000Z' }),
    ];
    const alerts = [alert('A', 'alert-raised-before', 'critical', BEFORE), alert('A', 'backlog', 'info'), alert('A', 'missing-item', 'critical')];
    const digest = buildDigest(input(alerts, items), fr);
    const ids = digest.groups.flatMap((group) => group.entries.map((entry) => entry.itemId));
    expect(ids.sort()).toEqual(['alert-raised-before', 'clipped-star', 'fetched-star']);
    expect(digest.period).toEqual(PERIOD);
  });

  it('tells what members worked on as well as what rang: clips, a conseil, an impact', () => {
    const items = [
      item('clip', { sourceId: CLIP_SOURCE_ID, clip: { clippedAt: IN_WEEK } }),
      item('advised', { note: 'Relayer aux services.' }),
      item('judged', { impact: 'medium' }),
      item('blank-note', { note: '   ' }),
      item('read-only', { read: true }),
    ];
    const ids = buildDigest(input([], items), fr).groups.flatMap((group) => group.entries.map((entry) => entry.itemId));
    expect(ids.sort()).toEqual(['advised', 'clip', 'judged']);
  });

  it('puts « fort » impact first among equally urgent items, then the newest', () => {
    const items = [
      item('low-new', { impact: 'low', published: '2026-11-27T08:00:00.000Z' }),
      item('high-old', { impact: 'high', published: '2026-11-22T08:00:00.000Z' }),
      item('none-new', { starred: true, published: '2026-11-27T09:00:00.000Z' }),
      item('critical-none', { published: '2026-11-22T08:00:00.000Z' }),
    ];
    const digest = buildDigest(input([alert('A', 'critical-none', 'critical')], items), fr);
    expect(digest.groups[0]?.entries.map((entry) => entry.itemId)).toEqual(['critical-none', 'high-old', 'low-new', 'none-new']);
  });

  it('says « Conseil : » once when the note begins with it, and gives a short excerpt cut on a word', () => {
    const long = `${'Les publicités à caractère politique seront soumises à de nouvelles règles de transparence. '.repeat(4)}Fin.`;
    const items = [item('x', { note: 'Conseil : prévenir le cabinet.', summary: long }), item('y', { note: 'advice: check the Page.', summary: 'Court résumé.' })];
    const entries = buildDigest(input([], items), fr).groups.flatMap((group) => group.entries);
    const x = entries.find((entry) => entry.itemId === 'x');
    expect(x?.note).toBe('prévenir le cabinet.');
    expect(x?.excerpt?.endsWith('…')).toBe(true);
    expect(x?.excerpt?.length).toBeLessThanOrEqual(221);
    expect(long.startsWith(x!.excerpt!.slice(0, -1))).toBe(true);
    expect(entries.find((entry) => entry.itemId === 'y')).toMatchObject({ note: 'check the Page.', excerpt: 'Court résumé.' });
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
