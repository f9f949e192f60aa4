import { describe, expect, it } from 'vitest';
import { checkCapture, QUOTE_LIMIT, type CapturedPage } from '../../lib/clips/capture';
import { clipTitle, clipUrls, enrichWithClip, itemToEnrich, newClipItem } from '../../lib/clips/clip';
import { ClipError } from '../../lib/clips/errors';
import { stableId } from '../../lib/feeds/dedupe';
import { CLIP_SOURCE_ID, ItemSchema, type Item } from '../../lib/model/item';

const CLIPPED_AT = '2025-06-10T09:30:00.000Z';

const PAGE: CapturedPage = {
  href: 'https://www.exemple.fr/actu/meta-ttpa?utm_source=newsletter&id=7#commentaires',
  canonical: '/actu/meta-ttpa?fbclid=abc&id=7',
  title: 'Publicité politique : Meta applique le règlement TTPA',
  ogTitle: 'Meta et le TTPA',
  siteName: 'Exemple',
  description: 'Ce qui change pour les pages des collectivités.',
  image: '/img/ttpa.png',
  lang: 'fr',
  selection: 'Les annonces à caractère politique seront refusées.',
  truncated: false,
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ClipError ? error.code : `not a ClipError: ${String(error)}`;
  }
  return undefined;
}

describe('clip address', () => {
  it('prefers the canonical link the page declares, resolved against the page and without trackers', () => {
    // Here the canonical and the address, cleaned, are one address.
    expect(clipUrls(PAGE)).toEqual(['https://www.exemple.fr/actu/meta-ttpa?id=7']);
  });

  it("keeps the page's own address as a second address when the canonical differs", () => {
    expect(clipUrls({ ...PAGE, canonical: 'https://amp.exemple.fr/a/1' })).toEqual([
      'https://amp.exemple.fr/a/1',
      'https://www.exemple.fr/actu/meta-ttpa?id=7',
    ]);
  });

  it('falls back to the address when the canonical is not http(s), or is the home page of a deeper page', () => {
    expect(clipUrls({ ...PAGE, canonical: 'javascript:alert(1)' })).toEqual(['https://www.exemple.fr/actu/meta-ttpa?id=7']);
    expect(clipUrls({ ...PAGE, canonical: 'https://www.exemple.fr/' })).toEqual(['https://www.exemple.fr/actu/meta-ttpa?id=7']);
    expect(clipUrls({ href: 'https://www.exemple.fr/?utm_campaign=x', canonical: '/' })).toEqual(['https://www.exemple.fr/']);
  });

  it('refuses what is not a web page', () => {
    expect(codeOf(() => clipUrls({ href: 'file:///home/moi/note.html' }))).toBe('not-web');
    expect(codeOf(() => clipUrls({ href: 'chrome://settings/' }))).toBe('not-web');
  });
});

describe('clip title', () => {
  it('is the page title, else og:title, else the host and path, said to be missing', () => {
    expect(clipTitle(PAGE, 'https://www.exemple.fr/x')).toEqual({ title: PAGE.title, titleMissing: false });
    expect(clipTitle({ ...PAGE, title: undefined }, 'https://www.exemple.fr/x')).toEqual({ title: 'Meta et le TTPA', titleMissing: false });
    expect(clipTitle({ href: 'https://www.exemple.fr/sans-titre.html' }, 'https://www.exemple.fr/sans-titre.html')).toEqual({
      title: 'www.exemple.fr/sans-titre.html',
      titleMissing: true,
    });
    expect(clipTitle({ href: 'https://www.exemple.fr/' }, 'https://www.exemple.fr/').title).toBe('www.exemple.fr');
  });
});

