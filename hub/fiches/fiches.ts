import { DEFAULT_LICENCE, type Fiche, type FicheLink, type FicheSave, type FicheVersion, type Suggestion, type SuggestionDraft } from '../../lib/model/fiche';
import type { Rex } from '../../lib/model/rex';
import { rexReference } from '../../lib/model/rex-words';
import type { Member } from '../../lib/model/share';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import type { Db, Queryable } from '../db/db';
import { newId } from '../members/tokens';
import { ShareRefusal, write } from '../shares/shares';

/**
 * The collective's « fiches conseils » on the hub: one living text per topic, every save kept as a version,
 * the shares each one cites, and members' suggestions. Each write takes a number from the change sequence
 * (`fiches.seq`), so the change feed tells members' extensions that a fiche moved with one figure.
 */

const iso = (date: Date | string): string => new Date(date).toISOString();
const member = (id: string, name: string, role: Member['role']): Member => ({ id, name, role });

/** The default fiches, one per tag of the shared taxonomy, written when the hub first has none. */
export async function seedFiches(db: Queryable): Promise<void> {
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM fiches')) as [{ count: number }];
  if (count > 0) return;
  for (const tag of SHARED_TAXONOMY) {
    await db.query("INSERT INTO fiches (id, title, tag, body, version, seq) VALUES ($1, $2, $1, '', 0, nextval('change_seq')) ON CONFLICT (id) DO NOTHING", [tag.id, tag.label.fr]);
  }
}

interface FicheRow {
  id: string;
  title: string;
  tag: string | null;
  body: string;
  version: number;
  updated: Date;
  updated_by: string | null;
  updater_name: string | null;
  updater_role: Member['role'] | null;
}

interface LinkRow {
  fiche_id: string;
  share_id: string;
  kind: string;
  title: string;
  url: string | null;
  rex: Rex | null;
  added: Date;
  added_by: string;
  adder_name: string;
  adder_role: Member['role'];
}

const LINK_SELECT = `SELECT l.fiche_id, l.share_id, s.kind, s.title, s.url, s.rex, l.added, l.added_by, m.name AS adder_name, m.role AS adder_role
  FROM fiche_links l JOIN shares s ON s.id = l.share_id JOIN members m ON m.id = l.added_by`;

/** A REX's context in a reference, in French (the hub's words, as in its Atom feed). */
const linkFromRow = (row: LinkRow): FicheLink => ({
  shareId: row.share_id,
  kind: row.kind,
  title: row.title,
  ...(row.url ? { url: row.url } : {}),
  ...(row.rex ? { context: rexReference(row.rex) } : {}),
  addedBy: member(row.added_by, row.adder_name, row.adder_role),
  added: iso(row.added),
});

/** Every fiche (or one), whole: text, authors, references (hidden shares left out). */
export async function listFiches(db: Queryable, id?: string): Promise<Fiche[]> {
  const where = id ? 'WHERE f.id = $1' : '';
  const params = id ? [id] : [];
  const rows = await db.query<FicheRow>(
    `SELECT f.id, f.title, f.tag, f.body, f.version, f.updated, f.updated_by, m.name AS updater_name, m.role AS updater_role
     FROM fiches f LEFT JOIN members m ON m.id = f.updated_by ${where} ORDER BY f.title`,
    params,
  );
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const [links, authors] = await Promise.all([
    db.query<LinkRow>(`${LINK_SELECT} WHERE l.fiche_id = ANY($1::text[]) AND NOT s.hidden ORDER BY l.added, l.share_id`, [ids]),
    db.query<{ fiche_id: string; id: string; name: string; role: Member['role'] }>(
      `SELECT v.fiche_id, m.id, m.name, m.role, min(v.version) AS first FROM fiche_versions v JOIN members m ON m.id = v.author_id
       WHERE v.fiche_id = ANY($1::text[]) GROUP BY v.fiche_id, m.id, m.name, m.role ORDER BY first`,
      [ids],
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    ...(row.tag ? { tag: row.tag } : {}),
    body: row.body,
    version: row.version,
    updated: iso(row.updated),
    ...(row.updated_by ? { updatedBy: member(row.updated_by, row.updater_name ?? '', row.updater_role ?? 'member') } : {}),
    authors: authors.filter((author) => author.fiche_id === row.id).map((author) => member(author.id, author.name, author.role)),
    links: links.filter((link) => link.fiche_id === row.id).map(linkFromRow),
  }));
}

