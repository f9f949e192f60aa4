import { describe, expect, it } from 'vitest';
import { arrangeDigest, buildDigest, digestHtml, digestMarkdown, moveEntry, NO_EDITS } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import { alert, input, item } from './fixtures';

/** The member's choices before exporting: items left out, their order within each category, an introduction. */
const fr = nodeTranslate('fr');

const items = [
  item('a', { title: 'Publicités politiques : nouvelles règles', tags: ['publicite-politique'] }),
  item('b', { title: 'Publicités : ciblage réduit', tags: ['publicite-politique'] }),
  item('c', { title: 'Les Reels passent à 3 minutes', tags: ['video-reels-live'] }),
];
const digest = buildDigest(input([alert('Pub', 'a', 'critical'), alert('Pub', 'b', 'info'), alert('Vidéo', 'c', 'info')], items), fr);
const titles = (arranged: ReturnType<typeof arrangeDigest>) => arranged.groups.map((group) => [group.label, group.entries.map((entry) => entry.itemId)]);

describe('arrangeDigest', () => {
  it('leaves the digest as built without choices', () => {
    expect(arrangeDigest(digest, NO_EDITS)).toEqual(digest);
  });

  it('leaves items out, drops a category left empty, and counts what stays', () => {
    const arranged = arrangeDigest(digest, { ...NO_EDITS, left: ['c', 'a'] });
    expect(titles(arranged)).toEqual([['Publicité', ['b']]]);
    expect(arranged.counts).toMatchObject({ items: 1, critical: 0, info: 1 });
  });

  it('moves an item within its category, from what the member sees, and never out of its bounds', () => {
    const once = { ...NO_EDITS, order: moveEntry(digest, NO_EDITS, 'b', -1) };
    expect(titles(arrangeDigest(digest, once))).toEqual([['Publicité', ['b', 'a']], ['Vidéo / Reels / live', ['c']]]);
    expect(moveEntry(digest, once, 'b', -1)).toEqual(once.order);
    expect(titles(arrangeDigest(digest, { ...once, order: moveEntry(digest, once, 'b', 1) }))[0]).toEqual(['Publicité', ['a', 'b']]);
  });

  it('carries the introduction, the same in Markdown and HTML, escaped, its paragraphs kept', () => {
    const arranged = arrangeDigest(digest, { ...NO_EDITS, left: ['c'], intro: '  Pour la réunion du 3 décembre.\n\nÀ lire : *tout* <b>avant</b>.  ' });
    expect(arranged.intro).toBe('Pour la réunion du 3 décembre.\n\nÀ lire : *tout* <b>avant</b>.');
    const markdown = digestMarkdown(arranged, fr);
    expect(markdown).toContain('Alertes info : 1 · Favoris : 0\n\nPour la réunion du 3 décembre.\n\nÀ lire : \\*tout\\* \\<b\\>avant\\</b\\>.\n\n## Publicité (2)');
    expect(markdown).not.toContain('Reels');
    const html = digestHtml(arranged, fr);
    expect(html).toContain('<p class="intro">Pour la réunion du 3 décembre.</p>\n<p class="intro">À lire : *tout* &#60;b&#62;avant&#60;/b&#62;.</p>');
    expect(html).not.toContain('Reels');
    // No introduction written, none printed.
    expect(digestHtml(arrangeDigest(digest, { ...NO_EDITS, intro: '   ' }), fr)).not.toContain('class="intro"');
  });
});
