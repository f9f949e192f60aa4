/**
 * `npm run bench`: Vigie's performance and size figures, one JSON line each. Ratios are against a baseline
 * measured in the same run, on the same machine, so that a slow machine does not make a fast pipeline fail.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import 'fake-indexeddb/auto';
import Parser from 'rss-parser';
import { readFeed } from '../lib/feeds/pipeline';
import { DEFAULT_SETTINGS } from '../lib/model/settings';
import { emptyHealth, type Source } from '../lib/model/source';
import { refreshSources } from '../lib/refresh/refresh';
import { VigieStore } from '../lib/store/store';
import { startServer, type Route } from '../tests/support/http-server';
import { benchBackgroundWake } from './background-wake';
import { benchBackgroundWakeFirefox } from './background-wake-firefox';
import { benchHub } from './hub';
import { benchHubProxy } from './hub-proxy';
import { benchMonitors } from './monitors';
import { podcastFeed } from './podcast-feed';
import { benchPolicy } from './policy';
import { benchReader } from './reader-chromium';
import { benchReaderFirefox } from './reader-firefox';
import { benchRules } from './rules';

const CORPUS_PODCAST = '../shared/feed-corpus/rssparser_rss20_itunes_podcast_giantbomb_very_large.rss';

function report(figure: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ figure, ...fields }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  // Each run starts from a collected heap, so that one run's garbage is not billed to the next.
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The whole pipeline against rss-parser's bare parseString on the same text, runs interleaved. */
async function ingest(figure: string, source: string, bytes: Uint8Array, target?: string): Promise<void> {
  const text = new TextDecoder().decode(bytes);
  const bare = new Parser();
  const url = 'https://podcast.example/feed.xml';
  const items = (await readFeed(bytes, { url })).items.length;
  const pipeline: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 24; round++) {
    // Alternating which runs first keeps any order effect out of the ratio.
    const runBaseline = async () => baseline.push(await time(() => bare.parseString(text)));
    const runPipeline = async () => pipeline.push(await time(() => readFeed(bytes, { url })));
    if (round % 2) await runBaseline().then(runPipeline);
    else await runPipeline().then(runBaseline);
  }
  // The first rounds warm the JIT up; they are not counted.
  const pipelineMs = median(pipeline.slice(2));
  const baselineMs = median(baseline.slice(2));
  report(figure, {
    source,
    bytes: bytes.byteLength,
    items,
    rounds: pipeline.length - 2,
    pipelineMs: Number(pipelineMs.toFixed(1)),
    bareParseStringMs: Number(baselineMs.toFixed(1)),
    ratio: Number((pipelineMs / baselineMs).toFixed(3)),
    ...(target ? { target } : {}),
  });
}

async function ingestPodcast(): Promise<void> {
  const encode = (text: string) => new TextEncoder().encode(text);
  if (existsSync(CORPUS_PODCAST)) {
    await ingest('ingest-podcast', 'shared corpus (giantbomb)', new Uint8Array(readFileSync(CORPUS_PODCAST)), '<= 1.5');
  } else {
    await ingest('ingest-podcast', 'generated', encode(podcastFeed()), '<= 1.5');
  }
  // For information: the same size of feed where every description is a long HTML fragment to sanitize.
  await ingest('ingest-podcast-html-descriptions', 'generated', encode(podcastFeed(730, true)));
}

/** 200 local sources, each answering after 100 ms, 10 of them with an error. */
async function refresh200(): Promise<void> {
  const LATENCY = 100;
  const SOURCES = 200;
  const FAILING = 10;
  const routes: Record<string, Route> = {};
  for (let i = 0; i < SOURCES; i++) {
    routes[`/feed-${i}.xml`] = (_, response) => {
      setTimeout(() => {
        if (i % (SOURCES / FAILING) === 0) {
          response.writeHead(500).end('erreur');
          return;
        }
        const items = Array.from({ length: 5 }, (_, n) => `<item><title>Source ${i}, élément ${n}</title><link>https://exemple.fr/${i}/${n}</link><guid>${i}-${n}</guid><pubDate>Mon, 23 Nov 2026 09:0${n}:00 +0100</pubDate><description>Résumé ${n}</description></item>`).join('');
        response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Source ${i}</title>${items}</channel></rss>`);
      }, LATENCY);
    };
  }
  const server = await startServer(routes);
  const store = await VigieStore.open(`bench-${Date.now()}`);
  const sources: Source[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `source-${i}`,
    url: server.url(`/feed-${i}.xml`),
    kind: 'rss',
    title: `Source ${i}`,
    intervalMinutes: 30,
    enabled: true,
    origin: 'user',
    added: new Date().toISOString(),
    health: emptyHealth(),
  }));
  await store.putSources(sources);
  const settings = { ...DEFAULT_SETTINGS };
  const ideal = Math.ceil(SOURCES / settings.concurrency) * LATENCY;
  let failed = 0;
  const elapsed = await time(async () => {
    failed = (await refreshSources(sources, { store, settings })).failed;
  });
  report('refresh-200-sources', {
    concurrency: settings.concurrency,
    latencyMs: LATENCY,
    failing: failed,
    items: await store.countItems(),
    elapsedMs: Math.round(elapsed),
    idealMs: ideal,
    ratio: Number((elapsed / ideal).toFixed(3)),
    target: '<= 1.3',
  });
  store.close();
  await server.close();
}

/** Uncompressed sizes of the production Chrome build. */
function bundleSizes(): void {
  const out = '.output/chrome-mv3';
  execSync('npx wxt build', { stdio: 'ignore', env: { ...process.env, VIGIE_E2E: '' } });
  const background = statSync(join(out, 'background.js')).size;
  const popupHtml = readFileSync(join(out, 'popup.html'), 'utf8');
  const scripts = [...popupHtml.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] as string);
  const popup = scripts.reduce((total, file) => total + statSync(join(out, file)).size, 0);
  report('bundle-background', { bytes: background, kB: Number((background / 1000).toFixed(1)), note: 'reported: the budget is its start-up (npm run bench -- wake)' });
  report('bundle-popup-js', { bytes: popup, kB: Number((popup / 1000).toFixed(1)), files: scripts, target: '< 60 kB' });
}

/** `npm run bench -- reader` (or any figure-group names) runs only those groups. */
const groups: Record<string, () => unknown> = { ingest: ingestPodcast, refresh: refresh200, bundle: bundleSizes, reader: async () => {
    await benchReader(report);
    await benchReaderFirefox(report);
  }, wake: async () => {
    await benchBackgroundWake(report);
    await benchBackgroundWakeFirefox(report);
  }, rules: () => benchRules(report), monitors: () => benchMonitors(report), policy: () => benchPolicy(report), hub: () => benchHub(report), 'hub-proxy': () => benchHubProxy(report) };
// `--items N`: the reader's figures on N stored items (50,000 by default; issue 19 asks for 200,000 too).
const args = process.argv.slice(2);
const itemsAt = args.indexOf('--items');
if (itemsAt >= 0) process.env.VIGIE_BENCH_ITEMS = args.splice(itemsAt, 2)[1];
const wanted = args;
for (const [name, run] of Object.entries(groups)) if (wanted.length === 0 || wanted.includes(name)) await run();
