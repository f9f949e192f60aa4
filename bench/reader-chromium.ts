/**
 * The reader's figures in a real Chromium with 50,000 stored items: popup and dashboard first render against
 * an empty extension page (with, beside it, the floors any page meets in the same run), a search keystroke
 * against a plain linear scan, and a 5-second scroll of the list.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { canRun, EXTENSION_DIR, loadExtension } from '../tests/e2e/chromium';

type Report = (figure: string, fields: Record<string, unknown>) => void;

/** Read when the bench runs, not at import: `npm run bench -- reader --items 200000` sets it (bench/run.ts). */
export const items = () => Number(process.env.VIGIE_BENCH_ITEMS ?? 50_000);

/** Progress on stderr, so that stdout stays one JSON line per figure. */
const log = (line: string) => process.stderr.write(`reader bench: ${line}\n`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Writes the items straight into the store, in the shape the store writes them (a fixture, not an API). */
export async function seed(page: Page): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('vigie');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const domain = ['algorithme', 'portée', 'publicité', 'politique', 'Reels', 'modération', 'Pages', 'Groupes', 'vidéo', 'direct', 'élection', 'réglementation', 'DSA', 'RGPD', 'IA', 'Messenger', 'conditions', 'confidentialité', 'Threads', 'Instagram'];
    // Words follow Zipf's law, as in real text: a vocabulary of 5,000 where the domain words sit at middle
    // ranks (200 to 390), so that each is found in a few percent of the items, as a topic is in a watch.
    const size = 5000;
    const words = Array.from({ length: size }, (_, rank) => `mot${rank.toString(36)}`);
    domain.forEach((word, n) => (words[200 + n * 10] = word));
    let seedValue = 42;
    const random = () => (seedValue = (seedValue * 1103515245 + 12345) % 2147483648) / 2147483648;
    const zipfRank = () => Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1))) - 1);
    const pick = (_i: number, n: number) => Array.from({ length: n }, () => words[zipfRank()]).join(' ');
    const tx = db.transaction('items', 'readwrite');
    const store = tx.objectStore('items');
    const base = Date.UTC(2026, 10, 1);
    for (let i = 0; i < count; i++) {
      const date = new Date(base - i * 60_000).toISOString();
      const read = i % 3 === 0;
      store.put({
        id: `bench-${i}`,
        sourceId: `source-${i % 40}`,
        url: `https://exemple.fr/article/${i}`,
        title: `Article ${i} : ${pick(i, 6)}`,
        published: date,
        fetched: date,
        summary: `${pick(i + 1, 30)}.`,
        contentHtml: `<p>${pick(i + 2, 120)}</p>`,
        categories: [],
        read,
        starred: i % 50 === 0,
        tags: i % 4 === 0 ? ['algorithme-portee'] : [],
        sortDate: date,
        ...(read ? {} : { unreadDate: date, unreadFetched: date }),
        ...(i % 50 === 0 ? { starredDate: date } : {}),
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, items());
}

/** What a page is timed by, in milliseconds from its navigation start. */
type Timing = { load: number } | { painted: number; rendered?: number };

/**
 * Opens `url` in a new tab and times it: an empty page by its load event; a page with rows by the paint of
 * its first rows as the browser reports it (Element Timing on the row titles: style, layout, paint and the
 * frame's presentation), and, for Vigie's pages, by `mark`, the User Timing mark the page sets when its first
 * rows are rendered (committed and laid out: see components/ui/first-render.ts). The tab is then closed and the
 * browser left to settle, so that no page is timed while the previous one is being torn down.
 */
async function timeTo(context: BrowserContext, url: string, wait: 'load' | 'paint', mark?: string): Promise<Timing> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(
      async ({ wait, mark }) => {
        const entries: PerformanceEntry[] = [];
        if (wait === 'paint') new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({ type: 'element', buffered: true });
        const started = Date.now();
        while (Date.now() - started < 15_000) {
          if (wait === 'paint') {
            const times = entries.filter((entry) => (entry as PerformanceEntry & { identifier: string }).identifier === 'vigie-row').map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime);
            const rendered = mark ? performance.getEntriesByName(mark)[0]?.startTime : undefined;
            if (times.length > 0 && (!mark || rendered !== undefined)) return { painted: Math.min(...times), ...(rendered !== undefined ? { rendered } : {}) };
          } else {
            const at = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd;
            if (at) return { load: at };
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        throw new Error(`nothing painted within 15 s`);
      },
      { wait, mark },
    );
  } finally {
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

const SETTLE_MS = 300;
// 30 counted rounds: on a shared 2-core machine, 15 left the medians 20 ms apart from one run to the next.
const ROUNDS = Number(process.env.VIGIE_BENCH_ROUNDS ?? 31);

export async function benchReader(report: Report): Promise<void> {
  if (!canRun) {
    report('reader-chromium', { skipped: 'no Chromium at /usr/bin/chromium' });
    return;
  }
  execSync('npx wxt build', { stdio: 'ignore', env: { ...process.env, VIGIE_E2E: '1' } });
  const vigie = await loadExtension();
  // tsx keeps function names with a `__name` helper that the page does not have: give it a no-op one.
  await vigie.context.addInitScript('globalThis.__name = (fn) => fn');
  try {
    // The background creates the store (at its current version) before the fixture writes into it.
    await vigie.request('summary');
    const page = vigie.playwright(await vigie.open('blank.html'));
    const seeding = Date.now();
    await seed(page);
    log(`seeded ${items()} items in ${Date.now() - seeding} ms`);
    // As after any change, the background then keeps the popup's summary ready.
    await vigie.request('markSeen');
    await summaryFigures(page, report);
    const origin = `chrome-extension://${vigie.id}`;
    // A member who has opened the dashboard before: its search index is saved. Every later opening restores it.
    await searchReadyFigures(vigie.context, origin, page, report);

    await writeScreenFloor(vigie.context, origin);

    // The pages timed, in turn, round after round (the first round warms the browser and is not counted).
    const pages = {
      // An extension page with nothing in it: no script, so the browser never even creates a JavaScript
      // context for it. The baseline.
      blank: () => timeTo(vigie.context, `${origin}/blank.html`, 'load'),
      // An empty extension page as an extension ships one: its (empty) module script and nothing else. Every
      // page with a script pays for that script's context and its fetch; the blank page does not.
      empty: () => timeTo(vigie.context, `${origin}/empty.html`, 'load'),
      // A line in the page's own markup, no script: the fastest a page can paint anything.
      staticLine: () => timeTo(vigie.context, `${origin}/static-line.html`, 'paint'),
      // A classic script that reads the popup's summary, then paints one line: the floor for a page with data.
      dataLine: () => timeTo(vigie.context, `${origin}/data-line.html`, 'paint'),
      popup: () => timeTo(vigie.context, `${origin}/popup.html`, 'paint', 'vigie:popup-rendered'),
      // The dashboard's own first screen, as markup a classic script sets right after the same reads as the
      // dashboard's early script: what this screen costs to show whatever code draws it (see writeScreenFloor).
      screenFloor: () => timeTo(vigie.context, `${origin}/${SCREEN_FLOOR}.html`, 'paint'),
      dashboard: () => timeTo(vigie.context, `${origin}/dashboard.html#/all`, 'paint', 'vigie:list-rendered'),
    };
    const timings: Record<keyof typeof pages, Timing[]> = { blank: [], empty: [], staticLine: [], dataLine: [], popup: [], screenFloor: [], dashboard: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, time] of Object.entries(pages) as [keyof typeof pages, () => Promise<Timing>][]) {
        const timing = await time();
        if (round > 0) timings[name].push(timing);
      }
    }
    log(`first renders measured (${ROUNDS - 1} rounds counted)`);
    const of = (name: keyof typeof pages, key: 'load' | 'painted' | 'rendered') => median(timings[name].map((timing) => (timing as Record<string, number>)[key] ?? Number.NaN));
    const blank = of('blank', 'load');
    const empty = of('empty', 'load');
    const staticLine = of('staticLine', 'painted');
    const dataLine = of('dataLine', 'painted');
    // The budget (issue 13): a page's first rows against the floor any page showing stored data meets, measured in
    // the same run: a one-line page whose classic script reads the popup's summary and paints it (`dataLine`).
    const figures = (name: 'popup' | 'dashboard', limit: number) => {
      const rendered = of(name, 'rendered');
      const painted = of(name, 'painted');
      return {
        items: items(),
        rounds: ROUNDS - 1,
        paintedMs: round(painted),
        renderedMs: round(rendered),
        dataLinePaintMs: round(dataLine),
        ratio: round(painted / dataLine, 3),
        target: `<= ${limit}x the data line's paint`,
        met: painted / dataLine <= limit,
        // The same with the page's rows rendered (committed and laid out) rather than painted.
        renderedRatio: round(rendered / dataLine, 3),
        // The other floors, in the same run: the blank page's load, the empty page with its script, a line in
        // static markup.
        blankPageLoadMs: round(blank),
        emptyScriptPageLoadMs: round(empty),
        staticLinePaintMs: round(staticLine),
        ratioToBlankPage: round(painted / blank, 3),
        ratioToStaticLine: round(painted / staticLine, 3),
        ...(name === 'dashboard' ? { screenFloorPaintMs: round(of('screenFloor', 'painted')), screenFloorRatio: round(of('screenFloor', 'painted') / dataLine, 3) } : {}),
      };
    };
    report('reader-popup-first-render', figures('popup', 1.3));
    report('reader-dashboard-first-list', figures('dashboard', 1.5));

    const reader = vigie.playwright(await vigie.open('dashboard.html#/all'));
    await searchFigures(reader, report);
    await scrollFigures(reader, report);
  } finally {
    await vigie.close();
  }
}