export async function getFiche(db: Queryable, id: string): Promise<Fiche> {
  const [fiche] = await listFiches(db, id);
  if (!fiche) throw new ShareRefusal(404, 'not-found', 'No fiche has this id.');
  return fiche;
}

/** The fiches' place in the change feed: the highest number any fiche or suggestion write took (the change feed reads it too). */
export const FICHES_SEQ_SQL = 'greatest((SELECT max(seq) FROM fiches), (SELECT max(seq) FROM suggestions))';

export async function fichesSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: string | number | null }>(`SELECT ${FICHES_SEQ_SQL} AS seq`);
  return Number(row?.seq ?? 0);
}

export async function createFiche(db: Db, id: string, title: string, tag?: string): Promise<Fiche> {
  await write(db, async (tx) => {
    const rows = await tx.query("INSERT INTO fiches (id, title, tag, body, version, seq) VALUES ($1, $2, $3, '', 0, nextval('change_seq')) ON CONFLICT (id) DO NOTHING RETURNING id", [id, title, tag ?? null]);
    if (!rows.length) throw new ShareRefusal(409, 'id-taken', 'A fiche already has this id.');
  });
  return getFiche(db, id);
}

/** Why a save was refused because another editor saved first: the fiche as it now is goes with the answer. */
export class FicheConflict extends Error {
  constructor(readonly current: Fiche) {
    super(`This fiche was saved by ${current.updatedBy?.name ?? 'another editor'} meanwhile (version ${current.version}): nothing was written.`);
  }
}

/**
 * Saves a new version, if the editor started from the newest one. Two editors saving at once: the first
 * lands, the second is refused with the text now on the hub (FicheConflict), and keeps their own on screen.
 * Saving the same text again changes nothing (`saved` false).
 */
export async function saveFiche(db: Db, editor: Member, id: string, save: FicheSave): Promise<{ fiche: Fiche; saved: boolean }> {
  const outcome = await write(db, async (tx) => {
    const [row] = await tx.query<{ version: number; title: string; body: string }>('SELECT version, title, body FROM fiches WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw new ShareRefusal(404, 'not-found', 'No fiche has this id.');
    if (row.version !== save.baseVersion) return 'conflict' as const;
    if (row.title === save.title && row.body === save.body) return 'same' as const;
    const version = row.version + 1;
    await tx.query("UPDATE fiches SET title = $2, body = $3, version = $4, updated = now(), updated_by = $5, seq = nextval('change_seq') WHERE id = $1", [
      id, save.title, save.body, version, editor.id,
    ]);
    await tx.query('INSERT INTO fiche_versions (fiche_id, version, title, body, author_id, summary) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, version, save.title, save.body, editor.id, save.summary?.trim() || null,
    ]);
    return 'saved' as const;
  });
  const fiche = await getFiche(db, id);
  if (outcome === 'conflict') throw new FicheConflict(fiche);
  return { fiche, saved: outcome === 'saved' };
}

export async function ficheVersions(db: Queryable, id: string): Promise<FicheVersion[]> {
  await getFiche(db, id);
  const rows = await db.query<{ version: number; title: string; body: string; created: Date; summary: string | null; author_id: string; name: string; role: Member['role'] }>(
    `SELECT v.version, v.title, v.body, v.created, v.summary, m.id AS author_id, m.name, m.role
     FROM fiche_versions v JOIN members m ON m.id = v.author_id WHERE v.fiche_id = $1 ORDER BY v.version DESC`,
    [id],
  );
  return rows.map((row) => ({
    version: row.version,
    title: row.title,
    body: row.body,
    author: member(row.author_id, row.name, row.role),
    created: iso(row.created),
    ...(row.summary ? { summary: row.summary } : {}),
  }));
}

async function visibleShare(db: Queryable, shareId: string): Promise<void> {
  const [share] = await db.query<{ hidden: boolean }>('SELECT hidden FROM shares WHERE id = $1', [shareId]);
  if (!share || share.hidden) throw new ShareRefusal(404, 'not-found', 'This share does not exist.');
}

