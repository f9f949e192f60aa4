/**
 * What the end-to-end tests do with a page, in both browsers. It is the part of Playwright's Page and Locator
 * the suite uses, with Playwright's meaning: Chromium's pages are Playwright's own; Firefox's are driven by
 * puppeteer-core over WebDriver BiDi behind the same names (tests/e2e/firefox-page.ts). Locators are lazy
 * and strict: an action on a locator that matches several elements fails.
 */
export type TextMatch = string | RegExp;

/** Every page's size in both browsers, unless a test sets its own (the popup's): their screenshots compare. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface LocatorOptions {
  hasText?: TextMatch;
  has?: TestLocator;
}

export interface RoleOptions {
  name?: TextMatch;
  exact?: boolean;
}

export interface Finder {
  locator: (selector: string, options?: LocatorOptions) => TestLocator;
  getByRole: (role: string, options?: RoleOptions) => TestLocator;
  getByLabel: (text: TextMatch, options?: { exact?: boolean }) => TestLocator;
  getByText: (text: TextMatch, options?: { exact?: boolean }) => TestLocator;
}

export interface TestLocator extends Finder {
  first: () => TestLocator;
  nth: (index: number) => TestLocator;
  click: () => Promise<void>;
  fill: (value: string) => Promise<void>;
  press: (key: string) => Promise<void>;
  check: () => Promise<void>;
  uncheck: () => Promise<void>;
  selectOption: (option: string | { label: string }) => Promise<unknown>;
  setInputFiles: (path: string) => Promise<void>;
  textContent: () => Promise<string | null>;
  allTextContents: () => Promise<string[]>;
  innerHTML: () => Promise<string>;
  inputValue: () => Promise<string>;
  getAttribute: (name: string) => Promise<string | null>;
  count: () => Promise<number>;
  isChecked: () => Promise<boolean>;
  isDisabled: () => Promise<boolean>;
  isEnabled: () => Promise<boolean>;
  isVisible: () => Promise<boolean>;
  waitFor: () => Promise<void>;
  screenshot: (options: { path: string }) => Promise<unknown>;
}

export interface TestDialog {
  message: () => string;
  accept: () => Promise<void>;
  dismiss: () => Promise<void>;
}

export interface TestPage extends Finder {
  url: () => string;
  goto: (url: string) => Promise<unknown>;
  reload: () => Promise<unknown>;
  close: () => Promise<void>;
  evaluate: {
    <R>(fn: () => R | Promise<R>): Promise<R>;
    <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
    (expression: string): Promise<unknown>;
  };
  setViewportSize: (size: { width: number; height: number }) => Promise<void>;
  /** Keys pressed wherever focus is, as a keyboard user does (Tab, Enter, Escape, ArrowDown…). */
  keyboard: { press: (key: string) => Promise<void> };
  emulateMedia: (options: { colorScheme: 'dark' | 'light' }) => Promise<void>;
  screenshot: (options: { path: string; fullPage?: boolean }) => Promise<unknown>;
  waitForTimeout: (ms: number) => Promise<void>;
  on: (event: 'dialog', handler: (dialog: TestDialog) => void) => unknown;
  once: (event: 'dialog', handler: (dialog: TestDialog) => void) => unknown;
}
