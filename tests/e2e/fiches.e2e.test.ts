import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, startHub, type TestHub } from '../hub/helpers/hub-process';
import { startServer, withEtag, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import { connectMember } from './hub-member';
import type { TestPage } from './page';

/**
 * « Retours d'expérience » and « fiches conseils » between two members, each in their own browser profile,
 * against a real hub process. A (an admin of the hub, so an editor) answers the COPIL's alert with a REX; B
 * sees it new, finds it by words typed without accents, comments, and proposes it for a fiche; A accepts and
 * writes the fiche; B sees the fiche marked changed and reads what changed word by word; A makes B an
 * editor; both save the same fiche at once, the second is told and loses nothing; A exports the white paper.
 */

const ALERT_TITLE = 'Alerte TTPA : fin des publicités politiques sur Facebook dans l’UE';
/** A second alert of the collective, which the same REX answers too. */
const SECOND_ALERT = 'Publicités sur les sujets de société : autorisation obligatoire';
const SECOND_ALERT_URL = 'https://www.facebook.com/business/help/167836590566506';
const REX_TITLE = 'Des directs avec les élus plutôt que de la publicité';
/** B's own watch: one article, which he proposes for a fiche from its reading pane. */
const ARTICLE = 'Meta met fin aux publicités politiques dans l’Union européenne';
const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Veille des collectivités</title><link>https://exemple.fr/</link>
<item><title>${ARTICLE}</title><link>https://exemple.fr/meta-publicite-politique</link><guid>pp-1</guid><pubDate>Fri, 04 Dec 2026 09:00:00 +0100</pubDate>
<description>À partir d’octobre, plus aucune publicité politique, électorale ou sur des sujets de société.</description></item></channel></rss>`;
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'"> [clic](javascript:document.title=\'pwned\')';

describe.skipIf(!canRun)(`retours d'expérience and fiches conseils between two members in ${browserTitle}`, () => {
  let hub: TestHub;
  let server: TestServer;
  let a: LoadedExtension;
  let b: LoadedExtension;
  let admin: string;
  let alertId: string;
  let secondAlertId: string;

  beforeAll(async () => {
    // Requests kept small, as an administrator may set it (HUB_BODY_LIMIT): a long REX is more than this hub takes.
    hub = await startHub('embedded', { env: { HUB_RATE_LIMIT: '100000', HUB_BODY_LIMIT: '4096' } });
    server = await startServer({ '/veille.xml': withEtag(FEED, 'application/rss+xml; charset=utf-8') });
    admin = (await hub.join('Coordination COPIL', 'admin')).token;
    // The collective's alert, shared earlier by its coordination: what the REX will answer.
    alertId = clientId();
    const alert = { kind: 'alert', title: ALERT_TITLE, url: 'https://about.fb.com/fr/news/2025/07/fin-des-publicites-politiques-dans-lue/', priority: 'critical', tags: ['publicite-politique'] };
    expect((await hub.api(`/api/shares/${alertId}`, { method: 'PUT', token: admin, body: alert })).status).toBe(201);
    secondAlertId = clientId();
    const second = { kind: 'alert', title: SECOND_ALERT, url: SECOND_ALERT_URL, priority: 'important', tags: ['publicite-politique'] };
    expect((await hub.api(`/api/shares/${secondAlertId}`, { method: 'PUT', token: admin, body: second })).status).toBe(201);
    [a, b] = await Promise.all([loadExtension(), loadExtension()]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await hub?.close();
    await server?.close();
  });

  const fichesOf = (member: LoadedExtension, fiche = '') => member.open(`dashboard.html#/fiches${fiche ? `/${fiche}` : ''}`);

  it('A (an admin of the hub) and B (a member) join it from Paramètres', { timeout: 60_000 }, async () => {
    await (await connectMember(a, hub, 'Alice Martin', 'admin')).close();
    await (await connectMember(b, hub, 'Bruno Petit')).close();
  });

  it('A answers the alert with a REX; B sees it new with its context and what it answers, finds it without accents, comments and proposes it for a fiche', { timeout: 90_000 }, async () => {
    const copilB = await b.open('dashboard.html#/copil');
    const copilA = await a.open('dashboard.html#/copil');
    await copilA.getByRole('button', { name: 'Partager un retour d’expérience' }).click();
    const form = copilA.locator('form.rex-form');
    await form.getByLabel('Titre').fill(REX_TITLE);
    await form.getByLabel('Type de structure').selectOption('departement');
    await form.getByLabel(/^Taille/).fill('600 000 habitants');
    await form.getByLabel(/^Mois de l’expérience/).fill('2026-11');
    await form.getByLabel(/^Ce qui en est ressorti/).fill('Portée organique doublée en six semaines, sans publicité.');
    // Too long for this hub: refused, said in the hub's words at once, and the form keeps what was written.
    await form.getByLabel(/^Ce que vous avez tenté/).fill('Un direct hebdomadaire avec un élu, questions des habitants en commentaire. '.repeat(60));
    await form.getByRole('button', { name: 'Partager avec le COPIL' }).click();
    await expect.poll(() => copilA.locator('.admin-view__header [role="alert"]').textContent(), { timeout: 15_000 }).toContain('Le hub a refusé : c’est trop volumineux pour lui.');
    await copilA.locator('.admin-view__header').screenshot({ path: artifact('rex-refused.png') });
    expect(await form.getByLabel('Titre').inputValue()).toBe(REX_TITLE);
    // Nothing of it waits in the list: the hub never took it.
    await expect.poll(() => copilA.locator('.share', { hasText: REX_TITLE }).count()).toBe(0);
    await form.getByLabel(/^Ce que vous avez tenté/).fill('Un direct hebdomadaire avec un élu, questions des habitants en commentaire.');
    await form.getByLabel(/^En réponse à/).selectOption({ label: `Alerte : ${ALERT_TITLE}` });
    // Chosen, it is listed with its « Retirer », and the choice offers another: the second alert, answered too.
    await expect.poll(() => form.getByRole('list', { name: 'Ce à quoi il répond' }).textContent()).toContain(`Alerte : ${ALERT_TITLE}`);
    expect(await form.getByRole('button', { name: `Retirer « Alerte : ${ALERT_TITLE} » des réponses` }).count()).toBe(1);
    await form.getByLabel(/^En réponse à/).selectOption({ label: `Alerte : ${SECOND_ALERT}` });
    await expect.poll(() => form.getByRole('list', { name: 'Ce à quoi il répond' }).getByRole('listitem').count()).toBe(2);
    await form.locator('.rex-answers').screenshot({ path: artifact('rex-answers.png') });
    expect(await seriousViolations(copilA)).toEqual([]);
    await copilA.screenshot({ path: artifact('rex-form-answer.png'), fullPage: true });
    await form.getByRole('button', { name: 'Partager avec le COPIL' }).click();
    await expect.poll(() => copilA.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Retour d’expérience partagé avec le COPIL.');
    const onHub = (await hub.api('/api/changes?since=0', { token: admin })).json.shares.find((share: { title: string }) => share.title === REX_TITLE);
    expect(onHub.rex.answers).toEqual([
      { shareId: alertId, title: ALERT_TITLE, url: 'https://about.fb.com/fr/news/2025/07/fin-des-publicites-politiques-dans-lue/' },
      { shareId: secondAlertId, title: SECOND_ALERT, url: SECOND_ALERT_URL },
    ]);
    await copilA.close();

    // B's open COPIL page hears of it live: new, marked as a REX, with what it answers.
    const card = copilB.locator('.share', { hasText: REX_TITLE });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('.share__new').textContent()).toBe('nouveau');
    // Both things it answers, each a link to where it came from.
    const answered = card.locator('.share__rex dd a');
    expect(await answered.allTextContents()).toEqual([ALERT_TITLE, SECOND_ALERT]);
    expect(await answered.nth(1).getAttribute('href')).toBe(SECOND_ALERT_URL);
    await card.locator('.share__rex').screenshot({ path: artifact('rex-two-answers.png') });
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('elus portee doublee');
    await expect.poll(() => copilB.locator('.share').count()).toBe(1);
    await card.getByLabel('Votre commentaire (partage d’expérience)').fill('Même essai à la métropole : mêmes chiffres.');
    await card.getByRole('button', { name: 'Commenter' }).click();
    await expect.poll(() => card.locator('.share__comments').textContent(), { timeout: 15_000 }).toContain('Même essai à la métropole');
    // B is a member, not an editor: his choice of fiche is a proposal for the editors.
    await card.getByLabel('Proposer pour une fiche conseil').selectOption({ label: 'Publicité politique' });
    await card.getByRole('button', { name: 'Proposer', exact: true }).click();
    await expect.poll(() => card.locator('.fiche-proposal [role="status"]').textContent(), { timeout: 15_000 }).toBe('Proposé pour la fiche « Publicité politique » : les rédacteurs décideront.');
    expect(await seriousViolations(copilB)).toEqual([]);
    await card.screenshot({ path: artifact('rex-proposed.png') });
    await copilB.close();
  });

  it('B proposes an article of his own watch for a fiche from its reading pane: shared with the COPIL first, then proposed', { timeout: 90_000 }, async () => {
    const added = await b.request('addSource', { url: server.url('/veille.xml') });
    expect(added.ok, added.message).toBe(true);
    const list = await b.open('dashboard.html#/all');
    await expect.poll(() => list.locator('.item-row__title').allTextContents(), { timeout: 15_000 }).toContain(ARTICLE);
    await list.locator('.item-row__title', { hasText: ARTICLE }).click();
    const pane = list.locator('.reading-pane');
    await pane.getByLabel('Proposer pour une fiche conseil').selectOption({ label: 'Publicité politique' });
    await pane.getByRole('button', { name: 'Proposer', exact: true }).click();
    await expect.poll(() => pane.locator('.fiche-proposal [role="status"]').textContent(), { timeout: 15_000 }).toBe('Proposé pour la fiche « Publicité politique » : les rédacteurs décideront.');
    // Done: the choice is empty again, so the button waits for the next one.
    expect(await pane.getByLabel('Proposer pour une fiche conseil').inputValue()).toBe('');
    const shared = (await hub.api('/api/changes?since=0', { token: admin })).json.shares.find((share: { title: string }) => share.title === ARTICLE);
    expect(shared).toMatchObject({ kind: 'item', author: { name: 'Bruno Petit' } });
    const open = (await hub.api('/api/fiches', { token: admin })).json.suggestions as { kind: string; link?: { shareId: string } }[];
    expect(open.filter((suggestion) => suggestion.link?.shareId === shared.id)).toHaveLength(1);
    // Bruno's own share is said as his, never by his name.
    await expect.poll(() => pane.locator('.share-button__by').textContent(), { timeout: 15_000 }).toBe('Vous l’avez déjà partagé.');
    expect(await seriousViolations(list)).toEqual([]);
    await pane.screenshot({ path: artifact('item-proposed.png') });
    await list.close();
  });

  it('A accepts the proposal and writes the fiche, hostile Markdown included; B sees it marked changed, reads it inert, then reads the next change word by word', { timeout: 90_000 }, async () => {
    const fichesA = await fichesOf(a, 'publicite-politique');
    const suggestion = fichesA.locator('.fiche__suggestion', { hasText: REX_TITLE });
    await expect.poll(() => suggestion.count(), { timeout: 15_000 }).toBe(1);
    expect(await suggestion.textContent()).toContain('Bruno Petit propose de citer');
    await suggestion.getByRole('button', { name: 'Accepter' }).click();
    await expect.poll(() => fichesA.locator('.fiche__references').textContent(), { timeout: 15_000 }).toContain(REX_TITLE);
    expect(await fichesA.locator('.fiche__references').textContent()).toContain('Département (600 000 habitants) · Facebook, novembre 2026');

    await fichesA.getByRole('button', { name: 'Modifier la fiche' }).click();
    await fichesA.getByLabel('Texte (Markdown)').fill(`## Que faire\n\nVérifier l’**autorisation de diffusion** avant chaque publication sponsorisée.\n\n${HOSTILE}`);
    await fichesA.getByLabel(/^Ce qui change/).fill('première version');
    // The preview shows the text as members will read it: emphasis, no script.
    await expect.poll(() => fichesA.locator('.fiche-editor__preview strong').textContent()).toBe('autorisation de diffusion');
    expect(await seriousViolations(fichesA)).toEqual([]);
    await fichesA.screenshot({ path: artifact('fiche-editor.png'), fullPage: true });
    await fichesA.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect.poll(() => fichesA.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Version 1 enregistrée.');

    // B: the navigation marks the fiche changed (his open dashboard hears of it live).
    const fichesB = await fichesOf(b);
    await expect.poll(() => fichesB.getByRole('link', { name: /^Fiches conseils \(1 modifiée\)/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await fichesB.locator('.fiches-view__list a', { hasText: 'Publicité politique' }).textContent()).toContain('modifiée');
    await fichesB.locator('.fiches-view__list a', { hasText: 'Publicité politique' }).click();
    await expect.poll(() => fichesB.locator('.fiche-text strong').textContent(), { timeout: 15_000 }).toBe('autorisation de diffusion');
    // Hostile Markdown renders inert: no image, no javascript: link, the page's title untouched.
    expect(await fichesB.locator('.fiche-text img, .fiche-text a[href^="javascript"]').count()).toBe(0);
    expect(await fichesB.evaluate(() => document.title)).not.toBe('pwned');
    // Read: the mark goes.
    await expect.poll(() => fichesB.getByRole('link', { name: 'Fiches conseils', exact: true }).count(), { timeout: 15_000 }).toBe(1);

    // B goes back to the list (a fiche open when a new version comes is read then, its change shown in place).
    await fichesB.goto(fichesB.url().replace(/#.*/, '#/fiches'));
    await expect.poll(() => fichesB.locator('.fiches-view__fiche .empty').count()).toBe(1);
    // A changes one sentence; B sees the fiche marked again and reads the change word by word.
    await fichesA.getByRole('button', { name: 'Modifier la fiche' }).click();
    const text = fichesA.getByLabel('Texte (Markdown)');
    await text.fill(((await text.inputValue()) ?? '').replace('avant chaque publication sponsorisée', 'trois semaines avant chaque publication sponsorisée'));
    await fichesA.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect.poll(() => fichesA.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Version 2 enregistrée.');
    await fichesA.close();
    await expect.poll(() => fichesB.getByRole('link', { name: /^Fiches conseils \(1 modifiée\)/ }).count(), { timeout: 15_000 }).toBe(1);
    await fichesB.locator('.fiches-view__list a', { hasText: 'Publicité politique' }).click();
    const changed = fichesB.locator('.fiche__changed');
    await expect.poll(() => changed.locator('h3').textContent(), { timeout: 15_000 }).toBe('Ce qui a changé depuis votre lecture (version 1 → 2, par Alice Martin)');
    // Each change is said in words too (hidden, for screen readers): « [ajouté : …] ».
    await expect.poll(async () => (await changed.locator('ins').allTextContents()).join(''), { timeout: 15_000 }).toBe('[ajouté : trois semaines ]');
    expect(await changed.locator('del').count()).toBe(0);
    expect(await seriousViolations(fichesB)).toEqual([]);
    await fichesB.screenshot({ path: artifact('fiche-changed.png'), fullPage: true });
    await fichesB.close();
  });

  it('A makes B an editor; both save the same fiche at once: the second is shown the first’s version and loses nothing', { timeout: 90_000 }, async () => {
    const settingsA = await a.open('dashboard.html#/settings');
    const grant = settingsA.getByLabel('Bruno Petit peut rédiger les fiches conseils');
    await expect.poll(() => grant.count(), { timeout: 15_000 }).toBe(1);
    await grant.check();
    await expect.poll(() => settingsA.locator('[role="status"]').allTextContents(), { timeout: 15_000 }).toContain('Bruno Petit peut désormais rédiger les fiches conseils.');
    const members = (await hub.api('/api/members', { token: admin })).json.members as { name: string; editor?: boolean }[];
    expect(members.find((member) => member.name === 'Bruno Petit')?.editor).toBe(true);
    await settingsA.locator('.hub-admin').screenshot({ path: artifact('hub-admin-editors.png') });
    await settingsA.close();
    // B reads the fiches again (his right came with the hub's answer).
    expect((await b.request('refreshFiches')).result.answer.editor).toBe(true);

    const [fichesA, fichesB] = await Promise.all([fichesOf(a, 'groupes'), fichesOf(b, 'groupes')]);
    for (const page of [fichesA, fichesB]) await page.getByRole('button', { name: 'Modifier la fiche' }).click();
    await fichesA.getByLabel('Texte (Markdown)').fill('Prévenir les administrateurs de groupes.');
    await fichesB.getByLabel('Texte (Markdown)').fill('Relire les règles du groupe chaque trimestre.');
    await fichesA.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect.poll(() => fichesA.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Version 1 enregistrée.');
    // The hub's live stream tells B's page while he writes: said below his buttons, his text untouched (and
    // nothing above the editor moves, so his click lands where he aims).
    await expect.poll(() => fichesB.locator('.fiche-editor__newer').textContent(), { timeout: 15_000 }).toContain('Alice Martin vient d’enregistrer la version 1 de cette fiche.');
    expect(await fichesB.getByLabel('Texte (Markdown)').inputValue()).toBe('Relire les règles du groupe chaque trimestre.');
    await fichesB.locator('.fiche-editor').screenshot({ path: artifact('fiche-newer-note.png') });
    await fichesB.getByRole('button', { name: 'Enregistrer la version' }).click();
    const conflict = fichesB.locator('.fiche-editor__conflict');
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(1).catch(async (error: unknown) => {
      // What B's page said instead, for the log.
      throw new Error(`no conflict shown; B's page says: ${JSON.stringify(await fichesB.locator('[role="status"], [role="alert"]').allTextContents())}`, { cause: error });
    });
    expect(await conflict.textContent()).toContain('Alice Martin a enregistré la version 1 pendant que vous écriviez');
    // His own text is still in the field; the difference with hers is shown.
    expect(await fichesB.getByLabel('Texte (Markdown)').inputValue()).toBe('Relire les règles du groupe chaque trimestre.');
    // Her words are struck out against his, his underlined.
    expect((await conflict.locator('del').allTextContents()).join(' ')).toContain('Prévenir');
    expect((await conflict.locator('ins').allTextContents()).join(' ')).toContain('trimestre');
    expect(await seriousViolations(fichesB)).toEqual([]);
    await fichesB.screenshot({ path: artifact('fiche-conflict.png'), fullPage: true });
    // He merges and saves: version 2 holds both.
    await fichesB.getByLabel('Texte (Markdown)').fill('Prévenir les administrateurs de groupes.\n\nRelire les règles du groupe chaque trimestre.');
    await fichesB.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect.poll(() => fichesB.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Version 2 enregistrée.');
    const versions = (await hub.api('/api/fiches/groupes/versions', { token: admin })).json.versions as { version: number; author: { name: string } }[];
    expect(versions.map((version) => [version.version, version.author.name])).toEqual([[2, 'Bruno Petit'], [1, 'Alice Martin']]);
    await Promise.all([fichesA.close(), fichesB.close()]);
  });

  it('A exports the white paper: the fiches chosen, their text, references and credits, the licence; nothing in it runs', { timeout: 90_000 }, async () => {
    // The licence line, chosen by an admin in Paramètres (kept on the hub for every member's export).
    const settingsA = await a.open('dashboard.html#/settings');
    const licence = settingsA.getByLabel(/^Licence du livre blanc/);
    await expect.poll(() => licence.inputValue(), { timeout: 15_000 }).toBe('Licence Ouverte / Open Licence 2.0 (Etalab)');
    await licence.fill('Licence Ouverte 2.0 — COPIL des communicants publics');
    await settingsA.getByRole('button', { name: 'Enregistrer la licence' }).click();
    await expect.poll(() => settingsA.locator('[role="status"]').allTextContents(), { timeout: 15_000 }).toContain('Licence du livre blanc enregistrée.');
    await settingsA.close();
    const fichesA: TestPage = await fichesOf(a);
    await fichesA.getByRole('button', { name: 'Livre blanc…' }).click();
    const dialog = fichesA.getByRole('dialog', { name: 'Exporter le livre blanc' });
    // The fiches written are chosen already: « Publicité politique » and « Groupes ».
    await expect.poll(() => dialog.locator('input[type="checkbox"]:checked').count()).toBe(2);
    expect(await seriousViolations(fichesA)).toEqual([]);
    await fichesA.screenshot({ path: artifact('white-paper-dialog.png') });
    const html = await a.download(fichesA, () => dialog.getByRole('button', { name: 'Exporter en HTML (à imprimer)' }).click());
    expect(html.name).toMatch(/^livre-blanc-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html.text).toMatch(/^<!doctype html>/);
    for (const expected of ['Publicité politique', 'Groupes', 'trois semaines avant chaque publication sponsorisée', REX_TITLE, 'Département (600 000 habitants) · Facebook, novembre 2026', 'Contributeurs', 'Alice Martin, Bruno Petit', 'Licence : Licence Ouverte 2.0 — COPIL des communicants publics']) {
      expect(html.text).toContain(expected);
    }
    expect(html.text).not.toMatch(/<script|onerror|javascript:/i);
    await fichesA.getByRole('button', { name: 'Livre blanc…' }).click();
    const markdown = await a.download(fichesA, () => fichesA.getByRole('dialog', { name: 'Exporter le livre blanc' }).getByRole('button', { name: 'Exporter en Markdown' }).click());
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain('## Publicité politique');
    expect(markdown.text).toContain('### Que faire');
    expect(markdown.text).not.toMatch(/<img|onerror|javascript:/i);
    await fichesA.close();

    // The week's digest, for the COPIL meeting, ends with the fiches changed this week.
    const digest = await a.open('dashboard.html#/digest');
    const changed = digest.locator('.digest-fiches');
    await expect.poll(() => changed.locator('li').allTextContents(), { timeout: 15_000 }).toEqual([
      expect.stringMatching(/^Groupes — version 2, le .+ par Bruno Petit$/),
      expect.stringMatching(/^Publicité politique — version 2, le .+ par Alice Martin$/),
    ]);
    await changed.screenshot({ path: artifact('digest-fiches.png') });
    await digest.close();
  });
});
