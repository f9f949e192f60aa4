import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { artifact, BROWSER, browserTitle, canRun, loadExtension, type LoadedExtension, type LoadOptions } from './extension';
import { ownedState } from './owned';

/**
 * Paramètres' retention and storage figures, and a write the browser has no room for, in a real browser.
 *
 * How each browser is given little room:
 * - Firefox: the preference `dom.quotaManager.temporaryStorage.fixedLimit` (in KB) caps the whole profile's
 *   storage (checked on Firefox ESR 140.12: `navigator.storage.estimate()` then says that quota, and a write
 *   past it fails with QuotaExceededError). This test found that Firefox then keeps the writes the transaction
 *   had already sent after the failed one; the store now sends large writes one after another (store.ts).
 * - Chromium: Vigie holds `unlimitedStorage`, so Chromium enforces no per-origin quota on it. The DevTools
 *   protocol's `Storage.overrideQuotaForOrigin` on the extension's origin changes what `estimate()` reports, but
 *   no write is refused (tried: a 6 MB import went through under a 2.6 MB override). What bounds an unlimited
 *   origin is the disk: the profile is put on a small disk of its own (a tmpfs) whose free space is then
 *   filled but for 3 MB. Mounting needs root; where it is refused, the Chromium case is skipped and says why.
 */
const FIREFOX_LIMIT_KB = 4000;
/** What the disk keeps free in Chromium once filled. */
const CHROMIUM_ROOM = 3_000_000;
const OLD = '2024-01-15T08:00:00.000Z';

/** A small disk for Chromium's profile, when this machine lets the test mount one. */
function smallDisk(): { dir: string; why?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-quota-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', dir], { stdio: 'pipe' });
    mkdirSync(join(dir, 'profile'));
    return { dir };
  } catch (error) {
    return { dir, why: `no small disk for the profile (mount -t tmpfs refused: ${(error as Error).message.split('\n')[0]})` };
  }
}

const item = (id: string, fields: Record<string, unknown> = {}) => ({ id, sourceId: 'clips', title: `Élément ${id}`, fetched: OLD, published: OLD, categories: [], read: true, starred: false, tags: [], ...fields });