const SCREEN_FLOOR = 'screen-floor';

/**
 * The floor of the dashboard's own first screen: its markup as the dashboard drew it (rows below the window
 * left out, as its first frame has none), set by a classic script once it has read what the dashboard's early
 * script reads (the sources, the tags, the newest rows, in one transaction). No framework, no model check, no
 * list logic: what painting this screen costs with the same data wait, whatever code draws it. Written into
 * the end-to-end build for this run only.
 */
async function writeScreenFloor(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${origin}/dashboard.html#/all`);
  await page.waitForFunction(() => performance.getEntriesByName('vigie:list-rendered').length > 0);
  const screen = await page.evaluate(() => {
    const app = document.getElementById('app')!.cloneNode(true) as HTMLElement;
    for (const row of app.querySelectorAll<HTMLElement>('li.item-row')) if (Number(/translateY\((\d+)px\)/.exec(row.style.transform)?.[1] ?? 0) >= innerHeight) row.remove();
    return { markup: app.innerHTML, styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL((link as HTMLLinkElement).href).pathname) };
  });
  await page.close();
  const links = screen.styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  writeFileSync(join(EXTENSION_DIR, `${SCREEN_FLOOR}.html`), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vigie</title>${links}<script src="/${SCREEN_FLOOR}.js"></script></head><body><div id="app"></div></body></html>`);
  const read = "const tx = open.result.transaction(['items', 'sources', 'tags']); tx.objectStore('sources').getAll(); tx.objectStore('tags').getAll(); tx.objectStore('items').index('byDate').getAllRecords({ direction: 'prev', count: 40 });";
  writeFileSync(join(EXTENSION_DIR, `${SCREEN_FLOOR}.js`), `const markup = ${JSON.stringify(screen.markup)};\nconst open = indexedDB.open('vigie');\nopen.onsuccess = () => { ${read} tx.oncomplete = () => { document.getElementById('app').innerHTML = markup; }; };\n`);
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * The popup's `summary` request answered by the background with every item stored (issue 19: ≤ 100 ms after a
 * refresh, at 200,000 items), timed from an extension page (message there and back, medians of 20 after 3
 * unmeasured), and the space the profile's IndexedDB takes (`navigator.storage.estimate()`).
 */
async function summaryFigures(page: Page, report: Report): Promise<void> {
  const figures = await page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }).chrome.runtime;
    const ask = async () => {
      const start = performance.now();
      await runtime.sendMessage({ channel: 'vigie', type: 'summary', params: {} });
      return performance.now() - start;
    };
    for (let i = 0; i < 3; i++) await ask();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(await ask());
    times.sort((a, b) => a - b);
    const estimate = await navigator.storage.estimate();
    return { medianMs: times[10]!, maxMs: times[19]!, usageBytes: estimate.usage ?? 0 };
  });
  report('reader-summary', { items: items(), medianMs: round(figures.medianMs), maxMs: round(figures.maxMs), target: '<= 100 ms (issue 19, at 200,000 items)', met: figures.medianMs <= 100 });
  report('reader-store-size', { items: items(), megabytes: round(figures.usageBytes / 1e6), note: 'navigator.storage.estimate().usage of the profile, after seeding' });
}

/** Opens the dashboard and waits until its search can answer: the time from navigation, and how it came. */
async function searchReady(context: BrowserContext, origin: string): Promise<{ ms: number; origin: string | null; page: Page }> {
  const page = await context.newPage();
  await page.goto(`${origin}/dashboard.html#/all`);
  await page.waitForSelector('.filters[data-search-ready="true"]', { timeout: 600_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('vigie:search-ready')[0]?.startTime ?? Number.NaN);
  return { ms, origin: await page.locator('.filters').getAttribute('data-search-origin'), page };
}

/**
 * In a Vigie page (either browser): whether the dashboard's worker has saved its search index (its head is
 * written last, in the same transaction as its parts).
 */
export const searchIndexSaved = () =>
  new Promise<boolean>((resolve) => {
    const open = indexedDB.open('vigie-search');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('head')) return resolve(false);
      const get = db.transaction('head').objectStore('head').get('head');
      get.onsuccess = () => resolve(get.result !== undefined);
    };
    open.onerror = () => resolve(false);
  });

