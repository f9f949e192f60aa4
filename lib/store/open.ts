import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type VigieSchema } from './schema';

/** Opens Vigie's IndexedDB, bringing an older one up to date step by step (see schema.ts). */
export async function openVigieDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<VigieSchema>> {
  return openDB<VigieSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) {
        await MIGRATIONS[step]?.(db, tx);
      }
    },
  });
}
