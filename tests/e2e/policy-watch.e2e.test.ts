import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';

/**
 * The policy watch in a real browser (Chromium and Firefox ESR): a locally served "terms" page is watched; a change of markup alone
 * records nothing, a change of text becomes an item with its diff, raises an alert through the default rules
 * and shows on the timeline; the watched part disappearing is an error, not a deletion. An Open Terms
 * Archive-shaped commits feed and its `.diff`, served locally, give an item with a readable diff.
 */
const fixture = (name: string) => readFileSync(`tests/fixtures/monitors/${name}`, 'utf8');
const PAGES = { v1: fixture('policy-v1.html'), markup: fixture('policy-v1-markup.html'), v2: fixture('policy-v2.html'), gone: fixture('policy-gone.html') };
const SOURCE_TITLE = 'Règles publicitaires (page locale)';

/** Real commits of pga-versions (tests/fixtures/ota/README.md), oldest first. */
const OTA_COMMITS = [
  { sha: '5a148a56276bb8e9c85cbffb057ab2d7e4539bf5', date: '2025-10-23T08:48:37Z', subject: 'Apply technical or declaration upgrade on Facebook Terms of Service', file: 'facebook-terms-technical-5a148a56.diff' },
  { sha: '13674552eb48c2835ce89d3095377c841904bfb1', date: '2026-01-23T00:31:51Z', subject: 'Record new changes of Facebook Privacy Policy', file: 'facebook-privacy-links-only-13674552.diff' },
  { sha: '7bbe3fc94235551ccba74344a47a147cfccfc145', date: '2026-06-16T12:30:26Z', subject: 'Record new changes of Facebook Terms of Service', file: 'facebook-terms-substantive-7bbe3fc9.diff' },
];
const otaEntries = OTA_COMMITS;
let otaShown = 1;

