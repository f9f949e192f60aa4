import pg from 'pg';
import type { Db, Queryable } from './db';

// int8 (counts, sequences) as JavaScript numbers: the hub's numbers stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** A PostgreSQL server through a small pool. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // Fails here, at start, with the server's own words, rather than at the first request.
  (await pool.connect()).release();
  const query: Queryable['query'] = async (sql, params = []) => (await pool.query(sql, params)).rows;
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql, params = []) => (await client.query(sql, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
