import { describe, expect, it } from 'vitest';
import { buildDigest, digestHtml, digestMarkdown } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Fiche } from '../../lib/model/fiche';
import { input } from './fixtures';

/** The fiches conseils the collective changed in the period, told at the end of the digest; their titles stay text. */
const fr = nodeTranslate('fr');
const bruno = { id: 'm_b', name: 'Bruno Petit', role: 'member' as const };

const fiche = (id: string, updated: string, fields: Partial<Fiche> = {}): Fiche => ({
  id, title: `Fiche ${id}`, body: 'Texte', version: 2, updated, updatedBy: bruno, authors: [bruno], links: [], ...fields,
});

describe('fiches conseils in the digest', () => {
  const fiches = [
    fiche('b', '2026-11-27T10:00:00.000Z', { title: 'Groupes <script>' }),
    fiche('a', '2026-11-25T10:00:00.000Z', { title: 'Algorithme' }),
    fiche('before', '2026-10-01T10:00:00.000Z'),
    fiche('empty', '2026-11-26T10:00:00.000Z', { version: 0 }),
  ];

  it('lists those saved in the period, by title, with their version and who saved them; Markdown and HTML keep titles as text', () => {
    const digest = buildDigest(input([], [], { fiches }), fr);
    expect(digest.fiches?.map((change) => [change.title, change.version, change.by])).toEqual([['Algorithme', 2, 'Bruno Petit'], ['Groupes <script>', 2, 'Bruno Petit']]);
    const markdown = digestMarkdown(digest, fr);
    expect(markdown).toContain('## Fiches conseils mises à jour (2)');
    expect(markdown).toMatch(/- \*\*Algorithme\*\* — version 2, le 25 novembre 2026 par Bruno Petit/);
    const html = digestHtml(digest, fr);
    expect(html).toContain('<strong>Groupes &#60;script&#62;</strong>');
    expect(html).not.toContain('<script>');
    expect(buildDigest(input([], []), fr).fiches).toEqual([]);
  });
});
