import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/http-server';
import { browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import type { TestPage } from './page';

/**
 * Clipping in a real browser (Chromium and Firefox ESR): pages served on 127.0.0.1 are clipped from the popup (opened on their tab with
 * `?tab=<id>`, since a popup opened as a tab would otherwise clip itself), with tags, a note and an impact;
 * a page a feed already brought is enriched; a page with no title, a 1 MB selection and the browser's own
 * pages each get their sentence in the popup.
 */

const html = (head: string, body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const ARTICLE = html(
  `<title>TTPA : ce qui change pour les collectivités</title>
  <link rel="canonical" href="/actu/ttpa?utm_source=canonique">
  <meta property="og:title" content="TTPA et collectivités">
  <meta property="og:site_name" content="Le Journal local">
  <meta property="og:description" content="Le règlement européen sur la publicité politique s'applique aux pages publiques.">
  <meta property="og:image" content="/img/ttpa.png">`,
  `<h1>TTPA</h1><p id="quote">Les annonces à caractère politique seront refusées en période électorale.</p><p>Suite de l'article.</p>`,
);

/** About 1 MB of text in one paragraph. */
const LONG = html('<title>Rapport complet</title>', `<p id="quote">${'Rapport sur la modération des réseaux sociaux. '.repeat(22_000)}</p>`);

const page = (body: string) => (_: unknown, response: import('node:http').ServerResponse) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
};

describe.skipIf(!canRun)(`clipping in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;

  /** Opens a page in its own tab, selects the text of #quote when asked, and returns the tab's id. */
  async function openPage(path: string, select = false): Promise<{ tab: TestPage; tabId: number }> {
    const { page: tab, tabId } = await vigie.openTab(server.url(path));
    if (select) {
      await tab.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('quote') as HTMLElement);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
    }
    return { tab, tabId };
  }

  /** The popup, opened on that tab, after «Cliper cette page». */
  async function clipFromPopup(tabId: number): Promise<TestPage> {
    const popup = await vigie.open(`popup.html?tab=${tabId}`);
    // Where focus is at the moment the form appears (a mutation observer runs before any later task could
    // move it): a move a frame later could split what the member types between two fields.
    await popup.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.clip__form')) return;
        (globalThis as { focusWhenShown?: string | null }).focusWhenShown = document.activeElement?.getAttribute('role');
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await popup.getByRole('button', { name: 'Cliper cette page' }).click();
    return popup;
  }

  /**
   * A tab on one of the browser's own pages, once loaded (a clip is taken from a page, not a navigation).
   * Firefox refuses such addresses to `tabs.create` ("Illegal URL"): there the harness navigates to them.
   */
  async function browserTab(url: string): Promise<number> {
    if (vigie.browser === 'firefox' && url.startsWith('about:')) return (await vigie.openTab(url)).tabId;
    const tabId = (await vigie.api((ext, address) => ext.tabs.create({ url: address }), url)).id as number;
    await expect.poll(() => vigie.api((ext, id) => ext.tabs.get(id).then((tab) => tab.status), tabId), { timeout: 10_000 }).toBe('complete');
    return tabId;
  }

  const clipStatus = (popup: TestPage) => popup.locator('.clip [role="status"]');

  async function itemTitled(title: string) {
    const { result } = await vigie.request('summary');
    const found = result.latest.find((item: { title: string }) => item.title === title);
    expect(found, `no item titled ${title}`).toBeDefined();
    return await vigie.item(found.id);
  }

  beforeAll(async () => {
    server = await startServer({
      '/article.html': page(ARTICLE),
      '/sans-titre.html': page(html('', '<p>Une page sans titre.</p>')),
      '/long.html': page(LONG),
      '/deja-suivie.html': page(html('<title>Portée des Pages</title>', '<p id="quote">La portée organique baisse encore.</p>')),
      '/veille.xml': (request, response) => {
        const link = `http://${request.headers.host}/deja-suivie.html`;
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Veille clip</title><link>${link}</link>
          <item><title>Portée des Pages (flux)</title><guid>p-1</guid><link>${link}</link></item></channel></rss>`,
        );
      },
    });
    vigie = await loadExtension();
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    await server?.close();
  });

  it('clips a page from the popup with tags, a note and an impact: canonical address, quote and metadata are stored', async () => {
    const { tabId } = await openPage('/article.html?utm_source=newsletter&fbclid=abc', true);
    const popup = await clipFromPopup(tabId);
    await expect.poll(() => popup.locator('.clip__title').textContent()).toBe('TTPA : ce qui change pour les collectivités');
    expect(await popup.locator('.clip__quote').textContent()).toBe('Les annonces à caractère politique seront refusées en période électorale.');
    // Keyboard first: the form opens with the focus in its first field, already there when it appears.
    expect(await popup.evaluate(() => (globalThis as { focusWhenShown?: string | null }).focusWhenShown)).toBe('combobox');

    // Tags by typing: an existing tag is chosen from the suggestions, a new label makes a personal tag.
    const tagInput = popup.getByRole('combobox', { name: 'Étiquettes' });
    await tagInput.fill('Publicité politique');
    await tagInput.press('Enter');
    await expect.poll(() => popup.locator('.clip__tags').textContent()).toContain('Publicité politique');
    await tagInput.fill('Élus locaux');
    await tagInput.press('Enter');
    await expect.poll(() => popup.locator('.clip__tags').textContent()).toContain('Élus locaux');
    await popup.getByLabel('Note').fill('À relayer aux élus avant la campagne');
    await popup.getByLabel('Impact').selectOption({ label: 'fort' });
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => clipStatus(popup).textContent()).toBe('Clipé');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Cliper cette page');

    const item = await itemTitled('TTPA : ce qui change pour les collectivités');
    expect(item).toMatchObject({
      sourceId: 'clips',
      url: server.url('/actu/ttpa'),
      read: true,
      tags: ['publicite-politique', 'elus-locaux'],
      note: 'À relayer aux élus avant la campagne',
      impact: 'high',
      language: 'fr',
      summary: "Le règlement européen sur la publicité politique s'applique aux pages publiques.",
      clip: {
        quote: 'Les annonces à caractère politique seront refusées en période électorale.',
        siteName: 'Le Journal local',
        description: "Le règlement européen sur la publicité politique s'applique aux pages publiques.",
        image: server.url('/img/ttpa.png'),
      },
    });
    expect(Date.now() - Date.parse(item.clip.clippedAt)).toBeLessThan(60_000);
    await popup.close();
  });

  it('enriches the item a feed already brought instead of duplicating it', async () => {
    const added = await vigie.request('addSource', { url: server.url('/veille.xml') });
    expect(added.ok, added.message).toBe(true);
    const { tabId } = await openPage('/deja-suivie.html', true);
    const popup = await clipFromPopup(tabId);
    await expect.poll(() => popup.locator('.clip__notice').allTextContents()).toEqual([
      "Cette page est déjà dans Vigie : le clip enrichira l'élément existant.",
    ]);
    await popup.getByRole('combobox', { name: 'Étiquettes' }).fill('pages');
    await popup.getByRole('combobox', { name: 'Étiquettes' }).press('Enter');
    await expect.poll(() => popup.locator('.clip__tags').textContent()).toContain('Pages');
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => clipStatus(popup).textContent()).toBe('Page déjà suivie : élément enrichi');

    const item = await itemTitled('Portée des Pages (flux)');
    // The clip adds its tag to those the default rules gave the feed's item ("portée organique").
    expect(item).toMatchObject({ sourceId: added.result.id, read: false, tags: ['algorithme-portee', 'pages'], clip: { quote: 'La portée organique baisse encore.' } });
    const { result } = await vigie.request('summary');
    expect(result.latest.filter((latest: { url?: string }) => latest.url === server.url('/deja-suivie.html'))).toHaveLength(1);
    await popup.close();
  });

  it('clips a page with no title under its address, and the popup says the title was missing', async () => {
    const { tabId } = await openPage('/sans-titre.html');
    const popup = await clipFromPopup(tabId);
    const title = `127.0.0.1:${server.port}/sans-titre.html`;
    await expect.poll(() => popup.locator('.clip__title').textContent()).toBe(title);
    expect(await popup.locator('.clip__notice').allTextContents()).toEqual(["Cette page n'a pas de titre : son adresse servira de titre."]);
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => clipStatus(popup).textContent()).toBe('Clipé');
    expect((await itemTitled(title)).url).toBe(server.url('/sans-titre.html'));
    await popup.close();
  });

  it('cuts a 1 MB selection to 20,000 characters, and the popup says so', async () => {
    const { tabId } = await openPage('/long.html', true);
    const popup = await clipFromPopup(tabId);
    await expect.poll(() => popup.locator('.clip__notice').allTextContents()).toEqual([
      'Sélection très longue : seuls ses 20 000 premiers caractères sont gardés comme citation.',
    ]);
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => clipStatus(popup).textContent()).toBe('Clipé');
    const item = await itemTitled('Rapport complet');
    expect(item.clip.quote).toHaveLength(20_000);
    expect(item.clip.quote.startsWith('Rapport sur la modération')).toBe(true);
    await popup.close();
  });

  it("says in words that the browser's own pages and the web store cannot be clipped, and that a closed tab is gone", async () => {
    // Firefox's store (addons.mozilla.org) is refused by its address, which Firefox shows Vigie only with the
    // `activeTab` grant of a click on the toolbar button, out of automation's reach: unit-tested on that address
    // (tests/clips/quick-clip.test.ts).
    const own = vigie.browser === 'firefox' ? ['about:support', 'about:addons'] : ['chrome://version', 'chrome://extensions', 'https://chromewebstore.google.com/'];
    const popup = await clipFromPopup(await browserTab(own[0]!));
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Vigie ne peut pas lire cette page : le navigateur protège ses propres pages/);
    // The button stays: the member can go to another page and try again.
    expect(await popup.getByRole('button', { name: 'Cliper cette page' }).isEnabled()).toBe(true);
    await popup.close();

    // The extensions page, and the web store (refused by its address: no network is needed).
    for (const url of own.slice(1)) {
      expect(await vigie.request('previewClip', { tabId: await browserTab(url) }), url).toMatchObject({ ok: false, code: 'clip-forbidden' });
    }
    expect(await vigie.request('previewClip', { tabId: 987_654 })).toMatchObject({
      ok: false,
      code: 'clip-no-tab',
      message: "L'onglet à cliper est fermé ou introuvable. Rouvrez Vigie depuis la page à cliper.",
    });
  });

  it("creates the «Cliper dans Vigie» menu and declares the shortcut Alt+Shift+C, described in the member's language", async () => {
    // `update` fails on a menu item that does not exist.
    await vigie.api((ext) => ext.contextMenus.update('vigie-clip', {}));
    const commands = await vigie.api((ext) => ext.commands.getAll());
    // Headless Chromium registers the command but binds no key to it: the suggested key is read from the
    // manifest. Firefox binds it: the shortcut is there.
    expect(commands.find((command) => command.name === 'clip-page')).toMatchObject({
      description: 'Cliper la page dans Vigie',
      ...(vigie.browser === 'firefox' ? { shortcut: 'Alt+Shift+C' } : {}),
    });
    const manifest = await vigie.api((ext) => ext.runtime.getManifest());
    expect(manifest.commands['clip-page']?.suggested_key).toMatchObject({ default: 'Alt+Shift+C' });
  });
});
