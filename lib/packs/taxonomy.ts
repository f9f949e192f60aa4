import type { Tag } from '../model/tag';

/**
 * The collective's shared taxonomy, French first. Ids are stable: items, rules and (later) the hub refer to
 * tags by id, so a label can be reworded without touching them. Colours are picked to stay legible as text
 * on a light and on a dark background (RGAA contrast), and distinct from each other.
 */
export const SHARED_TAXONOMY: readonly Tag[] = [
  { id: 'algorithme-portee', label: { fr: 'Algorithme / portée', en: 'Algorithm / reach' }, scope: 'shared', color: '#1d6fb8' },
  { id: 'publicite', label: { fr: 'Publicité', en: 'Advertising' }, scope: 'shared', color: '#b35900' },
  { id: 'publicite-politique', label: { fr: 'Publicité politique', en: 'Political ads' }, scope: 'shared', parent: 'publicite', color: '#a0401a' },
  { id: 'pages', label: { fr: 'Pages', en: 'Pages' }, scope: 'shared', color: '#2f7d32' },
  { id: 'groupes', label: { fr: 'Groupes', en: 'Groups' }, scope: 'shared', color: '#00796b' },
  { id: 'video-reels-live', label: { fr: 'Vidéo / Reels / live', en: 'Video / Reels / live' }, scope: 'shared', color: '#8e24aa' },
  { id: 'moderation', label: { fr: 'Modération et règles communautaires', en: 'Moderation and community standards' }, scope: 'shared', color: '#c62828' },
  { id: 'conditions-confidentialite', label: { fr: "Conditions d'utilisation et confidentialité", en: 'Terms of service and privacy' }, scope: 'shared', color: '#5d4037' },
  { id: 'api-outils', label: { fr: 'API et outils', en: 'API and tools' }, scope: 'shared', color: '#455a64' },
  { id: 'messagerie', label: { fr: 'Messagerie', en: 'Messaging' }, scope: 'shared', color: '#0277bd' },
  { id: 'ia', label: { fr: 'IA', en: 'AI' }, scope: 'shared', color: '#6a1b9a' },
  { id: 'reglementation', label: { fr: 'Réglementation (DSA, RGPD, TTPA)', en: 'Regulation (DSA, GDPR, TTPA)' }, scope: 'shared', color: '#283593' },
  { id: 'periode-electorale', label: { fr: 'Période électorale', en: 'Election period' }, scope: 'shared', color: '#ad1457' },
];
