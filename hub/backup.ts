import * as z from 'zod/mini';
import { ShareDraftSchema, shareKey } from '../lib/model/share';
import { IMPACTS } from '../lib/model/vocabulary';
import type { Db, Queryable } from './db/db';
import { MEMBERS_CHANNEL } from './members/members';
import { write } from './shares/shares';

/**
 * The whole hub as one JSON document (`npm run hub -- export > backup.json`) and back (`… import backup.json`).
 * Secrets stay hashed: a backup restores members' access without containing a single usable token.
 */
export const BACKUP_FORMAT = 'vigie-hub-backup';

const Iso = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'));
const Role = z.enum(['member', 'admin']);

export const HubBackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exported: Iso,
  members: z.array(z.strictObject({
    id: z.string(), name: z.string(), role: Role, tokenHash: z.nullable(z.string()), feedTokenHash: z.nullable(z.string()),
    created: Iso, revoked: z.nullable(Iso),
    // Hub 1.5.0: may write fiches conseils (absent from older backups).
    editor: z.optional(z.boolean()),
  })),
  invites: z.array(z.strictObject({ codeHash: z.string(), name: z.string(), role: Role, created: Iso, used: z.nullable(Iso), memberId: z.nullable(z.string()) })),
  shares: z.array(z.strictObject({
    ...ShareDraftSchema.shape,
    id: z.string(), authorId: z.string(), hidden: z.boolean(), created: Iso, updated: Iso,
    comments: z.array(z.strictObject({ id: z.string(), authorId: z.string(), body: z.string(), created: Iso, replyTo: z.optional(z.string()) })),
    // Hub 1.2.0: the members who shared the same article after its author (absent from older backups).
    sharers: z.optional(z.array(z.strictObject({ memberId: z.string(), note: z.optional(z.string()), impact: z.optional(z.enum(IMPACTS)), created: Iso, updated: Iso }))),
    reactions: z.array(z.strictObject({ memberId: z.string(), kind: z.enum(['useful', 'seen']) })),
  })),
  packs: z.array(z.strictObject({ name: z.enum(['sources', 'rules']), body: z.string(), version: z.number(), updated: Iso })),
  webhooks: z.array(z.strictObject({
    id: z.string(), kind: z.enum(['slack', 'matrix']), url: z.string(), room: z.nullable(z.string()), accessToken: z.nullable(z.string()),
    minPriority: z.enum(['info', 'important', 'critical']), enabled: z.boolean(),
  })),
  // Hub 1.5.0: the fiches conseils with every version, their references, the suggestions, the licence line.
  fiches: z.optional(z.array(z.strictObject({
    id: z.string(), title: z.string(), tag: z.optional(z.string()), body: z.string(), version: z.number(), updated: Iso, updatedBy: z.optional(z.string()),
    versions: z.array(z.strictObject({ version: z.number(), title: z.string(), body: z.string(), authorId: z.string(), summary: z.optional(z.string()), created: Iso })),
    links: z.array(z.strictObject({ shareId: z.string(), addedBy: z.string(), added: Iso })),
  }))),
  suggestions: z.optional(z.array(z.strictObject({
    id: z.string(), ficheId: z.string(), kind: z.enum(['link', 'text']), shareId: z.optional(z.string()), body: z.optional(z.string()), baseVersion: z.optional(z.number()),
    note: z.optional(z.string()), authorId: z.string(), status: z.enum(['open', 'accepted', 'declined']), decidedBy: z.optional(z.string()), decided: z.optional(Iso), created: Iso,
  }))),
  settings: z.optional(z.array(z.strictObject({ name: z.string(), value: z.string() }))),
});
export type HubBackup = z.infer<typeof HubBackupSchema>;
type BackupShare = HubBackup['shares'][number];

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
// Rows straight from SQL are untyped (`any`): every backup is checked by HubBackupSchema before it is imported.
/* eslint-disable @typescript-eslint/no-explicit-any */
const strip = <T extends Record<string, unknown>>(row: T) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));

// Map.groupBy arrives with Node 21; the hub runs on 20.
function byShare(rows: any[]): Map<string, any[]> {
  const groups = new Map<string, any[]>();
  for (const row of rows) groups.set(row.share_id, [...(groups.get(row.share_id) ?? []), row]);
  return groups;
}

