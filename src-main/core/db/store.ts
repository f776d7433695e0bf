import { AsyncLocalStorage } from 'node:async_hooks';
import { AbortedTransactionError, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The storage port: what repositories and services see of a database, whatever the engine
 * (sqliteStore.ts; postgresStore.ts for team mode). Queries are hand-written SQL in Kysely's `sql`
 * tag, which compiles the placeholders for the engine (`?` on SQLite, `$1` on PostgreSQL); a new
 * row's id comes from `RETURNING id`, which both engines have.
 *
 * Transactions: `transaction(work)` holds one connection of the engine for the whole of `work`
 * and puts it in an AsyncLocalStorage, so every query made while `work` runs — however deep in
 * the repositories — goes to that connection (`executor()`), with no transaction handed down.
 * A query outside a transaction never sees a transaction's uncommitted rows: on SQLite it waits for
 * the one connection (Kysely's mutex) like a transaction does; on PostgreSQL it runs on another
 * connection of the pool, isolated from the open transaction (postgresStore.ts says how).
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
   * (and the error passed on) when it throws or when the engine refused to commit (PostgreSQL after
   * a failed statement: AbortedTransactionError). On SQLite transactions run one after the other;
   * on PostgreSQL each has its own connection of the pool. One inside another is a programming error
   * (refused).
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the caller runs inside a transaction of this store. */
  inTransaction(): boolean;
  /**
   * Refuses every query and transaction from now on, lets those already begun finish, then lets the
   * engine go (PostgreSQL: ends the pool; SQLite: nothing — the handle is connection.ts's to close).
   */
  close(): Promise<void>;
}

/** The open transaction: its connection, until it has ended. */
interface Open {
  connection: Kysely<unknown>;
  ended: boolean;
}

/**
 * A store over a Kysely instance: `begin` is the engine's statement that opens a transaction
 * (SQLite: BEGIN IMMEDIATE, so a writer takes the write lock at once and never fails to upgrade);
 * `release` lets the engine's connections go once the store is closed.
 */
export function kyselyStore(
  kysely: Kysely<unknown>,
  engine: Store['engine'],
  begin: RawBuilder<unknown>,
  release: () => Promise<void> = async () => undefined,
): Store {
  const current = new AsyncLocalStorage<Open>();
  let closed: Promise<void> | undefined;
  const refusedWhenClosed = () => {
    if (closed !== undefined) throw new Error('a query after the store was closed');
  };
  const executor = (): Kysely<unknown> => {
    const open = current.getStore();
    if (open === undefined) {
      refusedWhenClosed();
      return kysely;
    }
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
    close() {
      closed ??= release();
      return closed;
    },
    async transaction(work) {
      if (current.getStore()?.ended === false) throw new Error('a transaction inside a transaction');
      refusedWhenClosed();
      return kysely.connection().execute(async (connection) => {
        const open: Open = { connection, ended: false };
        await begin.execute(connection);
        try {
          const result = await current.run(open, work);
          // PostgreSQL answers COMMIT with ROLLBACK when a statement of the transaction failed (the
          // work caught its error): nothing was written, so the work must not pass as committed.
          const commit = await sql<{ command?: string }>`COMMIT`.execute(connection);
          if (commit.rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
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
