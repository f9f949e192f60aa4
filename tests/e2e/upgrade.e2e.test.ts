import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/store/schema';
import { startServer, type TestServer } from '../support/http-server';
import { artifact, BROWSER, browserTitle, BUILD_DIR, canRun, loadExtension, type LoadedExtension } from './extension';
import { ownedState } from './owned';
import { PREVIOUS_RELEASE, previousReleaseBuild } from './previous-release';

/**
 * A member's upgrade, for real: the previous release's own build (store version 5) is filled as a member
 * fills it (a source and its items, tags, a « conseil » with accents and an emoji, an impact, a star, a clip,
 * a rule and the alert it raised, settings), the browser closes, and today's build opens the same profile.
 * Everything the member owned is there, field for field, and today's store answers every query.
 */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Veille de la mairie</title><link>https://exemple.fr/</link>
<item><title>Élections municipales : les règles de la publicité politique</title><link>https://exemple.fr/elections</link><guid>m-1</guid><pubDate>Mon, 30 Nov 2026 09:00:00 +0100</pubDate><description>Ce qui change pour les Pages des mairies.</description></item>
<item><title>Portée organique : les Reels d'abord</title><link>https://exemple.fr/portee</link><guid>m-2</guid><pubDate>Tue, 01 Dec 2026 09:00:00 +0100</pubDate></item>
<item><title>Modération : nouvelles règles des groupes</title><link>https://exemple.fr/groupes</link><guid>m-3</guid><pubDate>Wed, 02 Dec 2026 09:00:00 +0100</pubDate></item>
</channel></rss>`;

describe.skipIf(!canRun)(`an upgrade from the previous release in ${browserTitle}`, () => {
  let server: TestServer;
  let profile = '';
  // The extension's folder, as a member's browser keeps it: the previous release's files, then today's in
  // their place (an update replaces the files where they are; Chromium then runs the new background).
  const installed = mkdtempSync(join(tmpdir(), 'vigie-installed-'));
  let before: Record<string, unknown>;
  let today: LoadedExtension | undefined;

  beforeAll(async () => {
    server = await startServer({
      '/veille.xml': (_, response) => void response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(FEED),
    });
  });

  afterAll(async () => {
    await today?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    rmSync(installed, { recursive: true, force: true });
    await server?.close();
  });

  it(`fills the release of ${PREVIOUS_RELEASE.commit.slice(0, 7)} (store version ${PREVIOUS_RELEASE.storeVersion}) as a member would`, async () => {
    cpSync(previousReleaseBuild(BROWSER), installed, { recursive: true });
    const previous = await loadExtension({ build: installed });
    profile = previous.profile;
    const ok = async (type: string, params: unknown) => {
      const answer = await previous.request(type, params);
      expect(answer.ok, `${type}: ${answer.message}`).toBe(true);
      return answer.result;
    };
    await ok('updateSettings', { fetchTimeoutSeconds: 2 });
    await ok('saveRule', {
      rule: {
        id: 'user-municipales',
        name: 'Municipales',
        enabled: true,
        priority: 'critical',
        conditions: [{ fields: ['title', 'content'], mode: 'phrase', combine: 'any', terms: ['municipales'] }],
        actions: { alert: true, addTags: ['periode-electorale'], star: false, notify: false, proposeShare: false },
        origin: 'user',
        updated: '2026-12-04T08:00:00.000Z',
      },
    });
    await ok('addSource', { url: server.url('/veille.xml'), category: 'Veille locale' });
    const tag = await ok('saveTag', { label: 'Élus & cabinet' });
    const { latest } = await ok('summary', {});
    const titled = (start: string) => latest.find((item: { title: string }) => item.title.startsWith(start)).id as string;
    await ok('updateItems', {
      ids: [titled('Portée organique')],
      patch: { starred: true, addTags: [tag.id, 'algorithme-portee'], note: 'Prévoir 3 Reels par semaine 🎬 — à valider avec le cabinet', impact: 'high', triage: 'reviewed' },
    });
    await ok('updateItems', { ids: [titled('Modération')], patch: { read: true } });
    await ok('saveClip', {
      page: { href: 'https://exemple.fr/clip-ttpa', title: 'TTPA : le règlement européen', selection: 'Les annonces politiques seront étiquetées.' },
      tags: ['Publicité politique'],
      note: 'À relayer aux élus',
      impact: 'medium',
    });
    before = await ownedState(previous);
    // What the member built is all there before the upgrade: the rule's alert, the clip, the note.
    expect(JSON.stringify(before)).toContain('user-municipales|');
    expect(JSON.stringify(before)).toContain('Prévoir 3 Reels par semaine 🎬');
    expect(JSON.stringify(before)).toContain('https://exemple.fr/clip-ttpa');
    // The update: today's files in place of the previous release's. Chromium runs an unpacked extension's new
    // background only once the extension is reloaded (a packed one's update does the same); without it, the
    // previous release's service worker would go on answering on today's files. Firefox reinstalls the
    // temporary add-on from the folder at the next start.
    rmSync(installed, { recursive: true, force: true });
    cpSync(BUILD_DIR, installed, { recursive: true });
    if (previous.browser === 'chromium') {
      await previous.api((ext) => void setTimeout(() => ext.runtime.reload()));
      await new Promise((done) => setTimeout(done, 2000));
    }
    await previous.close({ keepProfile: true });
  }, 90_000);

  it('opens the same profile with today’s build: every record kept, field for field, and every query answering', async () => {
    expect(before, 'the previous release was not filled').toBeDefined();
    today = await loadExtension({ profile, build: installed });
    // Today's code runs: its version, and the store upgraded to today's schema.
    expect(await today.api((ext) => ext.runtime.getManifest().version)).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    await today.settle();
    expect(await today.api(async () => (await indexedDB.databases()).find((db) => db.name === 'vigie')?.version)).toBe(DB_VERSION);
    const after = await ownedState(today);
    // Settings read as today's Vigie reads them: those the previous release did not have (the retention, the
    // fiches' notification) take their defaults.
    expect(after).toEqual({ ...before, settings: { ...(before.settings as object), retentionMonths: 12, ficheNotifications: false } });
    // Today's queries on the upgraded store: the list, the new count, the alerts, the search's keys.
    const summary = await today.request('summary');
    expect(summary.ok, summary.message).toBe(true);
    expect(summary.result.latest.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining(['Élections municipales : les règles de la publicité politique', 'TTPA : le règlement européen']),
    );
    expect(summary.result.alerts.latest.some((alert: { ruleId: string }) => alert.ruleId === 'user-municipales')).toBe(true);
    const page = await today.open('dashboard.html#/all');
    await expect.poll(() => page.locator('.item-row__title').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    // « Quoi de neuf », once: the previous release never noted its version, so every line is told, the retired
    // France-collection source among them.
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    const whatsNew = page.getByRole('dialog', { name: `Quoi de neuf dans Vigie ${version}` });
    await expect.poll(() => whatsNew.count(), { timeout: 10_000 }).toBe(1);
    expect(await whatsNew.textContent()).toContain(`Vigie a été mis à jour (version ${version}).`);
    expect(await whatsNew.textContent()).toContain('collection France');
    await page.screenshot({ path: artifact('dashboard-whats-new.png') });
    await page.getByRole('button', { name: 'Fermer les nouveautés' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Rechercher').fill('cabinet');
    await expect.poll(() => page.locator('.item-row__title').allTextContents(), { timeout: 10_000 }).toEqual(["Portée organique : les Reels d'abord"]);
    await page.close();
    // Seen: the next opening goes straight to the list.
    const again = await today.open('dashboard.html#/all');
    await expect.poll(() => again.locator('.item-row__title').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await again.getByRole('dialog').count()).toBe(0);
    await again.close();
  }, 90_000);
});
