import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/** PGlite: PostgreSQL compiled to WebAssembly, in a local folder. Nothing to install; one process at a time. */
export async function openEmbedded(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await q.query<Row>(sql, params)).rows;
    },
  });
  const preparedNames = new Set<string>();
  return {
    kind: 'embedded',
    // PGlite binds no parameters to EXECUTE: they are written in, and only as checked integers.
    async prepared<Row>(statement: { name: string; sql: string; types: string[] }, params: number[]) {
      if (!params.every(Number.isSafeInteger)) throw new TypeError('prepared statements take integers only');
      if (!preparedNames.has(statement.name)) {
        await pg.query(`PREPARE ${statement.name}(${statement.types.join(', ')}) AS ${statement.sql}`);
        preparedNames.add(statement.name);
      }
      return (await pg.query<Row>(`EXECUTE ${statement.name}(${params.join(', ')})`)).rows;
    },
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    listen: async (channel, onNotify) => void (await pg.listen(channel, (payload) => onNotify(payload))),
    close: () => pg.close(),
  };
}