describe.skipIf(!canRun)(`retention and storage quota in ${browserTitle}`, () => {
  let vigie: LoadedExtension;
  let disk: { dir: string; why?: string } | undefined;
  let files: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'vigie-quota-files-'));
    const options: LoadOptions = {};
    if (BROWSER === 'firefox') options.prefs = { 'dom.quotaManager.temporaryStorage.fixedLimit': FIREFOX_LIMIT_KB };
    else {
      disk = smallDisk();
      if (!disk.why) options.profile = join(disk.dir, 'profile');
      else console.warn(`⚠ quota test skipped in Chromium: ${disk.why}`);
    }
    vigie = await loadExtension(options);
  }, 60_000);

  afterAll(async () => {
    try {
      await vigie?.close();
    } finally {
      if (disk && !disk.why) execFileSync('umount', [disk.dir]);
      if (disk) rmSync(disk.dir, { recursive: true, force: true });
      if (files) rmSync(files, { recursive: true, force: true });
    }
  });

  /** The member's data as the backup carries it, with `items` added. */
  async function backupWith(items: object[]): Promise<string> {
    const exported = await vigie.request('exportData');
    const backup = JSON.parse(exported.result.text);
    backup.items.push(...items);
    return JSON.stringify(backup);
  }

  it('shows in Paramètres the retention (12 months), what is never removed and the space used; « Nettoyer maintenant » removes the old items nobody worked on', async () => {
    const imported = await vigie.request('importData', {
      text: await backupWith([item('vieux-1'), item('vieux-2'), item('vieux-3'), item('vieux-favori', { starred: true }), item('vieux-conseil', { note: 'À relayer au cabinet' }), item('recent', { published: new Date().toISOString(), fetched: new Date().toISOString() })]),
    });
    expect(imported.ok).toBe(true);

    const page = await vigie.open('dashboard.html#/settings');
    const choice = page.getByLabel('Garder les éléments');
    await expect.poll(() => choice.inputValue()).toBe('12');
    expect(await page.locator('#retention-hint').textContent()).toMatch(/Ne sont jamais retirés : les favoris, les éléments que vous avez étiquetés, annotés \(conseil\), clipés ou partagés avec le COPIL, ceux qui ont une alerte non lue/);
    await expect.poll(() => page.locator('[data-testid="last-prune"]').textContent()).toMatch(/^Aucun nettoyage pour l'instant\./);
    await expect.poll(() => page.locator('[data-testid="storage-usage"]').textContent()).toMatch(/^[\d,]+\s(octets?|ko|Mo|Go) utilisés sur [\d,]+\s(ko|Mo|Go|To) que le navigateur accorde à Vigie$/);
    const itemsRow = page.locator('.storage-counts tr', { hasText: 'Éléments' });
    await expect.poll(() => itemsRow.locator('td').textContent()).toBe('6');

    // Removing items is asked first, in the app's own dialog, saying what stays.
    await page.getByRole('button', { name: 'Nettoyer maintenant' }).click();
    const asked = page.getByRole('dialog');
    await expect.poll(() => asked.textContent()).toContain('Retirer maintenant les éléments de plus de 12 mois ?');
    await asked.getByRole('button', { name: 'Nettoyer maintenant' }).click();
    await expect.poll(() => page.locator('[data-testid="last-prune"]').textContent()).toMatch(/^Dernier nettoyage le .+ : 3 éléments retirés/);
    await expect.poll(() => itemsRow.locator('td').textContent()).toBe('3');
    expect(await vigie.item('vieux-1')).toBeNull();
    expect((await vigie.item('vieux-favori'))?.starred).toBe(true);
    expect((await vigie.item('vieux-conseil'))?.note).toBe('À relayer au cabinet');
    expect(await vigie.item('recent')).not.toBeNull();
    await page.locator('section[aria-labelledby="retention-title"]').screenshot({ path: artifact('settings-retention.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // « toujours »: saved, and « Nettoyer maintenant » has nothing to do.
    await choice.selectOption('toujours');
    await expect.poll(async () => (await vigie.request('getSettings')).result.retentionMonths).toBeNull();
    await expect.poll(() => page.getByRole('button', { name: 'Nettoyer maintenant' }).isDisabled()).toBe(true);
    // Back to 12 months is shorter: asked first; refused, « toujours » stays, in force and on screen.
    await choice.selectOption('12');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => choice.inputValue()).toBe('toujours');
    expect((await vigie.request('getSettings')).result.retentionMonths).toBeNull();
    await choice.selectOption('12');
    await page.getByRole('dialog').getByRole('button', { name: 'Réduire et nettoyer' }).click();
    await expect.poll(async () => (await vigie.request('getSettings')).result.retentionMonths).toBe(12);
    await page.close();
  });

  it('refuses an import the browser has no room for, says so in words, and leaves every record as it was', async (context) => {
    if (disk?.why) context.skip();
    const before = await ownedState(vigie);
    // 6 MB that no compression shrinks, in records small enough to be stored inline (not as blobs).
    const text = await backupWith(Array.from({ length: 400 }, (_, index) => item(`lourd-${index}`, { read: false, contentHtml: `<p>${randomBytes(15_000).toString('base64')}</p>` })));
    const path = join(files, 'trop-gros.json');
    writeFileSync(path, text);

    const filler = disk ? join(disk.dir, 'filler') : undefined;
    if (disk && filler) {
      const { bavail, bsize } = statfsSync(disk.dir);
      execFileSync('fallocate', ['-l', String(bavail * bsize - CHROMIUM_ROOM), filler]);
    }
    const page = await vigie.open('dashboard.html#/settings');
    const usage = await page.evaluate(() => navigator.storage.estimate().then(({ usage = 0, quota = 0 }) => ({ usage, quota })));
    expect(usage.quota - usage.usage).toBeLessThan(text.length);

    await page.locator('[data-testid="backup-file"]').setInputFiles(path);
    const dialog = page.getByRole('dialog', { name: 'Remplacer toutes les données ?' });
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Remplacer mes données' }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 20_000 }).toMatch(/^Espace de stockage du navigateur plein : rien n'a été enregistré \(/);
    await page.screenshot({ path: artifact('settings-quota-refused.png') });

    // The member makes room (Chromium: the disk), and finds everything as it was: nothing half-written.
    if (filler) rmSync(filler);
    expect(await ownedState(vigie)).toEqual(before);
    expect(await vigie.item('lourd-0')).toBeNull();
    await page.close();
  }, 90_000);
});
