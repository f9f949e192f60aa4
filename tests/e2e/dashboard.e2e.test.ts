import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackedTerms } from '../../lib/reader/packed-terms';
import { startServer, withEtag, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import { VIEWPORT, type TestPage } from './page';

/**
 * The dashboard in a real browser (Chromium and Firefox ESR): items listed, found by an accent-free word, opened; a hostile item stays
 * inert; a tag, a note and an impact survive a browser restart; bulk actions on checked items; no serious
 * accessibility violation.
 */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Veille tableau de bord</title><link>https://exemple.fr/</link>
<item><title>Réglementation européenne : le DSA et les Pages des collectivités</title><link>https://exemple.fr/dsa</link><guid>d-1</guid>
<pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate><description>&lt;p&gt;Ce que change le &lt;b&gt;règlement&lt;/b&gt; pour la modération.&lt;/p&gt;</description></item>
<item><title>Élément piégé</title><link>javascript:window.__vigiePwned=1</link><guid>d-2</guid>
<pubDate>Tue, 24 Nov 2026 09:00:00 +0100</pubDate><description>&lt;p onclick="window.__vigiePwned=1"&gt;Texte&lt;/p&gt;&lt;img src="x" onerror="window.__vigiePwned=1"&gt;&lt;script&gt;window.__vigiePwned=1&lt;/script&gt;&lt;a href="javascript:window.__vigiePwned=1"&gt;lien&lt;/a&gt;&lt;iframe src="https://exemple.fr/"&gt;&lt;/iframe&gt;</description></item>
<item><title>Algorithme : la portée organique baisse encore</title><link>https://exemple.fr/portee</link><guid>d-3</guid>
<pubDate>Wed, 25 Nov 2026 09:00:00 +0100</pubDate><description>Les Reels gagnent du terrain.</description></item>
</channel></rss>`;

describe.skipIf(!canRun)(`dashboard in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;

  beforeAll(async () => {
    server = await startServer({ '/veille.xml': withEtag(FEED, 'application/rss+xml; charset=utf-8') });
    vigie = await loadExtension();
    const added = await vigie.request('addSource', { url: server.url('/veille.xml') });
    expect(added.ok, added.message).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    // The restarted browser reused a kept profile: it is removed here.
    if (vigie) rmSync(vigie.profile, { recursive: true, force: true });
    await server?.close();
  });

  it('lists the items and finds one by an accent-free word', async () => {
    const page = await vigie.open('dashboard.html#/all');
    await expect.poll(() => page.locator('.item-row__title').allTextContents(), { timeout: 10_000 }).toContain(
      'Réglementation européenne : le DSA et les Pages des collectivités',
    );
    await page.getByLabel('Rechercher').fill('reglementation europeenne');
    await expect.poll(() => page.locator('.item-row__title').allTextContents(), { timeout: 10_000 }).toEqual([
      'Réglementation européenne : le DSA et les Pages des collectivités',
    ]);
    // The words searched are marked in the title, as the search found them (without accents).
    expect(await page.locator('.item-row__title mark').allTextContents()).toEqual(['Réglementation', 'européenne']);
    // The list's header counts in French: one item is « 1 élément ».
    await expect.poll(() => page.locator('.items-view__bar > .count').textContent()).toBe('1 élément');
    // The answer's row is drawn with its item, never as an empty line waiting for it.
    expect(await page.locator('.item-list .item-row--loading').count()).toBe(0);
    await page.screenshot({ path: artifact('dashboard-search.png') });
    await page.getByLabel('Rechercher').fill('');
    await expect.poll(() => page.locator('.item-row__title').count()).toBe(3);
    expect(await page.locator('.items-view__bar > .count').textContent()).toBe('3 éléments');
    await page.close();
  });

  it('keeps the search index between two openings: the next dashboard restores it and catches up on what changed meanwhile', async () => {
    const page = await vigie.open('dashboard.html#/all');
    const form = page.locator('form.filters');
    await expect.poll(() => form.getAttribute('data-search-ready'), { timeout: 10_000 }).toBe('true');
    // Saved a few seconds after it was built, in its own database beside Vigie's.
    const saved = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('vigie-search');
            open.onsuccess = () => {
              const db = open.result;
              const names = Array.from(db.objectStoreNames);
              if (!names.includes('head')) return resolve(-1);
              const get = db.transaction('head').objectStore('head').get('head');
              get.onsuccess = () => resolve((get.result as { journal?: number } | undefined)?.journal ?? -1);
            };
            open.onerror = () => resolve(-1);
          }),
      );
    await expect.poll(saved, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
    const porteeId = await page.locator('li.item-row', { hasText: 'Algorithme' }).getAttribute('data-item-id');
    await page.close();

    // While no dashboard is open, the member notes an item (from the popup, say): a word found nowhere else.
    const portee = { id: porteeId! };
    expect((await vigie.request('updateItems', { ids: [portee.id], patch: { note: 'Prévenir la médiathèque' } })).ok).toBe(true);

    const again = await vigie.open('dashboard.html#/all');
    const againForm = again.locator('form.filters');
    await expect.poll(() => againForm.getAttribute('data-search-ready'), { timeout: 10_000 }).toBe('true');
    expect(await againForm.getAttribute('data-search-origin')).toBe('restored');
    await again.getByLabel('Rechercher').fill('mediatheque');
    await expect.poll(() => again.locator('.item-row__title').allTextContents(), { timeout: 10_000 }).toEqual(['Algorithme : la portée organique baisse encore']);
    await again.getByLabel('Rechercher').fill('');
    await expect.poll(() => again.locator('.item-row__title').count()).toBe(3);
    expect((await vigie.request('updateItems', { ids: [portee.id], patch: { note: null } })).ok).toBe(true);
    await again.close();
  });

  it('restores a search index saved by Vigie 0.9 (numbers four bytes each, no order of its ids) without building it again, and saves it again as today’s', async () => {
    // The index the previous test saved, read out of the browser as plain numbers.
    type Part = { terms: string; slots: number[]; lengths: number[]; sizes?: number[]; register: number[]; pieces: number; numbers: number[] };
    const readParts = (page: TestPage) =>
      page.evaluate(
        () =>
          new Promise<Part[]>((resolve) => {
            const open = indexedDB.open('vigie-search');
            open.onsuccess = () => {
              const tx = open.result.transaction('parts');
              const get = tx.objectStore('parts').getAll();
              const keys = tx.objectStore('parts').getAllKeys();
              tx.oncomplete = () => {
                const byKey = new Map((keys.result as string[]).map((key, n) => [key, get.result[n]]));
                const plain = (name: string) => {
                  const part = byKey.get(name) as Record<string, unknown> & { pieces: number };
                  const pieces = Array.from({ length: part.pieces }, (_, n) => Array.from(byKey.get(`${name}:${n}`) as ArrayLike<number>));
                  const list = (key: string) => (part[key] ? Array.from(part[key] as ArrayLike<number>) : undefined);
                  return { terms: part.terms as string, slots: list('slots')!, lengths: list('lengths')!, sizes: list('sizes'), register: list('register')!, pieces: part.pieces, numbers: pieces.flat() };
                };
                open.result.close();
                resolve(['text', 'annotations'].map(plain));
              };
            };
          }),
      );
    const page = await vigie.open('dashboard.html#/all');
    await expect.poll(() => page.locator('form.filters').getAttribute('data-search-ready'), { timeout: 10_000 }).toBe('true');
    const saved = await readParts(page);
    expect(saved.every((part) => part.sizes !== undefined)).toBe(true);
    // Unpacked here (lib/reader/packed-terms.ts), then written back as 0.9 wrote them: numbers, no sizes.
    const old = saved.map(({ sizes, numbers, ...part }) => {
      const terms = new PackedTerms({ ...part, slots: Uint8Array.from(part.slots), lengths: Uint32Array.from(part.lengths), sizes: Uint32Array.from(sizes!), register: Uint32Array.from(part.register), numbers: Uint8Array.from(numbers) });
      return { ...part, numbers: [...terms.values()].flat(2) };
    });
    await page.evaluate(
      (parts) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('vigie-search');
          open.onsuccess = () => {
            const tx = open.result.transaction(['parts', 'head'], 'readwrite');
            // 0.9's head had no order of its ids.
            const head = tx.objectStore('head').get('head');
            head.onsuccess = () => {
              const { order: _order, ...old } = head.result as Record<string, unknown>;
              tx.objectStore('head').put(old, 'head');
            };
            const store = tx.objectStore('parts');
            store.clear();
            parts.forEach(({ numbers, ...part }, n) => {
              const name = n === 0 ? 'text' : 'annotations';
              store.put({ terms: part.terms, slots: Uint8Array.from(part.slots), lengths: Uint32Array.from(part.lengths), register: Uint32Array.from(part.register), pieces: numbers.length ? 1 : 0 }, name);
              if (numbers.length) store.put(Uint32Array.from(numbers), `${name}:0`);
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      old,
    );
    await page.close();

    const again = await vigie.open('dashboard.html#/all');
    const form = again.locator('form.filters');
    await expect.poll(() => form.getAttribute('data-search-ready'), { timeout: 10_000 }).toBe('true');
    expect(await form.getAttribute('data-search-origin')).toBe('restored');
    await again.getByLabel('Rechercher').fill('reglementation europeenne');
    await expect.poll(() => again.locator('.item-row__title').allTextContents(), { timeout: 10_000 }).toEqual(['Réglementation européenne : le DSA et les Pages des collectivités']);
    await again.getByLabel('Rechercher').fill('');
    // Saved again a few seconds later, as today's bytes: the next opening does not repack it.
    await expect.poll(async () => (await readParts(again)).every((part) => part.sizes !== undefined), { timeout: 20_000 }).toBe(true);
    const repacked = await readParts(again);
    expect(repacked.map((part) => part.numbers.length)).toEqual(saved.map((part) => part.numbers.length));
    await again.close();
  });

  it('shows a hostile item inert: no script, no handler, no javascript: link', async () => {
    const page = await vigie.open('dashboard.html#/all');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('.item-row__title', { hasText: 'Élément piégé' }).click();
    const pane = page.locator('.reading-pane');
    await expect.poll(() => pane.locator('h2').textContent()).toBe('Élément piégé');
    await pane.locator('.reading-pane__content p').click();
    const html = await pane.locator('.reading-pane__content').innerHTML();
    expect(html).not.toMatch(/onerror|onclick|<script|javascript:|<iframe/i);
    // No link to the original: the feed's only link was javascript:.
    expect(await pane.getByText("Ouvrir l'article").count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __vigiePwned?: number }).__vigiePwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('keeps a tag, a note and an impact across a browser restart', async () => {
    const page = await vigie.open('dashboard.html#/all');
    await page.locator('.item-row__title', { hasText: 'Algorithme : la portée' }).click();
    const pane = page.locator('.reading-pane');
    await pane.getByRole('combobox', { name: 'Ajouter une étiquette' }).fill('portee');
    await pane.getByRole('combobox', { name: 'Ajouter une étiquette' }).press('Enter');
    await expect.poll(() => pane.locator('.tag-list').textContent()).toContain('Algorithme / portée');
    await pane.getByLabel('Impact').selectOption('high');
    await pane.getByLabel('Statut').selectOption('reviewed');
    await pane.getByLabel('Note (conseil : que faire ?)').fill('Prévoir plus de Reels dans le calendrier éditorial.');
    await pane.getByRole('button', { name: 'Enregistrer la note' }).click();
    // Nothing more to save, said by aria-disabled: the button keeps focus rather than drop it to the page.
    await expect.poll(() => pane.getByRole('button', { name: 'Enregistrer la note' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Enregistrer la note');
    // Said where the member looks, politely.
    await expect.poll(() => pane.locator('.reading-pane__triage [role="status"]').textContent()).toBe('Note enregistrée.');
    await page.screenshot({ path: artifact('dashboard.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // A wide screen: the list and the article share it.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifact('dashboard-1920.png') });
    await page.setViewportSize(VIEWPORT);
    await page.close();

    const { profile } = vigie;
    await vigie.close({ keepProfile: true });
    vigie = await loadExtension({ profile });
    const again = await vigie.open('dashboard.html#/all');
    await again.locator('.item-row__title', { hasText: 'Algorithme : la portée' }).click();
    const reopened = again.locator('.reading-pane');
    await expect.poll(() => reopened.locator('.tag-list').textContent()).toContain('Algorithme / portée');
    expect(await reopened.getByLabel('Impact').inputValue()).toBe('high');
    expect(await reopened.getByLabel('Statut').inputValue()).toBe('reviewed');
    expect(await reopened.getByLabel('Note (conseil : que faire ?)').inputValue()).toBe('Prévoir plus de Reels dans le calendrier éditorial.');
    await again.close();
  }, 60_000);

  it('has no serious or critical accessibility violation in the popup', async () => {
    const popup = await vigie.open('popup.html');
    await expect.poll(() => popup.locator('.item').count()).toBeGreaterThan(0);
    await popup.setViewportSize({ width: 400, height: 800 });
    await popup.screenshot({ path: artifact('popup-news.png'), fullPage: true });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('tab', { name: /^Sources/ }).click();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('shows the dashboard and the popup in the dark theme of a system set dark, without serious accessibility violations', async () => {
    // A profile started dark: Firefox cannot switch the theme of a running page (see tests/e2e/firefox-page.ts).
    const dark = await loadExtension({ colorScheme: 'dark' });
    try {
      expect((await dark.request('addSource', { url: server.url('/veille.xml') })).ok).toBe(true);
      const background = (page: TestPage) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const page = await dark.open('dashboard.html#/all');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator('.item-row__title', { hasText: 'Algorithme : la portée' }).click();
      await expect.poll(() => page.locator('.reading-pane h2').textContent()).toBe('Algorithme : la portée organique baisse encore');
      // Dark for real: the page's background is close to black.
      const [red = 255, green = 255, blue = 255] = ((await background(page)).match(/\d+/g) ?? []).map(Number);
      expect(red + green + blue).toBeLessThan(150);
      await page.screenshot({ path: artifact('dashboard-dark.png') });
      expect(await seriousViolations(page)).toEqual([]);
      const popup = await dark.open('popup.html');
      await popup.setViewportSize({ width: 400, height: 700 });
      await expect.poll(() => popup.locator('.item').count()).toBeGreaterThan(0);
      await popup.screenshot({ path: artifact('popup-dark.png') });
      expect(await seriousViolations(popup)).toEqual([]);
    } finally {
      await dark.close();
    }
  }, 60_000);

  it('marks read, stars and tags the checked items at once, and a reload shows it stored', async () => {
    const page = await vigie.open('dashboard.html#/all');
    const row = (title: string) => page.locator('.item-row', { has: page.locator('.item-row__title', { hasText: title }) });
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('checkbox', { name: /Cocher « Réglementation européenne/ }).check();
    await page.getByRole('checkbox', { name: 'Cocher « Élément piégé »' }).check();
    const bulk = page.getByRole('group', { name: 'Actions sur la sélection' });
    await expect.poll(() => bulk.textContent()).toContain('2 cochés');
    await bulk.getByRole('button', { name: 'Marquer lu' }).click();
    await bulk.getByRole('button', { name: 'Mettre en favori' }).click();
    const picker = bulk.getByRole('combobox', { name: 'Ajouter une étiquette aux éléments cochés' });
    await picker.fill('rgpd');
    await picker.press('Enter');
    for (const title of ['Réglementation européenne', 'Élément piégé']) {
      await expect.poll(() => row(title).getAttribute('class')).toContain('item-row--read');
      await expect.poll(() => row(title).getByRole('button', { name: 'Favori' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => row(title).locator('.item-row__meta').textContent()).toContain('Réglementation (DSA, RGPD, TTPA)');
    }
    // The third, unchecked, is left as it was: not starred.
    expect(await row('Algorithme : la portée').getByRole('button', { name: 'Favori' }).getAttribute('aria-pressed')).toBe('false');
    // The navigation counts what is still unread: beside the source, « Non lus » and « Favoris » (both
    // favourites are read: no figure), in words for a screen reader.
    const unread = await page.locator('.item-row:not(.item-row--read)').count();
    const navUnread = (name: string) => page.locator('.nav a', { has: page.locator('.nav__label', { hasText: name }) }).locator('.visually-hidden').allTextContents();
    const said = unread === 0 ? [] : [` (${unread} non ${unread === 1 ? 'lu' : 'lus'})`];
    await expect.poll(() => navUnread('Veille tableau de bord')).toEqual(said);
    await expect.poll(() => navUnread('Non lus')).toEqual(said);
    await expect.poll(() => navUnread('Favoris')).toEqual([]);
    await expect.poll(() => navUnread('Réglementation (DSA')).toEqual([]);

    await page.reload();
    await expect.poll(() => row('Élément piégé').getByRole('button', { name: 'Favori' }).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await row('Réglementation européenne').getAttribute('class')).toContain('item-row--read');
    // Named from the first frame: the source and the tag's label, not its bare id.
    const meta = await row('Réglementation européenne').locator('.item-row__meta').textContent();
    expect(meta).toContain('Veille tableau de bord');
    expect(meta).toContain('Réglementation (DSA, RGPD, TTPA)');
    await page.close();
  });

  it('lists the keyboard shortcuts on « ? », and marks read what is older than a day after asking', async () => {
    // Every article unread again (the tests before read some).
    const latest = (await vigie.request('summary')).result.latest as { id: string }[];
    expect((await vigie.request('updateItems', { ids: latest.map((item) => item.id), patch: { read: false } })).ok).toBe(true);
    const page = await vigie.open('dashboard.html#/unread');
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('.item-list').press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Raccourcis clavier de la liste' });
    await expect.poll(() => shortcuts.count()).toBe(1);
    expect(await shortcuts.textContent()).toContain('Élément suivant');
    await shortcuts.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const unread = await page.locator('.item-row__title').count();
    await page.getByRole('button', { name: 'Tout marquer comme lu (plus d’un jour)' }).click();
    await page.getByRole('dialog', { name: 'Marquer comme lus les éléments arrivés il y a plus d’un jour ?' }).getByRole('button', { name: 'Marquer comme lus' }).click();
    // The fixtures' articles are two weeks old: every unread one goes.
    await expect.poll(() => page.locator('.items-view__list > .status').textContent()).toBe(unread === 1 ? '1 élément marqué comme lu.' : `${unread} éléments marqués comme lus.`);
    await expect.poll(() => page.locator('.item-row__title').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