export async function exportHub(db: Queryable, now = new Date()): Promise<HubBackup> {
  const [members, invites, shares, comments, reactions, cosharers, packs, webhooks, fiches, versions, links, suggestions, settings] = await Promise.all([
    db.query<any>('SELECT * FROM members ORDER BY created, id'),
    db.query<any>('SELECT * FROM invites ORDER BY created'),
    db.query<any>('SELECT * FROM shares ORDER BY seq'),
    db.query<any>('SELECT * FROM comments ORDER BY created, id'),
    db.query<any>('SELECT * FROM reactions'),
    db.query<any>('SELECT * FROM cosharers ORDER BY created, member_id'),
    db.query<any>('SELECT * FROM packs'),
    db.query<any>('SELECT * FROM webhooks ORDER BY created'),
    db.query<any>('SELECT * FROM fiches ORDER BY id'),
    db.query<any>('SELECT * FROM fiche_versions ORDER BY fiche_id, version'),
    db.query<any>('SELECT * FROM fiche_links ORDER BY fiche_id, added, share_id'),
    db.query<any>('SELECT * FROM suggestions ORDER BY created, id'),
    db.query<any>('SELECT * FROM hub_settings ORDER BY name'),
  ]);
  const commentsOf = byShare(comments);
  const reactionsOf = byShare(reactions);
  const sharersOf = byShare(cosharers);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exported: now.toISOString(),
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, tokenHash: m.token_hash, feedTokenHash: m.feed_token_hash, created: iso(m.created)!, revoked: iso(m.revoked), ...(m.editor ? { editor: true } : {}) })),
    invites: invites.map((i) => ({ codeHash: i.code_hash, name: i.name, role: i.role, created: iso(i.created)!, used: iso(i.used), memberId: i.member_id })),
    shares: shares.map((s) => ({
      ...(strip({ url: s.url, summary: s.summary, sourceTitle: s.source_title, quote: s.quote, published: iso(s.published), note: s.note, impact: s.impact, triage: s.triage, priority: s.priority, language: s.language, rex: s.rex,
        tagLabels: s.tag_labels && Object.keys(s.tag_labels).length ? s.tag_labels : null }) as Partial<BackupShare>),
      id: s.id, kind: s.kind, title: s.title, tags: s.tags, authorId: s.author_id, hidden: s.hidden, created: iso(s.created)!, updated: iso(s.updated)!,
      comments: (commentsOf.get(s.id) ?? []).map((c: any) => ({ id: c.id, authorId: c.author_id, body: c.body, created: iso(c.created)!, ...strip({ replyTo: c.reply_to }) })),
      sharers: (sharersOf.get(s.id) ?? []).map((c: any) => ({ memberId: c.member_id, ...strip({ note: c.note, impact: c.impact }), created: iso(c.created)!, updated: iso(c.updated)! })),
      reactions: (reactionsOf.get(s.id) ?? []).map((r: any) => ({ memberId: r.member_id, kind: r.kind })),
    })),
    packs: packs.map((p) => ({ name: p.name, body: p.body, version: p.version, updated: iso(p.updated)! })),
    webhooks: webhooks.map((w) => ({ id: w.id, kind: w.kind, url: w.url, room: w.room, accessToken: w.access_token, minPriority: w.min_priority, enabled: w.enabled })),
    fiches: fiches.map((f) => ({
      id: f.id, title: f.title, ...strip({ tag: f.tag, updatedBy: f.updated_by }), body: f.body, version: f.version, updated: iso(f.updated)!,
      versions: versions.filter((v) => v.fiche_id === f.id).map((v) => ({ version: v.version, title: v.title, body: v.body, authorId: v.author_id, ...strip({ summary: v.summary }), created: iso(v.created)! })),
      links: links.filter((l) => l.fiche_id === f.id).map((l) => ({ shareId: l.share_id, addedBy: l.added_by, added: iso(l.added)! })),
    })),
    suggestions: suggestions.map((g) => ({
      id: g.id, ficheId: g.fiche_id, kind: g.kind, ...strip({ shareId: g.share_id, body: g.body, baseVersion: g.base_version, note: g.note, decidedBy: g.decided_by, decided: iso(g.decided) }),
      authorId: g.author_id, status: g.status, created: iso(g.created)!,
    })),
    settings: settings.map((row) => ({ name: row.name, value: row.value })),
  };
}

/**
 * What `npm run hub -- export > file` (without npm's `-s`) writes before the JSON: an empty line, then
 * `> vigie@… hub` and `> tsx hub/main.ts export`. Lines of that shape before the first `{` are passed over.
 */
const NPM_BANNER = /^(?:[ \t]*(?:>[^\n]*)?\r?\n)+(?=\{)/;

/** Reads a backup's text (npm's banner aside); what is wrong is said in words, and nothing is written. */
export function parseHubBackup(text: string): HubBackup {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(NPM_BANNER, ''));
  } catch (error) {
    throw new Error(`Not a hub backup: the file is not JSON (${error instanceof Error ? error.message : error}).`, { cause: error });
  }
  const result = HubBackupSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Not a valid hub backup: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return result.data;
}

/** Rows per INSERT: large enough to import 10,000 shares in a few statements, small enough for the parameter limit. */
const BATCH = 500;

async function insertRows(tx: Queryable, table: string, columns: string[], rows: unknown[][], casts: Record<number, string> = {}) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value, column) => {
      values.push(value);
      return `$${values.length}${casts[column] ?? ''}`;
    }).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, values);
  }
}

/**
 * Restores a backup in one transaction: all of it lands, or nothing does. What the hub already holds under
 * the same ids is kept as it is (an import never overwrites), so importing twice changes nothing.
 */
