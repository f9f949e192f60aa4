import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withEtag, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, BROWSER, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import { ownedState } from './owned';
import type { TestPage } from './page';

/**
 * The dashboard's Sources and Paramètres screens in a real browser (Chromium and Firefox ESR), driven as a member would: OPML import
 * through the file picker, adding a source found on a page, editing and deleting, the data backup (an
 * invalid file changes nothing), erasing everything, and switching the interface to English.
 */
const FEED = readFileSync('tests/fixtures/e2e/veille-iso-8859-1.xml');

describe.skipIf(!canRun)(`dashboard admin screens in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;
  let files: string;

  const file = (name: string, text: string) => {
    const path = join(files, name);
    writeFileSync(path, text);
    return path;
  };
  const status = (page: TestPage) => page.locator('.admin-status');
  const sourceCount = async () => (await vigie.request('listSources')).result.length as number;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'vigie-admin-'));
    server = await startServer({
      '/flux.xml': withEtag(FEED, 'application/rss+xml'),
      '/site/': (_, response) => {
        response
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><head><title>Site de la veille</title><link rel="alternate" type="application/rss+xml" title="Flux du site" href="/flux.xml"></head><body>Bonjour</body></html>');
      },
      '/sans-flux.html': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><head><title>Rien</title></head></html>');
      },
    });
    vigie = await loadExtension();
    expect((await vigie.request('updateSettings', { fetchTimeoutSeconds: 2 })).ok).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('imports an OPML file chosen in the Sources screen and lists its sources by category', async () => {
    const page = await vigie.open('dashboard.html#/sources');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sources');
    const opml = file(
      'sources.opml',
      `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="Tests e2e">
        <outline type="rss" text="Préfecture (test)" xmlUrl="${server.url('/prefecture.xml')}"/>
        <outline type="rss" text="Université (test)" xmlUrl="${server.url('/universite.xml')}"/></outline></body></opml>`,
    );
    await page.locator('[data-testid="opml-file"]').setInputFiles(opml);
    await expect.poll(() => status(page).textContent()).toMatch(/Sources ajoutées : 2\. Ignorées \(déjà suivies ou adresse invalide\) : 0/);
    const group = page.locator('.source-group', { has: page.locator('h3', { hasText: 'Tests e2e' }) });
    await expect.poll(() => group.locator('.source-row__title').allTextContents()).toEqual(['Préfecture (test)', 'Université (test)']);
    // An invalid file is refused in words and adds nothing.
    const before = await sourceCount();
    await page.locator('[data-testid="opml-file"]').setInputFiles(file('faux.opml', '<html><body>pas un OPML</body></html>'));
    await expect.poll(() => status(page).textContent()).toMatch(/^Fichier OPML refusé, rien n'a changé/);
    expect(await sourceCount()).toBe(before);

    const download = await vigie.download(page, () => page.getByRole('button', { name: 'Exporter en OPML' }).click());
    expect(download.name).toBe('vigie-sources.opml');
    const exported = download.text;
    expect(exported).toContain('<outline text="Tests e2e" title="Tests e2e">');
    expect(exported).toContain(`xmlUrl="${server.url('/prefecture.xml')}"`);

    // An administration's network that blocks the pack: its sources pause together, the member's own go on.
    const listed = async () => (await vigie.request('listSources')).result as { origin: string; enabled: boolean }[];
    const packCount = (await listed()).filter((source) => source.origin !== 'user').length;
    await page.getByRole('button', { name: 'Mettre en pause les sources du pack' }).click();
    await expect.poll(() => status(page).textContent()).toBe(`${packCount} sources du pack mises en pause ; les vôtres continuent.`);
    expect((await listed()).map((source) => [source.origin === 'user', source.enabled]).filter(([own, on]) => own !== on)).toEqual([]);
    await page.getByRole('button', { name: 'Reprendre les sources du pack' }).click();
    await expect.poll(() => status(page).textContent()).toBe(`${packCount} sources du pack reprises.`);
    expect((await listed()).every((source) => source.enabled)).toBe(true);
    await page.close();
  });

  it('adds a source found on a page (permission at the click), edits it and deletes another', async () => {
    const page = await vigie.open('dashboard.html#/sources');
    const address = page.getByLabel("Adresse d'un flux ou d'une page web");

    // A page with no feed says so.
    await address.fill(server.url('/sans-flux.html'));
    await page.getByRole('button', { name: 'Chercher les flux' }).click();
    // Said under the address, where the member typed it.
    await expect.poll(() => page.locator('#add-source-problem').textContent(), { timeout: 5000 }).toBe('Aucun flux trouvé sur cette page.');
    expect(await address.getAttribute('aria-invalid')).toBe('true');

    // The e2e build declares 127.0.0.1: permissions.request resolves true at once, without a prompt.
    expect(await vigie.api((ext) => ext.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    await address.fill(server.url('/site/'));
    await page.getByRole('button', { name: 'Chercher les flux' }).click();
    const found = page.getByRole('radio', { name: /Flux du site/ });
    await expect.poll(() => found.isChecked(), { timeout: 5000 }).toBe(true);
    await page.getByLabel('Catégorie').first().fill('Tests e2e');
    await page.getByRole('button', { name: 'Ajouter la source' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 5000 }).toBe('Source « Veille locale é » ajoutée.');
    const row = page.locator('.source-row', { hasText: 'Veille locale é' });
    await expect.poll(() => row.locator('.source-row__state').textContent()).toBe('OK');
    await expect.poll(() => row.locator('.source-row__health').textContent()).toMatch(/Dernière relève réussie : /);

    // Edit: interval and language, through the row's form.
    await row.getByRole('button', { name: 'Modifier « Veille locale é »' }).click();
    const form = page.getByRole('form', { name: 'Modifier « Veille locale é »' });
    await form.getByLabel('Relever toutes les (minutes)').fill('15');
    await form.getByLabel('Langue des éléments').selectOption('en');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => row.locator('.source-row__details').textContent()).toBe('anglais · toutes les 15 min');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Modifier/);

    // Switch one off.
    await row.getByRole('checkbox', { name: /^Active/ }).uncheck();
    await expect.poll(() => row.locator('.source-row__state').textContent()).toBe('Désactivée');

    // Delete another, with its items, after the dialog.
    const before = await sourceCount();
    await page.locator('.source-row', { hasText: 'Université (test)' }).getByRole('button', { name: /^Supprimer/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer la source « Université (test) » ?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /Les garder/ }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Les supprimer aussi' }).check();
    await dialog.getByRole('button', { name: 'Supprimer la source' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Source « Université (test) » supprimée, avec ses éléments.');
    expect(await sourceCount()).toBe(before - 1);
    await expect.poll(() => page.locator('.source-row', { hasText: 'Université (test)' }).count()).toBe(0);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: artifact('dashboard-sources.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // For a person to look at, in both themes: layout and contrast. Firefox 140 cannot switch themes in a running page (its WebDriver BiDi emulates no media feature): there, the dark theme is checked on a profile started dark (dashboard.e2e.test.ts).
    if (vigie.browser === 'chromium') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: artifact('dashboard-sources-dark.png') });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.close();
  }, 30_000);

  // `localhost` is not among the e2e build's declared origins (127.0.0.1 is): asking for it opens the browser's
  // own permission window, which automation cannot answer in either browser.
  it("says, while the browser's permission window waits, where to answer, and cancels in words", async () => {
    const page = await vigie.open('dashboard.html#/sources');
    const origin = `http://localhost:${server.port}`;
    const before = await sourceCount();
    await page.getByLabel("Adresse d'un flux ou d'une page web").fill(`${origin}/site/`);
    await page.getByRole('button', { name: 'Chercher les flux' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 5000 }).toBe(`Autorisez l'accès à ${origin} dans la fenêtre du navigateur.`);
    await page.screenshot({ path: artifact('dashboard-permission-waiting.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Annuler la demande d'accès à ${origin}` }).click();
    await expect.poll(() => status(page).textContent()).toBe(`Demande d'accès à ${origin} annulée. Si la fenêtre du navigateur est encore ouverte, fermez-la.`);
    expect(await page.getByRole('button', { name: /^Annuler la demande/ }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Chercher les flux');
    expect(await sourceCount()).toBe(before);
    await page.close();
  });

  // The grant at the click, for an origin the build does not declare: Firefox has a preference that grants
  // optional permissions without its window (Chromium has none; there the declared 127.0.0.1 resolves at once, above).
  it.runIf(BROWSER === 'firefox')('in Firefox, reads a site granted at the click and adds its feed', async () => {
    const granting = await loadExtension({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    try {
      const page = await granting.open('dashboard.html#/sources');
      const origin = `http://localhost:${server.port}`;
      await page.getByLabel("Adresse d'un flux ou d'une page web").fill(`${origin}/site/`);
      await page.getByRole('button', { name: 'Chercher les flux' }).click();
      await expect.poll(() => page.getByRole('radio', { name: /Flux du site/ }).isChecked(), { timeout: 5000 }).toBe(true);
      await page.getByRole('button', { name: 'Ajouter la source' }).click();
      await expect.poll(() => status(page).textContent(), { timeout: 5000 }).toBe('Source « Veille locale é » ajoutée.');
      expect(await granting.api((ext, pattern) => ext.permissions.contains({ origins: [pattern] }), 'http://localhost/*')).toBe(true);
      expect((await granting.request('listSources')).result.some((source: { url: string }) => source.url === `${origin}/flux.xml`)).toBe(true);
    } finally {
      await granting.close();
    }
  }, 60_000);

  it('exports all data; an invalid backup is refused with where it fails and changes nothing; a valid one replaces after confirmation', async () => {
    const page = await vigie.open('dashboard.html#/settings');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Paramètres');
    const download = await vigie.download(page, () => page.getByRole('button', { name: 'Exporter toutes les données' }).click());
    expect(download.name).toMatch(/^vigie-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = download.text;
    const backup = JSON.parse(exported);
    expect(backup).toMatchObject({ format: 'vigie-backup', version: 1 });
    expect(backup.sources).toHaveLength(await sourceCount());
    expect(backup.items.length).toBeGreaterThan(0);
    await expect.poll(() => status(page).textContent()).toMatch(/^Sauvegarde vigie-sauvegarde-.*\.json prête/);

    const before = await ownedState(vigie);
    backup.items[0].url = 'javascript:alert(1)';
    await page.locator('[data-testid="backup-file"]').setInputFiles(file('abimee.json', JSON.stringify(backup)));
    await expect.poll(() => status(page).textContent()).toBe("Fichier de sauvegarde refusé, rien n'a changé (items.0.url: not an http(s) URL)");
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.locator('[data-testid="backup-file"]').setInputFiles(file('pas-du-json.json', '{ pas du JSON'));
    await expect.poll(() => status(page).textContent()).toMatch(/^Fichier de sauvegarde refusé, rien n'a changé \(not JSON/);
    expect(await ownedState(vigie)).toEqual(before);

    // The untouched file goes back in, after the member confirms.
    await page.locator('[data-testid="backup-file"]').setInputFiles(file('valide.json', exported));
    const dialog = page.getByRole('dialog', { name: 'Remplacer toutes les données ?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`Sources : ${backup.sources.length}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: artifact('dashboard-settings-import.png') });
    await dialog.getByRole('button', { name: 'Remplacer mes données' }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Sauvegarde importée\. Sources : /);
    expect(await sourceCount()).toBe(backup.sources.length);

    await page.screenshot({ path: artifact('dashboard-settings.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // In Chromium only: see above.
    if (vigie.browser === 'chromium') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: artifact('dashboard-settings-dark.png') });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.close();
  }, 30_000);

  it('erases everything only after the word is typed, then the curated pack is back', async () => {
    const page = await vigie.open('dashboard.html#/settings');
    await page.getByRole('button', { name: 'Tout effacer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer toutes les données de Vigie ?' });
    const confirm = dialog.getByRole('button', { name: 'Tout effacer' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Pour confirmer, tapez EFFACER').fill('effacer');
    await confirm.click();
    await expect.poll(() => status(page).textContent()).toMatch(/^Toutes les données ont été effacées\. Remis comme à l'installation : 12 sources/);
    const { result } = await vigie.request('listSources');
    expect(result.every((source: { origin: string }) => source.origin === 'curated')).toBe(true);
    // The France collection's empty Facebook history is no longer in the pack, and « À propos » says why.
    expect(result.some((source: { id: string }) => source.id === 'ota-france-facebook')).toBe(false);
    expect(await page.locator('.about-changelog').textContent()).toMatch(/collection France\) » est retirée du pack/);
    await page.close();
  });

  it('switches the interface to English: after a reload, the dashboard speaks English', async () => {
    const page = await vigie.open('dashboard.html#/settings');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect.poll(() => status(page).textContent()).toBe('Langue enregistrée.');
    await page.getByRole('button', { name: 'Recharger la page' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settings');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Data backup' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.goto(page.url().replace('#/settings', '#/sources'));
    await expect.poll(() => page.getByRole('button', { name: 'Find feeds' }).count()).toBe(1);
    await page.close();
  });
});