/**
 * Issue 19: the search ready ≤ 2 s after the dashboard opens, from the saved index. The first opening builds
 * it from every item (timed too) and saves it a few seconds later; the next openings restore it (medians of 5).
 */
async function searchReadyFigures(context: BrowserContext, origin: string, page: Page, report: Report): Promise<void> {
  const first = await searchReady(context, origin);
  log(`search index built in ${Math.round(first.ms)} ms (${first.origin})`);
  // Saved a few seconds after it was built (polled from here: a page function's promise is not awaited).
  const waiting = Date.now();
  while (!(await first.page.evaluate(searchIndexSaved))) {
    if (Date.now() - waiting > 600_000) throw new Error('the search index was never saved');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`search index saved ${Date.now() - waiting} ms after it was ready`);
  // The saved index's size: its packed parts (terms' characters and the typed arrays' bytes) and the numbering.
  const savedBytes = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('vigie-search');
        open.onsuccess = () => {
          const tx = open.result.transaction(['head', 'parts']);
          const head = tx.objectStore('head').get('head');
          const parts = tx.objectStore('parts').getAll();
          // Each index's terms and list lengths, and its numbers in pieces (lib/reader/search-snapshot.ts).
          type Part = { terms: string; slots: Uint8Array; lengths: Uint32Array; sizes: Uint32Array; register: Uint32Array } | Uint8Array;
          const bytes = (part: Part) => (part instanceof Uint8Array ? part.byteLength : part.terms.length + part.slots.byteLength + part.lengths.byteLength + part.sizes.byteLength + part.register.byteLength);
          tx.oncomplete = () => {
            const { ids, prints } = head.result as { ids: (string | null)[]; prints: Uint32Array };
            resolve(JSON.stringify(ids).length + prints.byteLength + (parts.result as Part[]).reduce((sum, part) => sum + bytes(part), 0));
          };
        };
      }),
  );
  await first.page.close();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const restored: number[] = [];
  const origins = new Set<string | null>();
  for (let round = 0; round < 6; round++) {
    const opened = await searchReady(context, origin);
    await opened.page.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (round === 0) continue;
    restored.push(opened.ms);
    origins.add(opened.origin);
  }
  const restoredMs = median(restored);
  report('reader-search-ready', {
    items: items(),
    restoredMedianMs: round(restoredMs),
    restoredMaxMs: round(Math.max(...restored)),
    origins: [...origins],
    builtMs: round(first.ms),
    savedIndexMegabytes: round(savedBytes / 1e6),
    target: '<= 2000 ms from the saved index (issue 19, at 200,000 items)',
    met: restoredMs <= 2000 && origins.size === 1 && origins.has('restored'),
  });
}