export async function importHub(db: Db, backup: HubBackup): Promise<Record<string, number>> {
  return write(db, async (tx) => {
    await insertRows(tx, 'members', ['id', 'name', 'role', 'token_hash', 'feed_token_hash', 'created', 'revoked'],
      backup.members.map((m) => [m.id, m.name, m.role, m.tokenHash, m.feedTokenHash, m.created, m.revoked]));
    await insertRows(tx, 'invites', ['code_hash', 'name', 'role', 'created', 'used', 'member_id'],
      backup.invites.map((i) => [i.codeHash, i.name, i.role, i.created, i.used, i.memberId]));
    await insertRows(tx, 'shares', ['id', 'author_id', 'kind', 'url', 'url_key', 'title', 'summary', 'source_title', 'quote', 'published', 'tags', 'tag_labels', 'note', 'impact', 'triage', 'priority', 'language', 'rex', 'hidden', 'created', 'updated'],
      backup.shares.map((s) => [s.id, s.authorId, s.kind, s.url ?? null, shareKey(s.url) ?? null, s.title, s.summary ?? null, s.sourceTitle ?? null, s.quote ?? null, s.published ?? null,
        JSON.stringify(s.tags), JSON.stringify(s.tagLabels ?? {}), s.note ?? null, s.impact ?? null, s.triage ?? null, s.priority ?? null, s.language ?? null,
        s.rex ? JSON.stringify(s.rex) : null, s.hidden, s.created, s.updated]),
      { 10: '::jsonb', 11: '::jsonb', 17: '::jsonb' });
    const comments = backup.shares.flatMap((s) => s.comments.map((c) => [c.id, s.id, c.authorId, c.body, c.created, c.replyTo ?? null]));
    await insertRows(tx, 'comments', ['id', 'share_id', 'author_id', 'body', 'created', 'reply_to'], comments);
    const sharers = backup.shares.flatMap((s) => (s.sharers ?? []).map((c) => [s.id, c.memberId, c.note ?? null, c.impact ?? null, c.created, c.updated]));
    await insertRows(tx, 'cosharers', ['share_id', 'member_id', 'note', 'impact', 'created', 'updated'], sharers);
    const reactions = backup.shares.flatMap((s) => s.reactions.map((r) => [s.id, r.memberId, r.kind]));
    await insertRows(tx, 'reactions', ['share_id', 'member_id', 'kind'], reactions);
    await insertRows(tx, 'packs', ['name', 'body', 'version', 'updated'], backup.packs.map((p) => [p.name, p.body, p.version, p.updated]));
    await insertRows(tx, 'webhooks', ['id', 'kind', 'url', 'room', 'access_token', 'min_priority', 'enabled'],
      backup.webhooks.map((w) => [w.id, w.kind, w.url, w.room, w.accessToken, w.minPriority, w.enabled]));
    for (const m of backup.members) if (m.editor) await tx.query('UPDATE members SET editor = true WHERE id = $1', [m.id]);
    // A fiche the hub has only as its empty default (version 0) takes the backup's text; a written one is kept.
    for (const f of backup.fiches ?? []) {
      await tx.query(
        `INSERT INTO fiches (id, title, tag, body, version, updated, updated_by, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, nextval('change_seq'))
         ON CONFLICT (id) DO UPDATE SET title = $2, tag = $3, body = $4, version = $5, updated = $6, updated_by = $7, seq = nextval('change_seq') WHERE fiches.version = 0`,
        [f.id, f.title, f.tag ?? null, f.body, f.version, f.updated, f.updatedBy ?? null],
      );
    }
    const fiches = backup.fiches ?? [];
    await insertRows(tx, 'fiche_versions', ['fiche_id', 'version', 'title', 'body', 'author_id', 'summary', 'created'],
      fiches.flatMap((f) => f.versions.map((v) => [f.id, v.version, v.title, v.body, v.authorId, v.summary ?? null, v.created])));
    await insertRows(tx, 'fiche_links', ['fiche_id', 'share_id', 'added_by', 'added'], fiches.flatMap((f) => f.links.map((l) => [f.id, l.shareId, l.addedBy, l.added])));
    await insertRows(tx, 'suggestions', ['id', 'fiche_id', 'kind', 'share_id', 'body', 'base_version', 'note', 'author_id', 'status', 'decided_by', 'decided', 'created'],
      (backup.suggestions ?? []).map((g) => [g.id, g.ficheId, g.kind, g.shareId ?? null, g.body ?? null, g.baseVersion ?? null, g.note ?? null, g.authorId, g.status, g.decidedBy ?? null, g.decided ?? null, g.created]));
    await insertRows(tx, 'hub_settings', ['name', 'value'], (backup.settings ?? []).map((row) => [row.name, row.value]));
    // Running hubs forget the tokens they refused lately: some may be valid now (sent at the commit).
    await tx.query(`SELECT pg_notify('${MEMBERS_CHANNEL}', 'import')`);
    return { members: backup.members.length, shares: backup.shares.length, comments: comments.length, reactions: reactions.length, fiches: fiches.length };
  });
}
