import pg from 'pg';
import type { Db, Queryable } from './db';

// int8 (counts, sequences) as JavaScript numbers: the hub's numbers stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** A PostgreSQL server through a small pool. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 9 });
  // Fails here, at start, with the server's own words, rather than at the first request.
  (await pool.connect()).release();
  let listener: pg.PoolClient | undefined;
  const query: Queryable['query'] = async (sql, params = []) => (await pool.query(sql, params)).rows;
  return {
    kind: 'postgres',
    query,
    // node-postgres prepares a named statement once per connection of the pool.
    prepared: async (statement, params) => (await pool.query({ name: statement.name, text: statement.sql, values: params })).rows,
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
    async listen(channel, onNotify) {
      // A client of its own, held for the hub's life: LISTEN belongs to a session.
      listener ??= await pool.connect();
      listener.on('notification', (message) => message.channel === channel && onNotify());
      await listener.query(`LISTEN ${channel.replace(/[^a-z_]/g, '')}`);
    },
    async close() {
      listener?.release();
      await pool.end();
    },
  };
}
