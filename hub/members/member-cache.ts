import type { Member } from '../../lib/model/share';
import type { Db } from '../db/db';
import { MEMBERS_CHANNEL, memberByToken } from './members';
import { hashSecret } from './tokens';

/** How many refused tokens are remembered at most: a guesser sending new ones pushes out the oldest. */
const REFUSED_MAX = 10_000;

/**
 * Who a token belongs to, remembered so that a poll of the change feed costs one query, not two. A
 * revocation clears it at once: every revocation sends a NOTIFY on the members' channel, whether it comes
 * through this hub or from an admin command run on the same PostgreSQL server, and the hub listens to it.
 * Entries also expire after a minute, as a second lock.
 *
 * Refused tokens are remembered too, for as long, so that a client retrying one (a revoked member's
 * extension polling on, a script guessing) costs no query. An import, which may bring tokens back, clears
 * both (it sends the same NOTIFY).
 */
export class MemberCache {
  private readonly entries = new Map<string, { member: Member; until: number }>();
  /** Hashes of refused tokens, oldest first, with when to forget each. */
  private readonly refused = new Map<string, number>();

  constructor(private readonly db: Db, private readonly ttlMs = 60_000) {}

  async start(): Promise<void> {
    await this.db.listen(MEMBERS_CHANNEL, () => this.forget());
  }

  /** A revocation made through this hub: cleared here before its answer leaves, without waiting for the NOTIFY. */
  forget(): void {
    this.entries.clear();
    this.refused.clear();
  }

  /** Whether this token was found valid lately (without asking the database): the rate limit gives such tokens their own count. */
  knows(token: string): boolean {
    return (this.entries.get(hashSecret(token))?.until ?? 0) > Date.now();
  }

  async byToken(token: string): Promise<Member | undefined> {
    const key = hashSecret(token);
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.member;
    if ((this.refused.get(key) ?? 0) > now) return undefined;
    const member = await memberByToken(this.db, token);
    if (member) {
      this.entries.set(key, { member, until: now + this.ttlMs });
      this.refused.delete(key);
    } else {
      this.entries.delete(key);
      this.refused.delete(key); // set again below: last in the order, so among the last forgotten
      this.refused.set(key, now + this.ttlMs);
      if (this.refused.size > REFUSED_MAX) this.refused.delete(this.refused.keys().next().value!);
    }
    return member;
  }
}
