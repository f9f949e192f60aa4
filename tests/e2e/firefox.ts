import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bridged } from './bridge';
import type { LoadedExtension, LoadOptions } from './extension';
import { FirefoxPage } from './firefox-page';
import { VIEWPORT, type TestPage } from './page';
import { settleAndStopPolling } from './settle';

/**
 * Loads the end-to-end build for Firefox (`.output/e2e/firefox-mv3`) into Debian's Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi, installed as a temporary add-on (BiDi `webExtension.install`).
 * Script errors are Firefox's own report of them: `JavaScript error: moz-extension://…` lines in its output.
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve('.output/e2e/firefox-mv3');
export const canRun = existsSync(FIREFOX);

if (!canRun) {
  if (process.env.CI === 'true') throw new Error(`Firefox ESR not found at ${FIREFOX}: CI must install it (apt-get install -y firefox-esr)`);
  console.warn(`\n⚠ end-to-end tests NOT run in Firefox: no Firefox ESR at ${FIREFOX} (apt-get install -y firefox-esr firefox-esr-l10n-fr)\n`);
}

const GECKO_ID = 'vigie@observatoire-socialmedia.fr';
/** Fixed, so that a restarted browser finds the extension's data under the same moz-extension:// origin. */
const UUID = '7d3c2a1e-5b4f-4e6a-9c8d-0f1e2d3c4b5a';

/** The version the suite runs on, said once per run (the closing note and CI's log quote it). */
export const firefoxVersion = canRun ? execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim() : '';

/** puppeteer's BiDi objects behind its pages (its own, not in its public types). */
interface Contexts {
  userContext: { createBrowsingContext: (type: 'tab', options: { referenceContext: unknown }) => Promise<{ id: string }> };
}
const contextId = (page: Page) => (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;

async function openBeside(browser: Browser, home: Page): Promise<Page> {
  const contexts = browser.defaultBrowserContext() as unknown as Contexts;
  const reference = (home.mainFrame() as unknown as { browsingContext: unknown }).browsingContext;
  const created = await contexts.userContext.createBrowsingContext('tab', { referenceContext: reference });
  const page = (await browser.pages()).find((candidate) => contextId(candidate) === created.id);
  if (!page) throw new Error('Firefox opened a tab that puppeteer does not know');
  return page;
}

/** The window's size and its device pixels per CSS pixel, as a browser zoom gives them (see chromium.ts). */
export async function emulateZoom(page: TestPage, size: { width: number; height: number }, scale: number): Promise<void> {
  await (page as FirefoxPage).setViewportSize(size, scale);
}

/** Debian's Firefox ESR, headless, driven over WebDriver BiDi, on `profile` with these preferences. */
export function launchFirefox(profile: string, prefs: Record<string, unknown>): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    // Newer ESRs refuse navigation to moz-extension:// pages without it; harmless on 140.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    extraPrefsFirefox: prefs,
  });
}

export async function loadExtension(options: LoadOptions = {}): Promise<LoadedExtension> {
  const build = options.build ?? EXTENSION_DIR;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`no build at ${build}: run npm run build:e2e`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'vigie-e2e-firefox-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads, { recursive: true });
  if (options.trust) {
    // Firefox reads the authorities it trusts from the profile's NSS store (cert9.db), made here before launch.
    if (!existsSync(join(profile, 'cert9.db'))) execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${profile}`]);
    execFileSync('certutil', ['-A', '-n', 'Vigie test CA', '-t', 'C,,', '-i', options.trust.caFile, '-d', `sql:${profile}`]);
  }
  const browser = await launchFirefox(profile, {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    // A temporary add-on is removed when the browser closes: its origin and data are kept for the restart.
    'extensions.webextensions.keepUuidOnUninstall': true,
    'extensions.webextensions.keepStorageOnUninstall': true,
    // The interface in French (firefox-esr-l10n-fr), which the extension's i18n follows.
    'intl.locale.requested': 'fr',
    'intl.accept_languages': 'fr-FR, fr',
    // Pages' console lines and errors go to the browser's output, where the harness reads them.
    'devtools.console.stdout.content': true,
    // Saved files land in the profile's downloads folder, without a dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    // 0 dark, 1 light, as the pages' prefers-color-scheme.
    ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
    ...options.prefs,
  });
  const scriptErrors: string[] = [];
  const output = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (/JavaScript error: moz-extension:\/\//.test(line)) scriptErrors.push(line.trim());
  };
  browser.process()?.stdout?.on('data', output);
  browser.process()?.stderr?.on('data', output);

  await browser.installExtension(build);
  const origin = `moz-extension://${UUID}`;
  let bridge: FirefoxPage | undefined;

  // Tabs open beside the window the browser started with: once a desktop notification has shown, a new tab
  // with no reference lands in the notification's window, which has no tabs (Firefox's BiDi then fails).
  const home = (await browser.pages())[0]!;
  const newPage = async (url: string) => {
    const page = new FirefoxPage(await openBeside(browser, home));
    // The same size in both browsers, so that their screenshots compare.
    await page.setViewportSize(VIEWPORT);
    await page.goto(url);
    return page;
  };
  const open = (path: string) => newPage(`${origin}/${path}`);
  const calls = bridged(async (expression) => {
    bridge ??= await open('blank.html');
    return bridge.puppeteer.evaluate(expression);
  }, newPage);
  const vigie: LoadedExtension = {
    browser: 'firefox',
    id: UUID,
    profile,
    open,
    // Firefox 140 runs no WebDriver BiDi preload script in moz-extension:// documents (tried: per tab and
    // for the whole browser), so nothing can watch a page from before its first script.
    openWatching: () => Promise.reject(new Error('Firefox runs no preload script in extension pages: watch the first frame in Chromium')),
    ...calls,
    async download(_page, click) {
      const before = new Set(readdirSync(downloads));
      await click();
      for (let tries = 0; tries < 100; tries += 1) {
        // Firefox creates `<name>` empty and writes `<name>.part`, which it moves onto `<name>` once complete.
        const files = readdirSync(downloads);
        const name = files.find((file) => !before.has(file) && !file.endsWith('.part') && !files.includes(`${file}.part`));
        if (name && statSync(join(downloads, name)).size > 0) return { name, text: readFileSync(join(downloads, name), 'utf8') };
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`no file saved in ${downloads} within 10 s`);
    },
    scheduledPoll: {},
    scriptErrors,
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile && !options.profile) rmSync(profile, { recursive: true, force: true });
      if (scriptErrors.length > 0) throw new Error(`script errors in Firefox:\n${scriptErrors.join('\n')}`);
    },
  };
  vigie.scheduledPoll = await settleAndStopPolling(vigie);
  return vigie;
}
