/**
 * What a member feels of the background: how long a request takes when the service worker was stopped
 * (Chrome stops it after 30 s idle), which loads and runs the whole background script again and opens the
 * store. The budget (issue "Structure") is that start-up against an empty service worker's, in the same run:
 * a minimal extension built here, whose worker answers one message, loaded in the same Chromium build. The
 * warm figure (a request to a worker awake) is printed for information. In Debian's Chromium, the end-to-end
 * build, rebuilt first so that the figure is the tree's.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** The least a background can be: a worker that answers one message, and a page to ask it from. */
function writeEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-empty-sw-'));
  const manifest = { manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'worker.js' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });\n');
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="fr"><title>empty</title></html>');
  return dir;
}

async function openEmptyExtension(dir: string) {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-empty-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/blank.html`);
  return {
    page,
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
  const emptyDir = writeEmptyExtension();
  const vigie = await loadExtension();
  const empty = await openEmptyExtension(emptyDir);
  try {
    const probeVigie = await prober(vigie.playwright(await vigie.open('blank.html')), { channel: 'vigie', type: 'summary', params: {} });
    const probeEmpty = await prober(empty.page, { ping: true });
    const vigieTimes = { cold: [] as number[], warm: [] as number[] };
    const emptyTimes = { cold: [] as number[], warm: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which browser goes first keeps any order effect out of the ratio.
      const pair = round % 2 ? [[probeEmpty, emptyTimes], [probeVigie, vigieTimes]] as const : [[probeVigie, vigieTimes], [probeEmpty, emptyTimes]] as const;
      for (const [probe, times] of pair) {
        const { cold, warm } = await probe();
        if (round < WARM_UP) continue;
        times.cold.push(cold);
        times.warm.push(warm);
      }
    }
    const coldMs = median(vigieTimes.cold);
    const emptyColdMs = median(emptyTimes.cold);
    const ratio = coldMs / emptyColdMs;
    report('background-wake', {
      coldMs: round1(coldMs),
      emptyWorkerColdMs: round1(emptyColdMs),
      ratio: Number(ratio.toFixed(2)),
      target: `<= ${TARGET}`,
      met: ratio <= TARGET,
      backgroundBytes,
      warmMs: round1(median(vigieTimes.warm)),
      emptyWorkerWarmMs: round1(median(emptyTimes.warm)),
      rounds: ROUNDS - WARM_UP,
      note: 'a summary request to a stopped service worker (script loaded and run again, store opened) against one message to a stopped empty worker, same Chromium, same run; medians',
    });
    report('background-wake-split', await wakeSplit(vigie.playwright(await vigie.open('blank.html')), vigie.context));
  } finally {
    await vigie.close();
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
}
