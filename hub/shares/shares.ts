import { isDeepStrictEqual } from 'node:util';
import { shareKey, type CoSharer, type Comment, type Member, type Share, type ShareDraft, type SharePatch } from '../../lib/model/share';
import { highestPriority } from '../../lib/model/vocabulary';
import type { Db, Queryable } from '../db/db';
import { FICHES_SEQ_SQL } from '../fiches/fiches';
import { SHARE_COLUMNS, commentFromRow, shareFromRow, sharerFromRow, type CommentRow, type SharerRow, type ShareRow } from './rows';

/** Why a write was refused, in the words the API answers with. */
export class ShareRefusal extends Error {
  constructor(readonly status: 403 | 404 | 409, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Every write takes the same lock, so change numbers are handed out in the order writes commit: a member
 * reading the feed "after 41" can never miss a 40 that committed late.
 */
export function write<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7274)');
    return work(tx);
  });
}

/** Reads whole shares (comments and reactions included) for the given rows. */
async function complete(db: Queryable, rows: ShareRow[]): Promise<Share[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const [comments, reactions, sharers] = await Promise.all([
    db.query<CommentRow>(
      `SELECT c.id, c.share_id, c.body, c.created, c.reply_to, m.id AS author_id, m.name AS author_name, m.role AS author_role
       FROM comments c JOIN members m ON m.id = c.author_id WHERE c.share_id = ANY($1::text[]) ORDER BY c.created, c.id`,
      [ids],
    ),
    db.query<{ share_id: string; member_id: string; kind: 'useful' | 'seen' }>(
      'SELECT share_id, member_id, kind FROM reactions WHERE share_id = ANY($1::text[]) ORDER BY member_id',
      [ids],
    ),
    db.query<SharerRow & { share_id: string }>(
      `SELECT cs.share_id, cs.member_id, m.name, m.role, cs.note, cs.impact, cs.created
       FROM cosharers cs JOIN members m ON m.id = cs.member_id WHERE cs.share_id = ANY($1::text[]) ORDER BY cs.created, cs.member_id`,
      [ids],
    ),
  ]);
  const commentsOf = new Map<string, Comment[]>();
  for (const row of comments) commentsOf.set(row.share_id, [...(commentsOf.get(row.share_id) ?? []), commentFromRow(row)]);
  const reactionsOf = new Map<string, Share['reactions']>();
  for (const row of reactions) {
    const entry = reactionsOf.get(row.share_id) ?? { useful: [], seen: [] };
    entry[row.kind].push(row.member_id);
    reactionsOf.set(row.share_id, entry);
  }
  const sharersOf = new Map<string, CoSharer[]>();
  for (const row of sharers) sharersOf.set(row.share_id, [...(sharersOf.get(row.share_id) ?? []), sharerFromRow(row)]);
  return rows.map((row) => shareFromRow(row, commentsOf.get(row.id) ?? [], reactionsOf.get(row.id) ?? { useful: [], seen: [] }, sharersOf.get(row.id) ?? []));
}

