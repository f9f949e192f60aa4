import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Loads the end-to-end build (`npm run build:e2e`) into Debian's Chromium through playwright-core.
 * No browser is ever downloaded. Without Chromium, CI fails; elsewhere the suite says why it did not run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/e2e/chrome-mv3');
export const canRun = existsSync(CHROMIUM);

if (!canRun) {
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
  console.warn(`\n⚠ end-to-end tests NOT run: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
}

/** The part of the `chrome` global that the tests call inside the browser. */
interface ChromeApi {
  runtime: { sendMessage: (message: unknown) => Promise<any> };
  alarms: { get: (name: string) => Promise<{ name: string; periodInMinutes?: number } | undefined>; clear: (name: string) => Promise<boolean> };
  action: { getBadgeText: (details: object) => Promise<string>; getBadgeBackgroundColor: (details: object) => Promise<number[]> };
  notifications: { getAll: () => Promise<Record<string, boolean>> };
}
declare global {
   
  var chrome: ChromeApi;
}

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** Opens an extension page (popup.html…) in a tab. */
  open: (page: string) => Promise<Page>;
  /** Sends a protocol request from an extension page, as the popup would, and returns the raw envelope. */
  request: (type: string, params?: unknown) => Promise<{ ok: boolean; result?: any; code?: string; message?: string }>;
  /** One stored item as a page reads it (IndexedDB, read-only, without the store's index keys), or null. */
  item: (id: string) => Promise<any>;
  badge: () => Promise<{ text: string; color: number[] }>;
  /** Waits until the background has no refresh running or waiting (the `refreshIdle` request). */
  settle: () => Promise<void>;
  /** The background's poll alarm as it stood at launch, before the harness cleared it (see below). */
  scheduledPoll: { periodInMinutes?: number };
  profile: string;
  /** `keepProfile`: leave the user-data folder for a restart (see `loadExtension({ profile })`). */
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

/** `profile`: a user-data folder to reuse (a browser restart); it is then left in place at close. */
export async function loadExtension(options: { profile?: string } = {}): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build at ${EXTENSION_DIR}: run npm run build:e2e`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=fr-FR',
    ],
    locale: 'fr-FR',
    // The extension's i18n follows the browser's interface language, which Chromium takes from the environment.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  let bridge: Page | undefined;

  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };
  // Requests go through an extension page with no script of its own (the e2e build's blank.html): the
  // popup would mark what it shows as seen when it opens, a side effect no test asked for.
  const request: LoadedExtension['request'] = async (type, params = {}) => {
    bridge ??= await open('blank.html');
    return bridge.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'vigie', type: t, params: p }), [type, params] as const);
  };
  const item: LoadedExtension['item'] = async (id) => {
    bridge ??= await open('blank.html');
    return bridge.evaluate(async (wanted) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open('vigie');
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const record = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const reading = db.transaction('items').objectStore('items').get(wanted);
        reading.onsuccess = () => resolve(reading.result);
        reading.onerror = () => reject(reading.error);
      });
      db.close();
      if (!record) return null;
      const { sortDate: _s, unreadDate: _u, starredDate: _d, clipDate: _c, unreadFetched: _f, ...stored } = record;
      return stored;
    }, id);
  };
  const settle = async () => {
    const idle = await request('refreshIdle');
    if (!idle.ok) throw new Error(`refreshIdle refused: ${idle.message}`);
  };

  // Every test starts from a settled background: the curated pack's first refresh (which fails offline and
  // writes each curated source's health) has ended. Then the poll alarm is cleared: the tests drive every
  // refresh themselves (the `refresh` request), so that no tick of the alarm lands between two snapshots.
  // The alarm is set when the extension is installed or the browser starts: wait for it before clearing.
  await settle();
  let scheduledPoll: { periodInMinutes?: number } | undefined;
  for (let tries = 0; !scheduledPoll && tries < 100; tries += 1) {
    scheduledPoll = await bridge!.evaluate(() => chrome.alarms.get('vigie-poll'));
    if (!scheduledPoll) await new Promise((done) => setTimeout(done, 100));
  }
  if (!scheduledPoll) throw new Error('the background set no poll alarm within 10 s of its start');
  await bridge!.evaluate(() => chrome.alarms.clear('vigie-poll'));

  return {
    context,
    worker,
    id,
    profile,
    open,
    request,
    item,
    settle,
    scheduledPoll,
    badge: () =>
      worker.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      })),
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
