import type { Condition, Priority, Rule } from '../model/rule';

/**
 * The rules every member starts with: what a community manager of a French city must not miss about Facebook
 * and Meta. Each one tags the item with the matching shared-taxonomy tag and raises an alert; the ones that
 * change how a Page may speak (terms, political ads, elections) are critical and notify.
 *
 * Terms are phrases, in French and in English, as articles and Meta's own announcements word them. Words and
 * phrases ignore case and accents and take plurals and elisions ("algorithme" finds "l’algorithme" and
 * "Algorithmes"), so one form of each is enough. Because accents are ignored, some words had to be left out
 * alone: "Reels" would find "réels" ("en temps réel"), "AI" would find "j’ai"; they appear in phrases
 * instead ("Facebook Reels", "Meta AI"). Plain "Facebook" or "Meta" would match every item.
 *
 * Ids are stable (`default-<topic>`): a member's edit keeps the id, and a deleted rule is never re-added.
 * Raise `DEFAULT_RULES_VERSION` (default-rules-version.ts) when rules are added here.
 */
export { DEFAULT_RULES_VERSION } from './default-rules-version';

const UPDATED = '2026-11-28T00:00:00.000Z';

const inText = (terms: string[]): Condition => ({ fields: ['title', 'content'], mode: 'phrase', combine: 'any', terms });

function defaultRule(id: string, name: string, priority: Priority, addTags: string[], conditions: Condition[]): Rule {
  return {
    id: `default-${id}`,
    name,
    enabled: true,
    priority,
    conditions,
    actions: { alert: true, addTags, star: false, notify: priority === 'critical', proposeShare: false },
    origin: 'default',
    updated: UPDATED,
  };
}

