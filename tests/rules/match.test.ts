import { describe, expect, it } from 'vitest';
import type { Condition, Rule } from '../../lib/model/rule';
import { compileRules, matchingRules, type RuleSubject } from '../../lib/rules/match';
import { inText, makeRule, makeSubject } from './helpers';

/** Does this one rule match this subject? */
function matches(rule: Rule, subject: RuleSubject): boolean {
  return matchingRules(compileRules([rule]), subject).length > 0;
}

const title = (text: string) => makeSubject({ title: text });
const phrase = (...terms: string[]) => makeRule([inText('phrase', 'any', terms)]);
const words = (...terms: string[]) => makeRule([inText('words', 'any', terms)]);

describe('words and phrases: case, accents, plurals, elisions', () => {
  it('ignores case and accents on both sides', () => {
    expect(matches(phrase('portée organique'), title('La PORTEE ORGANIQUE recule'))).toBe(true);
    expect(matches(phrase('portee organique'), title('La portée organique recule'))).toBe(true);
    expect(matches(phrase('ÉLECTIONS'), title('Les élections municipales'))).toBe(true);
  });

  it('accepts French plurals in -s and -x, -al/-aux, -eau/-eaux, -ail/-aux', () => {
    expect(matches(phrase('algorithme'), title('Les Algorithmes de Meta'))).toBe(true);
    expect(matches(phrase('algorithmes'), title("L'algorithme de Meta"))).toBe(true);
    expect(matches(phrase('réseau social'), title('Les réseaux sociaux et les mairies'))).toBe(true);
    expect(matches(phrase('réseaux sociaux'), title('Un réseau social de plus'))).toBe(true);
    expect(matches(phrase('journal'), title('Les journaux locaux'))).toBe(true);
    expect(matches(phrase('bureau'), title('Les bureaux de vote'))).toBe(true);
    expect(matches(phrase('travail'), title('Travaux sur la Page de la mairie'))).toBe(true);
    expect(matches(phrase('jeu'), title('Jeux concours sur Facebook'))).toBe(true);
    expect(matches(phrase('catégorie'), title('Nouvelles catégories de Pages'))).toBe(true);
  });

  it('accepts English plurals in -s, -es and -ies', () => {
    expect(matches(phrase('Reel'), title('Meta pushes Reels to Pages'))).toBe(true);
    expect(matches(phrase('story'), title('Facebook Stories get links'))).toBe(true);
    expect(matches(phrase('privacy policies'), title('A new privacy policy'))).toBe(true);
    expect(matches(phrase('match'), title('Matches are back'))).toBe(true);
    expect(matches(phrase('business'), title('Meta Business Suite update'))).toBe(true);
  });

  it('reads elisions with both apostrophes', () => {
    expect(matches(phrase('algorithme'), title("l'algorithme change"))).toBe(true);
    expect(matches(phrase('algorithme'), title('Le poids d’algorithmes opaques'))).toBe(true);
    expect(matches(phrase("fil d'actualité"), title('Fil d’actualité : ce qui change'))).toBe(true);
    expect(matches(phrase('fil d’actualité'), title("Le fil d'actualités de Facebook"))).toBe(true);
    expect(matches(phrase('IA'), title("Jusqu'où ira l’IA ?"))).toBe(true);
    expect(matches(phrase('intelligence artificielle'), title("Lorsqu'intelligence artificielle rime avec com publique"))).toBe(true);
    expect(matches(phrase('Meta AI'), title("Meta's AI assistant"))).toBe(true);
    expect(matches(phrase('inscrire'), title('S’inscrire aux groupes de la ville'))).toBe(true);
    expect(matches(phrase('importe quelle Page'), title('N’importe quelle Page peut le faire'))).toBe(true);
    expect(matches(phrase('qu est'), title("Qu'est-ce qui change ?"))).toBe(false);
  });

  it('reads French typography: no-break spaces, decomposed accents, emoji', () => {
    expect(matches(phrase('portée organique'), title('La portée\u00a0organique\u202f: le point'))).toBe(true);
    expect(matches(phrase('élection'), title('E\u0301lections 2026'))).toBe(true);
    expect(matches(phrase('Reels'), title('🚀Reels🚀 partout'))).toBe(true);
  });

  it('treats hyphens and apostrophes inside terms as word separators', () => {
    expect(matches(phrase('fact-checking'), title('La fin du fact checking chez Meta'))).toBe(true);
    expect(matches(phrase('fact checking'), title('Meta ends fact-checking'))).toBe(true);
    expect(matches(phrase('AI-generated'), title('Labels on AI generated images'))).toBe(true);
  });

  it('matches on word boundaries only', () => {
    expect(matches(phrase('IA'), title('Les médias sociaux'))).toBe(false);
    expect(matches(phrase('IA'), title('Un outil social'))).toBe(false);
    expect(matches(phrase('IA'), title("L'IA dans les médias"))).toBe(true);
    expect(matches(phrase('API'), title('Une rapide mise à jour'))).toBe(false);
    expect(matches(phrase('live'), title('Un livre blanc'))).toBe(false);
  });

  it('does not take a word for its plural when it is not one', () => {
    expect(matches(phrase('new'), title('Social Media News'))).toBe(false);
    expect(matches(phrase('moi'), title('Le mois des Pages'))).toBe(false);
  });

  it('phrase wants the words in a row; words wants each of them anywhere', () => {
    expect(matches(phrase('portée organique'), title('Organique, la portée ?'))).toBe(false);
    expect(matches(words('portée organique'), title('Organique, la portée ?'))).toBe(true);
    expect(matches(words('portée organique'), title('La portée des Pages'))).toBe(false);
  });

  it('a phrase does not run from one value into the next', () => {
    const subject = makeSubject({ content: ['La fin du fil', 'Actualité des Pages'] });
    expect(matches(phrase("fil d'actualité"), subject)).toBe(false);
    expect(matches(words("fil d'actualité"), subject)).toBe(true);
  });

  it('words may be spread over the fields of the condition', () => {
    const subject = makeSubject({ title: 'Meta change de cap', content: "L'algorithme du fil" });
    expect(matches(words('Meta algorithme'), subject)).toBe(true);
    expect(matches(phrase('Meta algorithme'), subject)).toBe(false);
  });
});

