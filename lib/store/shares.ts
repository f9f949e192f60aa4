import type { IDBPDatabase } from 'idb';
import { shareKey, type Share, type SharedRow } from '../model/share';
import { highestPriority, type Priority } from '../model/vocabulary';
import { guardQuota } from './errors';
import type { OutboxRecord, SharedRecord, VigieSchema } from './schema';

/** A share as pages see it: `unread` for others' shares not yet seen, `pending` for one still in the outbox. */

const toRow = ({ unreadAt, pending, local: _local, ...share }: SharedRecord): SharedRow => ({ ...share, unread: unreadAt !== undefined, pending: !!pending });

type Tombstone = { id: string; removed: true };

/** Whether the member shared it: its author, or a colleague who shared the same article after them. */
export const sharedBy = (share: Share, memberId: string): boolean => share.author.id === memberId || !!share.sharers?.some((sharer) => sharer.member.id === memberId);

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

  /**
   * The share of this article already in the collective's list (anyone's, or this member's own still
   * waiting to be sent): sharing it again updates that one, as the hub does.
   */
  async findByLink(url: string | undefined): Promise<SharedRow | undefined> {
    const key = shareKey(url);
    if (!key) return undefined;
    const records = await this.db.getAll('shares');
    const found = records.filter((record) => !record.hidden && shareKey(record.url) === key).sort((a, b) => a.created.localeCompare(b.created))[0];
    return found && toRow(found);
  }

  /** A copy shown while waiting, once the hub answered with the share it belongs to under another id. */
  async remove(id: string): Promise<void> {
    await this.db.delete('shares', id);
  }

  /** Others' shares not yet seen: the badge adds them to the unread alerts, in the colour of the highest priority. */
  async unread(): Promise<{ count: number; highest?: Priority }> {
    const records = await this.db.getAllFromIndex('shares', 'byUnread');
    const highest = highestPriority(records.map((record) => record.priority ?? 'info'));
    return { count: records.length, ...(highest ? { highest } : {}) };
  }

  /**
   * Writes what a pull brought, in one transaction. Shares from others that were not here yet come in
   * unread and are returned (for the badge and notifications), and so do this member's own shares that a
   * colleague commented; a tombstone removes its share.
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
        // A colleague's comment on this member's own share (or one they shared too): the author is told.
        const known = new Set(before?.comments.map((comment) => comment.id));
        const answered = !!before && sharedBy(share, memberId) && share.comments.some((comment) => !known.has(comment.id) && comment.author.id !== memberId);
        if (fresh || answered) added.push(share);
        const unreadAt = fresh ? share.created : answered ? share.updated : before?.unreadAt;
        await tx.store.put({ ...share, ...(unreadAt ? { unreadAt } : {}) });
      }
      await tx.done;
    });
    return added;
  }

  /**
   * A share queued here shows at once in the COPIL list, marked as waiting for the hub; `local` when the hub has
   * never had it (a new share, or a change to one still waiting).
   */
  async putPending(share: Share, options: { local?: boolean } = {}): Promise<void> {
    await guardQuota(async () => {
      const tx = this.db.transaction('shares', 'readwrite');
      const local = options.local || !!(await tx.store.get(share.id))?.local;
      await Promise.all([tx.store.put({ ...share, pending: true, ...(local ? { local: true } : {}) }), tx.done]);
    });
  }

  /** A write the hub refused is dropped: a share only this browser ever had goes with it. Says whether it went. */
  async dropLocal(id: string): Promise<boolean> {
    const tx = this.db.transaction('shares', 'readwrite');
    const local = !!(await tx.store.get(id))?.local;
    if (local) await tx.store.delete(id);
    await tx.done;
    return local;
  }

  /** `ids` absent: all of them. Returns how many changed. */
  async setRead(ids?: readonly string[]): Promise<number> {
    const tx = this.db.transaction('shares', 'readwrite');
    const records = ids ? (await Promise.all(ids.map((id) => tx.store.get(id)))).filter((r): r is SharedRecord => !!r) : await tx.store.index('byUnread').getAll();
    const changed = records.filter((record) => record.unreadAt !== undefined);
    await Promise.all([...changed.map(({ unreadAt: _seen, ...record }) => tx.store.put(record)), tx.done]);
    return changed.length;
  }

  /** Returns the entry's place in the outbox (its `seq`). */
  async enqueue(entry: OutboxRecord): Promise<number> {
    return guardQuota(() => this.db.add('outbox', entry));
  }

  /** Oldest first: the order writes were made is the order they are sent. */
  async outbox(): Promise<OutboxRecord[]> {
    return this.db.getAll('outbox');
  }

  async updateOutbox(entry: OutboxRecord): Promise<void> {
    await this.db.put('outbox', entry);
  }

  /** One write, by its place in the outbox (its key). */
  async outboxEntry(seq: number): Promise<OutboxRecord | undefined> {
    return this.db.get('outbox', seq);
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