async function searchFigures(page: Page, report: Report): Promise<void> {
  const indexing = Date.now();
  await page.waitForSelector('.filters[data-search-ready="true"]', { timeout: 300_000 });
  await page.waitForFunction(() => performance.getEntriesByName('vigie:list-rendered').length > 0);
  log(`search index ready in about ${Date.now() - indexing} ms on ${page.url()}`);
  const queries = ['reglementation', 'portee organique', 'moderation', 'elec', 'instagram threads', 'publicite politique', 'rgpd', 'video direct', 'messenger', 'algorithme reels'];
  // Answered: the list in the page holds the answer, its rows on screen read and rendered; painted: the browser
  // has painted them and shown the frame (Element Timing on the new rows' titles, or on « Aucun élément ici »
  // for an empty answer), as the first renders are timed.
  const keystrokes: number[] = [];
  const paints: number[] = [];
  const input = page.locator('input[type="search"]');
  await page.evaluate(() => {
    const seen: PerformanceEntry[] = [];
    (globalThis as unknown as { vigieBenchPaints: PerformanceEntry[] }).vigieBenchPaints = seen;
    new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: 'element', buffered: true });
  });
  // The list's count once known (the search can be ready before the list has counted every id).
  await page.waitForFunction(() => /^\d/.test(document.querySelector('.count')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const everything = await page.locator('.count').textContent();
  for (const query of queries) {
    // One keystroke, timed by the page itself: from the input event (User Timing) to the painted answer.
    await page.evaluate(() => performance.clearMeasures());
    await input.fill(query);
    const [answered, painted] = await page.evaluate(async () => {
      for (const started = Date.now(); Date.now() - started < 10_000; ) {
        const [answer] = performance.getEntriesByName('vigie:search-answered');
        const typed = answer?.startTime ?? Number.POSITIVE_INFINITY;
        const seen = (globalThis as unknown as { vigieBenchPaints: (PerformanceEntry & { identifier: string; renderTime: number })[] }).vigieBenchPaints;
        const paints = seen.filter((entry) => entry.identifier === 'vigie-row' && entry.renderTime > typed).map((entry) => entry.renderTime - typed);
        if (answer && paints.length > 0) return [answer.duration, Math.min(...paints)];
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('no new row painted within 10 s of the keystroke');
    });
    keystrokes.push(answered);
    paints.push(painted);
    await input.fill('');
    await page.waitForFunction((previous) => document.querySelector('.count')?.textContent === previous, everything, { polling: 'raf' });
  }
  // The baseline: the same items' texts scanned one by one, folded as the index folds them.
  const linear = await page.evaluate(async (terms) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('vigie');
      open.onsuccess = () => resolve(open.result);
    });
    const items = await new Promise<{ title: string; summary?: string; note?: string; tags: string[]; contentHtml?: string }[]>((resolve) => {
      const request = db.transaction('items').objectStore('items').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const texts = items.map((item) => [item.title, item.summary, item.note, item.tags.join(' '), item.contentHtml?.replace(/<[^>]*>/g, ' ')].join(' '));
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    return terms.map((query) => {
      const words = fold(query).split(/\s+/);
      const start = performance.now();
      texts.filter((text) => {
        const folded = fold(text);
        return words.every((word) => folded.includes(word));
      });
      return performance.now() - start;
    });
  }, queries);
  const keystrokeMs = median(keystrokes);
  const linearMs = median(linear);
  const floorMs = await keystrokeFloor(page, queries);
  report('reader-search-keystroke', {
    items: items(),
    queries: queries.length,
    medianMs: round(keystrokeMs),
    paintedMedianMs: round(median(paints)),
    linearScanMedianMs: round(linearMs),
    speedup: round(linearMs / keystrokeMs),
    // The budget: the keystroke to its painted answer, against the linear scan.
    paintedSpeedup: round(linearMs / median(paints)),
    target: 'paintedSpeedup >= 20x',
    met: linearMs / median(paints) >= 20,
    // The least any keystroke's answer can take to be painted on this machine, in the same page (see
    // keystrokeFloor), and the speed-up a search would reach if it answered in no time at all.
    paintFloorMs: round(floorMs),
    speedupAtFloor: round(linearMs / floorMs),
  });
}

/**
 * The floor of a keystroke's painted answer: in the same page, an input whose handler, at once, writes the
 * typed text into a new line (no search, no read, no framework), timed as the search is (from the handler to
 * the line's Element Timing). What remains is the browser's frame: waiting for the next one, then style,
 * layout, paint and presentation.
 */
async function keystrokeFloor(page: Page, queries: string[]): Promise<number> {
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'bench-floor';
    box.style.cssText = 'position:fixed;top:0;right:0;z-index:99;background:Canvas;padding:4px';
    const input = document.createElement('input');
    const seen: number[] = [];
    const typed: number[] = [];
    (globalThis as unknown as { vigieFloor: { seen: number[]; typed: number[] } }).vigieFloor = { seen, typed };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) if (entry.identifier === 'vigie-floor') seen.push(entry.renderTime);
    }).observe({ type: 'element' });
    input.addEventListener('input', () => {
      typed.push(performance.now());
      const line = document.createElement('p');
      line.setAttribute('elementtiming', 'vigie-floor');
      line.textContent = input.value;
      box.replaceChildren(input, line);
    });
    box.append(input);
    document.body.append(box);
  });
  const floors: number[] = [];
  for (const query of queries) {
    await page.locator('#bench-floor input').fill(query);
    floors.push(
      await page.evaluate(async () => {
        const { seen, typed } = (globalThis as unknown as { vigieFloor: { seen: number[]; typed: number[] } }).vigieFloor;
        for (const started = Date.now(); Date.now() - started < 5_000; ) {
          if (seen.length === typed.length && seen.length > 0) return seen.at(-1)! - typed.at(-1)!;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        throw new Error('the floor line was not painted within 5 s');
      }),
    );
  }
  await page.evaluate(() => document.getElementById('bench-floor')?.remove());
  return median(floors);
}

async function scrollFigures(page: Page, report: Report): Promise<void> {
  const figures = await page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('.item-list')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const frames: number[] = [];
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames.push(now);
        list.scrollTop += 60;
        if (now - start < 5000) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    observer.disconnect();
    const gaps = frames.slice(1).map((at, i) => at - (frames[i] as number));
    const sorted = [...gaps].sort((a, b) => a - b);
    return {
      frames: frames.length,
      fps: frames.length / 5,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      maxFrameMs: sorted[sorted.length - 1] ?? 0,
      longTasksOver50ms: longTasks.filter((duration) => duration > 50).length,
      scrolledPx: list.scrollTop,
    };
  });
  report('reader-scroll-5s', { items: items(), ...figures, target: 'no long task over 50 ms' });
}
