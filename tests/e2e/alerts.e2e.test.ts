import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import { VIEWPORT } from './page';

/**
 * Alerts in a real browser (Chromium and Firefox ESR): a locally served feed gains an item that a rule matches; after a refresh the
 * badge counts it in the rule's priority colour, a desktop notification is created, and opening the alert
 * clears the count. The Règles and Alertes views pass axe.
 */
const rss = (items: { title: string; guid: string; date?: string }[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Veille des règles</title><link>https://exemple.fr/</link>${items
    .map((item) => `<item><title>${item.title}</title><guid>${item.guid}</guid><link>https://exemple.fr/${item.guid}</link><pubDate>${item.date ?? 'Sat, 28 Nov 2026 08:00:00 GMT'}</pubDate></item>`)
    .join('')}</channel></rss>`;

/** A town hall's feed as a member adds it: one article of this morning, one of a month ago. */
function townHallFeed(): string {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toUTCString();
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Journal de la mairie</title><link>https://mairie.example/</link>
    <item><title>Scrutin municipal : la publicité des candidats ce matin</title><guid>ce-matin</guid><link>https://mairie.example/ce-matin</link><pubDate>${hoursAgo(2)}</pubDate></item>
    <item><title>Scrutin municipal : le bilan de 2020</title><guid>bilan-2020</guid><link>https://mairie.example/bilan-2020</link><pubDate>${hoursAgo(24 * 30)}</pubDate></item>
  </channel></rss>`;
}

/** rgba of #b71c1c, the critique colour. */
const CRITICAL = [183, 28, 28, 255];

