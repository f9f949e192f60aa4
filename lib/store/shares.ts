import type { IDBPDatabase } from 'idb';
import type { Share, SharedRow } from '../model/share';
import { highestPriority, type Priority } from '../model/vocabulary';
import { guardQuota } from './errors';
import type { OutboxRecord, SharedRecord, VigieSchema } from './schema';

/** A share as pages see it: `unread` for others' shares not yet seen, `pending` for one still in the outbox. */

const toRow = ({ unreadAt, pending, ...share }: SharedRecord): SharedRow => ({ ...share, unread: unreadAt !== undefined, pending: !!pending });

type Tombstone = { id: string; removed: true };

/**
 * The COPIL's shared list as this member last pulled it, and the outbox of writes the hub has not answered
 * yet. Shares are the hub's: they are replaced whole by each pull, only `unreadAt` is this member's own.
 */
export class ShareStore {
  constructor(private readonly db: IDBPDatabase<VigieSchema>) {}

  /** Newest first. */
  async list(limit = 500): Promise<SharedRow[]> {
    const rows: SharedRow[] = [];
    let cursor = await this.db.transaction('shares').store.index('byCreated').openCursor(null, 'prev');
    while (cursor && rows.length < limit) {
      rows.push(toRow(cursor.value));
      cursor = await cursor.continue();
    }
    return rows;
  }

  async get(id: string): Promise<SharedRow | undefined> {
    const record = await this.db.get('shares', id);
    return record && toRow(record);
  }

  /** Others' shares not yet seen: the badge adds them to the unread alerts, in the colour of the highest priority. */
  async unread(): Promise<{ count: number; highest?: Priority }> {
    const records = await this.db.getAllFromIndex('shares', 'byUnread');
    const highest = highestPriority(records.map((record) => record.priority ?? 'info'));
    return { count: records.length, ...(highest ? { highest } : {}) };
  }

  /**
   * Writes what a pull brought, in one transaction. Shares from others that were not here yet come in
   * unread and are returned (for the badge and notifications); a tombstone removes its share.
   */
  async applyPulled(shares: readonly (Share | Tombstone)[], memberId: string): Promise<Share[]> {
    const added: Share[] = [];
    await guardQuota(async () => {
      const tx = this.db.transaction('shares', 'readwrite');
      for (const share of shares) {
        const before = await tx.store.get(share.id);
        if ('removed' in share) {
          if (before) await tx.store.delete(share.id);
          continue;
        }
        const fresh = !before && share.author.id !== memberId;
        if (fresh) added.push(share);
        const unreadAt = fresh ? share.created : before?.unreadAt;
        await tx.store.put({ ...share, ...(unreadAt ? { unreadAt } : {}) });
      }
      await tx.done;
    });
    return added;
  }

  /** A share queued here shows at once in the COPIL list, marked as waiting for the hub. */
  async putPending(share: Share): Promise<void> {
    await guardQuota(() => this.db.put('shares', { ...share, pending: true }));
  }

  /** `ids` absent: all of them. Returns how many changed. */
  async setRead(ids?: readonly string[]): Promise<number> {
    const tx = this.db.transaction('shares', 'readwrite');
    const records = ids ? (await Promise.all(ids.map((id) => tx.store.get(id)))).filter((r): r is SharedRecord => !!r) : await tx.store.index('byUnread').getAll();
    const changed = records.filter((record) => record.unreadAt !== undefined);
    await Promise.all([...changed.map(({ unreadAt: _seen, ...record }) => tx.store.put(record)), tx.done]);
    return changed.length;
  }

  async enqueue(entry: OutboxRecord): Promise<void> {
    await guardQuota(() => this.db.add('outbox', entry));
  }

  /** Oldest first: the order writes were made is the order they are sent. */
  async outbox(): Promise<OutboxRecord[]> {
    return this.db.getAll('outbox');
  }

  async updateOutbox(entry: OutboxRecord): Promise<void> {
    await this.db.put('outbox', entry);
  }

  async removeFromOutbox(seq: number): Promise<void> {
    await this.db.delete('outbox', seq);
  }

  /** On disconnecting: the shared list goes (it is the hub's); the outbox too, once the member agreed. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['shares', 'outbox'], 'readwrite');
    await Promise.all([tx.objectStore('shares').clear(), tx.objectStore('outbox').clear(), tx.done]);
  }
}
