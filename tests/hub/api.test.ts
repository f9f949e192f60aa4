/**
 * The COPIL hub's API, end to end: a real hub process per database (embedded PGlite, then PostgreSQL), driven
 * as members' extensions and admins drive it. The tests of one database share one hub and run in order; the
 * ones that need a hub of their own (restore, rate limit, shutdown) get one started alongside.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { parseStringPromise } from 'xml2js';
import { HUB_VERSION } from '../../hub/version';
import { DEFAULT_RULES } from '../../lib/packs/default-rules';
import { rulePackJson } from '../../lib/packs/rule-pack';
import { DB_KINDS, REPO, allChanges, clientId, draft, openEvents, skipped, startHubs, type Joined, type TestHub } from './helpers/hub-process';

// Each test drives a real process; starting one (PGlite creating its database) takes seconds on a small machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const HOSTILE_TITLE = '<script>alert(1)</script> & « Meta »';
const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Veille du COPIL</title></head><body>
  <outline text="Meta officiel"><outline type="rss" text="Meta Newsroom" xmlUrl="https://about.fb.com/fr/feed/"/></outline>
  <outline type="rss" text="Blog du modérateur" xmlUrl="https://www.blogdumoderateur.com/feed/"/>
</body></opml>`;

/** Tiny helper: the ids in a list of shares. */
const ids = (shares: { id: string }[]) => shares.map((share) => share.id);

