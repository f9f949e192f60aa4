import type { Db } from './db';
import { migrate } from './migrations';

/** Opens the configured database (a PostgreSQL URL, or else the embedded one in `dataDir`) and migrates it. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl
    ? await (await import('./postgres')).openPostgres(options.databaseUrl)
    : await (await import('./embedded')).openEmbedded(options.dataDir);
  await migrate(db);
  return db;
}
