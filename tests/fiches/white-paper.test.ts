import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ficheHast } from '../../lib/fiches/markdown';
import { contributors, whitePaperHtml, whitePaperMarkdown } from '../../lib/fiches/white-paper';
import type { Fiche } from '../../lib/model/fiche';

const alice = { id: 'm_alice', name: 'Alice Martin', role: 'member' as const };
const bruno = { id: 'm_bruno', name: 'Bruno <Petit>', role: 'member' as const };

/** What an editor could write, on purpose or by pasting: every way HTML has run script. */
const HOSTILE = [
  '# Que faire',
  '',
  'Vérifier **avant** la [période de réserve](https://www.legifrance.gouv.fr/).',
  '',
  '<script>alert(1)</script>',
  '',
  '[clic](javascript:alert(2)) [data](data:text/html,<script>alert(3)</script>) ![img](javascript:alert(4))',
  '',
  '<img src=x onerror=alert(5)> <a href="javascript:alert(6)">lien</a> <iframe src="https://evil.example"></iframe>',
  '',
  '| Plateforme | Règle |',
  '|---|---|',
  '| Facebook | TTPA |',
].join('\n');

const fiche = (overrides: Partial<Fiche>): Fiche => ({
  id: 'publicite-politique',
  title: 'Publicité politique',
  tag: 'publicite-politique',
  body: HOSTILE,
  version: 3,
  updated: '2026-12-01T09:00:00.000Z',
  updatedBy: bruno,
  authors: [alice, bruno],
  links: [
    { shareId: 's-1', kind: 'item', title: 'Meta : fin des publicités politiques dans l’UE', url: 'https://about.fb.com/fr/news/', addedBy: alice, added: '2026-11-20T09:00:00.000Z' },
    { shareId: 's-2', kind: 'rex', title: 'Des directs [avec] les élus', url: 'javascript:alert(7)', context: 'Département (600 000 habitants) · Facebook, novembre 2026', addedBy: bruno, added: '2026-11-21T09:00:00.000Z' },
  ],
  ...overrides,
});

const OPTIONS = { collective: 'COPIL des communicants publics', licence: 'Licence Ouverte 2.0', now: new Date('2026-12-06T10:00:00Z') };

describe('a fiche’s Markdown as shown', () => {
  it('keeps its words, headings, emphasis, links and tables, and drops every script, event attribute and unsafe link', () => {
    const html = JSON.stringify(ficheHast(HOSTILE));
    expect(html).toContain('période de réserve');
    expect(html).toContain('https://www.legifrance.gouv.fr/');
    expect(html).toContain('"tagName":"table"');
    for (const bad of ['script', 'javascript:', 'onerror', 'iframe', 'data:text']) expect(html.toLowerCase()).not.toContain(bad);
  });
});

describe('the white paper', () => {
  const fiches = [fiche({}), fiche({ id: 'groupes', title: 'Groupes', body: 'Prévenir les administrateurs.', version: 1, authors: [alice], updatedBy: alice, links: [] }), fiche({ id: 'ia', title: 'IA', body: '', version: 0, authors: [], updatedBy: undefined, links: [] })];

  it('credits every author once, in the order they first wrote', () => {
    expect(contributors(fiches).map((member) => member.name)).toEqual(['Alice Martin', 'Bruno <Petit>']);
  });

  it('as Markdown: a title, a table of contents, each fiche with its byline, text, references, then the credits and the licence; nothing that runs', () => {
    const markdown = whitePaperMarkdown(fiches, OPTIONS);
    expect(markdown).toMatch(/^# Livre blanc — COPIL des communicants publics\n/);
    expect(markdown).toContain('état au 6 décembre 2026');
    expect(markdown).toContain('- [Publicité politique](#publicité-politique)');
    expect(markdown).toContain('## Publicité politique');
    // The fiche's own « # » heading goes under its title.
    expect(markdown).toContain('### Que faire');
    expect(markdown).toContain('*Version 3, mise à jour le 1 décembre 2026 par Bruno \\<Petit\\>. Rédaction : Alice Martin, Bruno \\<Petit\\>.*');
    expect(markdown).toContain('1. [Meta : fin des publicités politiques dans l’UE](<https://about.fb.com/fr/news/>) — article');
    expect(markdown).toContain('2. Des directs \\[avec\\] les élus — retour d’expérience, Département (600 000 habitants) · Facebook, novembre 2026');
    expect(markdown).toContain('Fiche pas encore rédigée.');
    expect(markdown.endsWith('## Contributeurs\n\nAlice Martin, Bruno \\<Petit\\>\n\nLicence : Licence Ouverte 2.0\n')).toBe(true);
    for (const bad of ['<script', 'javascript:', 'onerror', '<iframe', 'data:text']) expect(markdown.toLowerCase()).not.toContain(bad);
  });

  it('as HTML: one standalone document (no script, nothing loaded), its table of contents linking each fiche, references, credits and licence', () => {
    const html = whitePaperHtml(fiches, OPTIONS);
    const document = parseDocument(html);
    expect(DomUtils.findAll((node) => node.name === 'script' || node.name === 'iframe' || node.name === 'link', document.children)).toEqual([]);
    const attributes = DomUtils.findAll(() => true, document.children).flatMap((node) => Object.entries(node.attribs));
    expect(attributes.filter(([name, value]) => name.startsWith('on') || /javascript:|data:text/i.test(value))).toEqual([]);
    expect(DomUtils.findOne((node) => node.name === 'meta' && node.attribs['http-equiv'] === 'Content-Security-Policy', document.children)?.attribs.content).toMatch(/^default-src 'none'/);
    const nav = DomUtils.findOne((node) => node.name === 'nav', document.children)!;
    const toc = DomUtils.findAll((node) => node.name === 'a', nav.children).map((a) => [a.attribs.href, DomUtils.textContent(a)]);
    expect(toc).toEqual([['#fiche-publicite-politique', 'Publicité politique'], ['#fiche-groupes', 'Groupes'], ['#fiche-ia', 'IA']]);
    for (const [href] of toc) expect(DomUtils.findOne((node) => node.attribs.id === href!.slice(1), document.children)).not.toBeNull();
    const text = DomUtils.textContent(document);
    expect(text).toContain('Version 3, mise à jour le 1 décembre 2026 par Bruno <Petit>');
    expect(text).toContain('Contributeurs');
    expect(text).toContain('Licence : Licence Ouverte 2.0');
    expect(DomUtils.findAll((node) => node.name === 'h3', document.children).map((h) => DomUtils.textContent(h))).toContain('Que faire');
    // The REX cited with a javascript: address keeps its title, as text.
    expect(text).toContain('Des directs [avec] les élus — retour d’expérience, Département');
  });
});
