import pg from 'pg';
import type { Db, Queryable } from './db';

// int8 (counts, sequences) as JavaScript numbers: the hub's numbers stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** How long the listening connection waits before trying again, doubling up to the last, while the server is away. */
const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000];

export interface PostgresOptions {
  /** Connection trouble the hub survives (a server restart): said, never thrown. Standard error by default. */
  onTrouble?: (message: string, error: unknown) => void;
}

const sayTrouble = (message: string, error: unknown) =>
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: message, err: error instanceof Error ? error.message : String(error) })}\n`);

/** A PostgreSQL server through a small pool. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const trouble = options.onTrouble ?? sayTrouble;
  const pool = new pg.Pool({ connectionString: url, max: 9 });
  // An idle connection the server drops (a restart) is an event, not a crash: the pool opens a new one next time.
  pool.on('error', (error) => trouble('database connection lost', error));
  // Fails here, at start, with the server's own words, rather than at the first request.
  (await pool.connect()).release();
  const query: Queryable['query'] = async (sql, params = []) => (await pool.query(sql, params)).rows;
  const listening = new Listener(url, trouble);
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
    listen: (channel, onNotify) => listening.add(channel, onNotify),
    async close() {
      await listening.close();
      await pool.end();
    },
  };
}

/**
 * The one connection that LISTENs, outside the pool: LISTEN belongs to a session, held for the hub's life.
 * When the server goes away it reconnects, with growing delays, LISTENs again on every channel, and tells
 * each listener that it may have missed notifications.
 */
class Listener {
  private readonly channels = new Map<string, ((payload: string | undefined) => void)[]>();
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private retry?: NodeJS.Timeout;
  private attempts = 0;
  private closed = false;

  constructor(private readonly url: string, private readonly trouble: NonNullable<PostgresOptions['onTrouble']>) {}

  async add(channel: string, onNotify: (payload: string | undefined) => void): Promise<void> {
    const known = this.channels.get(channel);
    if (known) return void known.push(onNotify);
    this.channels.set(channel, [onNotify]);
    const client = await this.connected();
    await client.query(`LISTEN ${quoteChannel(channel)}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      for (const onNotify of this.channels.get(message.channel) ?? []) onNotify(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    return client;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.trouble('database listening connection lost: reconnecting', error);
    this.attempts = 0;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts++, RECONNECT_DELAYS_MS.length - 1)]!;
    this.retry = setTimeout(() => {
      this.connected().then(
        () => {
          if (this.closed) return;
          // Whatever was notified while no one listened is lost: each listener catches up its own way.
          for (const listeners of this.channels.values()) for (const onNotify of listeners) onNotify(undefined);
        },
        (error: unknown) => {
          if (this.closed) return;
          if (this.attempts === 1) this.trouble('database still unreachable: trying again', error);
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retry.unref();
  }
}

/** Channel names are the hub's own constants; only lowercase letters and underscores reach the SQL. */
const quoteChannel = (channel: string) => channel.replace(/[^a-z_]/g, '');
