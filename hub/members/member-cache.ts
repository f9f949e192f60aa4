import type { Member } from '../../lib/model/share';
import type { Db } from '../db/db';
import { MEMBERS_CHANNEL, memberByToken } from './members';
import { hashSecret } from './tokens';

/**
 * Who a token belongs to, remembered so that a poll of the change feed costs one query, not two. A
 * revocation clears it at once: every revocation sends a NOTIFY on the members' channel, whether it comes
 * through this hub or from an admin command run on the same PostgreSQL server, and the hub listens to it.
 * Entries also expire after a minute, as a second lock.
 */
export class MemberCache {
  private readonly entries = new Map<string, { member: Member; until: number }>();

  constructor(private readonly db: Db, private readonly ttlMs = 60_000) {}

  async start(): Promise<void> {
    await this.db.listen(MEMBERS_CHANNEL, () => this.forget());
  }

  /** A revocation made through this hub: cleared here before its answer leaves, without waiting for the NOTIFY. */
  forget(): void {
    this.entries.clear();
  }

  async byToken(token: string): Promise<Member | undefined> {
    const key = hashSecret(token);
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.member;
    const member = await memberByToken(this.db, token);
    if (member) this.entries.set(key, { member, until: Date.now() + this.ttlMs });
    else this.entries.delete(key);
    return member;
  }
}
