import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/store/schema';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';

/**
 * A store a newer Vigie made, met by this build (a member who went back to an older version): the popup and
 * the dashboard say so in words, nothing is written, and the member can still export what is there. The newer
 * store is made here from an extension page, at DB_VERSION + 1 with one more object store, the way a future
 * migration would; the background's connection closes itself for it.
 */
describe.skipIf(!canRun)(`a store from a newer Vigie in ${browserTitle}`, () => {
  let vigie: LoadedExtension;

  beforeAll(async () => {
    vigie = await loadExtension();
  }, 60_000);

  afterAll(async () => {
    await vigie?.close();
  });

  it('says so in the popup and the dashboard, keeps the data untouched, and exports it raw', async () => {
    const page = await vigie.open('blank.html');
    const upgraded = await page.evaluate(
      (version) =>
        new Promise<string>((resolve) => {
          const opening = indexedDB.open('vigie', version);
          opening.onupgradeneeded = () => opening.result.createObjectStore('future', { keyPath: 'id' }).put({ id: 'f1', note: 'écrit par une version future' });
          opening.onsuccess = () => {
            const names = Array.from(opening.result.objectStoreNames).join(',');
            opening.result.close();
            resolve(names);
          };
          opening.onblocked = () => resolve('blocked');
          opening.onerror = () => resolve(`error ${opening.error}`);
        }),
      DB_VERSION + 1,
    );
    expect(upgraded).toContain('future');

    const sentence = `Ces données viennent d'une version plus récente de Vigie (base de données version ${DB_VERSION + 1}, cette version de Vigie lit jusqu'à la version ${DB_VERSION}). Elles sont intactes : mettez Vigie à jour, ou exportez une sauvegarde.`;
    const refused = await vigie.request('summary');
    expect(refused).toMatchObject({ ok: false, code: 'store-newer' });

    const popup = await vigie.open('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect.poll(() => popup.locator('main').textContent(), { timeout: 10_000 }).toContain(sentence);
    // Nothing of the summary kept from before is shown under it (it said « Aucun nouvel élément »).
    await expect.poll(() => popup.getByRole('tablist').count()).toBe(0);
    await popup.screenshot({ path: artifact('popup-newer-store.png') });
    await popup.close();

    const dashboard = await vigie.open('dashboard.html#/all');
    // Said as an alert (the page's status line keeps its own, empty, alert region beside it).
    await expect.poll(async () => (await dashboard.getByRole('alert').allTextContents()).filter(Boolean), { timeout: 10_000 }).toEqual([sentence]);
    await dashboard.screenshot({ path: artifact('dashboard-newer-store.png') });
    const file = await vigie.download(dashboard, () => dashboard.getByRole('button', { name: 'Exporter toutes les données' }).click());
    const raw = JSON.parse(file.text);
    expect(raw).toMatchObject({ format: 'vigie-raw-export', database: { version: DB_VERSION + 1 } });
    expect(JSON.stringify(raw)).toContain('écrit par une version future');
    await dashboard.close();

    // Untouched: still the newer version, its store and record there.
    expect(
      await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const opening = indexedDB.open('vigie');
            opening.onsuccess = () => {
              const db = opening.result;
              const reading = db.transaction('future').objectStore('future').get('f1');
              reading.onsuccess = () => {
                resolve(`${db.version} ${reading.result?.note}`);
                db.close();
              };
            };
          }),
      ),
    ).toBe(`${DB_VERSION + 1} écrit par une version future`);
    await page.close();
  }, 60_000);
});