describe('combinations: all, any, none', () => {
  const subject = title('Meta modifie l’algorithme des Reels');

  it('all: every term', () => {
    expect(matches(makeRule([inText('phrase', 'all', ['algorithme', 'Reels'])]), subject)).toBe(true);
    expect(matches(makeRule([inText('phrase', 'all', ['algorithme', 'Live'])]), subject)).toBe(false);
  });

  it('any: one term is enough', () => {
    expect(matches(makeRule([inText('phrase', 'any', ['Live', 'Reels'])]), subject)).toBe(true);
    expect(matches(makeRule([inText('phrase', 'any', ['Live', 'Stories'])]), subject)).toBe(false);
  });

  it('none: no term at all', () => {
    expect(matches(makeRule([inText('phrase', 'none', ['Live', 'Stories'])]), subject)).toBe(true);
    expect(matches(makeRule([inText('phrase', 'none', ['Live', 'Reels'])]), subject)).toBe(false);
  });

  it('every condition of a rule must hold', () => {
    const rule = makeRule([inText('phrase', 'any', ['algorithme']), inText('phrase', 'none', ['Instagram'])]);
    expect(matches(rule, subject)).toBe(true);
    expect(matches(rule, title('Instagram modifie son algorithme'))).toBe(false);
  });
});

