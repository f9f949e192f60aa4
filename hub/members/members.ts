import type { Member } from '../../lib/model/share';
import type { Db, Queryable } from '../db/db';
import { hashSecret, newId, newInviteCode, newToken, normalizeInviteCode } from './tokens';

/** An invite is good for this long, once. */
export const INVITE_DAYS = 14;

export interface MemberRow extends Member {
  created: string;
  revoked?: string;
}

export async function createInvite(db: Queryable, name: string, role: Member['role']): Promise<string> {
  const code = newInviteCode();
  await db.query('INSERT INTO invites (code_hash, name, role) VALUES ($1, $2, $3)', [hashSecret(normalizeInviteCode(code)), name, role]);
  return code;
}

export type JoinResult = { member: Member; token: string; feedToken: string } | { refused: 'unknown' | 'used' | 'expired' };

/** Trades an invite code for a member and their two tokens, in one transaction so a code works once. */
export async function join(db: Db, code: string): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const [invite] = await tx.query<{ name: string; role: Member['role']; used: Date | null; created: Date }>(
      'SELECT name, role, used, created FROM invites WHERE code_hash = $1 FOR UPDATE',
      [hashSecret(normalizeInviteCode(code))],
    );
    if (!invite) return { refused: 'unknown' as const };
    if (invite.used) return { refused: 'used' as const };
    if (Date.now() - new Date(invite.created).getTime() > INVITE_DAYS * 86_400_000) return { refused: 'expired' as const };
    const member: Member = { id: newId('m'), name: invite.name, role: invite.role };
    const token = newToken('vh');
    const feedToken = newToken('vf');
    await tx.query('INSERT INTO members (id, name, role, token_hash, feed_token_hash) VALUES ($1, $2, $3, $4, $5)', [
      member.id, member.name, member.role, hashSecret(token), hashSecret(feedToken),
    ]);
    await tx.query('UPDATE invites SET used = now(), member_id = $1 WHERE code_hash = $2', [member.id, hashSecret(normalizeInviteCode(code))]);
    return { member, token, feedToken };
  });
}

/** The member a token belongs to, unless it was revoked. Looked up at every request, so a revocation holds at once. */
export async function memberByToken(db: Queryable, token: string, column: 'token_hash' | 'feed_token_hash' = 'token_hash'): Promise<Member | undefined> {
  const [row] = await db.query<Member & { editor: boolean }>(`SELECT id, name, role, editor FROM members WHERE ${column} = $1 AND revoked IS NULL`, [hashSecret(token)]);
  if (!row) return undefined;
  const { editor, ...member } = row;
  return editor ? { ...member, editor: true } : member;
}

export async function listMembers(db: Queryable): Promise<MemberRow[]> {
  const rows = await db.query<{ id: string; name: string; role: Member['role']; editor: boolean; created: Date; revoked: Date | null }>(
    'SELECT id, name, role, editor, created, revoked FROM members ORDER BY created',
  );
  return rows.map(({ created, revoked, editor, ...member }) => ({
    ...member,
    ...(editor ? { editor: true } : {}),
    created: new Date(created).toISOString(),
    ...(revoked ? { revoked: new Date(revoked).toISOString() } : {}),
  }));
}

/** Hubs listen here: a change of membership (a revocation) empties their cache of tokens. */
export const MEMBERS_CHANNEL = 'vigie_members';

/** Revokes a member's tokens. Their shares and comments stay: the collective's memory is not theirs to take. */
export async function revokeMember(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('UPDATE members SET revoked = now() WHERE id = $1 AND revoked IS NULL RETURNING id', [id]);
  if (rows.length) await db.query(`SELECT pg_notify('${MEMBERS_CHANNEL}', $1)`, [id]);
  return rows.length > 0;
}

/** Grants or withdraws the right to write fiches conseils (admins may always). Cached tokens forget the old right at once. */
export async function setEditor(db: Queryable, id: string, editor: boolean): Promise<boolean> {
  const rows = await db.query('UPDATE members SET editor = $2 WHERE id = $1 AND revoked IS NULL RETURNING id', [id, editor]);
  if (rows.length) await db.query(`SELECT pg_notify('${MEMBERS_CHANNEL}', $1)`, [id]);
  return rows.length > 0;
}
