import { describe, expect, it } from 'vitest';
import { extractText } from '../../lib/monitors/extract';
import { feedErrorOf } from '../feeds/fixtures';
import { fixtureText } from './fixtures';

/** What a collective's member would set on the example policy page: the article, without its share box. */
const POLICY = { select: ['main article'], remove: ['.share', 'nav', 'header', 'footer', '[role="dialog"]'] };


describe('extractText', () => {
  it('keeps the selected part as one line per block, whitespace collapsed', () => {
    expect(extractText(fixtureText('policy-v1.html'), POLICY)).toBe(
      [
        'Règles publicitaires pour les Pages',
        'Dernière mise à jour : 12 mars 2026',
        'Publicité à caractère politique',
        'Les annonceurs qui diffusent des publicités sur des sujets sociaux, électoraux ou politiques doivent confirmer leur identité et afficher une mention « Payé par ».',
        'Les Pages des collectivités sont concernées pendant la période de réserve électorale.',
        'Les publicités sans mention sont retirées.',
        'Ciblage',
        'Le ciblage par centres d’intérêt reste possible, sauf pour les thèmes sensibles.',
      ].join('\n'),
    );
  });

  it('reads the same text when only the markup changed (classes, attributes, wrapping divs, indentation)', () => {
    expect(extractText(fixtureText('policy-v1-markup.html'), POLICY)).toBe(extractText(fixtureText('policy-v1.html'), POLICY));
  });

  it('drops scripts, styles, noscript, templates and SVG, even with no selector', () => {
    const text = extractText(fixtureText('policy-v1.html'), { select: [], remove: [] });
    expect(text).not.toMatch(/tracking|color: red|Activez JavaScript|Modèle caché|Graphique/);
    expect(text).toContain('Accueil Se connecter');
    expect(text).toContain('Nous utilisons des cookies. Tout accepter');
    expect(text).toContain('Le ciblage par centres d’intérêt');
    expect(text).not.toContain('Règles publicitaires pour les Pages | Exemple Meta'); // the <title> is not body text
  });

  it('drops what the remove selectors match, before selecting', () => {
    const html = '<main><p>Texte de la règle.</p><div class="share">Partager sur Facebook</div><aside id="pub">Annonce</aside></main>';
    expect(extractText(html, { select: ['main'], remove: ['.share', '#pub'] })).toBe('Texte de la règle.');
    expect(extractText(html, { select: ['main'], remove: [] })).toBe('Texte de la règle.\nPartager sur Facebook\nAnnonce');
  });

  it('keeps every match of several selectors in document order, a match inside another only once', () => {
    const html = '<h1>Titre</h1><nav>Menu</nav><section id="a"><p class="x">Un</p></section><p class="x">Deux</p>';
    expect(extractText(html, { select: ['.x', 'h1', '#a'], remove: [] })).toBe('Titre\nUn\nDeux');
  });

  it('normalises whitespace: runs of spaces, tabs, non-breaking and invisible characters; no blank lines', () => {
    const html = '<body>\n\t<p>  Un\u00a0:\t deux \n   trois  </p>\n\n\n<div><div><p>quatre\u200b</p></div></div>  <br><br>  cinq<br>six</body>';
    expect(extractText(html, { select: [], remove: [] })).toBe('Un : deux trois\nquatre\ncinq\nsix');
  });

  it('puts table cells of a row on one line and decodes entities', () => {
    const html = '<table><tr><th>Version</th><th>Date</th></tr><tr><td>v19.0</td><td>28&nbsp;mai&nbsp;&amp;&nbsp;après</td></tr></table>';
    expect(extractText(html, { select: ['table'], remove: [] })).toBe('Version Date\nv19.0 28 mai & après');
  });

  it('says no-match, not "everything was deleted", when the selected part is gone', async () => {
    const error = await feedErrorOf(() => extractText(fixtureText('policy-gone.html'), POLICY));
    expect(error.code).toBe('no-match');
    expect(error.detail).toBe('main article');
  });

  it('says no-match for a selector it cannot read, naming it', async () => {
    const error = await feedErrorOf(() => extractText('<p>x</p>', { select: ['p::before'], remove: [] }));
    expect(error.code).toBe('no-match');
    expect(error.detail).toContain('p::before');
  });

  it('says empty-page when the selected part has no text', async () => {
    expect((await feedErrorOf(() => extractText('<main><img src="a.png"><script>x()</script></main>', { select: ['main'], remove: [] }))).code).toBe('empty-page');
    expect((await feedErrorOf(() => extractText('<html><body>   </body></html>', { select: [], remove: [] }))).code).toBe('empty-page');
  });
});