/** GitHub's commits feed, newest first, its addresses moved to the local server. */
function commitsAtom(commits: typeof OTA_COMMITS, origin: string): string {
  const entries = [...commits].reverse().map(
    (commit) => `<entry><id>tag:github.com,2008:Grit::Commit/${commit.sha}</id><link type="text/html" rel="alternate" href="${origin}/OpenTermsArchive/pga-versions/commit/${commit.sha}"/><title>${commit.subject}</title><updated>${commit.date}</updated><author><name>OTA-Bot</name></author><content type="html">${commit.subject}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:github.com,2008:/OpenTermsArchive/pga-versions/commits/main/Meta</id><title>Recent Commits to pga-versions:main</title><updated>2026-06-16T12:30:26Z</updated>${entries.join('')}</feed>`;
}

describe.skipIf(!canRun)(`policy watch in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;
  let page: keyof typeof PAGES = 'v1';
  let monitorId = '';

  beforeAll(async () => {
    server = await startServer({
      '/regles-pub.html': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGES[page]);
      },
      // Open Terms Archive's shapes, with its GitHub addresses moved to this server.
      '/OpenTermsArchive/pga-versions/commits/main/Facebook.atom': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(fixture('commits.atom').replaceAll('https://github.com', server.url('').replace(/\/$/, '')));
      },
      // OTA's real history, served here: its commits feed grows from one technical commit to two real
      // changes, a Privacy Policy whose links alone changed and a Terms of Service that gained a sentence.
      '/OpenTermsArchive/pga-versions/commits/main/Meta.atom': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(commitsAtom(otaEntries.slice(0, otaShown), server.url('').replace(/\/$/, '')));
      },
      ...Object.fromEntries(
        OTA_COMMITS.map((commit) => [
          `/OpenTermsArchive/pga-versions/commit/${commit.sha}.diff`,
          (_: unknown, response: import('node:http').ServerResponse) => void response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(readFileSync(`tests/fixtures/ota/${commit.file}`)),
        ]),
      ),
      '/OpenTermsArchive/pga-versions/commit/7c2f9e4b1d8a6053e2f1c9b7a4d3e6f8091b2c3d.diff': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(fixture('ota-facebook-terms.diff'));
      },
    });
    vigie = await loadExtension();
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    await server?.close();
  });

  const sourceOf = async () => (await vigie.request('listSources')).result.find((source: { id: string }) => source.id === monitorId);
  const itemsOf = async () => (await vigie.request('summary')).result.latest.filter((item: { sourceTitle: string }) => item.sourceTitle === SOURCE_TITLE);

  it('watches a page: its first text is the baseline, and markup alone changing records nothing', async () => {
    const added = await vigie.request('addMonitor', { url: server.url('/regles-pub.html'), title: SOURCE_TITLE, select: ['main'], remove: ['.share', '[role="dialog"]'] });
    expect(added.ok, added.message).toBe(true);
    monitorId = added.result.id;
    expect(added.result).toMatchObject({ kind: 'page', health: { consecutiveFailures: 0 } });
    expect(added.result.health.lastError).toBeUndefined();
    expect(await itemsOf()).toEqual([]);

    page = 'markup';
    expect((await vigie.request('refresh')).ok).toBe(true);
    expect(await itemsOf()).toEqual([]);
    expect((await sourceOf()).health.lastError).toBeUndefined();
  });

  it('turns a change of text into an item with its diff, which raises an alert and shows on the timeline', async () => {
    page = 'v2';
    expect((await vigie.request('refresh')).ok).toBe(true);
    const [item] = await itemsOf();
    expect(item).toBeDefined();
    const stored = await vigie.item(item.id);
    expect(stored.change.kind).toBe('page');
    const inserted = stored.change.documents[0].parts.filter((part: { op: string }) => part.op === 'insert').map((part: { text: string }) => part.text).join(' ');
    expect(inserted).toMatch(/30 jours/);
    // The default "Publicité politique" rule reads the added words ("publicités politiques").
    const summary = (await vigie.request('summary')).result;
    expect(summary.alerts.latest.some((alert: { ruleId: string; item: { id: string } }) => alert.ruleId === 'default-publicite-politique' && alert.item.id === item.id)).toBe(true);
    expect(stored.tags).toContain('publicite-politique');
    await expect.poll(async () => (await vigie.badge()).text, { timeout: 5000 }).not.toBe('');

    const dashboard = await vigie.open(`dashboard.html#/all?item=${encodeURIComponent(item.id)}`);
    await expect.poll(() => dashboard.locator('.change ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/30 jours/)]));
    expect(await dashboard.locator('.change').textContent()).toMatch(/ajouté/);
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-page-change.png') });

    await dashboard.goto(dashboard.url().replace(/#.*/, '#/timeline'));
    await dashboard.getByRole('button', { name: /Voir sous forme de tableau/ }).click();
    await expect.poll(() => dashboard.locator('main').textContent()).toContain(SOURCE_TITLE);
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-timeline.png'), fullPage: true });
    // The chart reads the theme's colours when it draws: dark follows the system. Firefox 140 cannot switch themes in a running page (its WebDriver BiDi emulates no media feature): there, the dark theme is checked on a profile started dark (dashboard.e2e.test.ts).
    if (vigie.browser === 'chromium') {
      await dashboard.emulateMedia({ colorScheme: 'dark' });
      await dashboard.waitForTimeout(300);
      expect(await seriousViolations(dashboard)).toEqual([]);
      await dashboard.screenshot({ path: artifact('dashboard-timeline-dark.png') });
    }
    await dashboard.close();
  });

  it('reports the watched part disappearing as an error in words, and keeps what was recorded', async () => {
    const before = await itemsOf();
    page = 'gone';
    expect((await vigie.request('refresh')).ok).toBe(true);
    expect((await sourceOf()).health.lastError).toMatchObject({ code: 'no-match' });
    expect(await itemsOf()).toEqual(before);
    const popup = await vigie.open('popup.html');
    await popup.getByRole('tab', { name: /^Sources/ }).click();
    await expect.poll(() => popup.locator('.source', { hasText: SOURCE_TITLE }).textContent()).toMatch(/La partie suivie de la page a disparu/);
    await popup.close();
  });

  it('follows an Open Terms Archive feed: each commit comes with its readable diff', async () => {
    const added = await vigie.request('addSource', { url: server.url('/OpenTermsArchive/pga-versions/commits/main/Facebook.atom'), category: "Conditions d'utilisation (Open Terms Archive)" });
    expect(added.ok, added.message).toBe(true);
    const latest = (await vigie.request('summary')).result.latest.find((item: { url?: string }) => item.url?.endsWith('7c2f9e4b1d8a6053e2f1c9b7a4d3e6f8091b2c3d'));
    const stored = await vigie.item(latest.id);
    expect(stored.change.kind).toBe('terms');
    expect(stored.change.documents[0].name).toBe('Facebook — Terms of Service');
    const words = stored.change.documents[0].parts.filter((part: { op: string }) => part.op === 'insert').map((part: { text: string }) => part.text).join(' ');
    expect(words).toMatch(/confirm your identity/);
    // A commit whose diff could not be read keeps its announcement.
    const other = (await vigie.request('summary')).result.latest.find((item: { url?: string }) => item.url?.endsWith('e41b8d2c09f7a3651b4e8c2d7f0a9b3c6e5d4f21'));
    expect(other).toBeDefined();
  });

  it("raises one alert for OTA's real changes, not one per commit: a links-only change and the archive's technical commit stay quiet", async () => {
    const added = await vigie.request('addSource', { url: server.url('/OpenTermsArchive/pga-versions/commits/main/Meta.atom'), category: "Conditions d'utilisation (Open Terms Archive)" });
    expect(added.ok, added.message).toBe(true);
    const before = (await vigie.request('summary')).result;
    otaShown = 3;
    expect((await vigie.request('refresh')).ok).toBe(true);
    const after = (await vigie.request('summary')).result;
    const ours = after.alerts.latest.filter((alert: { item: { url?: string } }) => OTA_COMMITS.some((commit) => alert.item.url?.endsWith(commit.sha)));
    // Only the Terms of Service's new sentence alerts (critical, by the default rules, which may be several
    // for this one item); the links-only Privacy Policy change and the technical commit raise nothing.
    const alerted = [...new Set(ours.map((alert: { item: { url: string } }) => alert.item.url.slice(-40)))];
    expect(alerted).toEqual([OTA_COMMITS[2]!.sha]);
    expect(ours.some((alert: { priority: string }) => alert.priority === 'critical')).toBe(true);
    // The badge counts items to read: the one change, whatever the number of rules it matched.
    expect(after.alerts.unread).toBe(before.alerts.unread + alerted.length);
    const item = (sha: string) => after.latest.find((entry: { url?: string }) => entry.url?.endsWith(sha));
    const links = await vigie.item(item(OTA_COMMITS[1]!.sha).id);
    expect(links.change).toMatchObject({ significance: 'links-only', documents: [{ name: 'Facebook — Privacy Policy', added: 0, removed: 0 }] });
    const words = await vigie.item(item(OTA_COMMITS[2]!.sha).id);
    expect(words.change.significance).toBe('substantive');
  });

  it('opens the Diagnostic on a fresh profile with Facebook’s history since 2004, links-only changes hidden until asked', async () => {
    const fresh = await loadExtension();
    try {
      const page = await fresh.open('dashboard.html#/timeline');
      await page.setViewportSize({ width: 1280, height: 900 });
      const shown = page.locator('.timeline__shown');
      const counts = async () => ((await shown.textContent()) ?? '').match(/(\d+) sur (\d+)/)?.slice(1).map(Number) ?? [0, 0];
      await expect.poll(async () => (await counts())[0], { timeout: 10_000 }).toBeGreaterThan(700);
      const [visible = 0, total = 0] = await counts();
      expect(visible).toBe(total);
      expect(await page.locator('.timeline__credit').textContent()).toMatch(/Open Terms Archive/);
      await page.getByRole('button', { name: /Voir sous forme de tableau/ }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('2004');
      // A curated event says what changed, in one sentence, under its title.
      expect((await page.locator('.timeline-points__summary').first().textContent())?.length).toBeGreaterThan(20);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: artifact('dashboard-timeline-history.png') });
      await page.getByRole('checkbox', { name: /Montrer aussi les changements de liens/ }).check();
      await expect.poll(async () => (await counts())[0]).toBeGreaterThan(visible + 2000);
      await page.getByRole('button', { name: 'Rapprocher', exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Toute l’histoire' }).isEnabled()).toBe(true);
      await page.screenshot({ path: artifact('dashboard-timeline-zoomed.png') });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.screenshot({ path: artifact('dashboard-timeline-1920.png') });
      await page.close();
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