export const DEFAULT_RULES: readonly Rule[] = [
  defaultRule('algorithme', 'Algorithme et portée organique', 'important', ['algorithme-portee'], [
    inText([
      'algorithme', 'portée organique', "fil d'actualité", 'portée des publications', 'portée des Pages', 'baisse de la portée',
      'visibilité des publications', 'classement des publications', 'publications recommandées', 'contenus recommandés', 'contenus politiques',
      'algorithm', 'News Feed', 'organic reach', 'Feed ranking', 'ranking signals', 'post reach', 'Page reach', 'Facebook reach',
      'reach on Facebook', 'reduced reach', 'limited reach', 'boost reach', 'engagement bait', 'recommended posts', 'political content', 'EdgeRank',
    ]),
  ]),
  defaultRule('publicite-politique', 'Publicité politique', 'critical', ['publicite-politique'], [
    inText([
      'publicité politique', 'publicités à caractère politique', 'publicité électorale', 'enjeux sociaux, électoraux ou politiques',
      'sujets sociaux, électoraux ou politiques', 'caractère social, électoral ou politique', 'ciblage politique',
      'political ads', 'political ad', 'political advertising', 'political advertisements', 'political advertisers', 'issue ads',
      'ads about social issues', 'social issues, elections or politics', 'TTPA',
    ]),
  ]),
  defaultRule('periode-electorale', 'Période électorale', 'critical', ['periode-electorale'], [
    inText([
      'élection', 'électoral', 'électorale', 'scrutin', 'réserve électorale', 'campagne électorale', 'référendum', 'voter',
      'election', 'electoral', 'ballot', 'midterms', 'referendum',
    ]),
  ]),
  defaultRule('pages', 'Pages Facebook', 'info', ['pages'], [
    inText([
      'Page Facebook', 'gestion des Pages', 'gestionnaire de Page', 'administrateurs de Page', 'nouvelle expérience des Pages',
      'nouvelle expérience Pages', 'abonnés de la Page', "mentions J'aime de la Page", "bouton J'aime", 'Page professionnelle',
      'rôles de la Page', 'accès à la Page', 'statistiques de la Page',
      'Facebook Page', 'Page admins', 'Page managers', 'New Pages Experience', 'Pages experience', 'Page followers', 'Page likes',
      'Page roles', 'Page access', 'Page Insights', 'professional mode', 'business Pages',
    ]),
  ]),
  defaultRule('groupes', 'Groupes Facebook', 'info', ['groupes'], [
    inText([
      'Groupe Facebook', 'groupes sur Facebook', 'administrateurs de groupe', 'admins de groupe', 'discussions de groupe',
      'Facebook Group', 'groups on Facebook', 'group admins', 'group admin', 'group members', 'Groups feature', 'community chats',
    ]),
  ]),
  defaultRule('video', 'Vidéo, Reels et live', 'info', ['video-reels-live'], [
    inText([
      'Facebook Reels', 'Instagram Reels', 'Reels Facebook', 'Reels Instagram', 'format Reels', 'vos Reels', 'créateurs de Reels',
      'vidéo courte', 'vidéo verticale', 'Facebook Live', 'Instagram Live', 'live Facebook', 'en direct sur Facebook', 'vidéo en direct',
      'diffusion en direct', 'Facebook Watch', 'Facebook Stories', 'Instagram Stories', 'vidéo Facebook', 'monétisation des vidéos',
      'Reels ads', 'Reels feature', 'Reels creators', 'short-form video', 'short video', 'vertical video', 'video views', 'live video',
      'live streaming', 'livestream', 'video tab', 'video feed', 'video monetization', 'in-stream ads',
    ]),
  ]),
  defaultRule('moderation', 'Modération et standards de la communauté', 'important', ['moderation'], [
    inText([
      'modération', 'standards de la communauté', 'règles de la communauté', 'standards communautaires', 'règles communautaires',
      'notes de la communauté', 'notes de communauté', 'vérification des faits', 'fact-checking', 'fact-checkers', 'Conseil de surveillance',
      'contenus haineux', 'discours haineux', 'discours de haine', 'désinformation', 'suppression de contenus', 'suppression de publications',
      'signalement de contenus', 'suspension de compte', 'comptes suspendus', 'commentaires masqués', 'masquer les commentaires',
      'Community Standards', 'Community Guidelines', 'Community Notes', 'Oversight Board', 'hate speech', 'misinformation',
      'disinformation', 'content removal', 'account suspension', 'suspended accounts', 'hide comments', 'hidden comments',
    ]),
  ]),
  defaultRule('conditions-open-terms-archive', "Conditions d'utilisation : nouvelle version (Open Terms Archive)", 'critical', ['conditions-confidentialite'], [
    // Every item of these sources is a new version of a Facebook terms document: the source says it all (the
    // curated ones are in the category "Conditions d'utilisation (Open Terms Archive)", and so named).
    { fields: ['category', 'source'], mode: 'phrase', combine: 'any', terms: ['Open Terms Archive'] },
  ]),
  defaultRule('conditions', "Conditions d'utilisation et confidentialité", 'critical', ['conditions-confidentialite'], [
    // In titles only: a privacy policy is linked at the foot of many articles, and this one notifies.
    {
      fields: ['title'],
      mode: 'phrase',
      combine: 'any',
      terms: [
        "conditions d'utilisation", 'conditions générales', 'CGU', 'politique de confidentialité', 'politique de données',
        "politique d'utilisation des données", 'règles de confidentialité', 'conditions commerciales', 'paramètres de confidentialité',
        'terms of service', 'terms of use', 'terms and conditions', 'privacy policy', 'data policy', 'privacy terms', 'Meta Terms',
        'Commercial Terms', 'privacy settings',
      ],
    },
  ]),
  defaultRule('api-outils', 'API et outils', 'info', ['api-outils'], [
    inText([
      'Graph API', 'API Graph', 'Marketing API', 'API Marketing', 'Conversions API', 'API Conversions', 'Instagram API', 'API Instagram',
      'Threads API', 'WhatsApp Business API', 'Facebook API', 'API Facebook', 'Meta Business Suite', 'Business Suite',
      'Business Manager', 'Gestionnaire de publicités', 'Ads Manager', 'Creator Studio', 'Studio des créateurs', 'Meta for Developers',
      'Meta Pixel', 'Pixel Meta', 'Facebook Pixel', 'Pixel Facebook', 'Accounts Center', 'Espace Comptes', 'Professional Dashboard',
      'tableau de bord professionnel', "version de l'API", 'API version', 'API deprecation',
    ]),
  ]),
  defaultRule('ia', 'Intelligence artificielle', 'info', ['ia'], [
    inText([
      'IA', 'intelligence artificielle', 'IA générative', 'Meta AI', 'Llama', 'grands modèles de langage', 'chatbot', 'ChatGPT', 'OpenAI',
      'artificial intelligence', 'generative AI', 'AI-generated', 'AI assistant', 'AI agents', 'AI Studio', 'AI features', 'AI tools',
      'AI labels', 'AI models', 'large language model', 'LLM',
    ]),
  ]),
  defaultRule('reglementation', 'Réglementation (DSA, RGPD, TTPA)', 'important', ['reglementation'], [
    inText([
      'DSA', 'règlement sur les services numériques', 'DMA', 'RGPD', 'TTPA', 'règlement européen sur la publicité politique',
      'règlement sur la transparence et le ciblage de la publicité politique', "règlement sur l'IA", 'Arcom', 'CNIL', 'Commission européenne',
      'protection des données', 'loi SREN', 'CEPD',
      'Digital Services Act', 'Digital Markets Act', 'GDPR', 'AI Act', 'European Commission', 'data protection', 'EDPB',
      'Data Protection Commission', 'Online Safety Act',
    ]),
  ]),
];
