import type Database from 'better-sqlite3';
import type { Migration } from './migration';

const NARROW = "CHECK (salutation IN ('mr', 'ms', 'mx', 'company', 'family'))";
const WIDE = "CHECK (salutation IN ('none', 'mr', 'ms', 'mx', 'couple', 'family', 'company'))";

/**
 * SQLite cannot change a CHECK in place: the contacts table is rebuilt from its own stored
 * definition (with every column added since) under the wider CHECK, rows and ids kept, and its
 * indexes and triggers — whatever migrations made them — created again as they were.
 */
function widenSalutations(db: Database.Database): void {
  const table = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contacts'")
    .get();
  if (table === undefined || !table.sql.includes(NARROW)) {
    throw new Error('v10: the contacts table does not have the salutation CHECK of v2');
  }
  const dependents = db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master
       WHERE tbl_name = 'contacts' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
    )
    .all();
  db.exec(table.sql.replace(NARROW, WIDE).replace(/^CREATE TABLE "?contacts"?/, 'CREATE TABLE contacts_v10'));
  db.exec(`INSERT INTO contacts_v10 SELECT * FROM contacts;
    DROP TABLE contacts;
    ALTER TABLE contacts_v10 RENAME TO contacts;`);
  for (const { sql } of dependents) db.exec(sql);
}

export const v10: Migration = {
  version: 10,
  name: 'salutations: keine Angabe (none) and Eheleute (couple)',
  sql: '',
  withoutForeignKeys: true,
  backfill: widenSalutations,
};
