import type { IDBPDatabase } from 'idb';
import { guardQuota } from './errors';
import type { PageVersion, VigieSchema } from './schema';

/** The recorded texts of page monitors: the latest one is what the next check compares with. */
export class VersionStore {
  constructor(private readonly db: IDBPDatabase<VigieSchema>) {}

  private range(sourceId: string): IDBKeyRange {
    return IDBKeyRange.bound([sourceId, ''], [sourceId, '\uffff']);
  }

  async latest(sourceId: string): Promise<PageVersion | undefined> {
    const cursor = await this.db.transaction('versions').store.index('bySource').openCursor(this.range(sourceId), 'prev');
    return cursor?.value;
  }

  /** Oldest first. */
  async list(sourceId: string): Promise<PageVersion[]> {
    return this.db.getAllFromIndex('versions', 'bySource', this.range(sourceId));
  }

  /** Records a version and drops the oldest beyond `retention`, in one transaction. */
  async put(version: PageVersion, retention: number): Promise<void> {
    await guardQuota(async () => {
      const tx = this.db.transaction('versions', 'readwrite');
      await tx.store.put(version);
      const ids = await tx.store.index('bySource').getAllKeys(this.range(version.sourceId));
      await Promise.all([...ids.slice(0, Math.max(0, ids.length - retention)).map((id) => tx.store.delete(id)), tx.done]);
    });
  }

  async deleteFor(sourceId: string): Promise<void> {
    const tx = this.db.transaction('versions', 'readwrite');
    const ids = await tx.store.index('bySource').getAllKeys(this.range(sourceId));
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }
}
