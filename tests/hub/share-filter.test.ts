import { describe, expect, it } from 'vitest';
import { filterShares, NO_FILTER } from '../../lib/hub/share-filter';
import type { Share } from '../../lib/model/share';

const share = (id: string, fields: Partial<Share> & { unread?: boolean } = {}): Share & { unread?: boolean } => ({
  id, kind: 'item', title: `Titre ${id}`, tags: [], author: { id: 'm_a', name: 'Alice Martin', role: 'member' },
  created: '2026-11-28T08:00:00.000Z', updated: '2026-11-28T08:00:00.000Z', hidden: false, seq: 1, comments: [], reactions: { useful: [], seen: [] },
  ...fields,
});

const SHARES = [
  share('1', { title: 'Réseaux sociaux : la portée des Pages baisse', tags: ['pages'], priority: 'critical' }),
  share('2', { note: 'Prévenir les élus avant la campagne', author: { id: 'm_b', name: 'Bruno Petit', role: 'member' }, unread: true }),
  share('3', { tags: ['algorithme'], comments: [{ id: 'c', author: { id: 'm_b', name: 'Bruno', role: 'member' }, body: 'Testé à Lyon', created: '2026-11-28T09:00:00.000Z' }] }),
];
const ids = (list: Share[]) => list.map((s) => s.id);

describe('filtering the shared list', () => {
  it('keeps everything without a filter', () => {
    expect(ids(filterShares(SHARES, NO_FILTER, 'm_a'))).toEqual(['1', '2', '3']);
  });

  it('finds words in titles, notes, comments and tag labels, ignoring case and accents', () => {
    expect(ids(filterShares(SHARES, { ...NO_FILTER, text: 'reseaux PORTEE' }, 'm_a'))).toEqual(['1']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, text: 'elus' }, 'm_a'))).toEqual(['2']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, text: 'lyon' }, 'm_a'))).toEqual(['3']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, text: 'algorithmes' }, 'm_a', (id) => (id === 'algorithme' ? 'Algorithmes et portée' : id)))).toEqual(['3']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, text: 'bruno' }, 'm_a'))).toEqual(['2', '3']);
  });

  it('narrows to alerts, to the member’s own shares, to the new ones, to a tag', () => {
    expect(ids(filterShares(SHARES, { ...NO_FILTER, view: 'alerts' }, 'm_a'))).toEqual(['1']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, view: 'mine' }, 'm_a'))).toEqual(['1', '3']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, view: 'unread' }, 'm_a'))).toEqual(['2']);
    expect(ids(filterShares(SHARES, { ...NO_FILTER, tag: 'pages' }, 'm_a'))).toEqual(['1']);
  });

  it('keeps the « retours d’expérience » apart, and finds them by the words of what was tried and came of it, accents or not', () => {
    const rex = share('4', { kind: 'rex', title: 'Des directs', rex: { collectivite: 'commune', platform: 'facebook', tried: 'Un direct hebdomadaire avec le maire', outcome: 'Portée doublée', when: '2026-11', answers: [{ title: 'Fin des publicités politiques' }] } });
    const all = [...SHARES, rex];
    expect(ids(filterShares(all, { ...NO_FILTER, view: 'rex' }, 'm_a'))).toEqual(['4']);
    expect(ids(filterShares(all, { ...NO_FILTER, text: 'hebdomadaire doublee' }, 'm_a'))).toEqual(['4']);
    expect(ids(filterShares(all, { ...NO_FILTER, text: 'publicites' }, 'm_a'))).toEqual(['4']);
  });
});
