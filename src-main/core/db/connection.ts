import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/** The data store's file inside the data dir. */
export const DATABASE_FILE = 'portal-access-admin.db';

/**
 * Opens (creating if needed) the data store and brings its schema up to date.
 * WAL + synchronous=FULL: a committed transaction survives a crash or power loss.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A write that fires triggers (migration 8: the access figures' marks, the row counts) keeps a
    // statement journal to undo that statement alone: in memory, not a temp file per statement
    // (a contract insert 40 µs instead of 200 µs). Commits stay as durable: this is not the WAL.
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `erase` (a change that deletes or overwrites personal data) so that nothing of the old
 * values stays in the file: SQLite zeroes freed space only with secure_delete, and the write-ahead
 * log still holds earlier images of the changed pages until it is copied back and emptied. The
 * search index keeps replaced words in older segments until they are merged: `erase` calls
 * contactSearchIndex's compactContactSearch inside its change. SQLite only (the engine's handle).
 */
export async function erasingOldValues<T>(db: Db, erase: () => Promise<T>): Promise<T> {
  db.pragma('secure_delete = ON');
  let result: T;
  try {
    result = await erase();
  } finally {
    db.pragma('secure_delete = OFF');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
