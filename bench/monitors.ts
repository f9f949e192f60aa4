/**
 * The policy watch's cost: a check of a 300 kB policy page (its text extracted, then compared word by word with
 * the last version) is reported in milliseconds; a word-level diff of two 100 kB texts with 1 % of the words
 * changed must finish well under a second. Pages and texts are generated from a fixed seed, so that every run
 * measures the same thing.
 */
import { wordDiff } from '../lib/monitors/diff';
import { extractText } from '../lib/monitors/extract';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const ROUNDS = 9;
const WARM_UP = 2;

/** What a member would set on such a page: the article, without menus, banners and share buttons. */
const CONFIG = { select: ['main article'], remove: ['nav', 'header', 'footer', '[role="dialog"]', '.share', 'button'] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(run: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A deterministic pseudo-random stream. */
function randomStream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const VOCABULARY = (
  'les annonceurs doivent confirmer leur identité avant de diffuser des publicités sur des sujets sociaux électoraux ou ' +
  'politiques la mention payé par est affichée sur chaque publicité les pages des collectivités territoriales sont ' +
  'concernées pendant la période de réserve électorale nous pouvons retirer un contenu qui enfreint nos standards de ' +
  'la communauté et limiter la portée des comptes qui publient à plusieurs reprises des informations fausses vos ' +
  'données personnelles sont traitées conformément à notre politique de confidentialité vous pouvez faire appel ' +
  'de nos décisions auprès du conseil de surveillance dans un délai de trente jours'
).split(' ');

function sentence(random: () => number, words: number): string {
  const out = Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)] as string);
  const first = out[0] as string;
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${out.join(' ')}.`;
}

/** Sections of headings, paragraphs, lists and a table, until the page weighs `bytes`, with the chrome around. */
function policyPage(bytes: number, seed: number): string {
  const random = randomStream(seed);
  const chrome = {
    head: `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Standards de la communauté | Exemple</title><style>${'.c{color:#333}'.repeat(200)}</style><script>${'window.__d=1;'.repeat(300)}</script></head><body>`,
    header: `<header class="top"><a href="/">Accueil</a><form><input name="q"><button>Rechercher</button></form></header>`,
    nav: `<nav aria-label="Sommaire"><ul>${Array.from({ length: 80 }, (_, i) => `<li><a href="/policies/${i}" class="x1 x2 x3">Règle ${i}</a></li>`).join('')}</ul></nav>`,
    cookies: `<div role="dialog" class="cookie">Nous utilisons des cookies. <button>Tout accepter</button><button>Refuser</button></div>`,
    footer: `<footer><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/f/${i}">Lien ${i}</a></li>`).join('')}</ul></footer><script>boot()</script></body></html>`,
  };
  const sections: string[] = [];
  let size = Object.values(chrome).join('').length + 100;
  for (let n = 1; size < bytes; n++) {
    const paragraphs = Array.from({ length: 3 }, () => `<p class="x7 x8">${sentence(random, 25)} ${sentence(random, 18)}</p>`).join('\n      ');
    const list = `<ul class="x9">${Array.from({ length: 4 }, () => `<li><span>${sentence(random, 12)}</span></li>`).join('')}</ul>`;
    const table = n % 5 === 0 ? `<table><tr><th>Cas</th><th>Mesure</th></tr><tr><td>${sentence(random, 6)}</td><td>${sentence(random, 8)}</td></tr></table>` : '';
    const section = `<section id="s${n}" class="x4 x5"><div class="share"><a href="#s${n}">Copier le lien</a></div>\n      <h2 class="x6">${n}. ${sentence(random, 5)}</h2>\n      ${paragraphs}\n      ${list}${table}</section>\n    `;
    sections.push(section);
    size += section.length;
  }
  return `${chrome.head}${chrome.header}${chrome.nav}${chrome.cookies}<main><article class="policy"><h1>Standards de la communauté</h1>\n    ${sections.join('')}</article></main>${chrome.footer}`;
}

/** About 1 % of the words replaced, at random places (each edit touches one word). */
function editWords(text: string, share: number, seed: number): string {
  const random = randomStream(seed);
  return text.replace(/[\p{L}]+/gu, (word) => (random() < share ? `${word}x` : word));
}

export async function benchMonitors(report: Report): Promise<void> {
  const before = policyPage(300_000, 42);
  const after = editWords(before.replace(/(<p class="x7 x8">[^<]*<\/p>)/, '$1<p>Un nouveau paragraphe sur la publicité politique.</p>'), 0.01, 7);
  const previousText = extractText(before, CONFIG);
  const extractMs: number[] = [];
  const diffMs: number[] = [];
  const totalMs: number[] = [];
  let parts = 0;
  for (let round = 0; round < ROUNDS + WARM_UP; round++) {
    let text = '';
    const extract = timed(() => (text = extractText(after, CONFIG)));
    const diff = timed(() => (parts = wordDiff(previousText, text).parts.length));
    if (round < WARM_UP) continue;
    extractMs.push(extract);
    diffMs.push(diff);
    totalMs.push(extract + diff);
  }
  report('monitor-extract-diff-300kB', {
    pageBytes: new TextEncoder().encode(after).byteLength,
    textChars: previousText.length,
    parts,
    rounds: ROUNDS,
    extractMs: Number(median(extractMs).toFixed(1)),
    diffMs: Number(median(diffMs).toFixed(1)),
    ms: Number(median(totalMs).toFixed(1)),
    target: 'report',
  });

  // Two 100 kB texts, line per paragraph as extraction gives them, 1 % of the words changed.
  const random = randomStream(3);
  const lines: string[] = [];
  while (lines.join('\n').length < 100_000) lines.push(`${sentence(random, 30)} ${sentence(random, 20)}`);
  const textA = lines.join('\n').slice(0, 100_000);
  const textB = editWords(textA, 0.01, 11);
  const wordMs: number[] = [];
  let result = wordDiff(textA, textB);
  for (let round = 0; round < ROUNDS + WARM_UP; round++) {
    const ms = timed(() => (result = wordDiff(textA, textB)));
    if (round >= WARM_UP) wordMs.push(ms);
  }
  const words = textA.match(/\S+/g)?.length ?? 0;
  report('word-diff-100kB-1pct', {
    chars: [textA.length, textB.length],
    words,
    wordsChanged: result.removed,
    parts: result.parts.length,
    truncated: result.truncated,
    rounds: ROUNDS,
    ms: Number(median(wordMs).toFixed(1)),
    maxMs: Number(Math.max(...wordMs).toFixed(1)),
    target: '< 1000 ms',
  });
}