/** Cites a share in a fiche (once: citing it again changes nothing), or stops citing it. */
export async function linkFiche(db: Db, editor: Member, id: string, shareId: string, on: boolean): Promise<Fiche> {
  await write(db, async (tx) => {
    await getFicheRow(tx, id);
    if (on) {
      await visibleShare(tx, shareId);
      const rows = await tx.query('INSERT INTO fiche_links (fiche_id, share_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING share_id', [id, shareId, editor.id]);
      if (rows.length) await tx.query("UPDATE fiches SET seq = nextval('change_seq') WHERE id = $1", [id]);
    } else {
      const rows = await tx.query('DELETE FROM fiche_links WHERE fiche_id = $1 AND share_id = $2 RETURNING share_id', [id, shareId]);
      if (rows.length) await tx.query("UPDATE fiches SET seq = nextval('change_seq') WHERE id = $1", [id]);
    }
  });
  return getFiche(db, id);
}

async function getFicheRow(db: Queryable, id: string): Promise<{ version: number }> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM fiches WHERE id = $1', [id]);
  if (!row) throw new ShareRefusal(404, 'not-found', 'No fiche has this id.');
  return row;
}

interface SuggestionRow {
  id: string;
  fiche_id: string;
  kind: 'link' | 'text';
  share_id: string | null;
  body: string | null;
  base_version: number | null;
  note: string | null;
  status: Suggestion['status'];
  created: Date;
  author_id: string;
  author_name: string;
  author_role: Member['role'];
  decided_by: string | null;
  decider_name: string | null;
  decider_role: Member['role'] | null;
}

/** Open suggestions (or one), with the share each `link` one proposes as a reference shows it. */
export async function listSuggestions(db: Queryable, options: { id?: string; open?: boolean } = {}): Promise<Suggestion[]> {
  const conditions = [options.id ? 's.id = $1' : '', options.open ? "s.status = 'open'" : ''].filter(Boolean);
  const rows = await db.query<SuggestionRow>(
    `SELECT s.id, s.fiche_id, s.kind, s.share_id, s.body, s.base_version, s.note, s.status, s.created,
       a.id AS author_id, a.name AS author_name, a.role AS author_role, s.decided_by, d.name AS decider_name, d.role AS decider_role
     FROM suggestions s JOIN members a ON a.id = s.author_id LEFT JOIN members d ON d.id = s.decided_by
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY s.created, s.id`,
    options.id ? [options.id] : [],
  );
  const shareIds = rows.flatMap((row) => (row.share_id ? [row.share_id] : []));
  const shares = shareIds.length
    ? await db.query<Omit<LinkRow, 'fiche_id' | 'added' | 'added_by' | 'adder_name' | 'adder_role'>>('SELECT id AS share_id, kind, title, url, rex FROM shares WHERE id = ANY($1::text[])', [shareIds])
    : [];
  return rows.map((row) => {
    const share = shares.find((candidate) => candidate.share_id === row.share_id);
    const author = member(row.author_id, row.author_name, row.author_role);
    return {
      id: row.id,
      ficheId: row.fiche_id,
      kind: row.kind,
      author,
      created: iso(row.created),
      ...(row.note ? { note: row.note } : {}),
      ...(share ? { link: linkFromRow({ ...share, fiche_id: row.fiche_id, added: row.created, added_by: author.id, adder_name: author.name, adder_role: author.role }) } : {}),
      ...(row.body !== null ? { body: row.body } : {}),
      ...(row.base_version !== null ? { baseVersion: row.base_version } : {}),
      status: row.status,
      ...(row.decided_by ? { decidedBy: member(row.decided_by, row.decider_name ?? '', row.decider_role ?? 'member') } : {}),
    };
  });
}

export async function suggest(db: Db, author: Member, ficheId: string, draft: SuggestionDraft): Promise<Suggestion> {
  const id = newId('sg');
  await write(db, async (tx) => {
    await getFicheRow(tx, ficheId);
    if (draft.kind === 'link') await visibleShare(tx, draft.shareId);
    await tx.query(
      `INSERT INTO suggestions (id, fiche_id, kind, share_id, body, base_version, note, author_id, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, nextval('change_seq'))`,
      [id, ficheId, draft.kind, draft.kind === 'link' ? draft.shareId : null, draft.kind === 'text' ? draft.body : null, draft.kind === 'text' ? draft.baseVersion : null, draft.note?.trim() || null, author.id],
    );
  });
  return (await listSuggestions(db, { id }))[0]!;
}

/**
 * An editor accepts or declines a suggestion. Accepting a reference cites it; accepting a rewording saves it
 * as a new version in its author's name, if the fiche has not moved since it was written from (else 409,
 * the editor reads both and writes the merge). `saved`: the version that acceptance made, if it made one.
 */
