/**
 * The hub's one view of its database, whichever it is: PGlite embedded in a data folder, or a PostgreSQL
 * server. Both speak the same SQL, so the schema, the migrations and every query are written once.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: all its writes land, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A query planned once and kept by the database (a prepared statement), for the hot path: the change
   * feed every member polls. Parameters are integers only (see the embedded adapter).
   */
  prepared<Row = Record<string, unknown>>(statement: { name: string; sql: string; types: string[] }, params: number[]): Promise<Row[]>;
  /**
   * Calls `onNotify` with the payload of each NOTIFY on `channel`, from this process or another on the same
   * database. After the listening connection was lost and restored (a PostgreSQL restart), it is called once
   * with `undefined`: notifications may have been missed meanwhile, and the listener catches up its own way.
   */
  listen(channel: string, onNotify: (payload: string | undefined) => void): Promise<void>;
  close(): Promise<void>;
}
