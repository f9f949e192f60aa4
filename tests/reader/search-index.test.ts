import { describe, expect, it } from 'vitest';
import type { Item } from '../../lib/model/item';
import { createSearchIndex, indexableText, searchIds, toSearchDoc } from '../../lib/reader/search-index';
import { fold } from '../../lib/text/fold';

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
  const index = createSearchIndex();
  index.addAll(items.map((entry) => toSearchDoc(entry, (id) => LABELS[id] ?? [])));
  return index;
}

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
    expect(searchIds(index, 'actualite')).toEqual(['a']);
    expect(searchIds(index, 'ACTUALITÉ')).toEqual(['a']);
    expect(fold('Élection Période')).toBe('election periode');
  });

  it('matches prefixes as the member types, and all words of the query', () => {
    expect(searchIds(index, 'polit')).toEqual(['b']);
    expect(searchIds(index, 'portee organique')).toEqual(['a']);
    expect(searchIds(index, 'portee electorale')).toEqual([]);
  });

  it('finds words in the content, the note, the tags by label and the clipped quote', () => {
    expect(searchIds(index, 'periode electorale')).toEqual(['b']);
    expect(searchIds(index, 'elus')).toEqual(['c']);
    expect(searchIds(index, 'algorithme')).toEqual(['d']);
    expect(searchIds(index, 'instant articles')).toEqual(['e']);
  });

  it('splits French elisions off: "l\'actualité" is found by "actualite"', () => {
    expect(searchIds(index, "l'actualite")).toEqual(['a']);
  });

  it('updates incrementally: an item added, replaced or removed is found or not at once', () => {
    const live = indexOf(items.slice(0, 2));
    live.add(toSearchDoc(item('z', { title: 'Nouveauté du jour' }), () => []));
    expect(searchIds(live, 'nouveaute')).toEqual(['z']);
    live.replace(toSearchDoc(item('z', { title: 'Autre titre' }), () => []));
    expect(searchIds(live, 'nouveaute')).toEqual([]);
    live.discard('z');
    expect(searchIds(live, 'autre')).toEqual([]);
  });

  it('indexes the text of sanitized HTML, not its markup', () => {
    expect(indexableText('<p>Un <a href="https://x.example/">lien</a> &amp; du texte</p>')).toBe(' Un lien & du texte ');
  });
});
