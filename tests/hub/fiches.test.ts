/**
 * The collective's fiches conseils on a real hub process (embedded PGlite, then PostgreSQL): the default fiches,
 * editors granted by an admin, versions kept whole, two editors saving at once, references, members'
 * suggestions, the change feed and the live stream telling members, hostile text kept as text, and the backup.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FichesAnswerSchema } from '../../lib/model/fiche';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { DB_KINDS, clientId, draft, openEvents, skipped, startHubs, type Joined, type TestHub } from './helpers/hub-process';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const HOSTILE = '# Publicité <script>alert(1)</script>\n\n[clic](javascript:alert(1)) <img src=x onerror=alert(1)>';

describe.each(DB_KINDS)('fiches conseils on the hub, %s database', (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  let hub: TestHub;
  let restored: TestHub;
  let admin: Joined;
  let alice: Joined;
  let bruno: Joined;
  let carole: Joined;
  let shareId: string;
  let rexId: string;

  beforeAll(async () => {
    [hub, restored] = (await startHubs(kind, [{}, {}])) as [TestHub, TestHub];
    admin = await hub.join('Admin COPIL', 'admin');
    alice = await hub.join('Alice Martin', 'member', { adminToken: admin.token });
    bruno = await hub.join('Bruno Petit', 'member', { adminToken: admin.token });
    carole = await hub.join('Carole Roux', 'member', { adminToken: admin.token });
    shareId = clientId();
    expect((await hub.api(`/api/shares/${shareId}`, { method: 'PUT', token: carole.token, body: draft({ title: 'Meta et la publicité politique' }) })).status).toBe(201);
    rexId = clientId();
    const rex = { collectivite: 'departement', size: '600 000 habitants', platform: 'facebook', when: '2026-11', tried: 'Des directs', outcome: 'Portée doublée' };
    expect((await hub.api(`/api/shares/${rexId}`, { method: 'PUT', token: carole.token, body: { kind: 'rex', title: 'Des directs avec les élus', tags: [], rex } })).status).toBe(201);
  });
  afterAll(() => Promise.all([hub, restored].map((started) => started?.close())));

  const fiches = async (who: Joined) => {
    const answer = await hub.api('/api/fiches', { token: who.token });
    expect(answer.status).toBe(200);
    return FichesAnswerSchema.parse(answer.json);
  };
  const save = (who: Joined, id: string, body: Record<string, unknown>) => hub.api(`/api/fiches/${id}`, { method: 'PUT', token: who.token, body });

  it('starts with one empty fiche per tag of the shared taxonomy; a member reads them and may not write', async () => {
    const answer = await fiches(alice);
    expect(answer.fiches.map((fiche) => fiche.id).sort()).toEqual(SHARED_TAXONOMY.map((tag) => tag.id).sort());
    expect(answer.fiches.find((fiche) => fiche.id === 'publicite-politique')).toMatchObject({ title: 'Publicité politique', tag: 'publicite-politique', body: '', version: 0, links: [], authors: [] });
    expect(answer).toMatchObject({ editor: false, licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)' });
    expect((await fiches(admin)).editor).toBe(true);
    const refused = await save(alice, 'publicite-politique', { title: 'Publicité politique', body: 'x', baseVersion: 0 });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/propose a change/);
  });

  it('lets an admin make two editors; each save is a version with its author, and the change feed and live stream move', async () => {
    for (const who of [alice, bruno]) expect((await hub.api(`/api/members/${who.member.id}/editor`, { token: admin.token, body: { editor: true } })).json).toEqual({ id: who.member.id, editor: true });
    expect((await hub.api('/api/me', { token: alice.token })).json.member).toMatchObject({ name: 'Alice Martin', editor: true });
    expect((await hub.api('/api/members', { token: admin.token })).json.members.find((m: { id: string }) => m.id === alice.member.id)).toMatchObject({ editor: true });
    const before = (await hub.api('/api/changes?since=0', { token: carole.token })).json.fiches as number;
    const events = await openEvents(hub, carole.token);
    await events.next('hello');
    const saved = await save(alice, 'publicite-politique', { title: 'Publicité politique', body: '## Que faire\n\nVérifier l’autorisation de diffusion.', baseVersion: 0, summary: 'première version' });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, updatedBy: { name: 'Alice Martin' }, authors: [{ name: 'Alice Martin' }] });
    expect((await events.next('change')).cursor).toBeGreaterThan(before);
    events.close();
    expect((await hub.api('/api/changes?since=0', { token: carole.token })).json.fiches).toBeGreaterThan(before);
    // The same text again is no new version.
    expect((await save(alice, 'publicite-politique', { title: 'Publicité politique', body: '## Que faire\n\nVérifier l’autorisation de diffusion.', baseVersion: 1 })).json.version).toBe(1);
    expect((await save(bruno, 'publicite-politique', { title: 'Publicité politique', body: '## Que faire\n\nVérifier l’autorisation de diffusion.\n\n## Qui appeler\n\nLe service juridique.', baseVersion: 1 })).json)
      .toMatchObject({ version: 2, authors: [{ name: 'Alice Martin' }, { name: 'Bruno Petit' }] });
    const versions = (await hub.api('/api/fiches/publicite-politique/versions', { token: carole.token })).json.versions;
    expect(versions.map((v: { version: number; author: { name: string } }) => [v.version, v.author.name])).toEqual([[2, 'Bruno Petit'], [1, 'Alice Martin']]);
    expect(versions[1]).toMatchObject({ summary: 'première version', body: '## Que faire\n\nVérifier l’autorisation de diffusion.' });
  });

  it('refuses the second of two editors who saved from the same version, with the other’s text; nothing is lost', async () => {
    const first = await save(alice, 'groupes', { title: 'Groupes', body: 'Texte d’Alice', baseVersion: 0 });
    expect(first.json.version).toBe(1);
    const second = await save(bruno, 'groupes', { title: 'Groupes', body: 'Texte de Bruno', baseVersion: 0 });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ error: 'fiche-conflict', current: { version: 1, body: 'Texte d’Alice', updatedBy: { name: 'Alice Martin' } } });
    expect(second.json.message).toMatch(/Alice Martin/);
    const versions = (await hub.api('/api/fiches/groupes/versions', { token: bruno.token })).json.versions;
    expect(versions).toHaveLength(1);
    // Bruno merges from what he was shown: his save from version 1 lands.
    expect((await save(bruno, 'groupes', { title: 'Groupes', body: 'Texte d’Alice\n\nTexte de Bruno', baseVersion: 1 })).json.version).toBe(2);
  });

  it('keeps hostile Markdown as text (the extension renders it inert), and cites shares: an article and a REX with its context', async () => {
    expect((await save(alice, 'ia', { title: 'IA', body: HOSTILE, baseVersion: 0 })).json.body).toBe(HOSTILE);
    expect((await hub.api(`/api/fiches/publicite-politique/links/${shareId}`, { method: 'PUT', token: alice.token })).status).toBe(200);
    const linked = (await hub.api(`/api/fiches/publicite-politique/links/${rexId}`, { method: 'PUT', token: alice.token })).json;
    expect(linked.links).toMatchObject([
      { shareId, kind: 'item', title: 'Meta et la publicité politique', url: expect.stringMatching(/^https:\/\/exemple\.fr\//), addedBy: { name: 'Alice Martin' } },
      { shareId: rexId, kind: 'rex', context: 'Département (600 000 habitants) · Facebook, novembre 2026' },
    ]);
    // Citing again changes nothing; a share that does not exist is a 404.
    expect((await hub.api(`/api/fiches/publicite-politique/links/${shareId}`, { method: 'PUT', token: alice.token })).json.links).toHaveLength(2);
    expect((await hub.api(`/api/fiches/publicite-politique/links/${clientId()}`, { method: 'PUT', token: alice.token })).status).toBe(404);
  });

  it('takes members’ suggestions: editors see them all, a member their own; accepted or declined once; a rewording from an old version is refused', async () => {
    const link = await hub.api('/api/fiches/pages/suggestions', { token: carole.token, body: { kind: 'link', shareId, note: 'Concerne aussi les Pages' } });
    expect(link.status).toBe(201);
    expect(link.json).toMatchObject({ kind: 'link', status: 'open', author: { name: 'Carole Roux' }, link: { shareId, title: 'Meta et la publicité politique' } });
    const text = await hub.api('/api/fiches/groupes/suggestions', { token: carole.token, body: { kind: 'text', body: 'Ma version', baseVersion: 1 } });
    expect(text.status).toBe(201);
    expect((await fiches(alice)).suggestions.map((s) => s.id)).toEqual([link.json.id, text.json.id]);
    expect((await fiches(carole)).suggestions).toHaveLength(2);
    expect((await fiches(bruno)).suggestions).toHaveLength(2);
    const other = await hub.join('Denis Blanc', 'member', { adminToken: admin.token });
    expect((await fiches(other)).suggestions).toEqual([]);
    expect((await hub.api(`/api/suggestions/${link.json.id}`, { token: carole.token, body: { accept: true } })).status).toBe(403);
    expect((await hub.api(`/api/suggestions/${link.json.id}`, { token: alice.token, body: { accept: true } })).json).toMatchObject({ status: 'accepted', decidedBy: { name: 'Alice Martin' } });
    expect((await fiches(carole)).fiches.find((fiche) => fiche.id === 'pages')!.links.map((l) => l.shareId)).toEqual([shareId]);
    expect((await hub.api(`/api/suggestions/${link.json.id}`, { token: bruno.token, body: { accept: false } })).status).toBe(409);
    // « groupes » is at version 2: the rewording was written from 1, so accepting it would lose Bruno's merge.
    const stale = await hub.api(`/api/suggestions/${text.json.id}`, { token: alice.token, body: { accept: true } });
    expect(stale.status).toBe(409);
    expect(stale.json.current.version).toBe(2);
    expect((await hub.api(`/api/suggestions/${text.json.id}`, { token: alice.token, body: { accept: false } })).json.status).toBe('declined');
    // A rewording from the newest version, accepted: a version in its author's name.
    const fresh = await hub.api('/api/fiches/groupes/suggestions', { token: carole.token, body: { kind: 'text', body: 'Texte d’Alice\n\nTexte de Bruno\n\nEt de Carole', baseVersion: 2 } });
    await hub.api(`/api/suggestions/${fresh.json.id}`, { token: bruno.token, body: { accept: true } });
    expect((await fiches(alice)).fiches.find((fiche) => fiche.id === 'groupes')).toMatchObject({ version: 3, updatedBy: { name: 'Carole Roux' } });
    expect((await fiches(alice)).suggestions).toEqual([]);
  });

  it('lets an admin set the white paper’s licence line, and withdraw an editor’s right at once', async () => {
    expect((await hub.api('/api/licence', { method: 'PUT', token: admin.token, body: { licence: 'CC BY-SA 4.0 — COPIL des communicants publics' } })).status).toBe(200);
    expect((await fiches(carole)).licence).toBe('CC BY-SA 4.0 — COPIL des communicants publics');
    await hub.api(`/api/members/${bruno.member.id}/editor`, { token: admin.token, body: { editor: false } });
    expect((await save(bruno, 'groupes', { title: 'Groupes', body: 'x', baseVersion: 3 })).status).toBe(403);
  });

  it('announces each new version in the Atom feed (the tag’s feed too), its Markdown as text, nothing that runs', async () => {
    const feed = await hub.api(`/feed/${carole.feedToken}.atom`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('Fiche conseil mise à jour : Publicité politique (version 2)');
    expect(feed.text).toContain('Ce qui change : première version');
    expect(feed.text).toContain('urn:vigie:fiche:publicite-politique:1');
    expect(feed.text).toContain('Fiche conseil mise à jour : IA (version 1)');
    expect(feed.text).not.toMatch(/<script|<img|javascript:/i);
    const tagged = await hub.api(`/feed/${carole.feedToken}/tag/publicite-politique.atom`);
    expect(tagged.text).toContain('Publicité politique (version 2)');
    expect(tagged.text).not.toContain('Fiche conseil mise à jour : Groupes');
  });

  it('exports the fiches with every version, reference and suggestion; a fresh hub imports them over its empty defaults', async () => {
    const exported = await hub.cli('export');
    expect(exported.code).toBe(0);
    const backup = JSON.parse(exported.stdout);
    const fiche = backup.fiches.find((f: { id: string }) => f.id === 'publicite-politique');
    expect(fiche).toMatchObject({ version: 2, versions: [{ version: 1 }, { version: 2 }], links: [{ shareId }, { shareId: rexId }] });
    expect(backup.suggestions).toHaveLength(3);
    expect(backup.members.find((m: { id: string }) => m.id === alice.member.id).editor).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'vigie-fiches-'));
    try {
      writeFileSync(join(dir, 'backup.json'), exported.stdout);
      const imported = await restored.cli('import', join(dir, 'backup.json'));
      expect(imported.code, imported.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const after = FichesAnswerSchema.parse((await restored.api('/api/fiches', { token: alice.token })).json);
    expect(after.editor).toBe(true);
    expect(after.fiches.find((f) => f.id === 'publicite-politique')).toMatchObject({ version: 2, authors: [{ name: 'Alice Martin' }, { name: 'Bruno Petit' }], links: [{ shareId }, { shareId: rexId }] });
    expect(after.fiches.find((f) => f.id === 'ia')!.body).toBe(HOSTILE);
    expect(after.licence).toBe('CC BY-SA 4.0 — COPIL des communicants publics');
  });
});
