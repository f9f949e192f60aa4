import { describe, expect, it } from 'vitest';
import { frenchOf, namedMember } from '../../lib/i18n/elision';
import { nodeTranslate } from '../../lib/i18n/node';

/** « Conseil de Alice Martin » was seen on a shared item: French elides « de » before a vowel. */
describe('frenchOf', () => {
  it('elides before a vowel, a silent h and a y said as a vowel; not otherwise', () => {
    expect(['Alice Martin', 'Émilie', 'Hélène', 'Yves', 'Université de Lille', 'Œuvre'].map(frenchOf)).toEqual(['d’Alice Martin', 'd’Émilie', 'd’Hélène', 'd’Yves', 'd’Université de Lille', 'd’Œuvre']);
    expect(['Bruno Petit', 'Yann', 'Claire Dubois', 'Ville de Rennes'].map(frenchOf)).toEqual(['de Bruno Petit', 'de Yann', 'de Claire Dubois', 'de Ville de Rennes']);
  });

  it('is what the French messages say before a member’s name; English keeps the plain name', () => {
    const fr = nodeTranslate('fr');
    const en = nodeTranslate('en');
    const said = namedMember;
    expect(fr('copilNoteOf', said('Alice Martin'))).toBe('Conseil d’Alice Martin');
    expect(fr('copilNoteOf', said('Bruno Petit'))).toBe('Conseil de Bruno Petit');
    expect(fr('hubRevoked', said('Émilie'))).toBe('Accès d’Émilie révoqué.');
    expect(fr('hubRevokeConfirm', said('Hugo'))).toMatch(/^Révoquer l’accès d’Hugo \?/);
    expect(fr('ficheConflictTheirs', said('Inès'))).toBe('Le texte de la version d’Inès');
    expect(en('copilNoteOf', said('Alice Martin'))).toBe('Advice from Alice Martin');
    expect(en('hubRevoked', said('Émilie'))).toMatch(/Émilie/);
  });
});
