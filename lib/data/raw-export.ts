/**
 * A copy of a store that a newer build of Vigie made, for a member who went back to this older build: every
 * object store's records exactly as stored, read without upgrading anything. This code cannot check them
 * against its model (the newer one may have changed it), so the file is not a backup (`vigie-backup`, which
 * Paramètres imports): it says so in its `note`, and a Vigie at least as recent as the store reads it by hand.
 */
import { META } from '../store/meta-keys';
import { openAsItIs } from '../store/open';
import { DB_NAME, DB_VERSION } from '../store/schema';

export const RAW_EXPORT_FORMAT = 'vigie-raw-export';
export const RAW_EXPORT_VERSION = 1;

export interface RawStore {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  records: unknown[];
  /** Only for a store whose keys are not in its records: the key of each record, in the same order. */
  keys?: IDBValidKey[];
}

export interface RawExport {
  format: typeof RAW_EXPORT_FORMAT;
  version: typeof RAW_EXPORT_VERSION;
  note: { fr: string; en: string };
  exportedAt: string;
  /** The database as found, and the highest version the Vigie that made this file reads. */
  database: { name: string; version: number; readableUpTo: number };
  stores: Record<string, RawStore>;
}

const NOTE = {
  fr: "Copie brute d'une base de données de Vigie plus récente que la version qui l'a exportée : chaque magasin d'objets tel qu'il est enregistré. Ce n'est pas une sauvegarde au format vigie-backup : Paramètres › Importer la refuse. La connexion au hub COPIL (son jeton) n'y est pas, comme dans toute sauvegarde.",
  en: 'Raw copy of a Vigie database newer than the version that exported it: every object store as stored. It is not a vigie-backup file: Settings › Import refuses it. The COPIL hub connection (its token) is left out, as from every backup.',
};

/** Every record of every object store, read in one transaction at the database's own version. */
export async function rawExport(name = DB_NAME, now = new Date()): Promise<RawExport> {
  const db = await openAsItIs(name);
  try {
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names);
    const stores = await Promise.all(
      names.map(async (storeName): Promise<[string, RawStore]> => {
        const store = tx.objectStore(storeName);
        const [records, keys] = await Promise.all([store.getAll(), store.keyPath === null ? store.getAllKeys() : undefined]);
        const kept = records.map((record) => !(storeName === 'meta' && isHubConnection(record)));
        const only = <T>(list: T[]) => list.filter((_, index) => kept[index]);
        return [storeName, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, records: only(records), ...(keys ? { keys: only(keys) } : {}) }];
      }),
    );
    return {
      format: RAW_EXPORT_FORMAT,
      version: RAW_EXPORT_VERSION,
      note: NOTE,
      exportedAt: now.toISOString(),
      database: { name, version: db.version, readableUpTo: DB_VERSION },
      stores: Object.fromEntries(stores),
    };
  } finally {
    db.close();
  }
}

/** The hub connection holds this member's token: it never leaves the browser in a file (as in makeBackup). */
const isHubConnection = (record: unknown) => (record as { key?: unknown } | null)?.key === META.hub.name;
