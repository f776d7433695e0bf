/**
 * Which tables the move into a team database (and the local copy back) carries, derived from the
 * schema the migrations made — never a hand list of the portfolio's tables, so a table added by a
 * later migration is carried without anyone remembering it. Only the tables that must NOT be copied
 * row for row are named here, each with its reason:
 *
 * - the engines' own bookkeeping: `migrations` (when each engine ran its migrations) and PostgreSQL's
 *   `portal_schema_version` (SQLite keeps the version in its header);
 * - `contact_search`: SQLite's FTS5 table (contentless: its words cannot be read back) and its
 *   PostgreSQL twin (a plain table) differ; its rows are written again from the contacts
 *   (contactKeys.contactSearchText) and compared by their contact ids;
 * - `table_counts`: kept by the target's triggers while the rows go in (read-only for desktops on
 *   PostgreSQL); compared with the source's afterwards;
 * - `access_dirty`: marks written by triggers while the rows go in; replaced by the source's marks
 *   after all other tables.
 *
 * Every other table is copied with its rows and ids, in the order its foreign keys need.
 */
import type Database from 'better-sqlite3';

/** A table with the columns both engines have, by name. */
export interface CopiedTable {
  name: string;
  columns: string[];
}

export const ENGINE_BOOKKEEPING = ['migrations', 'portal_schema_version'] as const;
export const SEARCH_TABLE = 'contact_search';
export const TRIGGER_COUNTS = 'table_counts';
export const TRIGGER_MARKS = 'access_dirty';
const NOT_COPIED_ROW_FOR_ROW: readonly string[] = [...ENGINE_BOOKKEEPING, SEARCH_TABLE, TRIGGER_COUNTS];

/**
 * Tables a freshly migrated store already holds rows in (migrations 7 and 8: the invitation code key,
 * the access figures' base and the "recompute all" mark): emptied before the copy's rows go in.
 */
export const SEEDED_BY_MIGRATIONS = ['settings', 'access_base', TRIGGER_MARKS] as const;

/** The user tables of a SQLite store: no sqlite_* table, no shadow table of a virtual (FTS5) table. */
export function sqliteTableNames(db: Database.Database): string[] {
  const rows = db
    .prepare<[], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all();
  const virtual = rows.filter((row) => /^CREATE VIRTUAL TABLE/i.test(row.sql ?? '')).map((row) => row.name);
  return rows.map((row) => row.name).filter((name) => !virtual.some((table) => name.startsWith(`${table}_`)));
}

function sqliteColumns(db: Database.Database, table: string): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .all(table)
    .map((row) => row.name);
}

/** The tables `table`'s foreign keys point to (itself left out). */
function referenced(db: Database.Database, table: string): string[] {
  return db
    .prepare<[string], { table: string }>('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)')
    .all(table)
    .map((row) => row.table)
    .filter((name) => name !== table);
}

/**
 * The tables copied row for row, in an order that inserts every referenced row before the rows
 * referring to it (a depth-first walk of the foreign keys, names sorted for a stable order), with
 * their columns as the SQLite schema `db` names them. The marks table comes last (see the file comment).
 */
export function copiedTables(db: Database.Database): CopiedTable[] {
  const names = sqliteTableNames(db).filter((name) => !NOT_COPIED_ROW_FOR_ROW.includes(name));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`the foreign keys of ${name} form a cycle`);
    visiting.add(name);
    for (const parent of referenced(db, name)) if (names.includes(parent)) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) if (name !== TRIGGER_MARKS) visit(name);
  if (names.includes(TRIGGER_MARKS)) ordered.push(TRIGGER_MARKS);
  return ordered.map((name) => ({ name, columns: sqliteColumns(db, name) }));
}

/** The tables a check compares beyond the copied ones: the counts and the search rows (by contact id). */
export function comparedTables(copied: CopiedTable[]): CopiedTable[] {
  return [
    ...copied,
    { name: TRIGGER_COUNTS, columns: ['name', 'n'] },
    { name: SEARCH_TABLE, columns: ['contact_id'] },
  ];
}
