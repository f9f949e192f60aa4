import { describe, expect, it } from 'vitest';
import { buildDigest, digestMarkdown, escapeMarkdown } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import { alert, input, item } from './fixtures';

/** The Markdown export: readable as it is, and no feed title or note can change its structure or add a link. */
const fr = nodeTranslate('fr');

describe('digestMarkdown', () => {
  it('writes a heading, the period in words, the counts, then one section per category with one bullet per item', () => {
    const items = [
      item('a', { title: 'Nouvelles règles pour les publicités politiques', tags: ['publicite-politique', 'elus'], impact: 'high', note: 'Prévenir le cabinet.\nRelire les campagnes en cours.', starred: true }),
      item('b', { title: 'Les Reels passent à 3 minutes', tags: ['video-reels-live'] }),
    ];
    const digest = buildDigest(input([alert('Réserve électorale', 'a', 'critical'), alert('Publicité', 'a', 'important'), alert('Vidéo', 'b', 'info')], items), fr);
    expect(digestMarkdown(digest, fr)).toBe(
      [
        '# Synthèse de la semaine',
        '',
        'Du 21 novembre 2026 à 10:00 au 28 novembre 2026 à 10:00',
        '',
        'Éléments : 2 · Alertes critiques : 1 · Alertes importantes : 0 · Alertes info : 1 · Favoris : 1',
        '',
        '## Publicité (1)',
        '',
        '- **[Nouvelles règles pour les publicités politiques](https://about.fb.com/news/a/)**',
        '  - Meta Newsroom · 25 novembre 2026 · Alerte critique (Réserve électorale et Publicité) · Impact : fort · Favori',
        '  - Étiquettes : Publicité politique, Élus',
        '  - **Conseil :** Prévenir le cabinet.\\',
        '    Relire les campagnes en cours.',
        '',
        '## Vidéo / Reels / live (1)',
        '',
        '- **[Les Reels passent à 3 minutes](https://about.fb.com/news/b/)**',
        '  - Meta Newsroom · 25 novembre 2026 · Alerte info (Vidéo)',
        '  - Étiquettes : Vidéo / Reels / live',
        '',
        '---',
        '',
        '_Synthèse préparée avec Vigie, la veille partagée du collectif, le 28 novembre 2026 à 10:00._',
        '',
      ].join('\n'),
    );
  });

  it('escapes titles and notes so that they cannot open a link, HTML, emphasis or a heading', () => {
    const hostile = item('x', {
      title: 'Voir [ici](https://piege.example) <img src=x onerror=alert(1)> **gras** `code`\n# Titre',
      note: '# faux titre\n- fausse puce\n1. faux numéro\n> fausse citation\n[lien](javascript:alert(1))',
    });
    const markdown = digestMarkdown(buildDigest(input([alert('A', 'x', 'info')], [hostile]), fr), fr);
    expect(markdown).toContain(
      '- **[Voir \\[ici\\](https://piege.example) \\<img src=x onerror=alert(1)\\> \\*\\*gras\\*\\* \\`code\\` # Titre](https://about.fb.com/news/x/)**',
    );
    expect(markdown).toContain('  - **Conseil :** \\# faux titre\\\n    \\- fausse puce\\\n    1\\. faux numéro\\\n    \\> fausse citation\\\n    \\[lien\\](javascript:alert(1))');
    // The only link destinations are the items' own addresses.
    expect([...markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((match) => match[1])).toEqual(['https://about.fb.com/news/x/']);
  });

  it('links only http(s) addresses, with characters that would end the link encoded', () => {
    const items = [
      item('js', { title: 'Script', url: 'javascript:alert(1)' }),
      item('paren', { title: 'Parenthèses', url: 'https://fr.wikipedia.org/wiki/Meta_(entreprise)' }),
    ];
    const markdown = digestMarkdown(buildDigest(input([alert('A', 'js', 'info'), alert('A', 'paren', 'info')], items), fr), fr);
    expect(markdown).toContain('- **Script**');
    expect(markdown).not.toContain('javascript');
    expect(markdown).toContain('- **[Parenthèses](https://fr.wikipedia.org/wiki/Meta_%28entreprise%29)**');
  });

  it('escapes what would be Markdown in a line of text', () => {
    expect(escapeMarkdown('a_b *c* [d] <e> | f ~ g & h $ i \\')).toBe('a\\_b \\*c\\* \\[d\\] \\<e\\> \\| f \\~ g \\& h \\$ i \\\\');
    expect(escapeMarkdown('- puce')).toBe('\\- puce');
    expect(escapeMarkdown('2026. Année')).toBe('2026\\. Année');
    expect(escapeMarkdown('ligne\nsuivante')).toBe('ligne suivante');
  });

  it('says so when the period is empty, and speaks English when asked', () => {
    const en = nodeTranslate('en');
    const digest = buildDigest(input([], [], { language: 'en', kind: 'daily', period: { from: '2026-11-27T09:00:00.000Z', to: '2026-11-28T09:00:00.000Z' } }), en);
    // Some ICU versions put a narrow no-break space before AM.
    const markdown = digestMarkdown(digest, en).replace(/\u202f/g, ' ');
    expect(markdown).toContain('# Daily digest');
    expect(markdown).toContain('From November 27, 2026 at 10:00 AM to November 28, 2026 at 10:00 AM');
    expect(markdown).toContain('Items: 0 · Critical alerts: 0 · Important alerts: 0 · Info alerts: 0 · Starred: 0');
    expect(markdown).toContain('Nothing in this period: no alert, no starred item, clip, advice or impact.');
    expect(markdown).not.toMatch(/Synthèse|Éléments/);
  });
});
