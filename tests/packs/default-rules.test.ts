import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../lib/model/rule';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from '../../lib/packs/default-rules';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { compileRules, matchingRules, ruleProblems, type RuleSubject } from '../../lib/rules/match';
import { makeSubject } from '../rules/helpers';

const compiled = compileRules(DEFAULT_RULES);
const firing = (subject: RuleSubject) => matchingRules(compiled, subject).map((rule) => rule.id);
const headline = (title: string) => makeSubject({ title });

describe('the default rule pack', () => {
  it('every rule validates, is enabled and compiles', () => {
    expect(DEFAULT_RULES_VERSION).toBe(1);
    for (const rule of DEFAULT_RULES) {
      expect(RuleSchema.safeParse(rule).success, rule.id).toBe(true);
      expect(ruleProblems(rule), rule.id).toEqual([]);
      expect(rule).toMatchObject({ origin: 'default', enabled: true, actions: { alert: true, star: false, proposeShare: false } });
      expect(rule.id).toMatch(/^default-[a-z-]+$/);
    }
    expect(compiled).toHaveLength(DEFAULT_RULES.length);
    expect(new Set(DEFAULT_RULES.map((rule) => rule.id)).size).toBe(DEFAULT_RULES.length);
  });

  it('tags with shared-taxonomy tags, and notifies for the critical ones only', () => {
    const tags = new Set(SHARED_TAXONOMY.map((tag) => tag.id));
    for (const rule of DEFAULT_RULES) {
      expect(rule.actions.addTags.length, rule.id).toBeGreaterThan(0);
      for (const tag of rule.actions.addTags) expect(tags.has(tag), `${rule.id}: ${tag}`).toBe(true);
      expect(rule.actions.notify, rule.id).toBe(rule.priority === 'critical');
    }
  });

  it('gives the priorities a community manager expects', () => {
    const priority = (id: string) => DEFAULT_RULES.find((rule) => rule.id === id)?.priority;
    expect(priority('default-conditions')).toBe('critical');
    expect(priority('default-conditions-open-terms-archive')).toBe('critical');
    expect(priority('default-publicite-politique')).toBe('critical');
    expect(priority('default-periode-electorale')).toBe('critical');
    expect(priority('default-algorithme')).toBe('important');
  });

  /** Headlines as French and English feeds word them, and the rules each one must set off. */
  const catches: [string, string[]][] = [
    ['default-algorithme', [
      'Facebook : l’algorithme du fil d’actualité change encore',
      'Portée organique : comment les Pages des collectivités peuvent limiter la casse',
      'Meta explique le classement des publications dans le Feed',
      'Facebook’s News Feed will show fewer posts from Pages',
      'Meta says organic reach for Pages will keep declining',
      'Instagram explains how its algorithms rank posts',
    ]],
    ['default-publicite-politique', [
      'Meta arrête la publicité politique dans l’Union européenne',
      'Publicités à caractère politique : ce qui change en octobre',
      'Meta will stop political ads in the EU from October',
      'New rules for ads about social issues, elections or politics',
    ]],
    ['default-periode-electorale', [
      'Municipales 2026 : la période de réserve électorale et les réseaux sociaux',
      'Élections européennes : Meta active son centre d’opérations',
      'How Meta is preparing for the 2026 midterm elections',
    ]],
    ['default-pages', [
      'La nouvelle expérience des Pages devient obligatoire',
      'Les administrateurs de Page perdent l’accès aux statistiques historiques',
      'Facebook Pages get a new professional mode',
      'Meta removes Page likes in favour of Page followers',
    ]],
    ['default-groupes', [
      'Groupes Facebook : les admins de groupe peuvent désormais approuver les publications',
      'Facebook Groups add community chats for admins',
    ]],
    ['default-video', [
      'Facebook Reels : les vidéos peuvent désormais durer 3 minutes',
      'Facebook Live : la diffusion en direct depuis un ordinateur évolue',
      'Meta brings vertical video to the Facebook video tab',
      'Instagram Reels now count towards video views',
    ]],
    ['default-moderation', [
      'Meta met fin à la vérification des faits aux États-Unis',
      'Les standards de la communauté de Facebook évoluent',
      'Règles de la communauté : ce que Meta change pour les discours haineux',
      'Meta’s Oversight Board weighs in on Community Notes',
      'Meta updates its hateful conduct policy and Community Standards',
    ]],
    ['default-conditions', [
      'Meta modifie ses conditions d’utilisation au 1er janvier',
      'Facebook : nouvelle politique de confidentialité, ce qu’il faut savoir',
      'Meta updates its Terms of Service and Privacy Policy',
    ]],
    ['default-api-outils', [
      'Graph API v22.0 : ce qui disparaît',
      'Meta Business Suite remplace définitivement Creator Studio',
      'Meta deprecates some Marketing API endpoints',
      'Le Gestionnaire de publicités simplifie le ciblage',
    ]],
    ['default-ia', [
      'Meta AI arrive en France dans WhatsApp et Messenger',
      'L’IA générative s’invite dans le Gestionnaire de publicités',
      'Llama 4 : Meta dévoile ses nouveaux modèles',
      'Meta adds AI-generated labels to images on Facebook',
    ]],
    ['default-reglementation', [
      'DSA : la Commission européenne ouvre une enquête contre Meta',
      'RGPD : la CNIL publie ses recommandations pour les collectivités',
      'Arcom : le rapport sur la désinformation en ligne',
      'Meta fined under the GDPR by the Irish Data Protection Commission',
      'Digital Services Act: what platforms must change',
    ]],
  ];

  for (const [id, headlines] of catches) {
    it.each(headlines)(`${id} catches: %s`, (title) => {
      expect(firing(headline(title))).toContain(id);
    });
  }

  it('every item of an Open Terms Archive source is a terms change, whatever its title', () => {
    const commit = makeSubject({
      title: 'Update Facebook Terms of Service',
      content: 'Record new changes of Facebook Terms of Service',
      source: ['ota-pga-facebook', 'Open Terms Archive — Facebook (collection UE)'],
      category: "Conditions d'utilisation (Open Terms Archive)",
    });
    expect(firing(commit)).toContain('default-conditions-open-terms-archive');
    const other = makeSubject({ title: 'Récupération de la version', source: ['ota-pga-facebook', 'Open Terms Archive — Facebook (collection UE)'] });
    expect(firing(other)).toEqual(['default-conditions-open-terms-archive']);
  });

  /** Headlines that must not set off a given rule, though they come close. */
  const spares: [string, string][] = [
    ['default-video', 'Les effets réels des réseaux sociaux sur la démocratie'],
    ['default-video', 'Statistiques en temps réel pour les collectivités'],
    ['default-ia', 'Les médias sociaux et la communication territoriale'],
    ['default-ia', "J'ai testé la nouvelle Page de ma commune"],
    ['default-ia', 'Ce que j’ai appris sur les Pages'],
    ['default-algorithme', 'Comment joindre le service communication ? Reach out to us'],
    ['default-algorithme', 'Le fil rouge de la semaine : actualité des collectivités'],
    ['default-publicite-politique', 'Les annonces du gouvernement sur les enjeux sociaux'],
    ['default-pages', 'Mise en page : le guide de la charte graphique'],
    ['default-groupes', 'Les grands groupes publics et la communication'],
    ['default-moderation', 'Blog du Modérateur : notre sélection de la semaine'],
    ['default-conditions', 'Les conditions de travail des community managers'],
    ['default-api-outils', 'Une rapide mise à jour de nos capacités'],
    ['default-reglementation', 'Les règles de la vie en communauté'],
    ['default-periode-electorale', 'Sélection des meilleures campagnes de la semaine'],
  ];

  it.each(spares)('%s lets this one go: %s', (id, title) => {
    expect(firing(headline(title))).not.toContain(id);
  });

  it('a plain item about Facebook or Meta sets off nothing', () => {
    expect(firing(headline('Facebook fête ses 22 ans'))).toEqual([]);
    expect(firing(headline('Meta reports third-quarter results'))).toEqual([]);
    expect(firing(makeSubject({ title: 'Le community management dans une mairie', content: 'Nos conseils pour publier chaque semaine.' }))).toEqual([]);
  });

  it('a privacy policy mentioned at the foot of an article does not ring', () => {
    const subject = makeSubject({ title: 'Dix idées de publications pour l’été', content: 'Nos conseils… Lire notre politique de confidentialité.' });
    expect(firing(subject)).not.toContain('default-conditions');
  });
});
