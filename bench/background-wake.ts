/**
 * What a member feels of the background: how long a request takes when the service worker was stopped
 * (Chrome stops it after 30 s idle), which loads and runs the whole background script again and opens the
 * store. The budget (issue "Structure") is that start-up against an empty service worker's, in the same run:
 * a minimal extension built here, whose worker answers one message, loaded in the same Chromium build. The
 * warm figure (a request to a worker awake) is printed for information. Two floors are measured beside it, in
 * the same browser as the empty worker: Vigie's script loaded but never run, and a store opened and read, so
 * that the ratio can be read against what no code of Vigie's decides. In Debian's Chromium, the end-to-end
 * build, rebuilt first so that the figure is the tree's.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SCRIPT_STARTED, WIRED } from '../lib/background/start-marks';
import { CHROMIUM, EXTENSION_DIR, loadExtension } from '../tests/e2e/chromium';

type Report = (figure: string, fields: Record<string, unknown>) => void;

declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

const ROUNDS = 22;
const WARM_UP = 2;
const TARGET = 1.5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round1 = (value: number) => Number(value.toFixed(1));

/** What a worker that only answers says, once started: the ratio's denominator. */
const ANSWER = 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });\n';
/**
 * A worker that opens a store and reads one record before it answers: what opening IndexedDB costs a woken
 * worker, whatever code does it.
 */
const READ_ONE_RECORD = `chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const open = indexedDB.open('floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('meta');
  open.onsuccess = () => {
    const read = open.result.transaction('meta').objectStore('meta').get('summary');
    read.onsuccess = () => reply({ ok: true, summary: read.result ?? null });
  };
  return true;
});
`;

/**
 * The least a background can be (`empty`), and two floors beside it, each a worker that answers one message:
 * `store` opens a store and reads a record first; `bytes` carries Vigie's whole background script inside a
 * function it never calls, so that the browser loads and compiles those bytes but runs none of them. Loaded
 * together in one browser, with a page of each to ask from.
 */
function writeFloorExtensions(vigieScript: string): { dir: string; names: FloorName[] } {
  const root = mkdtempSync(join(tmpdir(), 'vigie-empty-sw-'));
  const workers: Record<FloorName, string> = { empty: ANSWER, store: READ_ONE_RECORD, bytes: `${ANSWER}function vigieNeverCalled() {\n${vigieScript}\n}\n` };
  for (const [name, worker] of Object.entries(workers)) {
    const dir = join(root, name);
    mkdirSync(dir);
    const manifest = { manifest_version: 3, name, version: '1.0', background: { service_worker: 'worker.js' } };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'worker.js'), worker);
    writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="fr"><title>floor</title></html>');
  }
  return { dir: root, names: Object.keys(workers) as FloorName[] };
}

type FloorName = 'empty' | 'store' | 'bytes';

