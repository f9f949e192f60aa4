import type { IDBPDatabase } from 'idb';
import { isNamed, StoreError } from '../model/store-error';
import { openVigieDb, type OpenEvents } from './open';
import type { VigieSchema } from './schema';

type Db = IDBPDatabase<VigieSchema>;

/** The database's methods that answer with a promise: once the connection is lost, they wait for the next one. */
const ASYNC_METHODS: ReadonlySet<PropertyKey> = new Set(['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'put', 'add', 'delete', 'clear']);
const ASYNC_INDEX_METHODS: ReadonlySet<PropertyKey> = new Set(['getFromIndex', 'getKeyFromIndex', 'getAllFromIndex', 'getAllKeysFromIndex', 'countFromIndex']);

/**
 * A connection to Vigie's IndexedDB that outlives the browser's: when the browser closes it (`terminated`)
 * or it steps aside for an upgrade (`blocking`), the next use opens it again. `db` is what the store and the
 * reader hold; it always reaches the current connection. While it is lost, a read or write such as `db.get`
 * waits for the new one; `db.transaction`, which cannot wait, fails with `store-closed` (said in words) and
 * starts the reopening, so that the request after it finds the store open.
 */
export class Connection {
  readonly db: Db;
  private current: Db | undefined;
  private opening: Promise<Db> | undefined;
  private closed = false;

  private constructor(private readonly name: string | undefined) {
    this.db = new Proxy({} as Db, {
      get: (_target, property) => {
        // Closing through `db` is closing on purpose: nothing opens it again.
        if (property === 'close') return () => this.close();
        if (property === 'transaction') return (...args: unknown[]) => this.transaction(args);
        if (ASYNC_METHODS.has(property) || ASYNC_INDEX_METHODS.has(property)) return (...args: unknown[]) => this.waiting(property, args);
        const db = this.now();
        const value: unknown = Reflect.get(db, property);
        return typeof value === 'function' ? value.bind(db) : value;
      },
    });
  }

  /**
   * `blocked` is said while this first open's upgrade waits for another tab. A reopening does not upgrade
   * (the store is at this code's version by then) and says nothing: the caller already knows the store is open.
   */
  static async open(name?: string, events: Pick<OpenEvents, 'blocked'> = {}): Promise<Connection> {
    const connection = new Connection(name);
    await connection.reopen(events.blocked);
    return connection;
  }

  /** Takes a connection opened elsewhere (dashboard-early.js), which then steps aside and reopens like the others. */
  static adopt(db: Db, name?: string): Connection {
    const connection = new Connection(name);
    connection.current = db;
    db.addEventListener('versionchange', () => {
      db.close();
      connection.lose(db);
    });
    db.addEventListener('close', () => connection.lose(db));
    return connection;
  }

  /** The open connection, opened again first if it was lost. */
  ready(): Promise<Db> {
    if (this.closed) return Promise.reject(new StoreError('store-closed'));
    if (this.current) return Promise.resolve(this.current);
    this.opening ??= this.reopen().finally(() => (this.opening = undefined));
    return this.opening;
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = undefined;
  }

  private async reopen(blocked?: () => void): Promise<Db> {
    const db: Db = await openVigieDb(this.name, undefined, { ...(blocked ? { blocked } : {}), lost: () => this.lose(db) });
    if (this.closed) {
      db.close();
      throw new StoreError('store-closed');
    }
    this.current = db;
    return db;
  }

  private lose(db: Db): void {
    if (this.current === db) this.current = undefined;
  }

  /** The open connection, or `store-closed` once it is lost (and the reopening starts, for the next request). */
  private now(): Db {
    if (this.current) return this.current;
    if (!this.closed) void this.ready().catch(() => undefined);
    throw new StoreError('store-closed');
  }

  private transaction(args: unknown[]): unknown {
    const db = this.now();
    try {
      const tx = Reflect.apply(db.transaction, db, args) as { done: Promise<void> };
      // idb makes a `done` promise for every transaction; a read's is never awaited (its requests say how it
      // went), so a read aborted by the browser closing the connection (a full disk, in Chromium) would be an
      // unhandled rejection. Whoever awaits `done` still gets its rejection.
      tx.done.catch(() => undefined);
      return tx;
    } catch (error) {
      // The browser is closing the connection and has not said so yet (its `close` event comes after).
      if (!isNamed(error, 'InvalidStateError')) throw error;
      this.lose(db);
      return this.now();
    }
  }

  /**
   * `db.get`, `db.put`…: run at once on the open connection (as idb would), else on the next one; one that
   * found the connection closed before it began is run again there (nothing of it was done).
   */
  private waiting(property: PropertyKey, args: unknown[]): Promise<unknown> {
    // Run with `this.db` as `this`, so that idb's own transaction goes through `transaction` above.
    const run = (db: Db) => (Reflect.get(db, property) as (...args: unknown[]) => Promise<unknown>).apply(this.db, args);
    const onNext = () => this.ready().then(run);
    if (!this.current) return onNext();
    return run(this.current).catch((error: unknown) => (error instanceof StoreError && error.code === 'store-closed' && !this.closed ? onNext() : Promise.reject(error)));
  }
}
