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
  close(): Promise<void>;
}