describe('new clip', () => {
  it('becomes a read item of the clips source, with a stable id and what the page said about itself', () => {
    const item = newClipItem(PAGE, { tags: ['pub', 'pub', 'ttpa'], note: '  À relayer aux élus  ', impact: 'high' }, CLIPPED_AT);
    expect(ItemSchema.safeParse(item).success).toBe(true);
    expect(item).toEqual({
      id: stableId(CLIP_SOURCE_ID, 'link:https://www.exemple.fr/actu/meta-ttpa?id=7'),
      sourceId: CLIP_SOURCE_ID,
      url: 'https://www.exemple.fr/actu/meta-ttpa?id=7',
      title: PAGE.title,
      fetched: CLIPPED_AT,
      summary: PAGE.description,
      language: 'fr',
      categories: [],
      read: true,
      starred: false,
      tags: ['pub', 'ttpa'],
      note: 'À relayer aux élus',
      impact: 'high',
      clip: {
        clippedAt: CLIPPED_AT,
        quote: PAGE.selection,
        siteName: 'Exemple',
        description: PAGE.description,
        image: 'https://www.exemple.fr/img/ttpa.png',
      },
    });
    // The same page clipped again, tracked differently, is the same item.
    expect(newClipItem({ ...PAGE, href: 'https://www.exemple.fr/actu/meta-ttpa?id=7&gclid=z' }, { tags: [] }, CLIPPED_AT).id).toBe(item.id);
  });

  it('clips a page with no title, named by its address', () => {
    const item = newClipItem({ href: 'https://www.exemple.fr/sans-titre.html' }, { tags: [] }, CLIPPED_AT);
    expect(item.title).toBe('www.exemple.fr/sans-titre.html');
    expect(item.clip).toEqual({ clippedAt: CLIPPED_AT });
    expect(item).not.toHaveProperty('note');
    expect(item).not.toHaveProperty('impact');
  });

  it('drops an image that is not http(s)', () => {
    expect(newClipItem({ ...PAGE, image: 'data:image/png;base64,AAAA' }, { tags: [] }, CLIPPED_AT).clip).not.toHaveProperty('image');
  });
});

describe("the page's answer", () => {
  it('is refused when it is missing or not the expected shape, including a quote longer than the limit', () => {
    expect(codeOf(() => checkCapture(undefined))).toBe('nothing');
    expect(codeOf(() => checkCapture({ title: 'sans adresse' }))).toBe('unreadable');
    expect(codeOf(() => checkCapture({ href: PAGE.href, selection: 'x'.repeat(QUOTE_LIMIT + 1) }))).toBe('unreadable');
    expect(checkCapture({ href: PAGE.href, selection: 'x'.repeat(QUOTE_LIMIT), truncated: true }).truncated).toBe(true);
  });
});

describe('enriching an item already in the store', () => {
  const fromFeed: Item = {
    id: 'feed-item',
    sourceId: 'blog-du-moderateur',
    url: 'https://www.exemple.fr/actu/meta-ttpa?id=7',
    title: 'Titre du flux',
    fetched: '2025-06-01T08:00:00.000Z',
    published: '2025-06-01T07:00:00.000Z',
    summary: 'Résumé du flux',
    categories: ['Meta'],
    read: false,
    starred: true,
    tags: ['publicite'],
    note: 'Note de départ',
    triage: 'reviewed',
  };

  it("adds the clip, merges the tags and sets note and impact, keeping the member's state and the feed's fields", () => {
    const enriched = enrichWithClip(fromFeed, PAGE, { tags: ['ttpa', 'publicite'], note: 'Nouvelle note', impact: 'medium' }, CLIPPED_AT);
    expect(enriched).toEqual({
      ...fromFeed,
      tags: ['publicite', 'ttpa'],
      note: 'Nouvelle note',
      impact: 'medium',
      clip: { clippedAt: CLIPPED_AT, quote: PAGE.selection, siteName: 'Exemple', description: PAGE.description, image: 'https://www.exemple.fr/img/ttpa.png' },
    });
  });

  it('keeps the note and an earlier quote when the new clip brings none', () => {
    const once = enrichWithClip(fromFeed, PAGE, { tags: [] }, CLIPPED_AT);
    const twice = enrichWithClip(once, { href: PAGE.href }, { tags: [] }, '2025-06-11T10:00:00.000Z');
    expect(twice.note).toBe('Note de départ');
    expect(twice.clip).toMatchObject({ clippedAt: '2025-06-11T10:00:00.000Z', quote: PAGE.selection });
  });

  it('of several items at one address, enriches the one clipped before', () => {
    const clipped = { ...fromFeed, id: 'clipped', clip: { clippedAt: CLIPPED_AT } };
    expect(itemToEnrich([fromFeed, clipped])?.id).toBe('clipped');
    expect(itemToEnrich([fromFeed])?.id).toBe('feed-item');
    expect(itemToEnrich([])).toBeUndefined();
  });
});