describe('fields', () => {
  const subject = makeSubject({
    title: 'Nouveautés de la semaine',
    content: 'Le résumé parle des Pages.',
    url: 'https://www.blogdumoderateur.com/facebook-algorithme-fil-actualite/',
    author: 'Thomas Coëffé',
    source: ['blog-du-moderateur', 'Blog du Modérateur'],
    category: "Conditions d'utilisation (Open Terms Archive)",
    tags: ['algorithme-portee', 'Algorithme / portée', 'Algorithm / reach'],
  });
  const on = (fields: Condition['fields'], terms: string[], mode: Condition['mode'] = 'phrase') => matches(makeRule([{ fields, mode, combine: 'any', terms }]), subject);

  it('looks only where it is told', () => {
    expect(on(['title'], ['Pages'])).toBe(false);
    expect(on(['content'], ['Pages'])).toBe(true);
  });

  it('url: its words, and the raw link for a regex', () => {
    expect(on(['url'], ["fil d'actualité"])).toBe(true);
    expect(on(['url'], ['blogdumoderateur\\.com/'], 'regex')).toBe(true);
    expect(on(['title'], ['blogdumoderateur'])).toBe(false);
  });

  it('author, source (id and title), category', () => {
    expect(on(['author'], ['Thomas Coeffe'])).toBe(true);
    expect(on(['source'], ['Blog du modérateur'])).toBe(true);
    expect(on(['source'], ['^blog-du-moderateur$'], 'regex')).toBe(true);
    expect(on(['category'], ['Open Terms Archive'])).toBe(true);
  });

  it('tags: by id and by label in either language', () => {
    expect(on(['tags'], ['algorithme-portee'])).toBe(true);
    expect(on(['tags'], ['Algorithme'])).toBe(true);
    expect(on(['tags'], ['reach'])).toBe(true);
    expect(on(['tags'], ['Publicité'])).toBe(false);
  });
});

describe('regex mode', () => {
  const regex = (...terms: string[]) => makeRule([inText('regex', 'any', terms)]);

  it('reads the folded text, with the pattern folded too', () => {
    expect(matches(regex('r[ée]glement'), title('Le Règlement européen'))).toBe(true);
    expect(matches(regex('règlement'), title('Le reglement europeen'))).toBe(true);
    expect(matches(regex('RÈGLEMENT'), title('Le règlement européen'))).toBe(true);
    expect(matches(regex("fil d'actualit"), title('Fil d’actualité'))).toBe(true);
  });

  it('keeps escapes as written', () => {
    expect(matches(regex('\\bIA\\b'), title("L'IA générative"))).toBe(true);
    expect(matches(regex('\\bIA\\b'), title('Les médias sociaux'))).toBe(false);
    expect(matches(regex('v\\d+\\.\\d'), title('Graph API v21.0'))).toBe(true);
    expect(matches(regex('\\W{3}'), title('abc'))).toBe(false);
  });

  it('a leading wildcard changes nothing to what is found', () => {
    expect(matches(regex('.*algorithme'), title('Un algorithme'))).toBe(true);
    expect(matches(regex('.*algorithme'), title('Une portée'))).toBe(false);
  });

  it('an empty field reads as an empty text', () => {
    expect(matches(makeRule([{ fields: ['author'], mode: 'regex', combine: 'any', terms: ['^$'] }]), title('Sans auteur'))).toBe(true);
  });
});

describe('compiling', () => {
  it('skips disabled rules', () => {
    const compiled = compileRules([phrase('Pages'), { ...phrase('Pages'), id: 'off', enabled: false }]);
    expect(compiled.map((entry) => entry.rule.id)).toEqual(['r']);
  });

  it('leaves out, without throwing, a rule whose regex is invalid or unsafe', () => {
    const broken = makeRule([inText('regex', 'any', ['('])], { id: 'broken' });
    const dangerous = makeRule([inText('regex', 'any', ['(a+)+$'])], { id: 'dangerous' });
    const compiled = compileRules([broken, dangerous, phrase('Pages')]);
    expect(compiled.map((entry) => entry.rule.id)).toEqual(['r']);
  });

  it('returns the matching rules in their order, with what they do', () => {
    const rules = [
      makeRule([inText('phrase', 'any', ['Reels'])], { id: 'video', priority: 'info' }),
      makeRule([inText('phrase', 'any', ['élection'])], { id: 'election', priority: 'critical' }),
      makeRule([inText('phrase', 'any', ['algorithme'])], { id: 'algo', priority: 'important' }),
    ];
    const matched = matchingRules(compileRules(rules), title('Élections : l’algorithme des Reels en question'));
    expect(matched.map((rule) => [rule.id, rule.priority])).toEqual([
      ['video', 'info'],
      ['election', 'critical'],
      ['algo', 'important'],
    ]);
  });

  it('a term with no word in it is never found', () => {
    expect(matches(phrase('’'), title('’'))).toBe(false);
    expect(matches(makeRule([inText('phrase', 'none', ['-'])]), title('Tout'))).toBe(true);
  });
});
