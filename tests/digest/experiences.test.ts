import { describe, expect, it } from 'vitest';
import { buildDigest, digestHtml, digestMarkdown } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Share } from '../../lib/model/share';
import { input } from './fixtures';

/**
 * The COPIL's « retours d'expérience » in the digest (issue 17): those shared in the period, after the items,
 * in the dashboard, the Markdown and the HTML; members' words stay text.
 */

const fr = nodeTranslate('fr');

function rex(id: string, created: string, fields: Partial<Share> = {}): Share {
  return {
    id,
    kind: 'rex',
    title: `Retour ${id}`,
    tags: ['publicite-politique'],
    tagLabels: { 'publicite-politique': 'Publicité politique' },
    note: 'À tenter avant la réserve électorale',
    rex: { collectivite: 'commune', size: '45 000 habitants', platform: 'facebook', tried: 'Des directs <script>alert(1)</script>', outcome: 'Portée doublée\nCommentaires aussi', when: '2026-11' },
    author: { id: 'm_a', name: 'Alice Martin', role: 'member' },
    created,
    updated: created,
    hidden: false,
    seq: 1,
    comments: [],
    reactions: { useful: [], seen: [] },
    ...fields,
  };
}

describe('retours d’expérience in the digest', () => {
  const shares = [
    rex('in-2', '2026-11-27T10:00:00.000Z'),
    rex('in-1', '2026-11-25T10:00:00.000Z'),
    rex('hidden', '2026-11-26T10:00:00.000Z', { hidden: true }),
    rex('before', '2026-10-01T10:00:00.000Z'),
    { ...rex('article', '2026-11-26T10:00:00.000Z'), kind: 'item' as const, rex: undefined },
  ];

  it('tells the REX shared in the period, oldest first, with their context in words', () => {
    const digest = buildDigest(input([], [], { shares }), fr);
    expect(digest.experiences?.map((experience) => experience.shareId)).toEqual(['in-1', 'in-2']);
    expect(digest.experiences?.[0]).toMatchObject({ author: 'Alice Martin', context: 'Commune (45 000 habitants) · Facebook', when: 'novembre 2026', tags: ['Publicité politique'], note: 'À tenter avant la réserve électorale' });
    expect(buildDigest(input([], []), fr).experiences).toEqual([]);
  });

  it('writes them in Markdown and HTML as text, after the items', () => {
    const digest = buildDigest(input([], [], { shares }), fr);
    const markdown = digestMarkdown(digest, fr);
    expect(markdown).toContain('## Retours d’expérience du COPIL (2)');
    expect(markdown).toContain('- **Retour in-1** — Alice Martin');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toContain('<script>');
    const html = digestHtml(digest, fr);
    expect(html).toContain('<h2 id="experiences">Retours d’expérience du COPIL');
    expect(html).toContain('Portée doublée<br>Commentaires aussi');
    expect(html).not.toContain('<script>alert');
  });
});
