/**
 * The dashboard's search in Firefox ESR, the browser of most of the members' administrations: how long after
 * the dashboard opens its search can answer, from the index an earlier dashboard saved (issue 19's 2 s, which
 * the Chromium bench measures), on the same seeded items. Driven by puppeteer-core over WebDriver BiDi, as the
 * end-to-end suite drives Firefox.
 */
import { execSync } from 'node:child_process';
import type { LoadedExtension } from '../tests/e2e/extension';
import { canRun, loadExtension } from '../tests/e2e/firefox';
import type { TestPage } from '../tests/e2e/page';
import { items, searchIndexSaved, seed } from './reader-chromium';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const log = (line: string) => process.stderr.write(`reader bench (Firefox): ${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (value: number) => Number(value.toFixed(1));
/** tsx keeps function names with a `__name` helper that the page does not have: give it a no-op one. */
const NAME_HELPER = 'globalThis.__name = (fn) => fn';

/** Opens the dashboard and waits until its search can answer: the time from navigation, and how it came. */
async function searchReady(vigie: LoadedExtension): Promise<{ page: TestPage; ms: number; origin: string | null }> {
  const page = await vigie.open('dashboard.html#/all');
  await page.evaluate(NAME_HELPER);
  for (const started = Date.now(); Date.now() - started < 600_000; await pause(50)) {
    const [ready, origin, ms] = await page.evaluate(() => {
      const form = document.querySelector('.filters');
      return [form?.getAttribute('data-search-ready'), form?.getAttribute('data-search-origin') ?? null, performance.getEntriesByName('vigie:search-ready')[0]?.startTime ?? Number.NaN] as const;
    });
    if (ready === 'true') return { page, ms, origin };
  }
  throw new Error('the search was never ready');
}

export async function benchReaderFirefox(report: Report): Promise<void> {
  if (!canRun) {
    report('reader-search-ready-firefox', { skipped: 'no Firefox ESR at /usr/bin/firefox-esr' });
    return;
  }
  execSync('npx wxt build -b firefox', { stdio: 'ignore', env: { ...process.env, VIGIE_E2E: '1' } });
  const vigie = await loadExtension();
  try {
    // The background creates the store (at its current version) before the fixture writes into it.
    await vigie.request('summary');
    const blank = await vigie.open('blank.html');
    await blank.evaluate(NAME_HELPER);
    const seeding = Date.now();
    await seed(blank as unknown as Parameters<typeof seed>[0]);
    log(`seeded ${items()} items in ${Date.now() - seeding} ms`);
    await vigie.request('markSeen');
    // The first opening builds the index from every item and saves it a few seconds later.
    const first = await searchReady(vigie);
    log(`search index built in ${Math.round(first.ms)} ms (${first.origin})`);
    const waiting = Date.now();
    while (!(await first.page.evaluate(searchIndexSaved))) {
      if (Date.now() - waiting > 600_000) throw new Error('the search index was never saved');
      await pause(500);
    }
    await first.page.close();
    const restored: number[] = [];
    const origins = new Set<string | null>();
    for (let round = 0; round < 6; round++) {
      const opened = await searchReady(vigie);
      await opened.page.close();
      await pause(1_000);
      if (round === 0) continue;
      restored.push(opened.ms);
      origins.add(opened.origin);
    }
    const median = [...restored].sort((a, b) => a - b)[Math.floor(restored.length / 2)]!;
    report('reader-search-ready-firefox', {
      items: items(),
      restoredMedianMs: round1(median),
      restoredMaxMs: round1(Math.max(...restored)),
      origins: [...origins],
      builtMs: round1(first.ms),
      target: '<= 2000 ms from the saved index (issue 19 measures it in Chromium; here in Firefox ESR)',
      met: median <= 2000 && origins.size === 1 && origins.has('restored'),
    });
  } finally {
    // Its profile (200,000 items weigh 230 MB) goes with it.
    await vigie.close();
  }
}
