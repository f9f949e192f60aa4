import { OpmlError, parseOpml } from '../../lib/packs/opml';
import { RulePackSchema } from '../../lib/packs/rule-pack';
import type { Queryable } from '../db/db';
import { HttpError } from '../http';

/**
 * The collective's packs, kept by its admins: its sources as OPML, its rules as JSON (the extension's own
 * rule-pack format). Each save bumps the pack's version; members' extensions fetch a pack when it moved.
 */
export type PackName = 'sources' | 'rules';

export const PACK_TYPES: Record<PackName, string> = { sources: 'text/x-opml; charset=utf-8', rules: 'application/json; charset=utf-8' };

/** Checks a pack with the extension's own readers, so a pack the hub accepts is one every member can apply. */
export async function checkPack(name: PackName, body: string): Promise<{ count: number; summary: string }> {
  if (name === 'sources') {
    try {
      const entries = await parseOpml(body);
      if (!entries.length) throw new OpmlError('the file lists no feed');
      return { count: entries.length, summary: `${entries.length} source(s)` };
    } catch (error) {
      throw new HttpError(400, 'invalid-pack', `Invalid OPML: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid-pack', 'Invalid rule pack: not JSON.');
  }
  const result = RulePackSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new HttpError(400, 'invalid-pack', `Invalid rule pack: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { count: result.data.rules.length, summary: `${result.data.rules.length} rule(s)` };
}

export async function getPack(db: Queryable, name: PackName) {
  const [row] = await db.query<{ body: string; version: number; updated: Date }>('SELECT body, version, updated FROM packs WHERE name = $1', [name]);
  return row;
}

export async function putPack(db: Queryable, name: PackName, body: string, memberId: string | null): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `INSERT INTO packs (name, body, version, updated_by) VALUES ($1, $2, 1, $3)
     ON CONFLICT (name) DO UPDATE SET body = $2, version = packs.version + 1, updated = now(), updated_by = $3 RETURNING version`,
    [name, body, memberId],
  );
  return row!.version;
}
