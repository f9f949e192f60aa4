import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { SearchIndex, toSearchDoc } from '../../lib/reader/search-index';
import { fold } from '../../lib/text/fold';
import { textOfHtml } from '../../lib/text/html-text';

const item = (id: string, fields: Partial<Item>): Item => ({
  id,
  sourceId: 's',
  title: '',
  fetched: '2026-11-01T00:00:00.000Z',
  categories: [],
  read: false,
  starred: false,
  tags: [],
  ...fields,
});

const LABELS: Record<string, string[]> = { 'algorithme-portee': ['Algorithme / portée', 'Algorithm / reach'] };

function indexOf(items: Item[]) {
  const index = new SearchIndex();
  for (const entry of items) index.put(toSearchDoc(entry, (id) => LABELS[id] ?? []));
  return index;
}

/** Ids sorted: the index answers a set, the list orders it by date. */
const search = (index: SearchIndex, query: string) => index.search(query).sort();

describe('search index', () => {
  const items = [
    item('a', { title: "L'actualité des Pages", summary: 'La portée organique baisse' }),
    item('b', { title: 'Publicité politique', contentHtml: '<p>Les r&egrave;gles de la <b>période électorale</b> &amp; la réserve</p>' }),
    item('c', { title: 'Sans rapport', note: 'À diffuser aux élus avant vendredi' }),
    item('d', { title: 'Reels', tags: ['algorithme-portee'] }),
    item('e', { title: 'Un clip', clip: { clippedAt: '2026-11-01T00:00:00.000Z', quote: 'Meta annonce la fin des Instant Articles' } }),
  ];
  const index = indexOf(items);

  it('folds case and accents on both sides: "actualite" finds "actualité", and the other way round', () => {
    expect(search(index, 'actualite')).toEqual(['a']);
    expect(search(index, 'ACTUALITÉ')).toEqual(['a']);
    expect(fold('Élection Période')).toBe('election periode');
  });

  it('matches prefixes as the member types, and all words of the query', () => {
    expect(search(index, 'polit')).toEqual(['b']);
    expect(search(index, 'portee organique')).toEqual(['a']);
    expect(search(index, 'portee electorale')).toEqual([]);
  });

  it('finds words in the content, the note, the tags by label and the clipped quote', () => {
    expect(search(index, 'periode electorale')).toEqual(['b']);
    expect(search(index, 'elus')).toEqual(['c']);
    expect(search(index, 'algorithme')).toEqual(['d']);
    expect(search(index, 'instant articles')).toEqual(['e']);
  });

  it('splits French elisions off: "l\'actualité" is found by "actualite"', () => {
    expect(search(index, "l'actualite")).toEqual(['a']);
  });

  it('updates incrementally: an item added, replaced or removed is found or not at once', () => {
    const live = indexOf(items.slice(0, 2));
    live.put(toSearchDoc(item('z', { title: 'Nouveauté du jour' }), () => []));
    expect(search(live, 'nouveaute')).toEqual(['z']);
    live.put(toSearchDoc(item('z', { title: 'Autre titre' }), () => []));
    expect(search(live, 'nouveaute')).toEqual([]);
    live.remove('z');
    expect(search(live, 'autre')).toEqual([]);
  });

  it('needs every word, wherever each is: one in the title and one in the note or a tag label', () => {
    const mixed = indexOf([item('m', { title: 'Reels et Stories', note: 'à relayer', tags: ['algorithme-portee'] }), item('n', { title: 'Reels' })]);
    expect(search(mixed, 'reels relayer')).toEqual(['m']);
    expect(search(mixed, 'reels algorithm')).toEqual(['m']);
    expect(search(mixed, 'reels')).toEqual(['m', 'n']);
  });

  it('follows a note edited again and again, and a query of stop words alone finds nothing', () => {
    const live = indexOf([item('k', { title: 'Groupes', note: 'premier conseil' })]);
    live.put(toSearchDoc(item('k', { title: 'Groupes', note: 'second conseil', read: true }), () => []));
    expect(search(live, 'premier')).toEqual([]);
    expect(search(live, 'second groupes')).toEqual(['k']);
    expect(search(live, 'le la les')).toEqual([]);
    expect(live.size).toBe(1);
  });

  it('indexes the text of sanitized HTML, not its markup', () => {
    expect(textOfHtml('<p>Un <a href="https://x.example/">lien</a> &amp; du texte</p>', 4000)).toBe(' Un lien & du texte ');
  });

  it('removes many items in one walk, the others still found, and is saved and restored whole', async () => {
    const many = indexOf(Array.from({ length: 30 }, (_, n) => item(`m${n}`, { title: `Réglementation ${n % 2 ? 'impaire' : 'paire'}`, note: n % 3 ? undefined : 'à relire' })));
    many.removeMany(['m0', 'm1', 'm2', 'm3', 'unknown']);
    expect(many.size).toBe(26);
    expect(search(many, 'reglementation')).toHaveLength(26);
    expect(search(many, 'paire')).not.toContain('m0');
    expect(search(many, 'relire')).not.toContain('m3');
    // Through a structured clone, as IndexedDB stores it: packed in typed arrays, no JSON.
    const snapshot = structuredClone(many.snapshot());
    expect(snapshot.text.numbers).toBeInstanceOf(Uint8Array);
    const restored = SearchIndex.restore(snapshot)!;
    expect(restored.size).toBe(26);
    for (const query of ['impaire relire', 'reg', 'pai', 'relire', 'reglementation 7']) expect(search(restored, query)).toEqual(search(many, query));
    // A restored index goes on changing: an item put again, one removed, one noted.
    restored.put(toSearchDoc(item('m0', { title: 'Revenu' }), () => []));
    restored.remove('m5');
    restored.put(toSearchDoc(item('m7', { title: 'Réglementation impaire', note: 'urgent' }), () => []));
    expect(search(restored, 'revenu')).toEqual(['m0']);
    expect(search(restored, 'impaire')).not.toContain('m5');
    expect(search(restored, 'urgent')).toEqual(['m7']);
    expect(search(restored, 'relire')).not.toContain('m7');
  });
});
