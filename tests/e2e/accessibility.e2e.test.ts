import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withEtag, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, emulateZoom, loadExtension, type LoadedExtension } from './extension';
import { invalidMarkup } from './markup';
import { VIEWPORT, type TestPage } from './page';

/**
 * What an RGAA audit checks beyond axe, in a real browser (Chromium and Firefox ESR): the keyboard alone in the
 * list and the reading pane (where focus is after each step, what the status line says), the list's place
 * in the accessibility tree, each section's tab title, the language of each item's words, the focus ring's
 * contrast as rendered, and the dashboard at 320 CSS pixels and at 200 % zoom without scrolling sideways.
 */
const entries = (prefix: string, count: number, lang?: string) =>
  Array.from({ length: count }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<item><title>${prefix} ${i + 1}</title><link>https://exemple.fr/${lang ?? 'fr'}/${i + 1}</link><guid>${lang ?? 'fr'}-${i + 1}</guid>
<pubDate>${day} Nov 2026 09:${String(i % 60).padStart(2, '0')}:00 +0100</pubDate><description>Texte ${i + 1}</description></item>`;
  }).join('\n');

const FRENCH = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Veille des collectivités</title><link>https://exemple.fr/</link><language>fr</language>
${entries('Actualité des réseaux', 24)}
</channel></rss>`;

const ENGLISH = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Platform news</title><link>https://example.com/</link><language>en-us</language>
${entries('Platform update', 6, 'en')}
</channel></rss>`;

/** The element that has focus, said as a test reads it: its tag, its class and its text (or its name). */
const focused = (page: TestPage) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    return `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60)}`;
  });

/**
 * The first thing in `main` past the window's right edge, or none: « no scrolling sideways » (RGAA 10.11). A
 * data table may scroll in its own focusable box (two-dimensional content, which 10.11 leaves out): what is
 * inside such a box is not counted, the box itself is.
 */
const sideways = (page: TestPage) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) return `the page is ${document.documentElement.scrollWidth}px wide for ${width}`;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      if (element.closest('.visually-hidden, .skip-link, .item-list, [hidden]')) continue;
      const box0 = element.parentElement?.closest<HTMLElement>('.timeline-table-scroll');
      if (box0 && box0.tabIndex >= 0 && getComputedStyle(box0).overflowX === 'auto') continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) return `${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px for ${width}`;
    }
    return 'none';
  });

describe.skipIf(!canRun)(`accessibility in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;

  beforeAll(async () => {
    server = await startServer({
      '/collectivites.xml': withEtag(FRENCH, 'application/rss+xml; charset=utf-8'),
      '/platform.xml': withEtag(ENGLISH, 'application/rss+xml; charset=utf-8'),
      '/reseaux.xml': withEtag(FRENCH.replace('Veille des collectivités', 'Réseaux sociaux publics').replaceAll('<guid>fr-', '<guid>rs-').replaceAll('exemple.fr/fr/', 'exemple.fr/rs/'), 'application/rss+xml; charset=utf-8'),
      '/site/': withEtag(
        '<!doctype html><html lang="fr"><head><title>Réseaux</title><link rel="alternate" type="application/rss+xml" title="Flux des réseaux" href="/reseaux.xml"></head><body><p>Accueil</p></body></html>',
        'text/html; charset=utf-8',
      ),
    });
    vigie = await loadExtension();
    for (const path of ['/collectivites.xml', '/platform.xml']) {
      const added = await vigie.request('addSource', { url: server.url(path) });
      expect(added.ok, added.message).toBe(true);
    }
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    await server?.close();
  });

  const openList = async () => {
    const page = await vigie.open('dashboard.html#/all');
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    return page;
  };

  it('triages with the keyboard alone: the focused row is the one Enter opens, Escape comes back to it, each save is said', async () => {
    const page = await openList();
    await page.locator('.item-row__title').first().click();
    await expect.poll(() => focused(page)).toMatch(/^h2\./);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatch(/^button\.item-row__title/);
    // ↓ three times: focus moves row by row, and Enter opens the row that has it, not the first.
    const fourth = (await page.locator('.item-row__title').nth(3).textContent())!.trim();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe(`button.item-row__title ${fourth}`);
    await page.keyboard.press('Enter');
    // The pane opens on the article's title, which has focus; the tab says which item.
    await expect.poll(() => focused(page)).toBe(`h2. ${fourth}`);
    await expect.poll(() => page.evaluate(() => document.title)).toBe(`${fourth} — Tout — Vigie`);
    // Escape closes it and puts focus back on its row.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`button.item-row__title ${fourth}`);
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Tout — Vigie');
    // s stars the focused row, and the status line says so.
    await page.keyboard.press('s');
    const row = page.locator('.item-row', { has: page.locator('.item-row__title', { hasText: fourth }) });
    await expect.poll(() => row.locator('.star').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.items-view__list > .status').textContent()).toBe('Ajouté aux favoris.');
    // The star is named by its item; Tab from the title leaves the list: one row's controls are its tab stops.
    expect(await row.locator('.star').getAttribute('aria-label')).toBe(`Favori : « ${fourth} »`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/item-row/);
    await page.close();
  });

  it('keeps focus where the member works: a tag removed, the note saved, the checked items unchecked', async () => {
    const page = await openList();
    await page.locator('.item-row__title').nth(1).click();
    await expect.poll(() => focused(page)).toMatch(/^h2\./);
    const field = page.getByRole('combobox', { name: 'Ajouter une étiquette' });
    await field.fill('rgpd');
    await field.press('Enter');
    await expect.poll(() => page.locator('.items-view__list > .status').textContent()).toBe('Étiquette ajoutée.');
    await page.getByRole('button', { name: /^Retirer l'étiquette « Réglementation/ }).click();
    // The button went with its tag: focus is on the field that adds tags, and the removal is said.
    await expect.poll(() => focused(page)).toMatch(/^input\./);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBeTruthy();
    await expect.poll(() => page.locator('.items-view__list > .status').textContent()).toBe('Étiquette retirée.');
    await page.getByLabel('Note (conseil : que faire ?)').fill('À relire');
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await expect.poll(() => page.locator('.reading-pane__triage [role="status"]').textContent()).toBe('Note enregistrée.');
    expect(await focused(page)).toMatch(/^button\.button Enregistrer la note/);
    await page.getByRole('button', { name: 'Fermer' }).click();
    // Two rows checked, then « Tout décocher »: the bar goes, focus comes back to the list's row.
    await page.getByRole('checkbox', { name: /^Cocher « Actualité des réseaux 24 »/ }).check();
    await page.getByRole('checkbox', { name: /^Cocher « Actualité des réseaux 23 »/ }).check();
    await expect.poll(() => page.locator('.items-view__list > p.visually-hidden[role="status"]').textContent()).toBe('2 cochés');
    await page.getByRole('button', { name: 'Tout décocher' }).click();
    await expect.poll(() => focused(page)).toMatch(/^button\.item-row__title|^div\.item-list/);
    // In « Non lus », m reads the focused row, which leaves the list: focus is on the row now in its place.
    await page.goto(page.url().replace(/#.*/, '#/unread'));
    // The previous view's list stays on screen, marked busy, until the unread one is read: its rows are not the ones to read.
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Non lus — Vigie');
    await expect.poll(() => page.locator('.item-list').getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const [first, second] = (await page.locator('.item-row__title').allTextContents()).map((title) => title.trim());
    await page.locator('.item-row__title').first().press('m');
    await expect.poll(() => focused(page)).toBe(`button.item-row__title ${second}`);
    expect(await page.locator('.item-row__title', { hasText: first! }).count()).toBe(0);
    // Two rows checked and read from the bar: they leave « Non lus », the bar with them; focus is not dropped.
    const rows = (await page.locator('.item-row__title').allTextContents()).map((title) => title.trim());
    for (const title of rows.slice(0, 2)) await page.getByRole('checkbox', { name: `Cocher « ${title} »` }).check();
    await page.getByRole('group', { name: 'Actions sur la sélection' }).getByRole('button', { name: 'Marquer lu' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Actions sur la sélection' }).count()).toBe(0);
    await expect.poll(() => focused(page)).not.toBe('body');
    await page.close();
  });

  it('writes a rule and adds a past event with the keyboard, focus where the next step is after each', async () => {
    const page = await vigie.open('dashboard.html#/rules');
    await page.locator('main h1').waitFor();
    // « Nouvelle règle » takes focus to the rule's name; Enter on « Enregistrer » saves and focus stays there.
    await page.getByRole('button', { name: 'Nouvelle règle' }).press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent)).toBe('Nom (obligatoire)');
    await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Scrutins (clavier)');
    await page.getByLabel('Termes, un par ligne').first().fill('scrutin');
    const save = page.getByRole('button', { name: 'Enregistrer', exact: true });
    await save.press('Enter');
    await expect.poll(() => page.locator('.rule-editor [role="status"]').textContent()).toBe('Règle enregistrée.');
    expect(await focused(page)).toBe('button.button Enregistrer');
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    await page.close();

    // A past event on the Diagnostic: added with Enter, then focus is on the date of the next one.
    const timeline = await vigie.open('dashboard.html#/timeline');
    await timeline.getByLabel("Date de l'événement").fill('2019-03-01');
    await timeline.getByLabel('Titre (obligatoire)', { exact: true }).fill('Fin des groupes secrets');
    await timeline.getByLabel('Catégorie (obligatoire)', { exact: true }).selectOption({ label: 'Groupes' });
    await timeline.getByRole('button', { name: 'Ajouter à la chronologie' }).press('Enter');
    await expect.poll(() => timeline.locator('main').textContent()).toContain('Événement ajouté : Fin des groupes secrets');
    await expect.poll(() => timeline.evaluate(() => document.activeElement?.id ?? '')).toBe('timeline-event-date');
    await timeline.close();
  });

  it('adds a source and exports the digest with the keyboard alone, focus where the next step is after each', async () => {
    const page = await vigie.open('dashboard.html#/sources');
    const address = page.getByLabel("Adresse d'un flux ou d'une page web", { exact: false });
    // Enter in the address searches; focus goes to the feed found, chosen already.
    await address.fill(server.url('/site/'));
    await address.press('Enter');
    const focusedRadio = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio' && (document.activeElement as HTMLInputElement).checked);
    await expect.poll(focusedRadio, { timeout: 5000 }).toBe(true);
    await expect.poll(() => page.locator('.admin-status, [role="status"]').allTextContents()).toContain('1 flux trouvé.');
    // Tab to the category, type it, Enter adds the source: said, and focus back on the address for the next one.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent)).toBe('Catégorie');
    // What has focus gets the words (the test's way of typing where the keyboard is).
    await page.locator(':focus').fill('Clavier');
    await page.locator(':focus').press('Enter');
    await expect.poll(() => page.locator('[role="status"]').allTextContents(), { timeout: 5000 }).toContain('Source « Réseaux sociaux publics » ajoutée.');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent)).toMatch(/^Adresse d'un flux ou d'une page web/);
    await page.close();
    // Gone again, so that the other tests count the list they expect.
    const added = ((await vigie.request('summary')).result.sources as { id: string; url: string }[]).find((source) => source.url === server.url('/reseaux.xml'));
    expect((await vigie.request('removeSource', { id: added!.id, keepItems: false })).ok).toBe(true);

    // The digest: the period chosen with the arrows (the radio group), the file exported with Enter.
    const digest = await vigie.open('dashboard.html#/digest');
    const weekly = digest.getByRole('radio', { name: /^Semaine/ });
    await expect.poll(() => weekly.isChecked()).toBe(true);
    await weekly.press('ArrowDown');
    const chosen = await digest.evaluate(() => (document.activeElement as HTMLInputElement).value);
    expect(chosen).not.toBe('weekly');
    expect(await digest.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    const exportButton = digest.getByRole('button', { name: 'Exporter en Markdown' });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    const file = await vigie.download(digest, () => exportButton.press('Enter'));
    expect(file.name).toMatch(/\.md$/);
    await expect.poll(() => digest.locator('.digest__status').textContent()).toBe(`Fichier ${file.name} prêt dans vos téléchargements.`);
    expect(await focused(digest)).toBe('button.button Exporter en Markdown');
    await digest.close();
  });

  it('ties a refused regular expression to its field, in words', async () => {
    const page = await vigie.open('dashboard.html#/rules');
    await page.getByRole('button', { name: 'Nouvelle règle' }).click();
    await page.getByLabel('Lus comme').first().selectOption('regex');
    const terms = page.getByLabel('Termes, un par ligne').first();
    await terms.fill('(municipales');
    await expect.poll(() => terms.getAttribute('aria-invalid')).toBe('true');
    const described = (await terms.getAttribute('aria-describedby'))!.split(' ');
    const problem = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '', described[0]!);
    expect(problem).toContain('(municipales');
    await terms.fill('municipales?');
    await expect.poll(() => terms.getAttribute('aria-invalid')).toBe(null);
    await page.close();
  });

  it('gives each rendered row its place in the whole list, and each section its tab title and its heading focus', async () => {
    const page = await openList();
    const total = await page.locator('.item-row').count();
    const [setSize, positions] = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('.item-row[aria-setsize]'));
      return [rows[0]?.getAttribute('aria-setsize'), rows.slice(0, 3).map((row) => row.getAttribute('aria-posinset'))];
    });
    // The whole list's size, as its header counts it (30 from the feeds, and a past event if one was added).
    const listedCount = async () => Number(((await page.locator('.items-view__bar > .count').textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(listedCount).toBeGreaterThanOrEqual(30);
    const listed = await listedCount();
    expect(Number(setSize)).toBe(listed);
    expect(total).toBeLessThan(listed);
    expect(positions).toEqual(['1', '2', '3']);
    expect(await page.evaluate(() => document.title)).toBe('Tout — Vigie');
    // Changing section: the title follows, and focus goes to the new section's heading (heard by a screen reader).
    await page.getByRole('link', { name: 'Règles', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Règles — Vigie');
    await expect.poll(() => focused(page)).toBe('h1. Règles');
    await page.getByRole('link', { name: /^Alertes/ }).click();
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Alertes — Vigie');
    await expect.poll(() => focused(page)).toBe('h1. Alertes');
    await page.close();
  });

  it("marks each item's words with its language: English from an English feed, nothing added to French", async () => {
    const page = await vigie.open('dashboard.html#/all');
    await page.getByLabel('Rechercher').fill('platform update');
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBe(6);
    expect(new Set(await page.evaluate(() => Array.from(document.querySelectorAll('.item-row__title')).map((title) => title.getAttribute('lang'))))).toEqual(
      new Set(['en-US']),
    );
    await page.locator('.item-row__title').first().click();
    await expect.poll(() => page.locator('#reading-title').getAttribute('lang')).toBe('en-US');
    expect(await page.locator('.reading-pane__content').getAttribute('lang')).toBe('en-US');
    await page.getByLabel('Rechercher').fill('actualite des reseaux 1');
    await expect.poll(() => page.locator('.item-row__title').first().getAttribute('lang')).toBe('fr');
    await page.close();
  });

  it('draws the focus ring at 3:1 or more against the background it sits on, as rendered', async () => {
    const page = await openList();
    const contrasts = await page.evaluate(() => {
      const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const [lr, lg, lb] = [r, g, b].map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
      };
      // The background the ring is drawn on: the nearest opaque one around the element.
      const background = (element: Element | null): number[] => {
        for (let node = element; node; node = node.parentElement) {
          const colour = rgb(getComputedStyle(node).backgroundColor);
          if (colour.length === 3 || (colour[3] ?? 0) > 0.5) return colour.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const ratio = (a: number[], b: number[]) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x! + 0.05) / (y! + 0.05);
      };
      const hex = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
      const ring = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const targets = ['.nav a[aria-current="page"]', '.nav a:not([aria-current])', '.item-row__title', '.items-view__bar button', '.filters input'];
      // The ring is drawn outside the element (outline-offset): on the background around it.
      return targets.map((selector) => ({ selector, ratio: Number(ratio(ring, background(document.querySelector(selector)!.parentElement)).toFixed(2)) }));
    });
    for (const { selector, ratio } of contrasts) expect(ratio, selector).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('has no serious or critical axe violation and no invalid markup (RGAA 8.2) in any section, an item open and the popup', async () => {
    const page = await openList();
    const found: string[] = [];
    for (const hash of ['#/all', '#/unread', '#/starred', '#/clips', '#/alerts', '#/copil', '#/digest', '#/timeline', '#/rules', '#/sources', '#/settings']) {
      await page.goto(page.url().replace(/#.*/, hash));
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page)).map((violation) => `${hash}: ${violation}`));
      found.push(...(await invalidMarkup(page)).map((problem) => `${hash}: ${problem}`));
    }
    await page.goto(page.url().replace(/#.*/, '#/all'));
    await page.locator('.item-row__title').first().click();
    await page.locator('#reading-title').waitFor();
    found.push(...(await seriousViolations(page)).map((violation) => `item: ${violation}`));
    found.push(...(await invalidMarkup(page)).map((problem) => `item: ${problem}`));
    await page.close();
    const popup = await vigie.open('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tablist').waitFor();
    found.push(...(await seriousViolations(popup)).map((violation) => `popup: ${violation}`));
    found.push(...(await invalidMarkup(popup)).map((problem) => `popup: ${problem}`));
    await popup.close();
    expect(found).toEqual([]);
  });

  it('loses nothing under the text spacing a member may set (RGAA 10.12): every section, an item open, the popup', async () => {
    // WCAG's text spacing: line height 1.5, paragraphs spaced 2 em, letters 0.12 em, words 0.16 em, imposed on
    // everything as a reader's style sheet or a bookmarklet would.
    const spacing = () =>
      `(() => { const style = document.createElement('style'); style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }'; document.head.append(style); })()`;
    // Content cut off: a box that hides what overflows it and holds more than it shows, top to bottom (a line
    // ended by « … » on purpose is not counted: the full text is in the opened item, or in its title).
    const clipped = (page: TestPage) =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          if (element.closest('.visually-hidden, [hidden], [aria-hidden="true"]') || element.getClientRects().length === 0) continue;
          const style = getComputedStyle(element);
          const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
          if (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1 && element.textContent?.trim()) {
            found.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.scrollHeight}px of text in ${element.clientHeight}px`);
          }
        }
        return found.slice(0, 5);
      });
    const page = await openList();
    const found: string[] = [];
    for (const hash of ['#/all', '#/alerts', '#/copil', '#/digest', '#/timeline', '#/rules', '#/sources', '#/settings']) {
      await page.goto(page.url().replace(/#.*/, hash));
      await page.locator('main h1').waitFor();
      await page.evaluate(spacing());
      await page.waitForTimeout(300);
      found.push(...(await clipped(page)).map((problem) => `${hash}: ${problem}`));
    }
    await page.goto(page.url().replace(/#.*/, '#/all'));
    await page.evaluate(spacing());
    await page.locator('.item-row__title').first().click();
    await page.locator('#reading-title').waitFor();
    await page.waitForTimeout(300);
    found.push(...(await clipped(page)).map((problem) => `item: ${problem}`));
    await page.screenshot({ path: artifact('dashboard-text-spacing.png') });
    await page.close();
    const popup = await vigie.open('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tablist').waitFor();
    await popup.evaluate(spacing());
    const tabs = popup.getByRole('tab');
    for (let n = 0; n < (await tabs.count()); n++) {
      await tabs.nth(n).click();
      await popup.waitForTimeout(200);
      found.push(...(await clipped(popup)).map((problem) => `popup ${n}: ${problem}`));
    }
    await popup.close();
    expect(found).toEqual([]);
  });

  it('reflows the popup zoomed to 250 % (320 CSS pixels, the width a browser leaves it): no tab scrolls sideways, each reachable; 400 pixels unzoomed', async () => {
    const popup = await vigie.open('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tablist').waitFor();
    const bodyWidth = () => popup.evaluate(() => Math.round(document.body.getBoundingClientRect().width));
    expect(await bodyWidth()).toBe(400);
    await emulateZoom(popup, { width: 320, height: 600 }, 2.5);
    // 300 pixels of content, so that with its scrollbar the popup stays within the window's 320.
    await expect.poll(bodyWidth).toBe(300);
    const wide = () =>
      popup.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > width + 1) return `the popup is ${document.documentElement.scrollWidth}px wide for ${width}`;
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          if (element.closest('.visually-hidden, [hidden]')) continue;
          const box = element.getBoundingClientRect();
          if (box.width > 0 && box.right > width + 1) return `${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px for ${width}`;
        }
        return 'none';
      });
    const problems: string[] = [];
    const tabs = popup.getByRole('tab');
    for (let n = 0; n < (await tabs.count()); n++) {
      await tabs.nth(n).click();
      await expect.poll(() => tabs.nth(n).getAttribute('aria-selected')).toBe('true');
      await popup.waitForTimeout(200);
      const found = await wide();
      if (found !== 'none') problems.push(`${await tabs.nth(n).textContent()}: ${found}`);
    }
    expect(problems).toEqual([]);
    await popup.screenshot({ path: artifact('popup-320.png') });
    await popup.close();
  });

  for (const [name, size] of [
    ['320 CSS pixels (400 % zoom of 1280)', { width: 320, height: 640 }],
    ['200 % zoom of 1280 × 800', { width: 640, height: 400 }],
  ] as const) {
    it(`reflows at ${name}: no section scrolls sideways, the menu folds, an opened item takes the width`, async () => {
      const page = await openList();
      await page.setViewportSize(size);
      const sections = ['#/all', '#/alerts', '#/copil', '#/digest', '#/timeline', '#/rules', '#/sources', '#/settings'];
      const problems: string[] = [];
      for (const hash of sections) {
        await page.goto(page.url().replace(/#.*/, hash));
        await page.locator('main h1').waitFor();
        // Lazy sections draw after their heading: a moment for them to settle.
        await page.waitForTimeout(300);
        const found = await sideways(page);
        if (found !== 'none') problems.push(`${hash}: ${found}`);
      }
      expect(problems).toEqual([]);
      // The menu is folded under « Menu », which unfolds it.
      await page.goto(page.url().replace(/#.*/, '#/all'));
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: 'Règles', exact: true }).count()).toBe(0);
      await menu.click();
      await expect.poll(() => page.getByRole('link', { name: 'Règles', exact: true }).count()).toBe(1);
      await menu.click();
      // An opened item takes the width, its controls reachable; « Fermer » brings the list back.
      await page.locator('.item-row__title').first().click();
      await expect.poll(() => page.locator('.items-view__list').isVisible()).toBe(false);
      await page.getByLabel('Note (conseil : que faire ?)').waitFor();
      expect(await sideways(page)).toBe('none');
      await page.screenshot({ path: artifact(`dashboard-${size.width}-item.png`) });
      await page.getByRole('button', { name: 'Fermer' }).click();
      await expect.poll(() => page.locator('.items-view__list').isVisible()).toBe(true);
      await page.screenshot({ path: artifact(`dashboard-${size.width}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize(VIEWPORT);
      await page.close();
    });
  }
});
