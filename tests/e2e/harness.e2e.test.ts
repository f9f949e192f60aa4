import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';

/**
 * The harness itself: an uncaught error in an extension page, and one in the background, are seen as the
 * extension's script errors (which fail any test at close), in both browsers.
 */
describe.skipIf(!canRun)(`the end-to-end harness in ${browserTitle}`, () => {
  let vigie: LoadedExtension;

  beforeAll(async () => {
    vigie = await loadExtension();
  }, 60_000);

  afterAll(async () => {
    // The errors were made on purpose: closing must not fail on them.
    vigie?.scriptErrors.splice(0);
    await vigie?.close();
  });

  it("reports an uncaught error of an extension page and of the background as the extension's script errors", async () => {
    const page = await vigie.open('blank.html');
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('vigie-harness-page-error');
      });
    });
    await expect.poll(() => vigie.scriptErrors.join('\n'), { timeout: 5000 }).toContain('vigie-harness-page-error');
    await page.close();

    // The background: Chromium's service worker, through Playwright; Firefox's event page, reached from a page.
    if (vigie.browser === 'chromium') {
      const { context } = vigie as unknown as { context: import('playwright-core').BrowserContext };
      await context.serviceWorkers()[0]!.evaluate(() => {
        setTimeout(() => {
          throw new Error('vigie-harness-background-error');
        });
      });
    } else {
      await vigie.api(async (ext) => {
        const background = await (ext as unknown as { runtime: { getBackgroundPage: () => Promise<Window> } }).runtime.getBackgroundPage();
        background.setTimeout(() => {
          throw new Error('vigie-harness-background-error');
        });
      });
    }
    await expect.poll(() => vigie.scriptErrors.join('\n'), { timeout: 5000 }).toContain('vigie-harness-background-error');
  });
});
