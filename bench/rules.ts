/**
 * The alert rules' cost, against the ingestion they ride on: 100 rules (the default pack and realistic
 * variants, a few regular expressions among them) evaluated against 10,000 new items, timed against the
 * ingestion of the same items (decode, parse, normalise, sanitize, dedupe, store in IndexedDB) in the same
 * run. Target: rules add at most 20 % to ingestion.
 */
import 'fake-indexeddb/auto';
import { readFeed } from '../lib/feeds/pipeline';
import type { Item } from '../lib/model/item';
import type { Condition, Rule } from '../lib/model/rule';
import { emptyHealth, type Source } from '../lib/model/source';
import { CURATED_PACK, curatedSource } from '../lib/packs/curated-sources';
import { DEFAULT_RULES } from '../lib/packs/default-rules';
import { SHARED_TAXONOMY } from '../lib/packs/taxonomy';
import { compileRules, matchingRules, subjectOf } from '../lib/rules/match';
import { VigieStore } from '../lib/store/store';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const ITEMS = 10_000;
const RULES = 100;
const INGEST_ROUNDS = 4;
const RULE_ROUNDS = 7;

/** Progress on stderr, so that stdout stays one JSON line per figure. */
const log = (line: string) => process.stderr.write(`rules bench: ${line}\n`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** A deterministic pseudo-random stream, so that every run measures the same feeds and rules. */
function randomStream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const HEADLINES = {
  fr: [
    'Facebook : l’algorithme du fil d’actualité change encore',
    'Portée organique : comment les Pages des collectivités limitent la casse',
    'Meta arrête la publicité politique dans l’Union européenne',
    'Municipales : la période de réserve électorale et les réseaux sociaux',
    'La nouvelle expérience des Pages devient obligatoire',
    'Groupes Facebook : les admins de groupe peuvent approuver les publications',
    'Facebook Reels : les vidéos peuvent désormais durer 3 minutes',
    'Meta met fin à la vérification des faits',
    'Meta modifie ses conditions d’utilisation',
    'Graph API : ce qui disparaît dans la prochaine version',
    'Meta AI arrive en France dans WhatsApp',
    'DSA : la Commission européenne ouvre une enquête',
    'Dix idées de publications pour l’été',
    'Le community management dans une mairie : retour d’expérience',
    'Comment écrire pour le web quand on est une collectivité',
    'LinkedIn teste un nouveau format de carrousel',
    'TikTok : les tendances de la semaine',
    'Baromètre des réseaux sociaux : les chiffres du trimestre',
  ],
  en: [
    'Facebook’s News Feed will show fewer posts from Pages',
    'Meta says organic reach for Pages will keep declining',
    'Meta will stop political ads in the EU from October',
    'How Meta is preparing for the midterm elections',
    'Facebook Pages get a new professional mode',
    'Facebook Groups add community chats for admins',
    'Instagram Reels now count towards video views',
    'Meta’s Oversight Board weighs in on Community Notes',
    'Meta updates its Terms of Service and Privacy Policy',
    'Meta deprecates some Marketing API endpoints',
    'Meta adds AI-generated labels to images',
    'Digital Services Act: what platforms must change',
    'Ten social media tips for local governments',
    'Threads passes 300 million monthly users',
    'YouTube tests a new comments layout',
    'The best times to post this week',
    'X changes how replies are ranked',
    'Snapchat launches a new creator fund',
  ],
};

const SENTENCES = {
  fr: [
    'Les collectivités revoient leur calendrier éditorial pour tenir compte de la baisse de la portée.',
    'Le community manager d’une ville moyenne publie en moyenne deux fois par jour.',
    'Les vidéos courtes restent le format qui engage le plus, devant les carrousels.',
    'La modération des commentaires demande du temps, surtout pendant les périodes sensibles.',
    'Les élus demandent souvent des chiffres : les statistiques de la Page en donnent quelques-uns.',
    'Plusieurs services de communication publique ont témoigné lors de la journée d’échanges.',
    'Le livre blanc du collectif rassemble les bonnes pratiques observées depuis des années.',
    'Il faut relire les nouvelles règles avant la prochaine campagne.',
    'Les outils de planification permettent de préparer les publications à l’avance.',
    'Les habitants posent leurs questions en commentaire plutôt que par courriel.',
  ],
  en: [
    'Local governments are rethinking their publishing calendar as reach declines.',
    'Short-form video remains the most engaging format, ahead of carousels.',
    'Comment moderation takes time, especially around sensitive events.',
    'Officials often ask for numbers, and Page Insights gives a few of them.',
    'Several public-sector teams shared their experience at the meetup.',
    'The new rules should be read before the next campaign starts.',
    'Scheduling tools let teams prepare posts in advance.',
    'Residents ask their questions in the comments rather than by email.',
    'The change rolls out gradually over the coming weeks.',
    'Meta says it will share more details later this year.',
  ],
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A WordPress-like feed: titles, links, authors, categories, an excerpt and a full HTML article per item, with
 * the markup such articles carry (links, a figure with srcset, a list, the "appeared first on" footer): text
 * is about 60 % of the article's HTML, as in the shared corpus's Medium feed (the Guardian's is 22 %).
 */
function newsFeed(source: Source, count: number, language: 'fr' | 'en', seed: number): string {
  const random = randomStream(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = `${pick(HEADLINES[language])} (${i})`;
    const opening = Array.from({ length: 3 }, () => pick(SENTENCES[language]));
    const paragraphs = [opening, ...Array.from({ length: 5 + Math.floor(random() * 6) }, () => Array.from({ length: 3 }, () => pick(SENTENCES[language])))].map(
      ([first, second, third], n) => `<p>${first} <a href="https://exemple.fr/dossier/${seed}-${i}-${n}/" rel="noopener" target="_blank">${second}</a> <strong>${third}</strong></p>`,
    );
    paragraphs.splice(
      2,
      0,
      `<h2 class="wp-block-heading" id="h-${i}">${escapeXml(pick(HEADLINES[language]))}</h2>`,
      `<figure class="wp-block-image size-large"><img loading="lazy" decoding="async" width="1024" height="576" src="https://img.example/${seed}/${i}-1024x576.jpg" alt="" class="wp-image-${i}" srcset="https://img.example/${seed}/${i}-1024x576.jpg 1024w, https://img.example/${seed}/${i}-300x169.jpg 300w, https://img.example/${seed}/${i}-768x432.jpg 768w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">Capture d’écran</figcaption></figure>`,
    );
    paragraphs.push(`<ul class="wp-block-list"><li><a href="https://exemple.fr/a/${i}">${pick(HEADLINES[language])}</a></li><li><a href="https://exemple.fr/b/${i}">${pick(HEADLINES[language])}</a></li></ul>`, `<p>L’article <a href="https://exemple.fr/articles/${seed}-${i}/">${escapeXml(title)}</a> est apparu en premier sur <a href="https://exemple.fr">${escapeXml(source.title)}</a>.</p>`);
    const date = new Date(Date.UTC(2026, 10, 30) - (i + seed) * 3_600_000).toUTCString();
    entries.push(`<item>
  <title>${escapeXml(title)}</title>
  <link>${source.siteUrl ?? 'https://exemple.fr'}/articles/${seed}-${i}/</link>
  <guid isPermaLink="false">${source.id}-${i}</guid>
  <pubDate>${date}</pubDate>
  <dc:creator><![CDATA[${pick(['Claire Martin', 'Thomas Coëffé', 'Jane Doe', 'Sam Lee'])}]]></dc:creator>
  <category><![CDATA[${pick(['Facebook', 'Réseaux sociaux', 'Social media', 'Meta'])}]]></category>
  <description>${escapeXml(`${opening.slice(0, 2).join(' ')} […]`)}</description>
  <content:encoded><![CDATA[${paragraphs.join('\n')}]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(source.title)}</title><link>${source.siteUrl ?? 'https://exemple.fr'}</link><language>${language}</language>
${entries.join('\n')}
</channel></rss>`;
}

/** The default pack, and variants a collective of members would write: topics, exclusions, fields, regexes. */
function hundredRules(): Rule[] {
  const random = randomStream(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const topics = [
    ['portée organique', 'organic reach', 'algorithme'], ['Reels', 'vidéo verticale', 'Facebook Live'], ['publicité politique', 'political ads'],
    ['élection', 'municipales', 'réserve électorale'], ['Page Facebook', 'nouvelle expérience des Pages'], ['Groupes Facebook', 'group admins'],
    ['modération', 'commentaires masqués', 'Community Notes'], ['Graph API', 'Meta Business Suite'], ['Meta AI', 'IA générative', 'Llama'],
    ['DSA', 'RGPD', 'Arcom'], ['Threads', 'Instagram'], ['WhatsApp', 'Messenger', 'chaînes WhatsApp'], ['LinkedIn', 'carrousel'],
    ['TikTok', 'tendances'], ['statistiques', 'Page Insights'], ['calendrier éditorial', 'planification'], ['collectivités', 'mairie', 'local governments'],
  ];
  const regexes = ['r[ée]glement', '\\bIA\\b', 'graph api v\\d+', '(meta|facebook) ai', 'municipales? 20\\d\\d', '^meta .*(conditions|terms)', 'algorithm(e|s)?', 'r[ée]seaux? sociaux'];
  const fieldSets: Condition['fields'][] = [['title'], ['title', 'content'], ['title', 'content'], ['content'], ['title', 'url'], ['tags', 'title']];
  const rules: Rule[] = [...DEFAULT_RULES];
  for (let n = 0; rules.length < RULES; n++) {
    const conditions: Condition[] = [];
    if (n % 12 === 0) conditions.push({ fields: ['title', 'content'], mode: 'regex', combine: 'any', terms: [regexes[(n / 12) % regexes.length] as string] });
    else conditions.push({ fields: pick(fieldSets), mode: pick(['phrase', 'phrase', 'words'] as const), combine: pick(['any', 'any', 'all'] as const), terms: pick(topics) });
    if (n % 3 === 0) conditions.push({ fields: ['title', 'content'], mode: 'phrase', combine: 'none', terms: pick(topics) });
    if (n % 5 === 0) conditions.push({ fields: ['source', 'category'], mode: 'words', combine: 'any', terms: [pick(['Blog du Modérateur', 'Meta officiel', 'Social Media Today', 'Siècle Digital', 'Open Terms Archive'])] });
    if (n % 7 === 0) conditions.push({ fields: ['author'], mode: 'words', combine: 'none', terms: ['Jane Doe'] });
    rules.push({
      id: `bench-${n}`,
      name: `Règle ${n}`,
      enabled: true,
      priority: pick(['info', 'important', 'critical'] as const),
      conditions,
      actions: { alert: true, addTags: [pick(SHARED_TAXONOMY).id], star: false, notify: false, proposeShare: false },
      origin: 'user',
      updated: '2026-11-30T00:00:00.000Z',
    });
  }
  return rules;
}

export async function benchRules(report: Report): Promise<void> {
  const now = new Date('2026-11-30T08:00:00Z');
  const sources = CURATED_PACK.map((entry) => curatedSource(entry, now));
  const perSource = ITEMS / sources.length;
  const feeds = sources.map((source, index) => ({
    source,
    url: source.url,
    bytes: new TextEncoder().encode(newsFeed(source, perSource, source.language === 'fr' ? 'fr' : 'en', index + 1)),
  }));
  log(`${feeds.length} feeds, ${ITEMS} items, ${Math.round(feeds.reduce((total, feed) => total + feed.bytes.byteLength, 0) / 1e6)} MB`);

  let stored: Item[] = [];
  const ingest: number[] = [];
  for (let round = 0; round < INGEST_ROUNDS; round++) {
    // A new store each round, so that every item is new, as in a first refresh.
    const name = `bench-rules-${round}-${Date.now()}`;
    const store = await VigieStore.open(name);
    await store.putSources(sources.map((source) => ({ ...source, health: emptyHealth() })));
    ingest.push(
      await time(async () => {
        for (const feed of feeds) {
          const { items } = await readFeed(feed.bytes, { url: feed.url, namespace: feed.source.id });
          await store.saveFetch({ source: { id: feed.source.id, health: emptyHealth() }, items, fetchedAt: now.toISOString() });
        }
      }),
    );
    if (round === 0) stored = await store.latestItems(ITEMS);
    store.close();
    // The background keeps one store: dropping each round's keeps the heap (and the collector's work) that size.
    await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: resolve, onerror: resolve, onblocked: resolve }));
    log(`ingestion round ${round}: ${Math.round(ingest[round] as number)} ms`);
  }
  if (stored.length !== ITEMS) throw new Error(`expected ${ITEMS} stored items, got ${stored.length}`);

  const rules = hundredRules();
  const byId = new Map(sources.map((source) => [source.id, source]));
  const labels = new Map(SHARED_TAXONOMY.map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const tagLabels = (id: string) => labels.get(id) ?? [];
  const evaluation: number[] = [];
  let matches = 0;
  for (let round = 0; round < RULE_ROUNDS; round++) {
    matches = 0;
    evaluation.push(
      await time(() => {
        // Compiling is part of a refresh's cost: the background compiles the rules once per refresh.
        const compiled = compileRules(rules);
        for (const item of stored) matches += matchingRules(compiled, subjectOf(item, byId.get(item.sourceId), tagLabels)).length;
      }),
    );
  }
  // The first round of each warms the JIT up; it is not counted.
  const ingestMs = median(ingest.slice(1));
  const rulesMs = median(evaluation.slice(1));
  report('rules-100x10000', {
    rules: rules.length,
    items: stored.length,
    rounds: { ingest: ingest.length - 1, rules: evaluation.length - 1 },
    matchesPerRound: matches,
    rulesMs: Number(rulesMs.toFixed(1)),
    itemsPerSecond: Math.round(stored.length / (rulesMs / 1000)),
    ingestMs: Number(ingestMs.toFixed(1)),
    ratio: Number((rulesMs / ingestMs).toFixed(3)),
    target: '<= 0.2',
  });
}