export async function decide(db: Db, editor: Member, id: string, accept: boolean): Promise<{ suggestion: Suggestion; saved?: Fiche }> {
  const [suggestion] = await listSuggestions(db, { id });
  if (!suggestion) throw new ShareRefusal(404, 'not-found', 'No suggestion has this id.');
  if (suggestion.status !== 'open') throw new ShareRefusal(409, 'decided', `This suggestion was already ${suggestion.status}.`);
  if (accept && suggestion.kind === 'link' && suggestion.link) await linkFiche(db, editor, suggestion.ficheId, suggestion.link.shareId, true);
  let saved: Fiche | undefined;
  if (accept && suggestion.kind === 'text') {
    const fiche = await getFiche(db, suggestion.ficheId);
    const outcome = await saveFiche(db, suggestion.author, suggestion.ficheId, { title: fiche.title, body: suggestion.body ?? '', baseVersion: suggestion.baseVersion ?? -1, summary: `Proposition de ${suggestion.author.name}, acceptée par ${editor.name}` });
    if (outcome.saved) saved = outcome.fiche;
  }
  await write(db, (tx) =>
    tx.query("UPDATE suggestions SET status = $2, decided_by = $3, decided = now(), seq = nextval('change_seq') WHERE id = $1", [id, accept ? 'accepted' : 'declined', editor.id]),
  );
  return { suggestion: (await listSuggestions(db, { id }))[0]!, ...(saved ? { saved } : {}) };
}

export async function getLicence(db: Queryable): Promise<string> {
  const [row] = await db.query<{ value: string }>("SELECT value FROM hub_settings WHERE name = 'licence'");
  return row?.value ?? DEFAULT_LICENCE;
}

export async function setLicence(db: Queryable, licence: string): Promise<void> {
  await db.query("INSERT INTO hub_settings (name, value) VALUES ('licence', $1) ON CONFLICT (name) DO UPDATE SET value = $1", [licence]);
}

/** A saved version as the Atom feed announces it. */
export interface FicheChange {
  ficheId: string;
  title: string;
  tag?: string;
  version: number;
  body: string;
  summary?: string;
  author: Member;
  created: string;
}

/** The newest versions saved, of every fiche or of those about one tag (for the Atom feed). */
export async function recentFicheVersions(db: Queryable, options: { tag?: string; limit: number }): Promise<FicheChange[]> {
  const rows = await db.query<{ fiche_id: string; title: string; tag: string | null; version: number; body: string; summary: string | null; created: Date; author_id: string; name: string; role: Member['role'] }>(
    `SELECT v.fiche_id, v.title, f.tag, v.version, v.body, v.summary, v.created, m.id AS author_id, m.name, m.role
     FROM fiche_versions v JOIN fiches f ON f.id = v.fiche_id JOIN members m ON m.id = v.author_id
     ${options.tag ? 'WHERE f.tag = $2' : ''} ORDER BY v.created DESC LIMIT $1`,
    options.tag ? [options.limit, options.tag] : [options.limit],
  );
  return rows.map((row) => ({
    ficheId: row.fiche_id,
    title: row.title,
    ...(row.tag ? { tag: row.tag } : {}),
    version: row.version,
    body: row.body,
    ...(row.summary ? { summary: row.summary } : {}),
    author: member(row.author_id, row.name, row.role),
    created: iso(row.created),
  }));
}

/** One saved version, as a webhook announces it. */
export async function ficheChange(db: Queryable, ficheId: string, version: number): Promise<FicheChange | undefined> {
  const [row] = await db.query<{ title: string; tag: string | null; body: string; summary: string | null; created: Date; author_id: string; name: string; role: Member['role'] }>(
    `SELECT v.title, f.tag, v.body, v.summary, v.created, m.id AS author_id, m.name, m.role
     FROM fiche_versions v JOIN fiches f ON f.id = v.fiche_id JOIN members m ON m.id = v.author_id WHERE v.fiche_id = $1 AND v.version = $2`,
    [ficheId, version],
  );
  if (!row) return undefined;
  return { ficheId, title: row.title, ...(row.tag ? { tag: row.tag } : {}), version, body: row.body, ...(row.summary ? { summary: row.summary } : {}), author: member(row.author_id, row.name, row.role), created: iso(row.created) };
}
