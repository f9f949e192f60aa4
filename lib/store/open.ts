import { openDB, type IDBPDatabase } from 'idb';
import { isNamed, StoreError } from '../model/store-error';
import { DB_NAME, DB_VERSION, MIGRATIONS, type VigieSchema } from './schema';

/** What the opener hears while and after it opens the store (see connection.ts). */
export interface OpenEvents {
  /** Another tab holds an older connection: the upgrade waits until it lets go. */
  blocked?: () => void;
  /** This connection is gone: it stepped aside for a newer version's upgrade, or the browser closed it. */
  lost?: () => void;
}

/**
 * Opens Vigie's IndexedDB, bringing an older one up to date step by step (see schema.ts). A database that a
 * newer build of Vigie already upgraded is refused with `store-newer` and left exactly as it is.
 */
export async function openVigieDb(name = DB_NAME, version = DB_VERSION, events: OpenEvents = {}): Promise<IDBPDatabase<VigieSchema>> {
  try {
    return await openDB<VigieSchema>(name, version, {
      async upgrade(db, oldVersion, newVersion, tx) {
        for (let step = oldVersion; step < (newVersion ?? version); step++) {
          await MIGRATIONS[step]?.(db, tx);
        }
      },
      blocked: () => events.blocked?.(),
      // A newer version wants to upgrade: this connection closes itself rather than hold it up, so that a
      // second open of Vigie during an upgrade never waits forever. The next use opens it again.
      blocking: (_old, _new, event) => {
        (event.target as IDBDatabase).close();
        events.lost?.();
      },
      terminated: () => events.lost?.(),
    });
  } catch (error) {
    if (!isNamed(error, 'VersionError')) throw error;
    throw new StoreError('store-newer', { found: await versionOf(name), supported: version });
  }
}

/**
 * Opens the database at its own version, whatever it is, with no upgrade: to read a newer store's version
 * and, for a backup, its records. Refuses (an AbortError) rather than create a database that is not there.
 */
export function openAsItIs(name = DB_NAME): Promise<IDBPDatabase> {
  return openDB(name, undefined, { upgrade: (_db, _old, _new, tx) => tx.abort() });
}

async function versionOf(name: string): Promise<number> {
  const db = await openAsItIs(name);
  db.close();
  return db.version;
}
