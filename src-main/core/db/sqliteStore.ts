import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { kyselyStore, type Store } from './store';

/** Prepared statements kept per SQL text: beyond this many, the oldest is prepared again when used. */
const CACHED_STATEMENTS = 2000;

/**
 * The better-sqlite3 handle as Kysely's SqliteDriver sees it, with its statements prepared once:
 * the driver prepares every query anew, which costs more than running a small one.
 */
function cachingStatements(db: Database.Database): SqliteDatabase {
  const prepared = new Map<string, Database.Statement>();
  return {
    // The handle belongs to whoever opened it (connection.ts's openDatabase): it closes it.
    close: () => undefined,
    prepare(text) {
      let statement = prepared.get(text);
      if (statement === undefined) {
        if (prepared.size >= CACHED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
        statement = db.prepare(text);
        prepared.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * The SQLite engine of the storage port (store.ts): Kysely's SqliteDialect over an open
 * better-sqlite3 handle (connection.ts opened it: pragmas, migrations). One connection, one
 * transaction at a time, each begun with BEGIN IMMEDIATE; `close()` refuses further queries and leaves
 * the handle to connection.ts's opener, who closes it. What exists only on SQLite — pragmas,
 * migrations at open, `backup()`, secure_delete and the WAL checkpoint of erasingOldValues, the
 * FTS5 index's maintenance — keeps using the handle, in connection.ts and the modules it names.
 */
export function sqliteStore(db: Database.Database): Store {
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: cachingStatements(db) }) });
  return kyselyStore(kysely, 'sqlite', sql`BEGIN IMMEDIATE`);
}
