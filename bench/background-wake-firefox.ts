/**
 * The background's start-up in Firefox ESR, where it is an event page: Firefox suspends it once idle
 * (`extensions.background.idle.timeout`, 30 s by default, 1 s here so that a round takes seconds) and starts it
 * again for the next message, loading and running its whole script. The budget (issue "Structure") is that
 * start-up against an empty event page's, in the same browser and run: a minimal extension built here, whose
 * page answers one message; beside it, Vigie's bytes loaded but never run, the floor no code of Vigie's decides.
 * Driven by puppeteer-core over WebDriver BiDi, as the end-to-end suite drives it.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { SCRIPT_STARTED, WIRED } from '../lib/background/start-marks';
import { canRun, EXTENSION_DIR, FIREFOX, launchFirefox } from '../tests/e2e/firefox';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const ROUNDS = 14;
const WARM_UP = 2;
const TARGET = 1.5;
const IDLE_MS = 1_000;
/** Past the idle timeout, with room for Firefox to have suspended the page. */
const SUSPENDED_AFTER_MS = 2_500;

const VIGIE_ID = 'vigie@observatoire-socialmedia.fr';
const FLOOR_IDS = { empty: 'empty@vigie.bench', bytes: 'bytes@vigie.bench' };
const UUIDS = { [VIGIE_ID]: '7d3c2a1e-5b4f-4e6a-9c8d-0f1e2d3c4b5a', [FLOOR_IDS.empty]: 'e0e0e0e0-1111-4222-8333-444444444444', [FLOOR_IDS.bytes]: 'b0b0b0b0-1111-4222-8333-444444444444' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round1 = (value: number) => Number(value.toFixed(1));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ANSWER = 'browser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true }));\n';

/**
 * The least an event page can be (`empty`: it answers one message), and beside it Vigie's bytes as a floor
 * (`bytes`: the same answer, with Vigie's background script inside a function it never calls, loaded and
 * compiled but never run); each with a page to ask from.
 */
function writeFloorExtension(name: 'empty' | 'bytes', script: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vigie-${name}-event-page-`));
  const manifest = { manifest_version: 3, name, version: '1.0', background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: FLOOR_IDS[name] } } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), script);
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="fr"><title>floor</title></html>');
  return dir;
}

/** BiDi's own navigation (puppeteer's `goto` never resolves on moz-extension:// pages, see tests/e2e/firefox-page.ts). */
const navigate = (page: Page, url: string) => (page.mainFrame() as unknown as { browsingContext: { navigate: (url: string, wait: string) => Promise<unknown> } }).browsingContext.navigate(url, 'complete');

/** One message to a suspended event page, then one more to the page awake; for Vigie, its marks too. */
function ask(page: Page, message: unknown) {
  return page.evaluate(async (sent) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }).browser.runtime;
    const start = performance.now();
    await api.sendMessage(sent);
    const cold = performance.now() - start;
    const again = performance.now();
    await api.sendMessage(sent);
    return { cold, warm: performance.now() - again };
  }, message);
}

/** Vigie's event page's own marks (see lib/background/start-marks.ts), read through runtime.getBackgroundPage. */
function marks(page: Page) {
  return page.evaluate(async (names) => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage: () => Promise<{ performance: Performance }> } } }).browser.runtime;
    const background = await api.getBackgroundPage();
    return names.map((name) => background.performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
  }, [SCRIPT_STARTED, WIRED]);
}

export async function benchBackgroundWakeFirefox(report: Report): Promise<void> {
  if (!canRun) {
    report('background-wake-firefox', { skipped: `no Firefox ESR at ${FIREFOX}` });
    return;
  }
  execSync('npx wxt build -b firefox', { stdio: 'ignore', env: { ...process.env, VIGIE_E2E: '1' } });
  const emptyDir = writeFloorExtension('empty', ANSWER);
  const bytesDir = writeFloorExtension('bytes', `${ANSWER}function vigieNeverCalled() {\n${readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')}\n}\n`);
  const profile = mkdtempSync(join(tmpdir(), 'vigie-wake-firefox-'));
  const browser = await launchFirefox(profile, { 'extensions.webextensions.uuids': JSON.stringify(UUIDS), 'extensions.background.idle.timeout': IDLE_MS });
  try {
    await browser.installExtension(EXTENSION_DIR);
    await browser.installExtension(emptyDir);
    await browser.installExtension(bytesDir);
    const vigiePage = (await browser.pages())[0]!;
    await navigate(vigiePage, `moz-extension://${UUIDS[VIGIE_ID]}/blank.html`);
    const emptyPage = await browser.newPage();
    await navigate(emptyPage, `moz-extension://${UUIDS[FLOOR_IDS.empty]}/blank.html`);
    const bytesPage = await browser.newPage();
    await navigate(bytesPage, `moz-extension://${UUIDS[FLOOR_IDS.bytes]}/blank.html`);
    const vigie = { cold: [] as number[], warm: [] as number[], scriptLoad: [] as number[], topLevel: [] as number[] };
    const empty = { cold: [] as number[], warm: [] as number[] };
    const bytes = { cold: [] as number[], warm: [] as number[] };
    const asked = { vigie: [vigiePage, { channel: 'vigie', type: 'summary', params: {} }, vigie], empty: [emptyPage, { ping: true }, empty], bytes: [bytesPage, { ping: true }, bytes] } as const;
    const names = ['vigie', 'empty', 'bytes'] as const;
    for (let round = 0; round < ROUNDS; round++) {
      // Turning the order round by round keeps any order effect out of the ratios.
      const order = names.map((_, index) => names[(index + round) % names.length]!);
      for (const which of order) {
        await pause(SUSPENDED_AFTER_MS);
        const [page, message, seen] = asked[which];
        const times = await ask(page, message);
        if (round < WARM_UP) continue;
        seen.cold.push(times.cold);
        seen.warm.push(times.warm);
        if (which === 'vigie') {
          const [script = Number.NaN, wired = Number.NaN] = await marks(vigiePage);
          vigie.scriptLoad.push(script);
          vigie.topLevel.push(wired - script);
        }
      }
    }
    const ratio = median(vigie.cold) / median(empty.cold);
    report('background-wake-firefox', {
      coldMs: round1(median(vigie.cold)),
      emptyEventPageColdMs: round1(median(empty.cold)),
      ratio: Number(ratio.toFixed(2)),
      target: `<= ${TARGET}`,
      met: ratio <= TARGET,
      // The event page's own clock: its script loaded until its first line, then its top level run.
      scriptLoadMs: round1(median(vigie.scriptLoad)),
      topLevelMs: round1(median(vigie.topLevel)),
      backgroundBytes: statSync(join(EXTENSION_DIR, 'background.js')).size,
      warmMs: round1(median(vigie.warm)),
      emptyEventPageWarmMs: round1(median(empty.warm)),
      // Vigie's bytes alone, never run: what the event page pays before a line of its own runs.
      bytesOnlyMs: round1(median(bytes.cold)),
      bytesOnlyRatio: Number((median(bytes.cold) / median(empty.cold)).toFixed(2)),
      rounds: ROUNDS - WARM_UP,
      note: `a summary request to Vigie's suspended event page (idle timeout ${IDLE_MS} ms) against one message to a suspended empty event page (bytesOnly: one carrying Vigie's script in a function never called), same Firefox ESR, same run; medians (Firefox rounds page times to the millisecond)`,
    });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(bytesDir, { recursive: true, force: true });
  }
}