async function openFloorExtensions(root: string, names: FloorName[]) {
  const dirs = names.map((name) => join(root, name)).join(',');
  const profile = mkdtempSync(join(tmpdir(), 'vigie-empty-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  while (context.serviceWorkers().length < names.length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const pages = {} as Record<FloorName, Page>;
  for (const worker of context.serviceWorkers()) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/blank.html`);
    pages[(await page.evaluate(() => (chrome as unknown as { runtime: { getManifest: () => { name: FloorName } } }).runtime.getManifest().name))] = page;
  }
  return {
    pages,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Stops every worker of the page's browser, then times one message from the page to its worker, and one more. */
async function prober(page: Page, message: unknown) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const ask = () =>
    page.evaluate(async (sent) => {
      const start = performance.now();
      await chrome.runtime.sendMessage(sent);
      return performance.now() - start;
    }, message);
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cold = await ask();
    return { cold, warm: await ask() };
  };
}

/**
 * Where a stopped worker's first answer goes, on one clock (absolute times: the page's and the worker's time
 * origins): the browser starting the worker after the message is sent; loading its script until the first line
 * runs (the worker's clock at lib/background/start-marks.ts); the script's top level, every module's own set-up
 * (until the `wired` mark, once every listener is added); then the store and the answer, until the page has it.
 */
async function wakeSplit(page: Page, context: BrowserContext) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const parts = { workerStartMs: [] as number[], scriptLoadMs: [] as number[], topLevelMs: [] as number[], storeAndAnswerMs: [] as number[] };
  for (let round = 0; round < 12; round++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { sentAt, answeredAt } = await page.evaluate(async () => {
      const sentAt = performance.timeOrigin + performance.now();
      await chrome.runtime.sendMessage({ channel: 'vigie', type: 'summary', params: {} });
      return { sentAt, answeredAt: performance.timeOrigin + performance.now() };
    });
    const worker = context.serviceWorkers().at(-1);
    if (!worker) throw new Error('no service worker after the wake');
    const seen = await worker.evaluate((names) => ({ origin: performance.timeOrigin, marks: names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN) }), [SCRIPT_STARTED, WIRED]);
    const [script = Number.NaN, wired = Number.NaN] = seen.marks;
    if (round < WARM_UP) continue;
    parts.workerStartMs.push(seen.origin - sentAt);
    parts.scriptLoadMs.push(script);
    parts.topLevelMs.push(wired - script);
    parts.storeAndAnswerMs.push(answeredAt - (seen.origin + wired));
  }
  return {
    ...Object.fromEntries(Object.entries(parts).map(([name, values]) => [name, round1(median(values))])),
    note: 'medians of 10: the browser starting the worker, its script loaded until its first line, the top level run, then the store opened and the summary answered',
  };
}

export async function benchBackgroundWake(report: Report): Promise<void> {
  execSync('npx wxt build', { stdio: 'ignore', env: { ...process.env, VIGIE_E2E: '1' } });
  const backgroundBytes = statSync(join(EXTENSION_DIR, 'background.js')).size;
  const floors = writeFloorExtensions(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8'));
  const vigie = await loadExtension();
  const floor = await openFloorExtensions(floors.dir, floors.names);
  try {
    const probes = {
      vigie: await prober(vigie.playwright(await vigie.open('blank.html')), { channel: 'vigie', type: 'summary', params: {} }),
      ...Object.fromEntries(await Promise.all(floors.names.map(async (name) => [name, await prober(floor.pages[name], { ping: true })] as const))),
    } as Record<'vigie' | FloorName, Awaited<ReturnType<typeof prober>>>;
    const names = Object.keys(probes) as ('vigie' | FloorName)[];
    const times = Object.fromEntries(names.map((name) => [name, { cold: [] as number[], warm: [] as number[] }]));
    for (let round = 0; round < ROUNDS; round++) {
      // Turning the order round by round keeps any order effect out of the ratios.
      const order = names.map((_, index) => names[(index + round) % names.length]!);
      for (const name of order) {
        const { cold, warm } = await probes[name]();
        if (round < WARM_UP) continue;
        times[name]!.cold.push(cold);
        times[name]!.warm.push(warm);
      }
    }
    const cold = (name: 'vigie' | FloorName) => median(times[name]!.cold);
    const ratio = cold('vigie') / cold('empty');
    report('background-wake', {
      coldMs: round1(cold('vigie')),
      emptyWorkerColdMs: round1(cold('empty')),
      ratio: Number(ratio.toFixed(2)),
      target: `<= ${TARGET}`,
      met: ratio <= TARGET,
      backgroundBytes,
      warmMs: round1(median(times.vigie!.warm)),
      emptyWorkerWarmMs: round1(median(times.empty!.warm)),
      rounds: ROUNDS - WARM_UP,
      note: 'a summary request to a stopped service worker (script loaded and run again, store opened) against one message to a stopped empty worker, same Chromium, same run; medians',
    });
    // What any background pays before a line of its own runs: its bytes, and a store opened. Either above the
    // target alone means no code of Vigie's can meet it while the background carries those bytes.
    report('background-wake-floors', {
      bytesOnlyMs: round1(cold('bytes')),
      bytesOnlyRatio: Number((cold('bytes') / cold('empty')).toFixed(2)),
      storeOnlyMs: round1(cold('store')),
      storeOnlyRatio: Number((cold('store') / cold('empty')).toFixed(2)),
      emptyWorkerColdMs: round1(cold('empty')),
      backgroundBytes,
      note: "stopped workers, same browser build and run as background-wake: 'bytes' answers at once but carries Vigie's background script in a function it never calls (loaded and compiled, never run); 'store' opens a store and reads one record before it answers; ratios to the empty worker",
    });
    report('background-wake-split', await wakeSplit(vigie.playwright(await vigie.open('blank.html')), vigie.context));
  } finally {
    await vigie.close();
    await floor.close();
    rmSync(floors.dir, { recursive: true, force: true });
  }
}