export async function getShare(db: Queryable, id: string): Promise<Share | undefined> {
  const rows = await db.query<ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares s JOIN members m ON m.id = s.author_id WHERE s.id = $1`, [id]);
  return (await complete(db, rows))[0];
}

/** Tags as a JSON union: what is there stays (others may have added tags), what comes is added. */
const UNION_TAGS = `(SELECT COALESCE(jsonb_agg(DISTINCT t), '[]'::jsonb) FROM jsonb_array_elements_text(tags || $2::jsonb) t)`;

/**
 * Shares an article, once for the collective. A new article is created under the id its member's extension
 * chose. An article already shared (the same id, or the same link: see `shareKey`) is not shared twice:
 * its author's share is updated (note, impact, triage, priority, quote; tags added), and another member
 * joins it as a co-sharer with their own note and impact. The same request sent again (a retry after a
 * lost answer, an outbox replay) finds the same share: nothing is duplicated.
 */
export async function createShare(db: Db, author: Member, id: string, draft: ShareDraft): Promise<{ share: Share; created: boolean }> {
  const key = shareKey(draft.url);
  const labels = JSON.stringify(draft.tagLabels ?? {});
  return write(db, async (tx) => {
    type Found = { id: string; author_id: string; url_key: string | null; priority: Share['priority'] | null };
    let [found] = await tx.query<Found>('SELECT id, author_id, url_key, priority FROM shares WHERE id = $1', [id]);
    if (found && found.author_id !== author.id && (!key || found.url_key !== key)) {
      throw new ShareRefusal(409, 'id-taken', 'Another member already used this id.');
    }
    if (!found && key) {
      [found] = await tx.query<Found>('SELECT id, author_id, url_key, priority FROM shares WHERE url_key = $1 AND NOT hidden ORDER BY created, id LIMIT 1', [key]);
    }
    if (!found) {
      await tx.query(
        `INSERT INTO shares (id, author_id, kind, url, url_key, title, summary, source_title, quote, published, tags, tag_labels, note, impact, triage, priority, language, rex)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17, $18::jsonb)`,
        [id, author.id, draft.kind, draft.url ?? null, key ?? null, draft.title, draft.summary ?? null, draft.sourceTitle ?? null, draft.quote ?? null,
          draft.published ?? null, JSON.stringify(draft.tags), labels, draft.note ?? null, draft.impact ?? null, draft.triage ?? null, draft.priority ?? null,
          draft.language ?? null, draft.rex ? JSON.stringify(draft.rex) : null],
      );
      return { share: (await getShare(tx, id))!, created: true };
    }
    const before = (await getShare(tx, found.id))!;
    // An alert raised again keeps the higher of the two priorities.
    const priority = highestPriority([found.priority ?? undefined, draft.priority]) ?? null;
    const tagsAndLabels = [found.id, JSON.stringify(draft.tags), labels, priority];
    if (found.author_id === author.id) {
      await tx.query(
        `UPDATE shares SET tags = ${UNION_TAGS}, tag_labels = tag_labels || $3::jsonb, priority = $4,
           note = $5, impact = $6, triage = $7, quote = COALESCE($8, quote), kind = CASE WHEN $8::text IS NULL THEN kind ELSE $9 END,
           language = COALESCE($10, language), rex = COALESCE($11::jsonb, rex)
         WHERE id = $1`,
        [...tagsAndLabels, draft.note ?? null, draft.impact ?? null, draft.triage ?? null, draft.quote ?? null, draft.kind, draft.language ?? null, draft.rex ? JSON.stringify(draft.rex) : null],
      );
    } else {
      await tx.query(`UPDATE shares SET tags = ${UNION_TAGS}, tag_labels = tag_labels || $3::jsonb, priority = $4 WHERE id = $1`, tagsAndLabels);
      await tx.query(
        `INSERT INTO cosharers (share_id, member_id, note, impact) VALUES ($1, $2, $3, $4)
         ON CONFLICT (share_id, member_id) DO UPDATE SET note = EXCLUDED.note, impact = EXCLUDED.impact, updated = now()`,
        [found.id, author.id, draft.note ?? null, draft.impact ?? null],
      );
    }
    // The same request again changed nothing: the share stays where it is in the change feed.
    if (isDeepStrictEqual(await getShare(tx, found.id), before)) return { share: before, created: false };
    await bump(tx, found.id);
    return { share: (await getShare(tx, found.id))!, created: false };
  });
}

async function ownedOrAdmin(db: Queryable, member: Member, id: string): Promise<void> {
  const [row] = await db.query<{ author_id: string }>('SELECT author_id FROM shares WHERE id = $1', [id]);
  if (!row) throw new ShareRefusal(404, 'not-found', 'This share does not exist.');
  if (row.author_id !== member.id && member.role !== 'admin') {
    throw new ShareRefusal(403, 'not-yours', 'Only its author or an admin may change this share.');
  }
}

const PATCH_COLUMNS: Record<Exclude<keyof SharePatch, 'tags' | 'rex'>, string> = {
  title: 'title', note: 'note', impact: 'impact', triage: 'triage', priority: 'priority', hidden: 'hidden',
};
/** Columns written as JSON. */
const JSON_COLUMNS = new Set(['tags', 'rex']);

/** Edits by the author or an admin; hiding is for admins. Every change moves the share up the change feed. */
export async function patchShare(db: Db, member: Member, id: string, patch: SharePatch): Promise<Share> {
  if (patch.hidden !== undefined && member.role !== 'admin') throw new ShareRefusal(403, 'admins-only', 'Only an admin may hide or show a share.');
  return write(db, async (tx) => {
    await ownedOrAdmin(tx, member, id);
    const sets: string[] = [];
    const values: unknown[] = [];
    if (patch.rex) {
      const [row] = await tx.query<{ kind: Share['kind'] }>('SELECT kind FROM shares WHERE id = $1', [id]);
      if (row?.kind !== 'rex') throw new ShareRefusal(409, 'not-a-rex', 'Only a REX has REX fields.');
    }
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      values.push(JSON_COLUMNS.has(key) ? JSON.stringify(value) : value);
      sets.push(JSON_COLUMNS.has(key) ? `${key} = $${values.length}::jsonb` : `${PATCH_COLUMNS[key as keyof typeof PATCH_COLUMNS]} = $${values.length}`);
    }
    values.push(id);
    await tx.query(`UPDATE shares SET ${[...sets, "seq = nextval('change_seq')", 'updated = now()'].join(', ')} WHERE id = $${values.length}`, values);
    return (await getShare(tx, id))!;
  });
}

const bump = (tx: Queryable, id: string) => tx.query("UPDATE shares SET seq = nextval('change_seq'), updated = now() WHERE id = $1", [id]);

async function visible(tx: Queryable, member: Member, id: string): Promise<void> {
  const [row] = await tx.query<{ hidden: boolean }>('SELECT hidden FROM shares WHERE id = $1 FOR UPDATE', [id]);
  if (!row || (row.hidden && member.role !== 'admin')) throw new ShareRefusal(404, 'not-found', 'This share does not exist.');
}

/** Any member may add tags to any share: the shared taxonomy is everyone's. */
export async function addTags(db: Db, member: Member, id: string, tags: string[]): Promise<Share> {
  return write(db, async (tx) => {
    await visible(tx, member, id);
    await tx.query(
      `UPDATE shares SET tags = (SELECT COALESCE(jsonb_agg(DISTINCT t), '[]'::jsonb) FROM jsonb_array_elements_text(tags || $2::jsonb) t)
       WHERE id = $1`,
      [id, JSON.stringify(tags)],
    );
    await bump(tx, id);
    return (await getShare(tx, id))!;
  });
}

/**
 * A comment under its client-made id: sent twice, kept once. A reply hangs under the comment it answers,
 * or under that comment's own thread when it was itself a reply (one level, as the collective reads them).
 */
export async function addComment(db: Db, member: Member, shareId: string, commentId: string, body: string, replyTo?: string): Promise<Share> {
  return write(db, async (tx) => {
    await visible(tx, member, shareId);
    const [existing] = await tx.query<{ share_id: string; author_id: string }>('SELECT share_id, author_id FROM comments WHERE id = $1', [commentId]);
    if (existing && (existing.share_id !== shareId || existing.author_id !== member.id)) {
      throw new ShareRefusal(409, 'id-taken', 'This comment id is already used.');
    }
    if (!existing) {
      let thread: string | null = null;
      if (replyTo) {
        const [answered] = await tx.query<{ id: string; reply_to: string | null }>('SELECT id, reply_to FROM comments WHERE id = $1 AND share_id = $2', [replyTo, shareId]);
        if (!answered) throw new ShareRefusal(404, 'not-found', 'The comment answered does not exist on this share.');
        thread = answered.reply_to ?? answered.id;
      }
      await tx.query('INSERT INTO comments (id, share_id, author_id, body, reply_to) VALUES ($1, $2, $3, $4, $5)', [commentId, shareId, member.id, body, thread]);
      await bump(tx, shareId);
    }
    return (await getShare(tx, shareId))!;
  });
}

/** "Utile" / "Vu", on or off: setting what is already set changes nothing. */
export async function react(db: Db, member: Member, shareId: string, kind: 'useful' | 'seen', on: boolean): Promise<Share> {
  return write(db, async (tx) => {
    await visible(tx, member, shareId);
    const changed = on
      ? await tx.query('INSERT INTO reactions (share_id, member_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING kind', [shareId, member.id, kind])
      : await tx.query('DELETE FROM reactions WHERE share_id = $1 AND member_id = $2 AND kind = $3 RETURNING kind', [shareId, member.id, kind]);
    if (changed.length) await bump(tx, shareId);
    return (await getShare(tx, shareId))!;
  });
}

export interface ChangePage {
  cursor: number;
  more: boolean;
  shares: (Share | { id: string; seq: number; hidden: true; removed: true })[];
  packs: { sources: number; rules: number };
  /** The fiches' place in the change sequence: their last write's number. */
  fiches: number;
}

/**
 * One page of the change feed in one round trip: the shares with their comments and reactions built as
 * JSON by the database, and the packs' versions. Members poll this: one query, planned once (a prepared
 * statement: planning cost more than running it), keeps each poll cheap on the embedded database, where
 * every query runs on the hub's one thread.
 */
const CHANGES = { name: 'vigie_changes', types: ['bigint', 'integer'], sql: `
  WITH page AS (
    SELECT ${SHARE_COLUMNS},
      (SELECT json_agg(json_build_object('id', c.id, 'share_id', c.share_id, 'body', c.body, 'created', c.created, 'reply_to', c.reply_to,
                'author_id', cm.id, 'author_name', cm.name, 'author_role', cm.role) ORDER BY c.created, c.id)
         FROM comments c JOIN members cm ON cm.id = c.author_id WHERE c.share_id = s.id) AS comments_json,
      (SELECT json_agg(json_build_object('member_id', r.member_id, 'kind', r.kind) ORDER BY r.member_id)
         FROM reactions r WHERE r.share_id = s.id) AS reactions_json,
      (SELECT json_agg(json_build_object('member_id', cs.member_id, 'name', csm.name, 'role', csm.role, 'note', cs.note, 'impact', cs.impact,
                'created', cs.created) ORDER BY cs.created, cs.member_id)
         FROM cosharers cs JOIN members csm ON csm.id = cs.member_id WHERE cs.share_id = s.id) AS sharers_json
    FROM shares s JOIN members m ON m.id = s.author_id WHERE s.seq > $1 ORDER BY s.seq LIMIT $2
  )
  SELECT (SELECT json_object_agg(name, version) FROM packs) AS packs,
         ${FICHES_SEQ_SQL} AS fiches,
         (SELECT json_agg(page ORDER BY page.seq) FROM page) AS shares` };

type PageRow = ShareRow & {
  comments_json: CommentRow[] | null;
  reactions_json: { member_id: string; kind: 'useful' | 'seen' }[] | null;
  sharers_json: SharerRow[] | null;
};

/**
 * What changed after `since`, oldest first, at most `limit` shares. A share hidden by an admin reaches
 * members as a tombstone (its id), so their copies disappear; admins still see it whole.
 */
export async function changesSince(db: Db, member: Member, since: number, limit: number): Promise<ChangePage> {
  const [row] = await db.prepared<{ packs: Record<string, number> | null; fiches: string | number | null; shares: PageRow[] | null }>(CHANGES, [since, limit + 1]);
  const rows = row?.shares ?? [];
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return {
    cursor: page.length ? Number(page[page.length - 1]!.seq) : since,
    more,
    packs: { sources: row?.packs?.sources ?? 0, rules: row?.packs?.rules ?? 0 },
    fiches: Number(row?.fiches ?? 0),
    shares: page.map((share) => {
      if (share.hidden && member.role !== 'admin') return { id: share.id, seq: Number(share.seq), hidden: true as const, removed: true as const };
      const reactions: Share['reactions'] = { useful: [], seen: [] };
      for (const reaction of share.reactions_json ?? []) reactions[reaction.kind].push(reaction.member_id);
      return shareFromRow(share, (share.comments_json ?? []).map(commentFromRow), reactions, (share.sharers_json ?? []).map(sharerFromRow));
    }),
  };
}

/** The newest visible shares (for the Atom feed), optionally those carrying one tag. */
export async function recentShares(db: Queryable, options: { tag?: string; limit: number }): Promise<Share[]> {
  const rows = options.tag
    ? await db.query<ShareRow>(
        `SELECT ${SHARE_COLUMNS} FROM shares s JOIN members m ON m.id = s.author_id WHERE NOT s.hidden AND s.tags ? $1 ORDER BY s.created DESC LIMIT $2`,
        [options.tag, options.limit],
      )
    : await db.query<ShareRow>(
        `SELECT ${SHARE_COLUMNS} FROM shares s JOIN members m ON m.id = s.author_id WHERE NOT s.hidden ORDER BY s.created DESC LIMIT $1`,
        [options.limit],
      );
  return complete(db, rows);
}
