import { mkdirSync } from 'node:fs';
import type { ExtensionApi } from './in-page';
import type { TestPage } from './page';

/**
 * The built extension (`.output/e2e/`), loaded in a real browser: Debian's Chromium through playwright-core,
 * or Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, as `VIGIE_BROWSER` says (chromium unless
 * told). Every end-to-end file runs in both, through this one interface. No browser is ever downloaded;
 * without the browser, CI fails and elsewhere the suite says why it did not run.
 */
export type BrowserName = 'chromium' | 'firefox';
export const BROWSER: BrowserName = process.env.VIGIE_BROWSER === 'firefox' ? 'firefox' : 'chromium';
/** For test titles: « dashboard in Firefox ». */
export const browserTitle = BROWSER === 'firefox' ? 'Firefox' : 'Chromium';

export interface LoadedExtension {
  browser: BrowserName;
  /** The extension's host in its pages' addresses (Chromium's id, Firefox's internal UUID). */
  id: string;
  /** Opens an extension page (popup.html…) in a tab. */
  open: (page: string) => Promise<TestPage>;
  /**
   * Opens an extension page and records, from before its first script runs, every text the element `selector`
   * shows: `seen()` gives them in order, the first frame's first. For "the first frame says…" assertions.
   * Chromium only: Firefox runs no automation script in an extension page before the page's own.
   */
  openWatching: (page: string, selector: string) => Promise<{ page: TestPage; seen: () => Promise<string[]> }>;
  /** Opens a web page in a new tab, and gives the browser's id of that tab. */
  openTab: (url: string) => Promise<{ page: TestPage; tabId: number }>;
  /** Sends a protocol request from an extension page, as the popup would, and returns the raw envelope. */
  request: (type: string, params?: unknown) => Promise<{ ok: boolean; result?: any; code?: string; message?: string }>;
  /** One stored item as a page reads it (IndexedDB, read-only, without the store's index keys), or null. */
  item: (id: string) => Promise<any>;
  /** Runs `fn` in an extension page with the browser's extension API (see tests/e2e/in-page.ts). */
  api: <R, A = null>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A) => Promise<R>;
  badge: () => Promise<{ text: string; color: number[] }>;
  /** The ids of the desktop notifications on screen. */
  notifications: () => Promise<string[]>;
  /** Clicks something on `page` that saves a file, and gives the file as the member would find it. */
  download: (page: TestPage, click: () => Promise<unknown>) => Promise<{ name: string; text: string }>;
  /** Waits until the background has no refresh running or waiting (the `refreshIdle` request). */
  settle: () => Promise<void>;
  /** The background's poll alarm as it stood at launch, before the harness cleared it (see below). */
  scheduledPoll: { periodInMinutes?: number };
  /** The extension's script errors seen so far; `close()` fails when there is any. */
  scriptErrors: string[];
  profile: string;
  /** `keepProfile`: leave the user-data folder for a restart (see `loadExtension({ profile })`). */
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

export interface LoadOptions {
  /** A user-data folder to reuse (a browser restart); it is then left in place at close. */
  profile?: string;
  /** Firefox only: preferences for this launch (the permission prompt's, for the test of that path). */
  prefs?: Record<string, unknown>;
  /** Another build of the extension to load (an earlier release's, for the upgrade test). */
  build?: string;
  /** The system's colour scheme as the pages see it, from the start. */
  colorScheme?: 'dark' | 'light';
  /** A test's own TLS certificate to trust. Chromium: by the server certificate's public-key hash (base64
   * SHA-256); Firefox: its authority (a PEM file), put into the profile's certificate store with certutil. */
  trust?: { spki: string; caFile: string };
}

const harness = BROWSER === 'firefox' ? await import('./firefox') : await import('./chromium');
export const canRun: boolean = harness.canRun;
/** Today's end-to-end build for the browser under test. */
export const BUILD_DIR: string = harness.EXTENSION_DIR;
export const loadExtension: (options?: LoadOptions) => Promise<LoadedExtension> = harness.loadExtension;
/** Emulates a browser zoom: the window's CSS size and device pixels per CSS pixel. */
export const emulateZoom: (page: TestPage, size: { width: number; height: number }, scale: number) => Promise<void> = harness.emulateZoom;

/** Where a screenshot for a person to look at goes: test-results/<browser>/<name>.png. */
export function artifact(name: string): string {
  mkdirSync(`test-results/${BROWSER}`, { recursive: true });
  return `test-results/${BROWSER}/${name}`;
}