describe.skipIf(!canRun)(`alerts in ${browserTitle}`, () => {
  let server: TestServer;
  let vigie: LoadedExtension;
  let items: { title: string; guid: string; date?: string }[] = [{ title: 'Bilan annuel du collectif', guid: 'bilan' }];

  beforeAll(async () => {
    server = await startServer({
      '/regles.xml': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(rss(items));
      },
      '/mairie.xml': (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(townHallFeed());
      },
    });
    vigie = await loadExtension();
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
    await server?.close();
  });

  it('ships the default rule pack, enabled', async () => {
    const rules = await vigie.request('listRules');
    expect(rules.ok, rules.message).toBe(true);
    expect(rules.result.length).toBeGreaterThanOrEqual(9);
    expect(rules.result.every((rule: { enabled: boolean; origin: string }) => rule.enabled && rule.origin === 'default')).toBe(true);
  });

  it('refuses an invalid and a catastrophic regular expression in words, and saves a good rule', async () => {
    const rule = (terms: string[], mode = 'regex') => ({
      id: 'user-test-elections',
      name: 'Scrutins locaux',
      enabled: true,
      priority: 'critical',
      conditions: [{ fields: ['title', 'content'], mode, combine: 'any', terms }],
      actions: { alert: true, addTags: ['periode-electorale'], star: true, notify: true, proposeShare: false },
      origin: 'user',
      updated: '2026-11-28T00:00:00.000Z',
    });
    const broken = await vigie.request('saveRule', { rule: rule(['(municipales']) });
    expect(broken).toMatchObject({ ok: false, code: 'invalid-rule' });
    expect(broken.message).toMatch(/^Règle refusée/);
    const dangerous = await vigie.request('saveRule', { rule: rule(['(a+)+$']) });
    expect(dangerous).toMatchObject({ ok: false, code: 'invalid-rule' });
    const saved = await vigie.request('saveRule', { rule: rule(['scrutin municipal'], 'phrase') });
    expect(saved.ok, saved.message).toBe(true);
  });

  it('raises an alert when the feed gains a matching item: badge count and colour, a notification, and opening it clears the count', async () => {
    const added = await vigie.request('addSource', { url: server.url('/regles.xml') });
    expect(added.ok, added.message).toBe(true);
    expect((await vigie.badge()).text).toBe('');

    // Published this morning: the week's digest, chosen by publication date, tells it (last test).
    const thisMorning = new Date(Date.now() - 2 * 3_600_000).toUTCString();
    items = [{ title: 'Scrutins municipaux : ce que les Pages des mairies doivent savoir', guid: 'municipales', date: thisMorning }, ...items];
    const refreshed = await vigie.request('refresh');
    expect(refreshed.ok, refreshed.message).toBe(true);

    const summary = (await vigie.request('summary')).result;
    const ours = summary.alerts.latest.find((alert: { ruleId: string }) => alert.ruleId === 'user-test-elections');
    expect(ours).toMatchObject({ priority: 'critical', read: false, item: { title: items[0]!.title, starred: true } });
    expect(ours.item.tags).toContain('periode-electorale');
    expect(summary.alerts.highest).toBe('critical');
    // Two rules matched the one article (ours and the default « Période électorale »): the badge counts one
    // item to read, as the Alertes view shows one row, not two matches.
    const matches = summary.alerts.latest.filter((alert: { read: boolean; item: { id: string } }) => !alert.read && alert.item.id === ours.item.id);
    expect(matches.length).toBeGreaterThanOrEqual(2);
    expect(summary.alerts.unread).toBe(1);
    await expect.poll(async () => (await vigie.badge()).text, { timeout: 5000 }).toBe('1');
    expect((await vigie.badge()).color).toEqual(CRITICAL);

    expect(await vigie.notifications()).toEqual([expect.stringMatching(/^vigie#\/alerts/)]);

    // Opening the alert (from the popup's Alertes tab) reads it; the badge follows at once.
    const popup = await vigie.open('popup.html');
    await expect.poll(() => popup.getByRole('tab', { name: /^Alertes/ }).getAttribute('aria-selected')).toBe('true');
    await popup.screenshot({ path: artifact('popup-alerts.png') });
    // Reading the item reads every alert about it (here the default "Période électorale" rule fired too).
    const others = new Set(summary.alerts.latest.filter((alert: { read: boolean; item: { id: string } }) => !alert.read && alert.item.id !== ours.item.id).map((alert: { item: { id: string } }) => alert.item.id));
    await popup.locator(`[data-alert-id~="${ours.id}"] a.alert__title`).click();
    await expect.poll(async () => (await vigie.badge()).text, { timeout: 5000 }).toBe(others.size > 0 ? String(others.size) : '');
    const after = (await vigie.request('summary')).result;
    expect(after.alerts.latest.find((alert: { id: string }) => alert.id === ours.id).read).toBe(true);
    expect(after.latest.find((item: { title: string }) => item.title === items[0]!.title).read).toBe(true);
    await popup.close();
  });

  it('shows the Alertes, Règles and Synthèse views without serious accessibility violations', async () => {
    const dashboard = await vigie.open('dashboard.html#/alerts');
    await dashboard.locator('.alert').first().waitFor();
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-alerts.png') });

    await dashboard.goto(dashboard.url().replace(/#.*/, '#/rules/user-test-elections'));
    await dashboard.locator('.rule-editor').waitFor();
    await dashboard.getByRole('button', { name: 'Aperçu' }).click();
    await expect.poll(() => dashboard.locator('.rule-preview').textContent()).toMatch(/1 élément sur \d+ correspond\./);
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-rules.png') });
    // On a wide screen the editor puts what the rule looks for beside what it does and its preview.
    await dashboard.setViewportSize({ width: 1920, height: 1080 });
    const sideBySide = () =>
      dashboard.evaluate(() => {
        const conditions = document.querySelector('.rule-condition')!.getBoundingClientRect();
        const actions = document.querySelector('.rule-editor__actions')!.getBoundingClientRect();
        return actions.left >= conditions.right;
      });
    await expect.poll(sideBySide).toBe(true);
    await dashboard.screenshot({ path: artifact('dashboard-rules-1920.png') });
    await dashboard.setViewportSize(VIEWPORT);

    await dashboard.goto(dashboard.url().replace(/#.*/, '#/digest'));
    await expect.poll(() => dashboard.locator('main').textContent()).toMatch(/Scrutins municipaux/);
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-digest.png') });
    await dashboard.setViewportSize({ width: 1920, height: 1080 });
    await dashboard.screenshot({ path: artifact('dashboard-digest-1920.png') });
    await dashboard.setViewportSize(VIEWPORT);

    // The COPIL's monthly meeting: chosen days (from the first of the month by default), the member's
    // order within a category, one item left out, an introduction; the Markdown carries just that.
    // Two more articles with a conseil, in the same category as the alert's, so that there is an order to choose.
    const latest = (await vigie.request('summary')).result.latest as { id: string }[];
    const noted = await vigie.request('updateItems', { ids: latest.slice(0, 3).map((item) => item.id), patch: { note: 'À suivre au COPIL', tags: ['periode-electorale'] } });
    expect(noted.ok, noted.message).toBe(true);
    await dashboard.getByRole('radio', { name: 'Dates choisies' }).check();
    await dashboard.locator('.digest__range input[type="date"]').first().fill('2020-01-01');
    await expect.poll(() => dashboard.locator('.digest-entry').count()).toBeGreaterThan(1);
    const titles = async () => dashboard.locator('.digest-entry__title').allTextContents();
    const movable = dashboard.locator('.digest-group', { has: dashboard.locator('.digest-entry:nth-child(2)') }).first();
    const second = (await movable.locator('.digest-entry__title').allTextContents())[1]!;
    await movable.getByRole('button', { name: `Monter : ${second}` }).click();
    await expect.poll(async () => (await movable.locator('.digest-entry__title').allTextContents())[0]).toBe(second);
    const dropped = (await titles()).at(-1)!;
    await dashboard.getByRole('checkbox', { name: `Garder dans la synthèse : ${dropped}` }).uncheck();
    await dashboard.getByLabel('Introduction (facultative) : ce que le COPIL doit retenir de la période').fill('Pour la réunion du COPIL de décembre.');
    const exported = await vigie.download(dashboard, () => dashboard.getByRole('button', { name: 'Exporter en Markdown' }).click());
    expect(exported.text).toContain('\n\nPour la réunion du COPIL de décembre.\n\n');
    expect(exported.text).not.toContain(dropped.replace(/[\\`*_[\]<>|~&$!]/g, '\\$&'));
    const kept = (await titles()).filter((title) => title !== dropped);
    const at = (title: string) => exported.text.indexOf(title.replace(/[\\`*_[\]<>|~&$!]/g, '\\$&'));
    expect(kept.every((title) => at(title) >= 0)).toBe(true);
    // The moved item comes first in its category in the file too.
    const first = (await movable.locator('.digest-entry__title').allTextContents())[1]!;
    if (first !== dropped) expect(at(second)).toBeLessThan(at(first));
    expect(await seriousViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifact('dashboard-digest-chosen.png') });
    await dashboard.close();
  });

  it('a source added today rings for what it published in the last two days, not for its older backlog', async () => {
    await vigie.request('setAlertsRead', { read: true });
    await expect.poll(async () => (await vigie.badge()).text, { timeout: 5000 }).toBe('');
    const added = await vigie.request('addSource', { url: server.url('/mairie.xml') });
    expect(added.ok, added.message).toBe(true);

    const summary = (await vigie.request('summary')).result;
    const rows = summary.alerts.latest.filter((alert: { ruleId: string }) => alert.ruleId === 'user-test-elections');
    const state = Object.fromEntries(rows.map((alert: { read: boolean; item: { title: string } }) => [alert.item.title, alert.read]));
    expect(state).toMatchObject({ 'Scrutin municipal : la publicité des candidats ce matin': false, 'Scrutin municipal : le bilan de 2020': true });
    expect(summary.alerts.unread).toBe(1);
    await expect.poll(async () => (await vigie.badge()).text, { timeout: 5000 }).toBe('1');
    const morning = rows.find((alert: { read: boolean }) => !alert.read);
    await expect.poll(() => vigie.notifications(), { timeout: 5000 }).toContain(`vigie#/alerts?item=${encodeURIComponent(morning.item.id)}`);
  });
});