describe.each(DB_KINDS)('COPIL hub API, %s database', (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  // Four hubs, started side by side: the main one, one to restore a backup into, one with a tiny rate limit,
  // and one to stop in the middle of a burst of writes.
  let hub: TestHub;
  let restoreTarget: TestHub;
  let limited: TestHub;
  let stopped: TestHub;
  beforeAll(async () => {
    // The main hub creates its database at its first start, as on an admin's machine (the others copy a prepared one).
    [hub, restoreTarget, limited, stopped] = (await startHubs(kind, [{ fresh: true }, {}, { env: { HUB_RATE_LIMIT: '5' } }, {}])) as [TestHub, TestHub, TestHub, TestHub];
  });
  afterAll(() => Promise.all([hub, restoreTarget, limited, stopped].map((started) => started?.close())));

  describe('one hub, three members', () => {
    let admin: Joined;
    let alice: Joined;
    let bob: Joined;
    /** Secrets handed out during the run: none may appear in the hub's logs. */
    const secrets: string[] = [];

    beforeAll(async () => {
      // The first admin through the command (as the README has it), members by that admin through the API.
      admin = await hub.join('Admin COPIL', 'admin');
      alice = await hub.join('Alice Martin', 'member', { adminToken: admin.token });
      bob = await hub.join('Bob Durand', 'member', { adminToken: admin.token });
      for (const joined of [admin, alice, bob]) secrets.push(joined.token, joined.feedToken);
    });

    const put = (who: Joined, id: string, body: unknown = draft()) => hub.api(`/api/shares/${id}`, { method: 'PUT', token: who.token, body });
    const changes = (who: Joined, since = 0, limit = 200) => hub.api(`/api/changes?since=${since}&limit=${limit}`, { token: who.token });

    it('answers /health with its version and its database', async () => {
      const health = await hub.api('/health');
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({ service: 'vigie-hub', version: HUB_VERSION, database: { kind, ok: true } });
    });

    it('trades an invite code for a member and two tokens, once', async () => {
      const invite = await hub.api('/api/invites', { token: admin.token, body: { name: 'Camille Petit', role: 'member' } });
      expect(invite.json).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/), name: 'Camille Petit', role: 'member' });
      const code: string = invite.json.code;
      secrets.push(code);
      // What a member types may differ in case and spacing from what was printed.
      const joined = await hub.api('/api/join', { body: { code: ` ${code.toLowerCase()} ` } });
      expect(joined.status).toBe(201);
      expect(joined.json).toMatchObject({ member: { name: 'Camille Petit', role: 'member' }, hub: { version: HUB_VERSION } });
      expect(joined.json.token).toMatch(/^vh_/);
      expect(joined.json.feedToken).toMatch(/^vf_/);
      secrets.push(joined.json.token, joined.json.feedToken);

      const again = await hub.api('/api/join', { body: { code } });
      expect(again.status).toBe(410);
      expect(again.json.error).toBe('invite-used');
      expect((await hub.api('/api/join', { body: { code: 'AAAA-BBBB-CCCC-DDDD' } })).status).toBe(404);
    });

    it('prints an invite code with the hub’s address and the role in French (`npm run hub -- invite`)', async () => {
      const admin = await hub.cli('invite', 'Claire Dubois', '--role', 'admin');
      expect(admin.stdout).toContain('Code d\'invitation pour Claire Dubois (administrateur ou administratrice), valable 14 jours');
      // Embedded, the running hub prints it and knows its address; on PostgreSQL the command runs apart and takes
      // HUB_PUBLIC_URL (or HUB_HOST and HUB_PORT), here a port left to the system: no address then.
      expect(admin.stdout).toContain(kind === 'embedded' ? `Paramètres → Hub du COPIL → adresse du hub : ${hub.url}, et ce code.` : 'adresse du hub + ce code.');
      expect((await hub.cli('invite', 'Bruno Petit')).stdout).toContain('(membre)');
    });

    it('refuses requests without a token or with a bad one (401)', async () => {
      const none = await hub.api('/api/changes');
      expect(none.status).toBe(401);
      expect(none.json).toMatchObject({ error: 'no-token', message: expect.stringMatching(/token/) });
      for (const authorization of [`Bearer vh_${'x'.repeat(43)}`, `Basic ${alice.token}`, `Bearer ${alice.feedToken}`]) {
        const answer = await hub.api('/api/me', { headers: { authorization } });
        expect(answer.status, authorization.slice(0, 10)).toBe(401);
      }
    });

    it('tells a member who they are (/api/me)', async () => {
      const me = await hub.api('/api/me', { token: alice.token });
      expect(me.status).toBe(200);
      expect(me.json.member).toEqual(alice.member);
    });

    it('creates a share under its client id once, however often it is sent', async () => {
      const id = clientId();
      const before = (await changes(alice)).json.cursor;
      const body = draft();
      const first = await put(alice, id, body);
      const second = await put(alice, id, body);
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(second.json).toEqual(first.json);
      expect(first.json).toMatchObject({ id, author: alice.member, hidden: false, comments: [], reactions: { useful: [], seen: [] } });
      expect(ids((await changes(alice, before)).json.shares)).toEqual([id]);

      // Another member cannot take the id over.
      const taken = await put(bob, id, draft({ title: 'Autre chose' }));
      expect(taken.status).toBe(409);
      expect(taken.json.error).toBe('id-taken');
    });

    it('keeps one share per article: its author sharing it again updates it, another member joins it with their own note', async () => {
      const url = `https://www.exemple.fr/actu/${clientId('a')}`;
      // The article's words are English (RGAA 8.7: members' screens mark them so); a language that is no tag is refused.
      expect((await put(alice, clientId(), draft({ url, language: 'anglais !' }))).status).toBe(400);
      const first = await put(alice, clientId(), draft({ url: `${url}?utm_source=newsletter`, note: 'Prévenir le service com', tags: ['algorithme-portee'], language: 'en' }));
      expect(first.status).toBe(201);
      expect(first.json.language).toBe('en');
      const id: string = first.json.id;

      // The same article from Alice's other computer (another client id, the link written differently): her share, updated.
      const again = await put(alice, clientId(), draft({ url: `${url.replace('https://www.', 'http://')}/#commentaires`, note: 'Prévenir le service com et les élus', impact: 'high', tags: ['retour-d-experience'], tagLabels: { 'retour-d-experience': 'Retour d’expérience' } }));
      expect(again.status).toBe(200);
      // Sent again by an extension that does not say the language: it stays as first said.
      expect(again.json).toMatchObject({ id, author: alice.member, note: 'Prévenir le service com et les élus', impact: 'high', tagLabels: { 'retour-d-experience': 'Retour d’expérience' }, language: 'en' });
      expect([...again.json.tags].sort()).toEqual(['algorithme-portee', 'retour-d-experience']);
      expect(again.json.seq).toBeGreaterThan(first.json.seq);

      // Bob shares it too: one entry, two sharers, each with their note.
      const bobs = await put(bob, clientId(), draft({ url, note: 'Testé : −30 % de portée', impact: 'medium' }));
      expect(bobs.status).toBe(200);
      expect(bobs.json).toMatchObject({ id, author: alice.member, note: 'Prévenir le service com et les élus' });
      expect(bobs.json.sharers).toEqual([{ member: bob.member, note: 'Testé : −30 % de portée', impact: 'medium', created: expect.any(String) }]);
      // Bob again, with another note: still one entry, his note replaced; the same request once more changes nothing.
      const bobsAgain = await put(bob, clientId(), draft({ url, note: 'Testé sur deux semaines : −30 %' }));
      expect(bobsAgain.json.sharers).toEqual([expect.objectContaining({ member: bob.member, note: 'Testé sur deux semaines : −30 %' })]);
      const replay = await put(bob, clientId(), draft({ url, note: 'Testé sur deux semaines : −30 %' }));
      expect(replay.json.seq).toBe(bobsAgain.json.seq);

      const mine = (await allChanges(hub, admin.token)).shares.filter((share) => share.url?.includes(url.slice('https://www.'.length)));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ id, sharers: [expect.objectContaining({ member: bob.member })] });
    });

    it('answers a comment under it, one level deep', async () => {
      const id = clientId();
      await put(alice, id);
      const comment = (who: Joined, commentId: string, body: unknown) => hub.api(`/api/shares/${id}/comments/${commentId}`, { method: 'PUT', token: who.token, body });
      const question = clientId('c');
      await comment(bob, question, { body: 'Quelqu’un a testé sur une page de mairie ?' });
      const answer = clientId('c');
      await comment(alice, answer, { body: 'Oui, même baisse.', replyTo: question });
      // An answer to the answer joins the first comment's thread.
      const thanks = await comment(bob, clientId('c'), { body: 'Merci !', replyTo: answer });
      expect(thanks.json.comments.map((c: { body: string; replyTo?: string }) => [c.body, c.replyTo])).toEqual([
        ['Quelqu’un a testé sur une page de mairie ?', undefined],
        ['Oui, même baisse.', question],
        ['Merci !', question],
      ]);
      const changed = (await allChanges(hub, bob.token)).shares.find((share) => share.id === id);
      expect(changed.comments.map((c: { replyTo?: string }) => c.replyTo)).toEqual([undefined, question, question]);
      expect((await comment(bob, clientId('c'), { body: 'Perdu', replyTo: clientId('c') })).status).toBe(404);
    });

    it('carries « retours d\'expérience »: context, what was tried and came of it, what it answers; commented, reacted to, edited by its author only', async () => {
      const answered = clientId();
      await put(bob, answered, draft({ kind: 'alert', title: 'TTPA : fin des publicités politiques', priority: 'important' }));
      const id = clientId('rex');
      const rex = {
        collectivite: 'commune',
        size: '45 000 habitants',
        platform: 'facebook',
        audience: 'habitants, élus',
        tried: 'Nous avons remplacé les publications sponsorisées par des <b>directs</b> hebdomadaires.',
        outcome: 'La portée organique a doublé en six semaines.',
        when: '2026-11',
        answers: [{ shareId: answered, title: 'TTPA : fin des publicités politiques' }],
      };
      const created = await put(alice, id, { kind: 'rex', title: 'Des directs plutôt que de la publicité', tags: ['publicite-politique'], note: 'À tenter avant les municipales', rex });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ id, kind: 'rex', rex, author: alice.member });
      expect(created.json.url).toBeUndefined();
      // Kind and fields agree, both ways; a REX's fields are checked (a date that is no month or day is refused).
      expect((await put(alice, clientId(), { kind: 'rex', title: 'Sans champs', tags: [] })).status).toBe(400);
      expect((await put(alice, clientId(), draft({ rex }))).status).toBe(400);
      expect((await put(alice, clientId(), { kind: 'rex', title: 'Date', tags: [], rex: { ...rex, when: 'novembre' } })).status).toBe(400);

      // In the change feed, commented and reacted to like any share.
      const comment = await hub.api(`/api/shares/${id}/comments/${clientId('c')}`, { method: 'PUT', token: bob.token, body: { body: 'Même constat à Rennes Métropole.' } });
      expect(comment.status).toBe(200);
      expect((await hub.api(`/api/shares/${id}/reactions/useful`, { method: 'PUT', token: bob.token })).json.reactions.useful).toEqual([bob.member.id]);
      const listed = (await allChanges(hub, bob.token)).shares.find((share) => share.id === id);
      expect(listed).toMatchObject({ kind: 'rex', rex, comments: [{ body: 'Même constat à Rennes Métropole.' }] });

      // Its author edits it; another member may not; a share of another kind refuses REX fields.
      const edited = await hub.api(`/api/shares/${id}`, { method: 'PATCH', token: alice.token, body: { rex: { ...rex, outcome: 'La portée a doublé, les commentaires aussi.' } } });
      expect(edited.json.rex.outcome).toBe('La portée a doublé, les commentaires aussi.');
      expect((await hub.api(`/api/shares/${id}`, { method: 'PATCH', token: bob.token, body: { rex } })).status).toBe(403);
      expect((await hub.api(`/api/shares/${answered}`, { method: 'PATCH', token: bob.token, body: { rex } })).json.error).toBe('not-a-rex');

      // In the Atom feed as text, its context and outcome included.
      const feed = await hub.api(`/feed/${bob.feedToken}.atom`);
      const entries = (await parseStringPromise(feed.text)).feed.entry as { id: [string]; summary?: [{ _: string }]; content?: [{ _: string }] }[];
      const entry = entries.find((candidate) => candidate.id[0] === `urn:vigie:share:${id}`)!;
      const text = DomUtils.textContent(parseDocument((entry.summary ?? entry.content)![0]._));
      expect(text).toContain("Retour d'expérience — Commune (45 000 habitants), Facebook, public : habitants, élus, 2026-11");
      expect(text).toContain('Ce qui a été tenté : Nous avons remplacé les publications sponsorisées par des <b>directs</b> hebdomadaires.');
      expect(text).toContain('En réponse à : TTPA : fin des publicités politiques');
      expect(feed.text).not.toContain('<b>directs');
    });

    it('lists only what changed after a cursor, page by page', async () => {
      const cursor = (await changes(bob)).json.cursor;
      const created = [clientId(), clientId(), clientId()];
      for (const id of created) expect((await put(bob, id)).status).toBe(201);

      const all = (await changes(bob, cursor)).json;
      expect(ids(all.shares)).toEqual(created);
      expect(all.more).toBe(false);

      const first = (await changes(bob, cursor, 2)).json;
      expect(ids(first.shares)).toEqual(created.slice(0, 2));
      expect(first.more).toBe(true);
      const second = (await changes(bob, first.cursor, 2)).json;
      expect(ids(second.shares)).toEqual(created.slice(2));
      expect(second.more).toBe(false);

      const nothing = (await changes(bob, second.cursor)).json;
      expect(nothing).toMatchObject({ cursor: second.cursor, more: false, shares: [] });
    });

    it('keeps a comment once under its id, and lets no one else reuse the id', async () => {
      const id = clientId();
      await put(alice, id);
      const commentId = clientId('c');
      const path = `/api/shares/${id}/comments/${commentId}`;
      const first = await hub.api(path, { method: 'PUT', token: bob.token, body: { body: 'À relayer aux élus' } });
      const again = await hub.api(path, { method: 'PUT', token: bob.token, body: { body: 'À relayer aux élus' } });
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.json.comments).toEqual([expect.objectContaining({ id: commentId, body: 'À relayer aux élus', author: bob.member })]);
      // The replay changed nothing, so it did not move the share up the change feed either.
      expect(again.json.seq).toBe(first.json.seq);
      expect((await hub.api(path, { method: 'PUT', token: alice.token, body: { body: 'moi aussi' } })).status).toBe(409);
    });

    it('sets and clears the reactions "useful" and "seen"', async () => {
      const id = clientId();
      await put(alice, id);
      const react = (method: string, reaction: string) => hub.api(`/api/shares/${id}/reactions/${reaction}`, { method, token: bob.token });
      expect((await react('PUT', 'useful')).json.reactions).toEqual({ useful: [bob.member.id], seen: [] });
      expect((await react('PUT', 'seen')).json.reactions).toEqual({ useful: [bob.member.id], seen: [bob.member.id] });
      const off = await react('DELETE', 'useful');
      expect(off.json.reactions).toEqual({ useful: [], seen: [bob.member.id] });
      expect((await react('DELETE', 'useful')).json.seq).toBe(off.json.seq);
      expect((await react('PUT', 'like')).status).toBe(400);
    });

    it('lets any member tag anyone\'s share, but only its author or an admin edit it', async () => {
      const id = clientId();
      await put(alice, id, draft({ tags: ['algorithme-portee'] }));
      const tagged = await hub.api(`/api/shares/${id}/tags`, { token: bob.token, body: { add: ['elections', 'algorithme-portee'] } });
      expect(tagged.status).toBe(200);
      expect([...tagged.json.tags].sort()).toEqual(['algorithme-portee', 'elections']);

      const patch = (who: Joined, body: unknown) => hub.api(`/api/shares/${id}`, { method: 'PATCH', token: who.token, body });
      const refused = await patch(bob, { title: 'Pas à moi' });
      expect(refused.status).toBe(403);
      expect(refused.json).toMatchObject({ error: 'not-yours', message: expect.any(String) });
      expect((await patch(alice, { note: 'Vérifier nos Pages' })).json.note).toBe('Vérifier nos Pages');
      expect((await patch(admin, { title: 'Titre revu par le COPIL', impact: 'high' })).json).toMatchObject({ title: 'Titre revu par le COPIL', impact: 'high' });
      // Hiding is for admins, even for the author.
      expect((await patch(alice, { hidden: true })).status).toBe(403);
    });

    it('hides a share from members (a tombstone in their changes) while admins still see it whole', async () => {
      const id = clientId();
      const cursor = (await changes(alice)).json.cursor;
      await put(alice, id, draft({ title: 'Erreur de partage' }));
      expect((await hub.api(`/api/shares/${id}`, { method: 'PATCH', token: admin.token, body: { hidden: true } })).status).toBe(200);

      const seenByMember = (await changes(bob, cursor)).json.shares.find((share: { id: string }) => share.id === id);
      expect(seenByMember).toEqual({ id, seq: expect.any(Number), hidden: true, removed: true });
      const seenByAdmin = (await changes(admin, cursor)).json.shares.find((share: { id: string }) => share.id === id);
      expect(seenByAdmin).toMatchObject({ id, title: 'Erreur de partage', hidden: true, author: alice.member });

      expect((await hub.api(`/api/shares/${id}`, { token: alice.token })).status).toBe(404);
      expect((await hub.api(`/api/shares/${id}`, { token: admin.token })).status).toBe(200);
      expect((await hub.api(`/api/shares/${id}/comments/${clientId('c')}`, { method: 'PUT', token: bob.token, body: { body: 'ici ?' } })).status).toBe(404);
    });

    it('sends a change event to open dashboards when a share is created', async () => {
      const events = await openEvents(hub, alice.token);
      try {
        expect(events.response.status).toBe(200);
        expect(events.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
        const hello = await events.next('hello');
        const created = await put(bob, clientId());
        const change = await events.next('change');
        expect(change.cursor).toBe(created.json.seq);
        expect(change.cursor).toBeGreaterThan(hello.cursor);
      } finally {
        events.close();
      }
    });

    it('publishes the source and rule packs: admins write, members read, each save a new version', async () => {
      const versions = async () => (await changes(bob)).json.packs;
      const before = await versions();

      const sources = await hub.api('/api/packs/sources', { method: 'PUT', token: admin.token, body: OPML, contentType: 'text/xml' });
      expect(sources.status).toBe(200);
      expect(sources.json).toMatchObject({ name: 'sources', version: before.sources + 1, count: 2, summary: '2 source(s)' });
      const rulesBody = rulePackJson(3, DEFAULT_RULES);
      const rules = await hub.api('/api/packs/rules', { method: 'PUT', token: admin.token, body: rulesBody });
      expect(rules.status).toBe(200);
      expect(rules.json.summary).toBe(`${DEFAULT_RULES.length} rule(s)`);
      expect(await versions()).toEqual({ sources: before.sources + 1, rules: before.rules + 1 });
      await hub.api('/api/packs/sources', { method: 'PUT', token: admin.token, body: OPML, contentType: 'text/xml' });
      expect((await versions()).sources).toBe(before.sources + 2);

      const read = await hub.api('/api/packs/sources', { token: bob.token });
      expect(read.status).toBe(200);
      expect(read.text).toBe(OPML);
      expect(read.headers.get('content-type')).toMatch(/opml/);
      expect((await hub.api('/api/packs/rules', { token: bob.token })).json.rules).toHaveLength(DEFAULT_RULES.length);

      const byMember = await hub.api('/api/packs/sources', { method: 'PUT', token: bob.token, body: OPML, contentType: 'text/xml' });
      expect(byMember.status).toBe(403);
      const invalid = await hub.api('/api/packs/sources', { method: 'PUT', token: admin.token, body: '<opml><body><outline', contentType: 'text/xml' });
      expect(invalid.status).toBe(400);
      expect(invalid.json).toMatchObject({ error: 'invalid-pack', message: expect.stringMatching(/^Invalid OPML: \S/) });
      const badRules = await hub.api('/api/packs/rules', { method: 'PUT', token: admin.token, body: { version: 1, rules: [{ id: 'x' }] } });
      expect(badRules.status).toBe(400);
      expect(badRules.json.message).toMatch(/^Invalid rule pack: rules\.0/);
      expect((await versions()).sources).toBe(before.sources + 2);
    });

    it('serves the shared list as Atom, members\' text kept as text, per tag too', async () => {
      await put(alice, clientId(), draft({ title: HOSTILE_TITLE, note: 'Ne pas <b>cliquer</b>', tags: ['securite', '<3'] }));
      await put(bob, clientId(), draft({ title: 'Sans rapport', tags: ['autre'] }));

      const feed = await hub.api(`/feed/${alice.feedToken}.atom`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      // Well-formed: no raw "<" in an attribute, nothing XML cannot carry.
      expect(feed.text).not.toMatch(/<category [^\n]*<[^\n]*\/>/);
      const entries = (await parseStringPromise(feed.text)).feed.entry as { title: [{ _: string; $: { type: string } }]; category: { $: { term: string } }[] }[];
      const hostile = entries.find((entry) => entry.title[0]._.includes('script'))!;
      expect(hostile.category.map((category) => category.$.term)).toEqual(['securite', '<3']);
      // The title is HTML: read as a feed reader reads it, it is the member's text and no markup.
      expect(hostile.title[0].$.type).toBe('html');
      const title = parseDocument(hostile.title[0]._);
      expect(DomUtils.getElementsByTagName('script', title)).toHaveLength(0);
      expect(DomUtils.textContent(title)).toBe(HOSTILE_TITLE);
      expect(feed.text).not.toContain('<script>');
      expect(feed.text).not.toContain('<b>cliquer');
      // The hidden share of an earlier test is not in the feed.
      expect(entries.map((entry) => entry.title[0]._)).not.toContain('Erreur de partage');

      const tagged = await hub.api(`/feed/${alice.feedToken}/tag/securite.atom`);
      expect(tagged.status).toBe(200);
      const taggedEntries = (await parseStringPromise(tagged.text)).feed.entry as unknown[];
      expect(taggedEntries).toHaveLength(1);
      expect((await hub.api(`/feed/vf_${'x'.repeat(43)}.atom`)).status).toBe(404);
    });

    it('refuses a revoked member at once, feed included; only admins revoke', async () => {
      const carol = await hub.join('Carol Revoquee', 'member', { adminToken: admin.token });
      secrets.push(carol.token, carol.feedToken);
      expect((await hub.api('/api/me', { token: carol.token })).status).toBe(200);
      expect((await hub.api(`/feed/${carol.feedToken}.atom`)).status).toBe(200);

      expect((await hub.api(`/api/members/${carol.member.id}/revoke`, { method: 'POST', token: bob.token })).status).toBe(403);
      const revoked = await hub.api(`/api/members/${carol.member.id}/revoke`, { method: 'POST', token: admin.token });
      expect(revoked.json).toEqual({ revoked: carol.member.id });

      const refused = await hub.api('/api/me', { token: carol.token });
      expect(refused.status).toBe(401);
      expect(refused.json.error).toBe('bad-token');
      expect((await hub.api(`/feed/${carol.feedToken}.atom`)).status).toBe(404);
      const members = (await hub.api('/api/members', { token: admin.token })).json.members;
      expect(members.find((member: { id: string }) => member.id === carol.member.id).revoked).toEqual(expect.any(String));
      expect((await hub.api('/api/members', { token: bob.token })).status).toBe(403);
    });

    it('ends a revoked member’s live stream at once', async () => {
      const erin = await hub.join('Erin Revoquee', 'member', { adminToken: admin.token });
      secrets.push(erin.token, erin.feedToken);
      const events = await openEvents(hub, erin.token);
      try {
        await events.next('hello');
        expect((await hub.api(`/api/members/${erin.member.id}/revoke`, { method: 'POST', token: admin.token })).status).toBe(200);
        await expect(events.next('change')).rejects.toThrow('ended');
      } finally {
        events.close();
      }
    });

    it('refuses at once a member revoked by the admin command, even one whose token the hub just used', async () => {
      const dave = await hub.join('Dave Revoque', 'member', { adminToken: admin.token });
      secrets.push(dave.token, dave.feedToken);
      // Used once, so the hub remembers it; the command then runs through the hub (embedded) or on the
      // database directly (PostgreSQL), whose NOTIFY reaches the hub.
      expect((await hub.api('/api/me', { token: dave.token })).status).toBe(200);
      const command = await hub.cli('revoke', dave.member.id);
      expect(command.code).toBe(0);
      await expect.poll(async () => (await hub.api('/api/me', { token: dave.token })).status, { timeout: 2_000, interval: 20 }).toBe(401);
    });

    it('answers extension origins through CORS, and no other origin', async () => {
      const preflight = (origin: string) => hub.api('/api/changes', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      const allowed = await preflight(EXTENSION_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

      const read = (origin: string) => hub.api('/api/changes', { token: alice.token, headers: { origin } });
      expect((await read(EXTENSION_ORIGIN)).headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
      expect((await read('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

      // The live stream writes its own headers: the same rule holds there.
      for (const [origin, expected] of [[EXTENSION_ORIGIN, EXTENSION_ORIGIN], ['https://evil.example', null]] as const) {
        const events = await openEvents(hub, alice.token, { origin });
        expect(events.response.headers.get('access-control-allow-origin')).toBe(expected);
        events.close();
      }
    });

    it('lets a client still sending a refused body read why, and keeps its connection (no reset)', async () => {
      // The answer comes from the headers alone (a declared length over 1 MiB); the body is sent after it, as a
      // client that does not wait for answers does. Then a second request on the same connection is answered.
      const { hostname, port } = new URL(hub.url);
      const socket = connect(Number(port), hostname);
      onTestFinished(() => void socket.destroy());
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      const closed = new Promise<string>((resolve) => socket.once('close', () => resolve('closed')));
      const until = (pattern: RegExp) => Promise.race([vi.waitFor(() => expect(received).toMatch(pattern), { timeout: 10_000 }), closed]);
      const size = 2 * 1024 * 1024;
      socket.write(`POST /api/join HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      await until(/^HTTP\/1\.1 413 [^]*"error":"too-large"/);
      expect(received).not.toMatch(/connection: close/i);
      for (let sent = 0; sent < size; sent += 64 * 1024) socket.write(Buffer.alloc(Math.min(64 * 1024, size - sent), 0x78));
      socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
      expect(await until(/HTTP\/1\.1 200 [^]*"service"/)).not.toBe('closed');
    });

    it('exports everything; a fresh hub imports it whole, twice changes nothing, a bad file writes nothing', async () => {
      const exported = await hub.cli('export');
      expect(exported.code).toBe(0);
      const backup = JSON.parse(exported.stdout);
      const source = await allChanges(hub, admin.token);
      expect(backup).toMatchObject({ format: 'vigie-hub-backup', version: 1 });
      expect(backup.shares).toHaveLength(source.shares.length);
      expect(exported.stdout).not.toContain(alice.token);

      // The daily backup as the service makes it (hub/deploy/vigie-hub-backup.sh: `npm run -s hub -- export`
      // into a dated file, backups older than the days to keep removed, others left alone).
      const folder = mkdtempSync(join(tmpdir(), 'vigie-backup-'));
      onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
      const aged = (name: string, days: number) => {
        writeFileSync(join(folder, name), '{}');
        const when = new Date(Date.now() - days * 86_400_000);
        utimesSync(join(folder, name), when, when);
      };
      aged('vigie-hub-2026-01-01T031500Z.json', 20);
      aged('vigie-hub-2026-01-10T031500Z.json', 5);
      aged('notes.txt', 60);
      const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HUB_') && key !== 'DATABASE_URL'));
      const script = await new Promise<{ error: Error | null; stdout: string; stderr: string }>((resolve) => execFile('sh', [join(REPO, 'hub/deploy/vigie-hub-backup.sh')], {
        env: { ...inherited, ...hub.storage.env, ...hub.env, VIGIE_HUB_DIR: REPO, VIGIE_BACKUP_DIR: folder, VIGIE_BACKUP_KEEP_DAYS: '14', npm_config_update_notifier: 'false' },
      }, (error, stdout, stderr) => resolve({ error, stdout, stderr })));
      expect(script.error, script.stderr).toBeNull();
      expect(script.stdout).toMatch(/^removed old backup .*vigie-hub-2026-01-01T031500Z\.json\nbackup written: .*vigie-hub-\d{4}-\d\d-\d\dT\d{6}Z\.json \(\d+ members, \d+ shares, \d+ bytes\)\n$/);
      const made = readdirSync(folder).filter((name) => /^vigie-hub-\d{4}-\d\d-\d\dT\d{6}Z\.json$/.test(name) && !name.startsWith('vigie-hub-2026-01-'));
      expect(made).toHaveLength(1);
      expect(readdirSync(folder).sort()).toEqual([...made, 'notes.txt', 'vigie-hub-2026-01-10T031500Z.json'].sort());
      const file = join(folder, made[0]!);
      // npm said nothing in it: the file is the export's JSON, the same as the command's own.
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('{')).toBe(true);
      expect({ ...JSON.parse(text), exported: 'then' }).toEqual({ ...backup, exported: 'then' });
      const imported = await restoreTarget.cli('import', file);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`Imported: \\d+ members, ${backup.shares.length} shares`));

      // Tokens are stored hashed and come along: the same admin reads the restored hub.
      const content = (shares: any[]) => shares.map(({ seq: _seq, ...share }) => share).sort((a, b) => a.id.localeCompare(b.id));
      const restored = await allChanges(restoreTarget, admin.token);
      expect(content(restored.shares)).toEqual(content(source.shares));
      expect(restored.packs).toEqual(source.packs);
      const members = async () => (await restoreTarget.api('/api/members', { token: admin.token })).json.members;
      const restoredMembers = await members();

      // Made without npm's -s, a backup starts with npm's banner: it is restored all the same (below, as a second import).
      const withBanner = join(folder, 'with-banner.json');
      writeFileSync(withBanner, `\n> vigie@0.3.0 hub\n> tsx hub/main.ts export\n\n${exported.stdout}`);

      const bad = {
        'not-json.json': '{"format": "vigie-hub-backup",',
        'wrong-shape.json': JSON.stringify({ ...backup, shares: [{ ...backup.shares[0], title: 42 }] }),
        // Valid in shape, but a share by a member the backup does not hold: refused whole, the new first share included.
        'unknown-author.json': JSON.stringify({ ...backup, members: [], invites: [], shares: [{ ...backup.shares[0], id: clientId(), authorId: 'm_nobody' }, ...backup.shares] }),
      };
      for (const [name, text] of Object.entries(bad)) writeFileSync(join(folder, name), text);
      // The same backup again and the three bad files, side by side (each command is a process of its own).
      const [again, bannered, ...refusals] = await Promise.all([file, withBanner, ...Object.keys(bad).map((name) => join(folder, name))].map((path) => restoreTarget.cli('import', path)));
      expect(again!.code, again!.stderr).toBe(0);
      expect(bannered!.code, bannered!.stderr).toBe(0);
      for (const [i, name] of Object.keys(bad).entries()) {
        const refused = refusals[i]!;
        expect(refused.code, name).not.toBe(0);
        expect(refused.stdout, name).toBe('');
        expect(refused.stderr, name).toMatch(/^(Not a hub backup: the file is not JSON|Not a valid hub backup: shares\.0\.title|.*foreign key)/);
        expect(refused.stderr, name).not.toMatch(/could not complete|\bat .*\(/);
      }
      // Importing again kept what was there, and the bad files wrote nothing: same shares, same cursor, same members.
      expect(await allChanges(restoreTarget, admin.token)).toEqual(restored);
      expect(await members()).toEqual(restoredMembers);
    });

    it('never writes a token, a feed token or an invite code in its logs', () => {
      // The feed tokens went through URLs and every member token through headers during the tests above.
      expect(hub.logs).toMatch(/\/feed\/\[redacted\]/);
      for (const secret of secrets) expect(hub.logs.includes(secret), secret.slice(0, 3)).toBe(false);
      expect(hub.logs).not.toMatch(/v[hf]_[A-Za-z0-9_-]{20,}/);
    });
  });

  describe('rate limit', () => {
    it('answers 429 with a clear message past the limit, counting a token the hub does not know with its address', async () => {
      const guess = `Bearer vh_${'g'.repeat(43)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await limited.api('/api/me', { headers: { authorization: guess } })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await limited.api('/api/me', { headers: { authorization: guess } });
      expect(refused.status).toBe(429);
      expect(refused.json).toMatchObject({ error: 'rate-limited', message: expect.stringMatching(/^Too many requests: at most 5 a minute\. Try again in \d+ s\.$/) });
      // Another made-up token gains nothing: it counts with the same address (tests/hub/harden.test.ts has the rest).
      expect((await limited.api('/api/me', { headers: { authorization: `Bearer vh_${'h'.repeat(43)}` } })).status).toBe(429);
    });
  });

  describe('graceful shutdown', () => {
    it('keeps every write it answered 2xx when stopped (SIGTERM) in the middle of a burst', async () => {
      const alice = await stopped.join('Alice Martin', 'admin');
      const sent = Array.from({ length: 60 }, () => clientId());
      let answered = 0;
      let firstAnswer!: () => void;
      const first = new Promise<void>((resolve) => (firstAnswer = resolve));
      const burst = Promise.allSettled(sent.map(async (id) => {
        const answer = await stopped.api(`/api/shares/${id}`, { method: 'PUT', token: alice.token, body: draft({ title: `Rafale ${id}` }) });
        answered++;
        firstAnswer();
        return { id, status: answer.status };
      }));
      await first;
      expect(answered).toBeLessThan(sent.length);
      const exitCode = stopped.stop('SIGTERM');
      const outcomes = await burst;
      expect(await exitCode).toBe(0);

      const confirmed = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' && outcome.value.status >= 200 && outcome.value.status < 300 ? [outcome.value.id] : []));
      expect(confirmed.length).toBeGreaterThan(0);
      // Nothing else than "done" or "not taken": a write is never half done.
      for (const outcome of outcomes) if (outcome.status === 'fulfilled') expect([201, 503]).toContain(outcome.value.status);

      await stopped.restart();
      const stored = ids((await allChanges(stopped, alice.token)).shares);
      expect(stored).toEqual(expect.arrayContaining(confirmed));
      expect(stored.every((id) => sent.includes(id))).toBe(true);
    });
  });
});
