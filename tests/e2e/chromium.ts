import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bridged } from './bridge';
import type { LoadedExtension, LoadOptions } from './extension';
import { watchText } from './in-page';
import { VIEWPORT, type TestPage } from './page';
import { settleAndStopPolling } from './settle';

/**
 * Loads the end-to-end build (`npm run build:e2e`) into Debian's Chromium through playwright-core. Script
 * errors are collected from every page (`weberror`) and from the service worker (its uncaught exceptions,
 * through the DevTools protocol: Playwright reports only its console).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/e2e/chrome-mv3');
export const canRun = existsSync(CHROMIUM);

if (!canRun) {
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
  console.warn(`\n⚠ end-to-end tests NOT run in Chromium: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
}

/** Reports the service worker's uncaught exceptions and rejections, as DevTools would show them. */
async function watchWorker(context: BrowserContext, report: (line: string) => void): Promise<void> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('no service worker to watch');
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { method?: string; params?: { exceptionDetails: { text: string; exception?: { description?: string } } } };
    if (message.method === 'Runtime.exceptionThrown') {
      const details = message.params!.exceptionDetails;
      report(`service worker: ${details.exception?.description ?? details.text}`);
    }
  });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
}

/** For the benchmarks, which time Chromium's pages with Playwright's own calls. */
export interface ChromiumExtension extends LoadedExtension {
  context: BrowserContext;
  /** A page the harness opened, as the Playwright page it is. */
  playwright: (page: TestPage) => Page;
}

/**
 * The window's size and its device pixels per CSS pixel, as a browser zoom gives them (a popup zoomed to 250 %
 * is 320 CSS pixels wide at 2.5 device pixels each): `min-resolution` media queries see it.
 */
export async function emulateZoom(page: TestPage, size: { width: number; height: number }, scale: number): Promise<void> {
  const playwrightPage = page as unknown as Page;
  const cdp = await playwrightPage.context().newCDPSession(playwrightPage);
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: scale, mobile: false });
}

export async function loadExtension(options: LoadOptions = {}): Promise<ChromiumExtension> {
  const build = options.build ?? EXTENSION_DIR;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`no build at ${build}: run npm run build:e2e`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=fr-FR',
      ...(options.trust ? [`--ignore-certificate-errors-spki-list=${options.trust.spki}`] : []),
    ],
    locale: 'fr-FR',
    acceptDownloads: true,
    // The same size in both browsers, so that their screenshots compare.
    viewport: VIEWPORT,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    // The extension's i18n follows the browser's interface language, which Chromium takes from the environment.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  });
  // A step that waits longer fails on its own, naming what it waited for, before the test's 30 s end it unnamed.
  context.setDefaultTimeout(20_000);
  const scriptErrors: string[] = [];
  context.on('weberror', (error) => scriptErrors.push(`${error.page()?.url() ?? 'page'}: ${error.error().stack ?? error.error().message}`));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  await watchWorker(context, (line) => scriptErrors.push(line));
  const id = new URL(worker.url()).host;
  let bridge: Page | undefined;

  const newPage = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  const open = async (path: string) => (await newPage(`chrome-extension://${id}/${path}`)) as unknown as TestPage;
  const calls = bridged(
    async (expression) => {
      bridge ??= await newPage(`chrome-extension://${id}/blank.html`);
      return bridge.evaluate(expression);
    },
    async (url) => (await newPage(url)) as unknown as TestPage,
  );
  const vigie: ChromiumExtension = {
    browser: 'chromium',
    context,
    playwright: (page) => page as unknown as Page,
    id,
    profile,
    open,
    async openWatching(path, selector) {
      const page = await context.newPage();
      await page.addInitScript(watchText(selector));
      await page.goto(`chrome-extension://${id}/${path}`);
      return { page: page as unknown as TestPage, seen: () => page.evaluate('globalThis.__vigieSeen') as Promise<string[]> };
    },
    ...calls,
    async download(page, click) {
      const [download] = await Promise.all([(page as unknown as Page).waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
    },
    scheduledPoll: {},
    scriptErrors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.profile) rmSync(profile, { recursive: true, force: true });
      if (scriptErrors.length > 0) throw new Error(`script errors in Chromium:\n${scriptErrors.join('\n')}`);
    },
  };
  vigie.scheduledPoll = await settleAndStopPolling(vigie);
  return vigie;
}
