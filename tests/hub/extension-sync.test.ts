import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_VERSION } from '../../hub/version';
import type { HandlerDeps } from '../../lib/background/handlers/deps';
import { hubHandlers } from '../../lib/background/handlers/hub';
import { HubError } from '../../lib/hub/client';
import { loadConnection, saveConnection } from '../../lib/hub/connection';
import { changedFiches, createFiche, ficheIdOf, loadFiches, markFicheSeen, saveFiche } from '../../lib/hub/fiches';
import { queueComment, queueHide, queueReaction, queueRex, queueShare, queueTags } from '../../lib/hub/outbox';
import { connect, syncHub } from '../../lib/hub/sync';
import { hubVersionGap } from '../../lib/hub/version';
import { hubRefusalWords } from '../../lib/i18n/error-words';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Item } from '../../lib/model/item';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import type { Share } from '../../lib/model/share';
import { openTestStore } from '../store/fixtures';
import { startHub, type TestHub } from './helpers/hub-process';

/**
 * The extension's side of the hub (lib/hub), run in Node against a real hub process and a fake IndexedDB:
 * joining, the outbox sent in order, what a refusal and an unreachable hub do to it, the pull of others'
 * shares (unread), and the COPIL's packs reaching a member's sources and rules.
 */

const item = (id: string, overrides: Partial<Item> = {}): Item => ({
  id,
  sourceId: 'clips',
  url: `https://example.org/${id}`,
  title: `Article ${id}`,
  fetched: '2026-11-28T08:00:00.000Z',
  categories: [],
  read: false,
  starred: false,
  tags: ['pages'],
  note: 'À relayer',
  impact: 'high',
  clip: { clippedAt: '2026-11-28T08:00:00.000Z', quote: 'Une phrase choisie.' },
  ...overrides,
});

const OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>COPIL</title></head><body>
  <outline text="Veille" title="Veille"><outline type="rss" text="Blog du COPIL" xmlUrl="https://copil.example.org/feed.xml"/></outline>
