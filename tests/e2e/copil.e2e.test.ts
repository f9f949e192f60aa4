import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../hub/helpers/hub-process';
import { startServer, type TestServer } from '../support/http-server';
import { seriousViolations } from './axe';
import { artifact, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';
import { connectMember } from './hub-member';

/**
 * The COPIL hub with two members, each in their own browser profile, and a real hub process on loopback
 * (embedded database). A clips a page and shares it with a note; B's open dashboard hears of it live, B's
 * badge counts it, B reads the note and comments; A sees the comment. Then the hub stops, A shares again,
 * the share waits in A's outbox, the hub comes back on the same address, and the share arrives once.
 */

const html = (title: string, body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/actu/reels': html('Reels : Meta change la portée des vidéos des Pages', '<p id="quote">Les Reels des Pages publiques seront moins mis en avant dès janvier.</p>'),
  '/actu/groupes': html('Groupes : nouvelles règles de modération', '<p id="quote">Les administrateurs de groupes devront valider chaque publication.</p>'),
};

/** A port free now, so the hub can come back on the same address after a stop. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!canRun)(`the COPIL hub between two members in ${browserTitle}`, () => {
  let server: TestServer;
  let hub: TestHub;
  let a: LoadedExtension;
  let b: LoadedExtension;
  let admin: string;

  beforeAll(async () => {
    server = await startServer(
      Object.fromEntries(Object.entries(PAGES).map(([path, body]) => [path, (_: unknown, response: import('node:http').ServerResponse) => void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)])),
    );
    hub = await startHub('embedded', { env: { HUB_PORT: String(await freePort()), HUB_RATE_LIMIT: '100000' } });
    admin = (await hub.join('Admin du COPIL', 'admin')).token;
    [a, b] = await Promise.all([loadExtension(), loadExtension()]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await hub?.close();
    await server?.close();
  });

  const connect = (member: LoadedExtension, name: string, role: 'member' | 'admin' = 'member', typed = hub.url) => connectMember(member, hub, name, role, typed);

  /** Clips a served page from the popup (opened on its tab), its paragraph selected, with a note, shared with the COPIL. */
  async function clipAndShare(member: LoadedExtension, path: string, note: string): Promise<string> {
    const { page: tab, tabId } = await member.openTab(server.url(path));
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote') as HTMLElement);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const popup = await member.open(`popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Cliper cette page' }).click();
    await popup.getByLabel('Note').fill(note);
    await popup.getByRole('checkbox', { name: 'Partager avec le COPIL' }).check();
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    const status = popup.locator('.clip [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^(Clipé|Page déjà suivie) /);
    const said = (await status.textContent()) ?? '';
    await popup.close();
    await tab.close();
    return said;
  }

  const sharesOnHub = async () => (await hub.api('/api/changes?since=0&limit=500', { token: admin })).json.shares as { id: string; title: string; note?: string; comments: { body: string }[] }[];

  it('connects both members with invite codes; an admin invites and revokes from Paramètres; a code works once', { timeout: 60_000 }, async () => {
    // An address typed without scheme where nothing answers: both tried, both named, the browser's words apart.
    const dead = await a.open('dashboard.html#/settings');
    const closed = hub.url.replace(/^http:\/\//, '').replace(/:\d+$/, ':9');
    await dead.getByLabel('Adresse du hub').fill(closed);
    await dead.getByLabel('Code d’invitation').fill('ABCD-EFGH');
    await dead.getByRole('button', { name: 'Se connecter au hub' }).click();
    const said = dead.locator('.admin-status--error');
    await expect.poll(() => said.count(), { timeout: 20_000 }).toBe(1);
    expect(await said.textContent()).toContain(`Aucun hub n’a répondu à https://${closed} ou http://${closed}.`);
    expect(await said.locator('.error-details summary').textContent()).toBe('Détails');
    await dead.close();
    const settingsA = await connect(a, 'Alice Martin', 'admin');
    // Bruno types the address as it was dictated to him, without its scheme: https is tried (this hub has no
    // certificate), then http, which answers.
    await connect(b, 'Bruno Petit', 'member', hub.url.replace(/^http:\/\//, ''));

    // Alice administers the hub from Paramètres: an invite code for Claire, then Claire's access revoked.
    await settingsA.getByLabel('Nom du nouveau membre').fill('Claire Dubois');
    await settingsA.getByRole('button', { name: 'Créer un code d’invitation' }).click();
    const output = settingsA.locator('.hub-admin__code output');
    await expect.poll(() => output.count()).toBe(1);
    const code = (await output.textContent())!;
    const claire = await hub.api('/api/join', { body: { code } });
    expect(claire.status).toBe(201);
    await settingsA.reload();
    const row = settingsA.getByRole('row', { name: /Claire Dubois/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Révoquer : Claire Dubois' }).click();
    // The app's own dialog asks first (never the browser's confirm()).
    const revoking = settingsA.getByRole('dialog', { name: 'Révoquer l’accès de Claire Dubois ?' });
    await expect.poll(() => revoking.count()).toBe(1);
    expect(await revoking.textContent()).toContain('Son jeton sera refusé immédiatement');
    await revoking.getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => row.textContent()).toContain('révoqué le');
    expect((await hub.api('/api/me', { token: claire.json.token })).status).toBe(401);

    // Alice publishes her sources as the COPIL's pack: the hub now serves them to every member.
    await settingsA.getByRole('button', { name: 'Publier mes sources comme pack du COPIL' }).click();
    await settingsA.getByRole('dialog', { name: 'Remplacer le pack de sources du COPIL par les sources de ce navigateur ?' }).getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => settingsA.getByRole('status').first().textContent()).toMatch(/^Pack de sources publié : \d+ sources, version 1\.$/);
    const pack = await hub.api('/api/packs/sources', { token: admin });
    expect(pack.text).toContain('Meta Newsroom');
    expect(await seriousViolations(settingsA)).toEqual([]);
    await settingsA.locator('.admin-section', { has: settingsA.getByRole('heading', { name: 'Hub du COPIL' }) }).screenshot({ path: artifact('settings-hub.png') });

    const again = await b.request('hubConnect', { url: hub.url, code });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('already used') });
    // The failed attempt left B's connection as it was.
    expect((await b.request('hubStatus')).result.member.name).toBe('Bruno Petit');
  });

  it('A shares a clip with a note; B, dashboard open, hears of it live, counts it on the badge, reads the note and comments; A sees the comment', { timeout: 90_000 }, async () => {
    const copilB = await b.open('dashboard.html#/copil');
    await expect.poll(() => copilB.locator('.new-count').textContent()).toBe('Aucun nouveau partage');
    const badgeBefore = Number((await b.badge()).text || 0);

    expect(await clipAndShare(a, '/actu/reels', 'Prévoir moins de Reels, plus de vidéos natives longues')).toBe('Clipé Partagé avec le COPIL.');

    // No click on B's side: the hub's event stream makes B's background pull.
    const card = copilB.locator('.share', { hasText: 'Reels : Meta change la portée des vidéos des Pages' });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('.share__note').textContent()).toBe('Conseil : Prévoir moins de Reels, plus de vidéos natives longues');
    expect(await card.locator('.share__meta').textContent()).toContain('Partagé par Alice Martin');
    expect(await card.locator('.share__quote').textContent()).toBe('Les Reels des Pages publiques seront moins mis en avant dès janvier.');
    // The page said its language (<html lang="fr">): the clip kept it, the hub carried it, B's screen marks the article's words with it.
    expect([await card.locator('.share__title').getAttribute('lang'), await card.locator('.share__quote').getAttribute('lang')]).toEqual(['fr', 'fr']);
    await expect.poll(async () => Number((await b.badge()).text || 0)).toBe(badgeBefore + 1);
    // One desktop notification, whose click opens the COPIL section on that share.
    const notices = await b.notifications();
    expect(notices.filter((id) => id.startsWith('vigie#/copil?share='))).toHaveLength(1);
    await expect.poll(() => copilB.getByRole('link', { name: 'COPIL (1 nouveau)' }).count()).toBe(1);

    await card.getByLabel('Votre commentaire (partage d’expérience)').fill('Testé sur la page de la ville : −30 % de portée en une semaine.');
    await card.getByRole('button', { name: 'Commenter' }).click();
    await expect.poll(() => card.locator('.share__comments').textContent()).toContain('Bruno Petit');
    await card.getByRole('button', { name: 'Utile (0)' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Utile (1)' }).getAttribute('aria-pressed')).toBe('true');
    // The filters: words without accents, then words no share has.
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('portee reels');
    await expect.poll(() => copilB.locator('.share').count()).toBe(1);
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('tiktok');
    await expect.poll(() => copilB.locator('.share').count()).toBe(0);
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('');
    expect(await seriousViolations(copilB)).toEqual([]);
    await copilB.screenshot({ path: artifact('dashboard-copil.png') });

    // B opens the popup: the COPIL tab shows the share, and seeing it there clears it from the badge.
    const popupB = await b.open('popup.html');
    await popupB.getByRole('tab', { name: /^COPIL/ }).click();
    await expect.poll(() => popupB.locator('.share__note').first().textContent()).toContain('Prévoir moins de Reels');
    await expect.poll(async () => Number((await b.badge()).text || 0)).toBe(badgeBefore);
    expect(await seriousViolations(popupB)).toEqual([]);
    await popupB.screenshot({ path: artifact('popup-copil.png') });
    // Closed, as a popup closes when the member clicks elsewhere: an open COPIL tab files what arrives as seen.
    await popupB.close();

    // A's side: the comment arrives with the next pull (the alarm's, or here the dashboard's stream).
    const copilA = await a.open('dashboard.html#/copil');
    const mine = copilA.locator('.share', { hasText: 'Reels : Meta change la portée' });
    await expect.poll(() => mine.locator('.share__comments').textContent(), { timeout: 15_000 }).toContain('Testé sur la page de la ville : −30 % de portée en une semaine.');
    expect(await mine.getByRole('button', { name: 'Utile (1)' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps one entry per article: A shares it again, B shares it too; A is told of comments and answers one', { timeout: 90_000 }, async () => {
    const title = 'Reels : Meta change la portée des vidéos des Pages';
    // A clips and shares the same page again: the share is updated, not doubled.
    expect(await clipAndShare(a, '/actu/reels', 'Prévoir moins de Reels, plus de vidéos longues')).toContain('Partage mis à jour.');
    // B shares the same article with his own conseil: the collective still sees one entry, with both.
    expect(await clipAndShare(b, '/actu/reels', 'Testé : −30 % de portée en une semaine')).toContain('Partage mis à jour.');
    const onHub = (await sharesOnHub()).filter((share) => share.title === title) as { note?: string; sharers?: { member: { name: string }; note?: string }[] }[];
    expect(onHub).toHaveLength(1);
    expect(onHub[0]).toMatchObject({ note: 'Prévoir moins de Reels, plus de vidéos longues', sharers: [{ member: { name: 'Bruno Petit' }, note: 'Testé : −30 % de portée en une semaine' }] });

    const copilA = await a.open('dashboard.html#/copil');
    const card = copilA.locator('.share', { hasText: title });
    await expect.poll(() => card.locator('.share__meta').textContent(), { timeout: 15_000 }).toContain('Partagé par Alice Martin et Bruno Petit');
    expect(await card.count()).toBe(1);
    await expect.poll(() => card.locator('.share__note').allTextContents()).toEqual([
      'Conseil d’Alice Martin : Prévoir moins de Reels, plus de vidéos longues',
      'Conseil de Bruno Petit : Testé : −30 % de portée en une semaine',
    ]);
    // B's comment of the test before was news for A, her share's author: one notification told her.
    expect((await a.notifications()).filter((id) => id.startsWith('vigie#/copil?share='))).toHaveLength(1);
    await card.getByRole('button', { name: 'Répondre à Bruno Petit' }).click();
    await card.getByLabel('Votre réponse à Bruno Petit').fill('Merci ! Même constat à la métropole.');
    await card.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => card.locator('.share__replies').textContent(), { timeout: 15_000 }).toContain('Merci ! Même constat à la métropole.');
    expect(await seriousViolations(copilA)).toEqual([]);
    await card.screenshot({ path: artifact('share-two-sharers.png') });

    // B reads A's answer in the popup's COPIL tab.
    const popupB = await b.open('popup.html');
    await popupB.getByRole('tab', { name: /^COPIL/ }).click();
    await expect.poll(() => popupB.locator('.share__replies').first().textContent(), { timeout: 15_000 }).toContain('Même constat');
    // Closed, as a popup closes when the member clicks elsewhere: an open COPIL tab files what arrives as seen.
    await popupB.close();
  });

  it('A shares a « retour d’expérience »; B sees it new with its mark and context, finds it by words without accents and comments', { timeout: 90_000 }, async () => {
    const copilB = await b.open('dashboard.html#/copil');
    const copilA = await a.open('dashboard.html#/copil');
    await copilA.getByRole('button', { name: 'Partager un retour d’expérience' }).click();
    const form = copilA.locator('form.rex-form');
    await form.getByLabel('Titre').fill('Des directs avec les élus plutôt que de la publicité');
    await form.getByLabel('Type de structure').selectOption('departement');
    await form.getByLabel(/^Taille/).fill('600 000 habitants');
    await form.getByLabel('Plateforme').selectOption('facebook');
    await form.getByLabel(/^Public visé/).fill('habitants, associations');
    await form.getByLabel(/^Mois de l’expérience/).fill('2026-11');
    await form.getByLabel(/^Ce que vous avez tenté/).fill('Un direct hebdomadaire de trente minutes avec un élu, questions des habitants en commentaire.');
    await form.getByLabel(/^Ce qui en est ressorti/).fill('Portée organique doublée en six semaines, sans publicité.');
    await form.getByLabel(/^Ce que le collectif peut en retenir/).fill('À tenter avant la période de réserve électorale.');
    expect(await seriousViolations(copilA)).toEqual([]);
    await copilA.screenshot({ path: artifact('rex-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Partager avec le COPIL' }).click();
    await expect.poll(() => copilA.locator('.admin-view__header [role="status"]').textContent(), { timeout: 15_000 }).toBe('Retour d’expérience partagé avec le COPIL.');
    const onHub = (await sharesOnHub()).find((share) => share.title === 'Des directs avec les élus plutôt que de la publicité') as { kind?: string; rex?: { collectivite: string; when: string } } | undefined;
    expect(onHub).toMatchObject({ kind: 'rex', rex: { collectivite: 'departement', when: '2026-11' } });

    // B, COPIL open, hears of it live: marked new, with its own mark and its context.
    const card = copilB.locator('.share', { hasText: 'Des directs avec les élus' });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('.share__new').textContent()).toBe('nouveau');
    expect(await card.locator('.share__rex-badge').textContent()).toBe('Retour d’expérience');
    expect(await card.locator('.share__rex').textContent()).toContain('Département (600 000 habitants) · Facebook · public : habitants, associations');
    expect(await card.locator('.share__rex').textContent()).toContain('Portée organique doublée en six semaines');
    // Found by words typed without accents, and by the view of experience reports alone.
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('elus portee doublee');
    await expect.poll(() => copilB.locator('.share').count()).toBe(1);
    await copilB.getByLabel('Rechercher dans la veille partagée').fill('');
    await copilB.getByLabel('Afficher').selectOption('rex');
    await expect.poll(() => copilB.locator('.share').count()).toBe(1);
    await card.getByLabel('Votre commentaire (partage d’expérience)').fill('Même essai à la métropole : mêmes chiffres.');
    await card.getByRole('button', { name: 'Commenter' }).click();
    await expect.poll(() => card.locator('.share__comments').textContent(), { timeout: 15_000 }).toContain('Même essai à la métropole');
    expect(await seriousViolations(copilB)).toEqual([]);
    await card.screenshot({ path: artifact('share-rex.png') });

    // The popup's COPIL tab shows it with its mark too.
    const popupB = await b.open('popup.html');
    await popupB.getByRole('tab', { name: /^COPIL/ }).click();
    const inPopup = popupB.locator('.share', { hasText: 'Des directs avec les élus' });
    await expect.poll(() => inPopup.locator('.share__rex-badge').textContent(), { timeout: 15_000 }).toBe('Retour d’expérience');
    await popupB.close();
  });

  it('keeps a share made while the hub is down in the outbox, and sends it once when the hub is back', { timeout: 90_000 }, async () => {
    await hub.stop();
    expect(await clipAndShare(a, '/actu/groupes', 'Prévenir les administrateurs de groupes')).toBe('Clipé Partage en attente : il partira dès que le hub répondra.');

    const status = (await a.request('hubStatus')).result;
    expect(status.pending).toMatchObject([{ kind: 'share', label: 'Groupes : nouvelles règles de modération' }]);
    expect(status.problem.code).toBe('unreachable');
    const settings = await a.open('dashboard.html#/settings');
    await expect.poll(() => settings.locator('.hub-pending').textContent()).toContain('En attente d’envoi (1)');
    await expect.poll(() => settings.locator('[data-hub-problem="unreachable"]').textContent()).toContain('Vos partages attendent ici');
    // The COPIL list shows it already, marked as waiting.
    const copilA = await a.open('dashboard.html#/copil');
    await expect.poll(() => copilA.locator('.share--pending').textContent()).toContain('Groupes : nouvelles règles de modération');

    await hub.restart();
    // Twice: the second sync must find nothing more to send.
    expect((await a.request('hubSync')).result.pending).toEqual([]);
    expect((await a.request('hubSync')).result.problem).toBeUndefined();
    const titled = (await sharesOnHub()).filter((share) => share.title === 'Groupes : nouvelles règles de modération');
    expect(titled).toHaveLength(1);
    expect(titled[0]!.note).toBe('Prévenir les administrateurs de groupes');
    await expect.poll(() => copilA.locator('.share--pending').count()).toBe(0);

    // B gets it with the next pull.
    const list = (await b.request('hubSync')) && (await b.request('listShares', {})).result as { title: string }[];
    expect(list.filter((share) => share.title === 'Groupes : nouvelles règles de modération')).toHaveLength(1);
  });
});
