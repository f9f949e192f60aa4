import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Finder, LocatorOptions, RoleOptions, TestDialog, TestLocator, TestPage, TextMatch } from './page';

/**
 * A Firefox page behind the suite's Playwright-shaped interface (tests/e2e/page.ts), driven by puppeteer-core
 * over WebDriver BiDi. Elements are found in the page by Testing Library's queries (roles and accessible names
 * computed by dom-accessibility-api, the library the component tests use), injected like axe: by the protocol,
 * which the extension pages' CSP does not govern. Clicks and keys are real input events (BiDi `input`); values
 * are set as Playwright's `fill` and `selectOption` set them, with `input` and `change` events.
 */
const testingLibrary = readFileSync(createRequire(import.meta.url).resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');

/** How long an action or a read waits for its element, as Playwright's auto-waiting does. */
const WAIT_MS = 10_000;

type Text = { source: string; flags: string } | { text: string; exact: boolean };
type Step =
  | { css: string; hasText?: Text; has?: Step[] }
  | { role: string; name?: Text }
  | { label: Text }
  | { text: Text }
  | { nth: number };

const textOf = (match: TextMatch, exact = false): Text => (match instanceof RegExp ? { source: match.source, flags: match.flags } : { text: match, exact });

/**
 * Runs in the page: finds the elements a chain of steps names, in document order. Text matches as Playwright's:
 * a string ignores case and surrounding or repeated spaces, and is a part of the text unless exact.
 */
const FINDER = `(() => {
  const dom = globalThis.TestingLibraryDom;
  dom.configure({ defaultHidden: false });
  const normal = (text) => (text ?? '').replace(/\\s+/g, ' ').trim();
  const matcher = (match) => {
    if ('source' in match) { const pattern = new RegExp(match.source, match.flags); return (text) => pattern.test(normal(text)); }
    const wanted = normal(match.text).toLowerCase();
    return match.exact ? (text) => normal(text) === normal(match.text) : (text) => normal(text).toLowerCase().includes(wanted);
  };
  const within = (roots, steps) => steps.reduce((found, step) => {
    if ('nth' in step) return found[step.nth] ? [found[step.nth]] : [];
    const next = [];
    for (const root of found) {
      let matches;
      if ('css' in step) {
        matches = [...root.querySelectorAll(step.css)];
        if (step.hasText) { const test = matcher(step.hasText); matches = matches.filter((element) => test(element.textContent)); }
        if (step.has) matches = matches.filter((element) => within([element], step.has).length > 0);
      } else if ('role' in step) {
        const name = step.name && matcher(step.name);
        matches = dom.queryAllByRole(root, step.role, name ? { name: (accessible) => name(accessible) } : {});
      } else if ('label' in step) {
        const label = matcher(step.label);
        matches = dom.queryAllByLabelText(root, (text) => label(text));
      } else {
        const test = matcher(step.text);
        matches = dom.queryAllByText(root, (text) => test(text));
      }
      for (const element of matches) if (!next.includes(element)) next.push(element);
    }
    return next;
  }, roots);
  globalThis.__vigieFind = (steps) => within([document], steps);
  // Shown: laid out with a size, not hidden by style (what Playwright calls visible); actionable: and enabled.
  const visible = (element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'; };
  const checks = { attached: () => true, visible, actionable: (element) => visible(element) && !element.disabled };
  globalThis.__vigieVisible = visible;
  // The one element, ready; a string when the chain is ambiguous; undefined while there is none yet.
  globalThis.__vigieOne = (steps, check) => {
    const found = within([document], steps);
    if (found.length > 1) return 'strict mode violation: ' + found.length + ' elements';
    return found[0] && checks[check](found[0]) ? found[0] : undefined;
  };
})()`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The BiDi browsing context behind a puppeteer page (puppeteer's own object, not in its public types). */
interface Context {
  navigate: (url: string, wait: 'complete') => Promise<unknown>;
  reload: (options: { wait: 'complete' }) => Promise<unknown>;
  setViewport: (options: { viewport: { width: number; height: number } }) => Promise<void>;
}
const contextOf = (page: Page) => (page.mainFrame() as unknown as { browsingContext: Context }).browsingContext;

class FirefoxLocator implements TestLocator {
  constructor(
    private readonly page: FirefoxPage,
    private readonly steps: Step[],
  ) {}

  private with(step: Step) {
    return new FirefoxLocator(this.page, [...this.steps, step]);
  }

  locator(css: string, options: LocatorOptions = {}) {
    return this.with({
      css,
      ...(options.hasText !== undefined ? { hasText: textOf(options.hasText) } : {}),
      ...(options.has ? { has: (options.has as FirefoxLocator).steps } : {}),
    });
  }
  getByRole(role: string, options: RoleOptions = {}) {
    return this.with({ role, ...(options.name !== undefined ? { name: textOf(options.name, options.exact) } : {}) });
  }
  getByLabel(text: TextMatch, options: { exact?: boolean } = {}) {
    return this.with({ label: textOf(text, options.exact) });
  }
  getByText(text: TextMatch, options: { exact?: boolean } = {}) {
    return this.with({ text: textOf(text, options.exact) });
  }
  first() {
    return this.with({ nth: 0 });
  }
  nth(index: number) {
    return this.with({ nth: index });
  }

  /** Runs `read` on every element found, once the page has the finder. */
  private async all<R>(read: string): Promise<R[]> {
    await this.page.ready();
    return this.page.puppeteer.evaluate(`globalThis.__vigieFind(${JSON.stringify(this.steps)}).map((element) => (${read})(element))`) as Promise<R[]>;
  }

  /** The one element found, waited for (strict: two or more is an error at once, as in Playwright). */
  private async one(check: 'attached' | 'visible' | 'actionable' = 'attached'): Promise<ElementHandle<Element>> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await this.page.ready();
      const handle = await this.page.puppeteer.evaluateHandle(
        (steps: Step[], wanted: string) => (globalThis as unknown as { __vigieOne: (s: Step[], c: string) => Element | string | undefined }).__vigieOne(steps, wanted),
        this.steps,
        check,
      );
      const element = handle.asElement();
      if (element) return element as ElementHandle<Element>;
      const value = await handle.jsonValue();
      if (typeof value === 'string') throw new Error(`${value} for ${this}`);
      if (Date.now() > deadline) throw new Error(`no ${check} element within ${WAIT_MS / 1000} s for ${this}`);
      await sleep(100);
    }
  }

  toString() {
    return JSON.stringify(this.steps);
  }

  async click() {
    const element = await this.one('actionable');
    // As Playwright does: in view, still for two frames (a status line appearing above moves it), and the
    // element itself (or its label) under its centre, not something laid over it: then the real click lands on it.
    await element.evaluate(async (target) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const hit = () => {
        const box = target.getBoundingClientRect();
        const under = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !!under && (target.contains(under) || under.closest('label')?.control === target);
      };
      let before: DOMRect | undefined;
      for (let tries = 0; tries < 40; tries += 1) {
        target.scrollIntoView({ block: 'center', inline: 'center' });
        await frame();
        await frame();
        const now = target.getBoundingClientRect();
        if (before && now.top === before.top && now.left === before.left && hit()) return;
        before = now;
      }
    });
    await element.click();
    await this.page.noteAddress();
  }
  async fill(value: string) {
    const element = await this.one('actionable');
    await element.evaluate((field, text) => {
      const input = field as HTMLInputElement;
      input.focus();
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
      if (setter) setter.call(input, text);
      else input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  async press(key: string) {
    const element = await this.one('actionable');
    await element.press(key as Parameters<ElementHandle['press']>[0]);
    await this.page.noteAddress();
  }
  private async setChecked(wanted: boolean) {
    if ((await this.isChecked()) === wanted) return;
    await this.click();
    // Once more if the page moved between the check above and the click (Playwright retries its check too).
    if ((await this.isChecked()) !== wanted) await this.click();
    if ((await this.isChecked()) !== wanted) throw new Error(`clicking did not ${wanted ? 'check' : 'uncheck'} ${this}`);
  }
  check() {
    return this.setChecked(true);
  }
  uncheck() {
    return this.setChecked(false);
  }
  async selectOption(option: string | { label: string }) {
    const element = await this.one('actionable');
    const chosen = await element.evaluate((field, wanted) => {
      const select = field as HTMLSelectElement;
      const match = [...select.options].find((candidate) => (typeof wanted === 'string' ? candidate.value === wanted || candidate.label === wanted : candidate.label === wanted.label));
      if (!match) return undefined;
      select.value = match.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return match.value;
    }, option);
    if (chosen === undefined) throw new Error(`no option ${JSON.stringify(option)} in ${this}`);
    return [chosen];
  }
  async setInputFiles(path: string) {
    const element = (await this.one()) as ElementHandle<HTMLInputElement>;
    await element.uploadFile(path);
  }
  async textContent() {
    return (await this.one()).evaluate((element) => element.textContent);
  }
  allTextContents() {
    return this.all<string>('(element) => element.textContent ?? ""');
  }
  async innerHTML() {
    return (await this.one()).evaluate((element) => element.innerHTML);
  }
  async inputValue() {
    return (await this.one()).evaluate((element) => (element as HTMLInputElement).value);
  }
  async getAttribute(name: string) {
    return (await this.one()).evaluate((element, attribute) => element.getAttribute(attribute), name);
  }
  async count() {
    return (await this.all<true>('() => true')).length;
  }
  async isChecked() {
    return (await this.one()).evaluate((element) => (element as HTMLInputElement).checked ?? element.getAttribute('aria-checked') === 'true');
  }
  async isDisabled() {
    return (await this.one()).evaluate((element) => (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true');
  }
  async isEnabled() {
    return !(await this.isDisabled());
  }
  async isVisible() {
    const [shown = false, ...more] = await this.all<boolean>('globalThis.__vigieVisible');
    if (more.length > 0) throw new Error(`strict mode violation: ${more.length + 1} elements for ${this}`);
    return shown;
  }
  async waitFor() {
    await this.one('visible');
  }
  async screenshot(options: { path: string }) {
    await (await this.one('visible')).screenshot({ path: options.path as `${string}.png` });
  }
}

export class FirefoxPage implements TestPage {
  /**
   * The page's address. Firefox's BiDi sends no navigation events for moz-extension:// documents, so
   * puppeteer's `url()` stays about:blank: the address is read from the page after every navigation and click.
   */
  private address = 'about:blank';

  constructor(readonly puppeteer: Page) {}

  readonly keyboard = {
    press: async (key: string) => {
      await this.puppeteer.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
      await this.noteAddress();
    },
  };

  async noteAddress() {
    this.address = await this.puppeteer.evaluate(() => location.href).catch(() => this.address);
  }

  /** Injects Testing Library and the finder into the current document, once per document. */
  async ready() {
    const has = await this.puppeteer.evaluate(() => typeof (globalThis as unknown as { __vigieFind?: unknown }).__vigieFind === 'function');
    if (has) return;
    await this.puppeteer.evaluate(testingLibrary);
    await this.puppeteer.evaluate(FINDER);
  }

  private root() {
    return new FirefoxLocator(this, []);
  }
  locator(css: string, options?: LocatorOptions) {
    return this.root().locator(css, options);
  }
  getByRole(role: string, options?: RoleOptions) {
    return this.root().getByRole(role, options);
  }
  getByLabel(text: TextMatch, options?: { exact?: boolean }) {
    return this.root().getByLabel(text, options);
  }
  getByText(text: TextMatch, options?: { exact?: boolean }) {
    return this.root().getByText(text, options);
  }

  url() {
    return this.address;
  }
  /** BiDi's own navigation: puppeteer's `goto` never resolves on moz-extension:// pages. */
  async goto(url: string) {
    await contextOf(this.puppeteer).navigate(url, 'complete');
    await this.noteAddress();
  }
  async reload() {
    await contextOf(this.puppeteer).reload({ wait: 'complete' });
    await this.noteAddress();
  }
  close() {
    return this.puppeteer.close();
  }
  evaluate<R, A>(fn: ((arg: A) => R | Promise<R>) | (() => R | Promise<R>) | string, arg?: A): Promise<R> {
    // puppeteer's own typing of the argument (handles flattened) is stricter than the suite needs.
    return (typeof fn === 'string' ? this.puppeteer.evaluate(fn) : this.puppeteer.evaluate(fn as (arg: unknown) => R, arg)) as Promise<R>;
  }
  /** BiDi's own viewport: puppeteer's `setViewport` fails on Firefox 140. */
  setViewportSize(size: { width: number; height: number }, devicePixelRatio?: number) {
    return contextOf(this.puppeteer).setViewport({ viewport: size, ...(devicePixelRatio ? { devicePixelRatio } : {}) });
  }
  /** Firefox 140's WebDriver BiDi emulates no media feature: a dark profile is started dark (LoadOptions). */
  async emulateMedia(_options: { colorScheme: 'dark' | 'light' }) {
    throw new Error('Firefox cannot switch the colour scheme of a running page: load the extension with { colorScheme: "dark" }');
  }
  screenshot(options: { path: string; fullPage?: boolean }) {
    return this.puppeteer.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage ?? false });
  }
  async waitForTimeout(ms: number) {
    await sleep(ms);
  }
  on(event: 'dialog', handler: (dialog: TestDialog) => void) {
    return this.puppeteer.on(event, (dialog) => handler({ message: () => dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }));
  }
  once(event: 'dialog', handler: (dialog: TestDialog) => void) {
    return this.puppeteer.once(event, (dialog) => handler({ message: () => dialog.message(), accept: () => dialog.accept(), dismiss: () => dialog.dismiss() }));
  }
}

export type { Finder };
