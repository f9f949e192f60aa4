/**
 * What changed for members, newest first: the lines Paramètres → « À propos de Vigie » shows, in both
 * languages. A change that removes or moves something a member had (a curated source retired) is said here.
 */
export interface ChangelogEntry {
  /** The version that brought it (package.json's, semantic): « Quoi de neuf » shows the entries above the last one run. */
  version: string;
  /** "YYYY-MM-DD". */
  date: string;
  fr: string;
  en: string;
}

export const CHANGELOG: readonly ChangelogEntry[] = [
  {
    version: '0.9.2',
    date: '2026-12-07',
    fr: "Version 0.9.2. Avec beaucoup d'éléments, la recherche du tableau de bord est prête bien plus tôt (à 200 000 éléments, en moins de deux secondes au lieu de plus de trois) : l'index qu'elle garde entre deux ouvertures prend 3 fois moins de place. Le « de » s'élide devant un nom qui commence par une voyelle : « Conseil d’Alice Martin ».",
    en: 'Version 0.9.2. With many items, the dashboard\'s search is ready much sooner (at 200,000 items, in under two seconds instead of over three): the index it keeps between two openings takes 3 times less room. French elides « de » before a name starting with a vowel: « Conseil d\'Alice Martin ».',
  },
  {
    version: '0.9.1',
    date: '2026-12-07',
    fr: "Version 0.9.1. Un commentaire, une réponse, une réaction ou un partage écrit pendant une synchronisation avec le hub part aussitôt après elle, et non plus une minute plus tard. Le tableau de bord montre ses premières lignes un peu plus tôt.",
    en: 'Version 0.9.1. A comment, reply, reaction or share written during a sync with the hub goes right after it, no longer a minute later. The dashboard shows its first rows a little sooner.',
  },
  {
    version: '0.9.0',
    date: '2026-12-07',
    fr: "Version 0.9.0. Un retour d'expérience répond à plusieurs choses à la fois, jusqu'à dix (l'alerte du COPIL et l'article qui l'a déclenchée, par exemple), chacune avec son bouton « Retirer ». Un partage que le hub refuse aussitôt (trop volumineux pour lui, par exemple) est dit tout de suite, avec les mots du hub, et le formulaire garde ce qui était écrit. Le tableau de bord montre ses premières lignes un peu plus tôt.",
    en: 'Version 0.9.0. An experience report answers several things at once, up to ten (the COPIL\'s alert and the article behind it, say), each with its own "Remove" button. A share the hub refuses at once (too large for it, say) is said then, in its words, and the form keeps what was written. The dashboard shows its first rows a little sooner.',
  },
  {
    version: '0.8.1',
    date: '2026-12-07',
    fr: "Version 0.8.1. La recherche montre sa réponse avec ses articles, sans lignes vides le temps de les lire. Un refus du hub est dit en français (« Le hub a refusé : seul un administrateur du hub peut le faire. »), dans les messages, l'état de la connexion et la liste des envois en attente. Le bouton de partage dit « Vous l'avez déjà partagé » ou « Déjà partagé par vous et … », plus votre propre nom. Un rédacteur qui écrit une fiche est prévenu aussitôt qu'un collègue vient d'en enregistrer une version, sans que rien ne bouge dans son éditeur.",
    en: "Version 0.8.1. Search shows its answer with its articles, without empty rows while they are read. A refusal from the hub is said in your language (\"The hub refused: only an admin of the hub may do this.\"), in messages, the connection's state and the list of pending sends. The share button says \"You have already shared it\" or \"Already shared by you and …\", no longer your own name. An editor writing a sheet is told at once when a colleague has just saved a version of it, without anything moving in their editor.",
  },
  {
    version: '0.8.0',
    date: '2026-12-07',
    fr: "Version 0.8.0. Fiches conseils (hub 1.5.0) : une fiche vivante par thème (une par étiquette de la taxonomie), rédigée en Markdown par les rédacteurs que désignent les administrateurs du hub, chaque version gardée avec son auteur ; la navigation marque une fiche modifiée depuis votre lecture et la fiche montre, mot à mot, ce qui a changé (une notification si vous la demandez dans Paramètres). Depuis le volet d'un article ou la carte d'un retour d'expérience, « Proposer pour une fiche » ; les membres proposent aussi une nouvelle rédaction, que les rédacteurs acceptent ou refusent. Deux rédacteurs qui enregistrent en même temps : le second voit la version du premier, rien n'est perdu. « Livre blanc… » exporte les fiches choisies en Markdown ou en HTML à imprimer. Un retour d'expérience peut répondre à une alerte ou à un article du COPIL. La Synthèse se termine par les fiches mises à jour pendant sa période.",
    en: "Version 0.8.0. Advice sheets (hub 1.5.0): one living sheet per topic (one per tag of the taxonomy), written in Markdown by the editors the hub's admins choose, every version kept with its author; the navigation marks a sheet changed since you read it and the sheet shows, word by word, what changed (a notification if you ask for it in Settings). From an article's pane or an experience report's card, \"Propose for a sheet\"; members also propose a new wording, which editors accept or decline. Two editors saving at once: the second sees the first's version, nothing is lost. \"White paper…\" exports the chosen sheets as Markdown or as HTML to print. An experience report can answer an alert or an article of the COPIL. The digest ends with the sheets updated in its period.",
  },
  {
    version: '0.7.0',
    date: '2026-12-06',
    fr: "Version 0.7.0. Retours d'expérience : dans COPIL, « Partager un retour d'expérience » dit ce que vous avez tenté, dans quel contexte (structure, plateforme, public) et ce qui en est ressorti ; le collectif le lit, le commente et le trouve par ses mots, avec sa propre marque (hub 1.4.0). Avec beaucoup d'éléments, le tableau de bord s'ouvre sans attendre : les nombres de non-lus de la navigation sont tenus à jour à chaque écriture au lieu d'être recomptés, et la recherche est prête en une seconde environ même avec 200 000 éléments. La Synthèse raconte aussi les retours d'expérience de sa période.",
    en: "Version 0.7.0. Experience reports: in COPIL, \"Share an experience report\" tells what you tried, in which context (body, platform, audience) and what came of it; the collective reads it, comments on it and finds it by its words, with its own mark (hub 1.4.0). With many items, the dashboard opens without waiting: the navigation's unread counts are kept up to date by each write instead of being counted again, and the search is ready in about a second even with 200,000 items. The digest also tells the experience reports of its period.",
  },
  {
    version: '0.6.0',
    date: '2026-12-06',
    fr: "Version 0.6.0. La recherche du tableau de bord est prête en une seconde environ à chaque ouverture : son index est gardé d'une ouverture à l'autre et rattrapé sur ce qui a changé entre-temps, au lieu d'être reconstruit à partir de tous vos éléments. « Effacer toutes les données » l'efface aussi. Les règles d'une alerte sont nommées dans le même ordre dans la popup et dans Alertes.",
    en: 'Version 0.6.0. The dashboard\'s search is ready in about a second at each opening: its index is kept from one opening to the next and caught up with what changed meanwhile, instead of being built again from all your items. "Erase all data" erases it too. An alert\'s rules are named in the same order in the popup and in Alerts.',
  },
  {
    version: '0.5.0',
    date: '2026-12-06',
    fr: "Version 0.5.0. Accessibilité : chaque champ obligatoire le dit dans son étiquette (« obligatoire ») ; un partage du COPIL garde la langue de l'article, que les lecteurs d'écran respectent (hub 1.3.0) ; le formulaire de clip place le curseur dans son premier champ dès son ouverture, si bien que ce que vous tapez aussitôt pour la note ne part plus dans les étiquettes.",
    en: "Version 0.5.0. Accessibility: each required field says so in its label (\"required\"); a COPIL share keeps the article's language, which screen readers follow (hub 1.3.0); the clip form puts the cursor in its first field as soon as it opens, so what you type at once for the note no longer goes into the tags.",
  },
  {
    version: '0.4.0',
    date: '2026-12-06',
    fr: "Version 0.4.0. Un article partagé deux fois avec le COPIL, par vous ou par un collègue, reste un seul partage : le vôtre est mis à jour, celui d'un collègue porte vos deux conseils (« Partagé par Camille Martin et Bruno Petit ») ; les étiquettes arrivent par leur nom ; on peut répondre à un commentaire, et vous êtes prévenu des commentaires sur vos partages. Avant d'exporter la Synthèse, vous choisissez les éléments, leur ordre et une introduction. L'article s'affiche avant son tri, la liste et l'article se partagent l'écran, « Tout marquer comme lu » vaut pour ce qui a plus d'un jour, « ? » liste les raccourcis. Les sources du pack se mettent en pause ensemble. Les erreurs se disent en mots, les détails techniques sous « Détails ». Les confirmations sont celles de Vigie, plus celles du navigateur.",
    en: "Version 0.4.0. An article shared twice with the COPIL, by you or a colleague, stays one share: yours is updated, a colleague's carries both your advice (\"Shared by Camille Martin and Bruno Petit\"); tags arrive by their names; comments can be answered, and you are told of comments on your shares. Before exporting the digest, you choose its items, their order and an introduction. The article shows before its triage, the list and the article share the screen, \"Mark all read\" applies to what is older than a day, \"?\" lists the shortcuts. The pack's sources pause together. Errors are said in words, technical details under \"Details\". Confirmations are Vigie's own, no longer the browser's.",
  },
  {
    version: '0.3.0',
    date: '2026-12-05',
    fr: "Version 0.3.0. Paramètres → « Conservation des éléments » : Vigie garde vos éléments 12 mois par défaut (3, 6, 24 mois ou toujours), sans jamais retirer vos favoris, vos éléments étiquetés, annotés, clipés ou partagés, ni ceux qui ont une alerte non lue ; l'espace utilisé y est affiché. Le badge compte les articles à lire, plus les règles qui les trouvent. Une source ajoutée sonne pour ses articles des 48 dernières heures. La Synthèse choisit les éléments par date de publication, sur un jour, une semaine, un mois ou les dates de votre choix, avec clips, conseils et impacts. Après chaque mise à jour, Vigie montre une fois « Quoi de neuf ». Le hub du COPIL dit sa version et Vigie prévient s'il est plus ancien ou plus récent que prévu.",
    en: 'Version 0.3.0. Settings → "Keeping items": Vigie keeps your items for 12 months by default (3, 6, 24 months or always), never removing your starred, tagged, annotated, clipped or shared items, nor those with an unread alert; the storage used is shown there. The badge counts articles to read, no longer the rules that match them. A source you add rings for its articles of the last 48 hours. The digest chooses items by publication date, over a day, a week, a month or dates you choose, with clips, advice and impacts. After each update, Vigie shows "What’s new" once. The COPIL hub says its version, and Vigie warns when it is older or newer than expected.',
  },
  {
    version: '0.2.0',
    date: '2026-12-05',
    fr: "Version 0.2.0. Firefox : la connexion à un hub du COPIL dont l'adresse porte un port (:8787) aboutit, et cliper une page de Firefox (about:…) dit pourquoi c'est impossible. Tant que la fenêtre d'autorisation du navigateur attend, Vigie le dit et propose d'annuler. Les nombres s'accordent (« 1 élément », « 1 coché »). Les données créées par les toutes premières versions retrouvent le compte des nouveautés.",
    en: "Version 0.2.0. Firefox: connecting to a COPIL hub whose address has a port (:8787) works, and clipping one of Firefox's own pages (about:…) says why it cannot be done. While the browser's permission window waits, Vigie says so and offers to cancel. Counts agree with their numbers (\"1 item\"). Data created by the very first versions count new items again.",
  },
  {
    version: '0.1.0',
    date: '2026-12-04',
    fr: "La source « Open Terms Archive — Facebook (collection France) » est retirée du pack : Open Terms Archive ne suit plus Facebook ni Instagram dans sa collection France depuis le 28 avril 2022, son historique est vide. Ses éléments sont gardés. Les conditions de Facebook restent suivies par la collection UE (Platform Governance Archive).",
    en: 'The source "Open Terms Archive — Facebook (collection France)" leaves the pack: Open Terms Archive stopped following Facebook and Instagram in its France collection on 28 April 2022, and its history is empty. Its items are kept. Facebook\'s terms are still followed through the EU collection (Platform Governance Archive).',
  },
  {
    version: '0.1.0',
    date: '2026-12-04',
    fr: "Veille des règles : un changement qui ne touche que des liens ou la mise en forme, ou un changement technique d'Open Terms Archive, est gardé sans alerte ni notification ; le Diagnostic montre l'histoire de Facebook depuis 2004.",
    en: "Policy watch: a change of links or formatting only, or an Open Terms Archive technical change, is kept without alert or notification; Diagnostic shows Facebook's history since 2004.",
  },
];
