import type Database from 'better-sqlite3';

/**
 * One numbered migration, applied in its own transaction. Never edit a released migration: add the
 * next number in a file of its own (vNN-name.ts) and list it in index.ts. SQL stays portable to
 * PostgreSQL where that costs nothing (TEXT dates as ISO strings, INTEGER booleans, no SQLite-only
 * functions in queries).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rows the SQL cannot derive (keys computed in TypeScript), written after it in its transaction. */
  backfill?: (db: Database.Database) => void;
  /**
   * Rebuilds a table that others reference (SQLite's way to change a constraint): foreign keys are
   * switched off around its transaction and every reference is checked before it commits.
   */
  withoutForeignKeys?: boolean;
}
