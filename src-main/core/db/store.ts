import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The storage port: what repositories and services see of a database, whatever the engine
 * (sqliteStore.ts today; PostgreSQL for team mode). Queries are hand-written SQL in Kysely's `sql`
 * tag, which compiles the placeholders for the engine (`?` on SQLite, `$1` on PostgreSQL); a new
 * row's id comes from `RETURNING id`, which both engines have.
 *
 * Transactions: `transaction(work)` holds one connection of the engine for the whole of `work`
 * and puts it in an AsyncLocalStorage, so every query made while `work` runs — however deep in
 * the repositories — goes to that connection (`executor()`), with no transaction handed down.
 * A query outside a transaction waits for the connection like a transaction does (the SQLite
 * engine has one, guarded by Kysely's mutex), so it never sees a transaction's uncommitted rows.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Where a query runs now: the open transaction's connection, else the store's own. */
  executor(): Kysely<unknown>;
  /** Every row of a query. */
  all<Row>(query: RawBuilder<Row>): Promise<Row[]>;
  /** The first row of a query, if any. */
  first<Row>(query: RawBuilder<Row>): Promise<Row | undefined>;
  /** Runs a statement; answers how many rows it changed. */
  run(query: RawBuilder<unknown>): Promise<number>;
  /**
   * Runs `work` as one transaction on one connection: committed when it resolves, rolled back
   * (and the error passed on) when it throws. Transactions never interleave; one inside another is
   * a programming error (refused).
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the caller runs inside a transaction of this store. */
  inTransaction(): boolean;
}

/** The open transaction: its connection, until it has ended. */
interface Open {
  connection: Kysely<unknown>;
  ended: boolean;
}

/**
 * A store over a Kysely instance: `begin` is the engine's statement that opens a transaction
 * (SQLite: BEGIN IMMEDIATE, so a writer takes the write lock at once and never fails to upgrade).
 */
export function kyselyStore(
  kysely: Kysely<unknown>,
  engine: Store['engine'],
  begin: RawBuilder<unknown>,
): Store {
  const current = new AsyncLocalStorage<Open>();
  const executor = (): Kysely<unknown> => {
    const open = current.getStore();
    if (open === undefined) return kysely;
    if (open.ended) throw new Error('a query after its transaction ended');
    return open.connection;
  };
  return {
    engine,
    executor,
    async all(query) {
      return (await query.execute(executor())).rows;
    },
    async first(query) {
      return (await query.execute(executor())).rows[0];
    },
    async run(query) {
      return Number((await query.execute(executor())).numAffectedRows ?? 0);
    },
    inTransaction: () => current.getStore()?.ended === false,
    transaction(work) {
      if (current.getStore()?.ended === false) {
        return Promise.reject(new Error('a transaction inside a transaction'));
      }
      return kysely.connection().execute(async (connection) => {
        const open: Open = { connection, ended: false };
        await begin.execute(connection);
        try {
          const result = await current.run(open, work);
          await sql`COMMIT`.execute(connection);
          return result;
        } catch (error) {
          await sql`ROLLBACK`.execute(connection).catch(() => undefined);
          throw error;
        } finally {
          open.ended = true;
        }
      });
    },
  };
}