</body></opml>`;

describe('the extension syncing with a hub', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let admin: string;

  beforeAll(async () => {
    hub = await startHub('embedded', { env: { HUB_PORT: '0', HUB_RATE_LIMIT: '100000' } });
    admin = (await hub.join('Admin', 'admin')).token;
  }, 60_000);
  afterAll(() => hub?.close());

  /** A member's browser right after Paramètres → connect: joined, and its first sync done (as hubConnect does). */
  async function member(name: string) {
    const store = await openTestStore();
    await connect(store, hub.url, await hub.invite(name));
    await syncHub(store, DEFAULT_SETTINGS);
    return store;
  }

  it('gives the hub the language of the article’s words: its item’s, else its source’s, as a language tag', async () => {
    const alice = await member('Alice L');
    const english = await queueShare(alice, item('lang-en', { language: 'en_us' }), {});
    const portuguese = await queueShare(alice, item('lang-pt'), { sourceLanguage: 'pt-BR' });
    const unknown = await queueShare(alice, item('lang-none', { language: 'anglais' }), {});
    await syncHub(alice, DEFAULT_SETTINGS);
    const onHub = (await hub.api('/api/changes?since=0', { token: admin })).json.shares as Share[];
    const languageOf = (id: string) => onHub.find((share) => share.id === id)?.language;
    expect([languageOf(english.share.id), languageOf(portuguese.share.id), languageOf(unknown.share.id)]).toEqual(['en-US', 'pt-BR', undefined]);
    expect((await alice.shares.get(english.share.id))?.language).toBe('en-US');
  });

  it('joins with an invite code, shares with the item’s note, tags and quote, and sends each write once', async () => {
    const alice = await member('Alice');
    const bruno = await member('Bruno');
    const { share } = await queueShare(alice, item('a1'), { sourceTitle: 'Le Journal local', priority: 'important' });
    expect((await alice.shares.get(share.id))?.pending).toBe(true);

    const first = await syncHub(alice, DEFAULT_SETTINGS);
    expect(first).toMatchObject({ connected: true, sent: 1 });
    expect(await alice.shares.outbox()).toEqual([]);
    expect(await alice.shares.get(share.id)).toMatchObject({ pending: false, unread: false, note: 'À relayer', quote: 'Une phrase choisie.', priority: 'important' });
    // Another sync has nothing more to send, and the hub holds the share once.
    expect((await syncHub(alice, DEFAULT_SETTINGS)).sent).toBe(0);
    const onHub = (await hub.api('/api/changes?since=0', { token: admin })).json.shares;
    expect(onHub.filter((s: { id: string }) => s.id === share.id)).toHaveLength(1);

    // Bruno pulls it as new (the badge counts it), comments and reacts; Alice sees both.
    const pulled = await syncHub(bruno, DEFAULT_SETTINGS);
    expect(pulled.added.map((s) => s.id)).toContain(share.id);
    expect(await bruno.shares.unread()).toEqual({ count: 1, highest: 'important' });
    await queueComment(bruno, share.id, 'Vu aussi chez nous.');
    await queueReaction(bruno, share.id, 'useful', true);
    expect((await syncHub(bruno, DEFAULT_SETTINGS)).sent).toBe(2);
    await syncHub(alice, DEFAULT_SETTINGS);
    const seen = await alice.shares.get(share.id);
    expect(seen?.comments.map((c) => [c.author.name, c.body])).toEqual([['Bruno', 'Vu aussi chez nous.']]);
    expect(seen?.reactions.useful).toHaveLength(1);
    // Alice's own share is no news to her, but Bruno's comment on it is: it counts once, until she reads it.
    expect((await alice.shares.unread()).count).toBe(1);
    await alice.shares.setRead([share.id]);
    await syncHub(alice, DEFAULT_SETTINGS);
    expect((await alice.shares.unread()).count).toBe(0);
  });

  it('shares a « retour d’expérience » through the outbox; a colleague pulls it unread; a hub older than 1.4.0 is refused in words, nothing queued', async () => {
    const alice = await member('Alice REX');
    const bruno = await member('Bruno REX');
    await alice.putTags([{ id: 'publicite-politique', label: { fr: 'Publicité politique', en: 'Political ads' }, scope: 'shared', color: '#1d6fb8' }]);
    const rex = { collectivite: 'departement' as const, platform: 'facebook' as const, tried: 'Des directs avec les élus.', outcome: 'Deux fois plus de commentaires.', when: '2026-10' };
    const { share } = await queueRex(alice, { title: 'Des directs avec les élus', tags: ['publicite-politique'], note: 'À essayer', rex });
    expect(await alice.shares.get(share.id)).toMatchObject({ kind: 'rex', pending: true, rex });
    expect(await syncHub(alice, DEFAULT_SETTINGS)).toMatchObject({ sent: 1 });
    await syncHub(bruno, DEFAULT_SETTINGS);
    expect(await bruno.shares.get(share.id)).toMatchObject({ kind: 'rex', unread: true, rex, note: 'À essayer', tagLabels: { 'publicite-politique': 'Publicité politique' }, author: { name: 'Alice REX' } });

    // A hub that says an older version: refused before anything is queued.
    const connection = (await loadConnection(alice))!;
    await saveConnection(alice, { ...connection, hubVersion: '1.3.0' });
    await expect(queueRex(alice, { title: 'Trop tôt', tags: [], rex })).rejects.toThrow(/1\.4\.0/);
    expect(await alice.shares.outbox()).toEqual([]);
  });

  it('keeps the version the hub says at joining and at each pull, which this Vigie expects', async () => {
    const store = await member('Alice version');
    const connection = await loadConnection(store);
    expect(connection?.hubVersion).toBe(HUB_VERSION);
    expect(hubVersionGap(connection?.hubVersion)).toBeUndefined();
    expect((await hub.api('/api/changes?since=0', { token: connection!.token })).json.hub).toEqual({ version: HUB_VERSION });
    // A connection saved before hubs said their version learns it at the next pull.
    const { hubVersion: _said, ...older } = connection!;
    await saveConnection(store, older);
    await syncHub(store, DEFAULT_SETTINGS);
    expect((await loadConnection(store))?.hubVersion).toBe(HUB_VERSION);
  });

  it('keeps one share per article: shared twice, offline or not, by its author or a colleague; labels, replies and the author told of comments', async () => {
    const alice = await member('Camille Martin');
    const bruno = await member('Bruno Petit');
    await alice.putTags([{ id: 'retour-d-experience', label: { fr: 'Retour d’expérience', en: 'Lessons learned' }, scope: 'personal', color: '#336699' }]);
    const article = item('une-fois', { tags: ['pages', 'retour-d-experience'], note: 'Prévenir le service com' });

    // Twice before the hub answers: one entry waits, rewritten with the newer note.
    const port = hub.port;
    await hub.stop();
    const first = await queueShare(alice, article, {});
    const again = await queueShare(alice, { ...article, note: 'Prévenir le service com et les élus' }, { priority: 'important' });
    expect(again).toMatchObject({ update: true, share: { id: first.share.id } });
    expect(await alice.shares.outbox()).toMatchObject([{ kind: 'share', body: { note: 'Prévenir le service com et les élus', priority: 'important' } }]);
    await hub.restart({ HUB_PORT: String(port) });
    expect((await syncHub(alice, DEFAULT_SETTINGS)).sent).toBe(1);

    // Once more, online, from the share's own row: the hub updates the share, nothing is added.
    await queueShare(alice, { ...article, note: 'Prévenir le service com et les élus', impact: 'medium' }, {});
    await syncHub(alice, DEFAULT_SETTINGS);
    const mine = (await hub.api('/api/changes?since=0&limit=500', { token: admin })).json.shares.filter((s: { url?: string }) => s.url === article.url);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: first.share.id, note: 'Prévenir le service com et les élus', impact: 'medium', priority: 'important', tagLabels: { 'retour-d-experience': 'Retour d’expérience' } });

    // Bruno shares the same article, with a tracking parameter, before his browser pulled Alice's share: the
    // hub joins him to it, and his waiting copy gives way to the one share.
    const brunos = await queueShare(bruno, { ...article, id: 'b1', url: `${article.url}?utm_source=newsletter`, note: 'Testé : −30 % de portée' }, {});
    expect(brunos.update).toBe(false);
    await syncHub(bruno, DEFAULT_SETTINGS);
    expect(await bruno.shares.get(brunos.share.id)).toBeUndefined();
    const joined = await bruno.shares.get(first.share.id);
    expect(joined?.sharers).toMatchObject([{ member: { name: 'Bruno Petit' }, note: 'Testé : −30 % de portée' }]);
    expect((await bruno.shares.list()).filter((s) => s.title === article.title)).toHaveLength(1);

    // The reading pane's share button says who shared it, this member as « vous », never by their own name.
    await alice.putItems([article]);
    await bruno.putItems([{ ...article, id: 'b1', url: `${article.url}?utm_source=newsletter` }]);
    await syncHub(alice, DEFAULT_SETTINGS);
    const shareOfItem = (store: typeof alice, itemId: string) => hubHandlers({ store } as unknown as HandlerDeps).shareOfItem({ itemId });
    expect(await shareOfItem(bruno, 'b1')).toEqual({ id: first.share.id, by: ['Camille Martin'], byMe: true });
    expect(await shareOfItem(alice, article.id)).toEqual({ id: first.share.id, by: ['Bruno Petit'], byMe: true });

    // Bruno comments, Alice answers him: one level of replies; Alice's pull tells her of his comment.
    await queueComment(bruno, first.share.id, 'Vu aussi chez nous.');
    await syncHub(bruno, DEFAULT_SETTINGS);
    const told = await syncHub(alice, DEFAULT_SETTINGS);
    expect(told.added.map((s) => s.id)).toEqual([first.share.id]);
    expect((await alice.shares.get(first.share.id))?.unread).toBe(true);
    const comment = (await alice.shares.get(first.share.id))!.comments[0]!;
    await queueComment(alice, first.share.id, 'Merci, on fait pareil.', comment.id);
    await syncHub(alice, DEFAULT_SETTINGS);
    const onHub = (await hub.api(`/api/shares/${first.share.id}`, { token: admin })).json;
    expect(onHub.comments.map((c: { body: string; replyTo?: string }) => [c.body, c.replyTo])).toEqual([['Vu aussi chez nous.', undefined], ['Merci, on fait pareil.', comment.id]]);
    // Her own answer is no news to her.
    expect((await syncHub(alice, DEFAULT_SETTINGS)).added).toEqual([]);
  });

  it('keeps writes while the hub is down, in order, and sends them once it is back', async () => {
    const alice = await member('Alice hors ligne');
    const port = hub.port;
    await hub.stop();
    const { share } = await queueShare(alice, item('offline'), {});
    await queueComment(alice, share.id, 'Premier commentaire, écrit hors ligne.');
    const down = await syncHub(alice, DEFAULT_SETTINGS);
    expect(down).toMatchObject({ sent: 0, problem: { code: 'unreachable' } });
    expect((await alice.shares.outbox()).map((entry) => [entry.kind, entry.attempts])).toEqual([['share', 1], ['comment', 0]]);

    await hub.restart({ HUB_PORT: String(port) });
    const back = await syncHub(alice, DEFAULT_SETTINGS);
    expect(back.sent).toBe(2);
    expect(back.problem).toBeUndefined();
    expect((await loadConnection(alice))?.problem).toBeUndefined();
    const onHub = (await hub.api(`/api/shares/${share.id}`, { token: admin })).json;
    expect(onHub.comments.map((c: { body: string }) => c.body)).toEqual(['Premier commentaire, écrit hors ligne.']);
  });

  it('keeps a write the hub refuses, with its words, and goes on with the next', async () => {
    const alice = await member('Alice refusée');
    // An id another member already used: the hub answers 409, for good.
    const { share: taken } = await queueShare(alice, item('taken'), {});
    await hub.api(`/api/shares/${taken.id}`, { method: 'PUT', token: admin, body: { kind: 'item', title: 'Pris avant', tags: [] } });
    await queueShare(alice, item('next'), {});
    const result = await syncHub(alice, DEFAULT_SETTINGS);
    expect(result.sent).toBe(1);
    const [kept] = await alice.shares.outbox();
    expect(kept).toMatchObject({ refused: true, lastError: expect.stringContaining('already used'), refusal: 'id-taken' });
    // The pending list words it in the member's language, from the hub's code (components/hub/PendingList.tsx).
    expect(hubRefusalWords(kept?.refusal, kept?.lastError ?? '', nodeTranslate('fr'))).toBe('cet identifiant est déjà pris sur le hub.');
  });

  it('tells the member at once when the hub refuses what they just shared (too large for this hub), rather than « it will go later »', async () => {
    // A hub whose administrator keeps requests small (HUB_BODY_LIMIT): a long REX is more than it takes.
    const small = await startHub('embedded', { env: { HUB_PORT: '0', HUB_BODY_LIMIT: '2048' } });
    try {
      const store = await openTestStore();
      await connect(store, small.url, await small.invite('Alice prolixe'));
      const handlers = hubHandlers({ store } as unknown as HandlerDeps);
      const rex = { collectivite: 'commune' as const, platform: 'facebook' as const, tried: 'Des directs chaque semaine. '.repeat(200), outcome: 'Plus de commentaires.', when: '2026-10' };
      const refused = await handlers.shareRex({ title: 'Un très long retour', tags: [], rex }).then(() => undefined, (error: unknown) => error);
      expect(refused).toBeInstanceOf(HubError);
      expect(hubRefusalWords((refused as HubError).refusal, (refused as HubError).detail, nodeTranslate('fr'))).toBe('c’est trop volumineux pour lui.');
      // A new share the hub never took: nothing of it waits (the form still holds it all).
      expect(await store.shares.outbox()).toEqual([]);
      expect((await store.shares.list(10)).map((share) => share.title)).not.toContain('Un très long retour');
      // Shortened, it goes; the earlier refusal is not said again.
      expect(await handlers.shareRex({ title: 'Un retour court', tags: [], rex: { ...rex, tried: 'Des directs chaque semaine.' } })).toMatchObject({ sent: true });
      // Written while the hub was away, refused at a later sync: kept with the hub's words for the pending list;
      // dropped there by the member, the share this browser alone ever had goes with it.
      const { share: queuedEarlier } = await queueRex(store, { title: 'Écrit hors ligne', tags: [], rex });
      await syncHub(store, DEFAULT_SETTINGS);
      const [kept] = await store.shares.outbox();
      expect(kept).toMatchObject({ refused: true, refusal: 'too-large' });
      expect(await store.shares.get(queuedEarlier.id)).toMatchObject({ pending: true });
      await handlers.discardPending({ seq: kept!.seq! });
      expect(await store.shares.outbox()).toEqual([]);
      expect(await store.shares.get(queuedEarlier.id)).toBeUndefined();
      // And an article shared from a hub that refuses it is said the same way.
      const long = item('long', { note: 'Très long. '.repeat(300) });
      await store.putItems([long]);
      await expect(handlers.shareItem({ itemId: long.id })).rejects.toMatchObject({ code: 'refused', refusal: 'too-large' });
    } finally {
      await small.close();
    }
  });

  it('says a revoked token in words and sends nothing', async () => {
    const alice = await member('Alice révoquée');
    const me = (await loadConnection(alice))!.member.id;
    expect((await hub.api(`/api/members/${me}/revoke`, { method: 'POST', token: admin })).status).toBe(200);
    await queueShare(alice, item('revoked'), {});
    const result = await syncHub(alice, DEFAULT_SETTINGS);
    expect(result.problem?.code).toBe('revoked');
    expect(await alice.shares.outbox()).toHaveLength(1);
  });

  it('applies the COPIL’s packs: new sources (origin hub) and new rules, once', async () => {
    const alice = await member('Alice packs');
    expect((await hub.api('/api/packs/sources', { method: 'PUT', token: admin, body: OPML, contentType: 'text/xml' })).status).toBe(200);
    const rule = {
      id: 'copil-ia', name: 'IA (COPIL)', enabled: true, priority: 'important', origin: 'user', updated: '2026-11-28T08:00:00.000Z',
      conditions: [{ fields: ['title'], mode: 'words', combine: 'any', terms: ['IA'] }],
      actions: { alert: true, addTags: [], star: false, notify: false, proposeShare: true },
    };
    expect((await hub.api('/api/packs/rules', { method: 'PUT', token: admin, body: { version: 1, rules: [rule] } })).status).toBe(200);
    await syncHub(alice, DEFAULT_SETTINGS);
    const sources = await alice.listSources();
    expect(sources.filter((s) => s.url === 'https://copil.example.org/feed.xml')).toMatchObject([{ origin: 'hub', title: 'Blog du COPIL' }]);
    expect((await alice.rules.get('copil-ia'))?.name).toBe('IA (COPIL)');
    expect((await loadConnection(alice))?.packs).toEqual({ sources: 1, rules: 1 });
    // The member edits the rule; the next pull leaves it alone.
    await alice.rules.put([{ ...(await alice.rules.get('copil-ia'))!, name: 'IA (à moi)' }]);
    await syncHub(alice, DEFAULT_SETTINGS);
    expect((await alice.rules.get('copil-ia'))?.name).toBe('IA (à moi)');
  });

  it('adds tags from any member; hides only for an admin, and a hidden share leaves members’ lists', async () => {
    const alice = await member('Alice tags');
    const bruno = await member('Bruno tags');
    const chief = await openTestStore();
    await connect(chief, hub.url, await hub.invite('Cheffe', 'admin'));
    await syncHub(chief, DEFAULT_SETTINGS);
    const { share } = await queueShare(alice, item('tagged'), {});
    await syncHub(alice, DEFAULT_SETTINGS);
    await syncHub(bruno, DEFAULT_SETTINGS);

    await queueTags(bruno, share.id, ['algorithme']);
    await queueHide(bruno, share.id, true);
    const result = await syncHub(bruno, DEFAULT_SETTINGS);
    expect(result.sent).toBe(1);
    expect((await bruno.shares.get(share.id))?.tags).toEqual(['algorithme', 'pages']);
    // A member may not hide: the hub's refusal is kept, in its words.
    expect(await bruno.shares.outbox()).toMatchObject([{ kind: 'edit', refused: true, lastError: expect.stringContaining('admin') }]);

    await syncHub(chief, DEFAULT_SETTINGS);
    await queueHide(chief, share.id, true);
    expect((await syncHub(chief, DEFAULT_SETTINGS)).sent).toBe(1);
    expect((await chief.shares.get(share.id))?.hidden).toBe(true);
    await syncHub(bruno, DEFAULT_SETTINGS);
    expect(await bruno.shares.get(share.id)).toBeUndefined();
  });

  it('files the shares already on the hub as seen when a member joins; what comes after counts', async () => {
    const alice = await member('Alice historique');
    await queueShare(alice, item('history'), {});
    await syncHub(alice, DEFAULT_SETTINGS);
    const newcomer = await member('Nouvelle venue');
    expect((await newcomer.shares.list()).some((share) => share.title === 'Article history')).toBe(true);
    expect((await newcomer.shares.unread()).count).toBe(0);
    const { share: later } = await queueShare(alice, item('later'), {});
    await syncHub(alice, DEFAULT_SETTINGS);
    expect((await syncHub(newcomer, DEFAULT_SETTINGS)).added.map((share) => share.id)).toEqual([later.id]);
    expect((await newcomer.shares.unread()).count).toBe(1);
  });

  it('keeps a copy of the fiches conseils: the first read is seen, a colleague’s save is marked changed and reported once, two editors saving at once lose nothing', async () => {
    const alice = await member('Alice Fiches');
    const bruno = await member('Bruno Fiches');
    const aliceId = (await loadConnection(alice))!.member.id;
    const brunoId = (await loadConnection(bruno))!.member.id;
    for (const id of [aliceId, brunoId]) expect((await hub.api(`/api/members/${id}/editor`, { token: admin, body: { editor: true } })).status).toBe(200);
    // The first sync read them all, seen: the collective's history is not news.
    expect((await loadFiches(alice))?.answer.fiches.length).toBeGreaterThan(10);
    expect(changedFiches(await loadFiches(alice), aliceId)).toEqual([]);
    // The right holds at once: the hub forgets its cached tokens when an admin grants it.
    const saved = await saveFiche(bruno, (await loadConnection(bruno))!, 'pages', { title: 'Pages', body: 'Vérifier les rôles de la Page.', baseVersion: 0 });
    expect(saved).toMatchObject({ fiche: { version: 1 } });
    expect(changedFiches(await loadFiches(bruno), brunoId)).toEqual([]);
    const pulled = await syncHub(alice, DEFAULT_SETTINGS);
    expect(pulled.fiches.map((fiche) => fiche.id)).toEqual(['pages']);
    expect(changedFiches(await loadFiches(alice), aliceId)).toEqual(['pages']);
    // Nothing moved: the next pull reads nothing again and reports nothing.
    expect((await syncHub(alice, DEFAULT_SETTINGS)).fiches).toEqual([]);
    expect(await markFicheSeen(alice, 'pages')).toBe(true);
    expect(changedFiches(await loadFiches(alice), aliceId)).toEqual([]);
    // Alice saves from version 0, which Bruno's save overtook: refused, with his text; her copy takes his version.
    const conflict = await saveFiche(alice, (await loadConnection(alice))!, 'pages', { title: 'Pages', body: 'Mon texte.', baseVersion: 0 });
    expect(conflict).toMatchObject({ conflict: { version: 1, body: 'Vérifier les rôles de la Page.', updatedBy: { name: 'Bruno Fiches' } } });
    expect((await hub.api('/api/fiches/pages/versions', { token: admin })).json.versions).toHaveLength(1);
    // An editor adds a fiche on a topic outside the taxonomy: its id made from its title; the same title again is refused in words.
    expect([ficheIdOf('Période de réserve électorale'), ficheIdOf('«»'), ficheIdOf('IA')]).toEqual(['periode-de-reserve-electorale', 'fiche-sans-titre', 'ia']);
    const created = await createFiche(bruno, (await loadConnection(bruno))!, 'Période de réserve électorale');
    expect(created).toMatchObject({ id: 'periode-de-reserve-electorale', title: 'Période de réserve électorale', version: 0 });
    expect((await loadFiches(bruno))?.answer.fiches.some((fiche) => fiche.id === created.id)).toBe(true);
    await expect(createFiche(bruno, (await loadConnection(bruno))!, 'Période de réserve électorale')).rejects.toMatchObject({ code: 'refused', status: 409, detail: 'A fiche already has this id.' });
  });

  it('refuses an address that is not one, and says an unreachable hub at connection', async () => {
    const store = await openTestStore();
    await expect(connect(store, 'ftp://example.org', 'AAAA-BBBB-CCCC-DDDD')).rejects.toMatchObject({ code: 'invalid-url' });
    await expect(connect(store, 'http://127.0.0.1:9', 'AAAA-BBBB-CCCC-DDDD')).rejects.toBeInstanceOf(HubError);
    await expect(connect(store, hub.url, 'AAAA-BBBB-CCCC-DDDD')).rejects.toMatchObject({ code: 'refused' });
    expect(await loadConnection(store)).toBeUndefined();
  });
});

describe('hub addresses', () => {
  it('reads what members paste, and refuses other schemes', async () => {
    const { normalizeHubUrl } = await import('../../lib/hub/connection');
    expect(normalizeHubUrl(' https://veille.example.fr/ ')).toBe('https://veille.example.fr');
    expect(normalizeHubUrl('veille.example.fr')).toBe('https://veille.example.fr');
    expect(normalizeHubUrl('veille.example.fr:8787')).toBe('https://veille.example.fr:8787');
    expect(normalizeHubUrl('http://127.0.0.1:8787/hub/')).toBe('http://127.0.0.1:8787/hub');
    expect(normalizeHubUrl('ftp://example.org')).toBeUndefined();
    expect(normalizeHubUrl('javascript:alert(1)')).toBeUndefined();
    // Typed without a scheme, both are tried, https first; typed with one, only that one.
    const { hubAddressesToTry } = await import('../../lib/hub/connection');
    expect(hubAddressesToTry('veille.example.fr:8787')).toEqual(['https://veille.example.fr:8787', 'http://veille.example.fr:8787']);
    expect(hubAddressesToTry('http://127.0.0.1:8787')).toEqual(['http://127.0.0.1:8787']);
    expect(hubAddressesToTry('ftp://example.org')).toEqual([]);
  });
});
