/**
 * The two ends of a copy between the engines, with the same four operations: read a table's rows in
 * batches, empty a table, insert rows with their ids, write the contact search rows. The SQLite end
 * works on a better-sqlite3 handle the copy holds alone (a snapshot of the data store, or the new
 * file of a local copy); the PostgreSQL end on one pg client inside the transaction its caller opened.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { SEARCH_TABLE, type CopiedTable } from './storeTables';

/** Rows per read and per insert: bounded memory, and few round trips to the server. */
export const BATCH_ROWS = 2000;

export interface SearchRow {
  contactId: number;
  name: string;
  address: string;
}

export interface CopyEnd {
  /** The rows of `table` (values in the order of its columns), a batch at a time. */
  batches(table: CopiedTable): AsyncIterable<unknown[][]>;
  clear(table: string): Promise<void>;
  insert(table: CopiedTable, rows: unknown[][]): Promise<void>;
  insertSearch(rows: SearchRow[]): Promise<void>;
}

/** A quoted identifier: table and column names come from the schema, quoted all the same. */
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function sqliteEnd(db: Database.Database): CopyEnd {
  return {
    async *batches(table) {
      // The FTS5 table is contentless: only its rowids (the contacts' ids) can be read back.
      const select =
        table.name === SEARCH_TABLE
          ? `SELECT rowid FROM ${SEARCH_TABLE}`
          : `SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}`;
      let batch: unknown[][] = [];
      for (const row of db.prepare(select).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async clear(table) {
      db.prepare(`DELETE FROM ${quote(table)}`).run();
    },
    async insert(table, rows) {
      const statement = db.prepare(
        `INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')})
         VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      for (const row of rows) statement.run(row);
    },
    async insertSearch(rows) {
      const statement = db.prepare(`INSERT INTO ${SEARCH_TABLE} (rowid, name, address) VALUES (?, ?, ?)`);
      for (const row of rows) statement.run(row.contactId, row.name, row.address);
    },
  };
}

let cursors = 0;

export function postgresEnd(client: pg.ClientBase): CopyEnd {
  const id = (name: string) => client.escapeIdentifier(name);
  return {
    async *batches(table) {
      // A cursor of the caller's transaction: the server keeps the rows, the app holds a batch.
      const cursor = `copy_cursor_${(cursors += 1)}`;
      await client.query(
        `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${table.columns.map(id).join(', ')} FROM ${id(table.name)}`,
      );
      try {
        for (;;) {
          const { rows } = await client.query<unknown[]>({
            text: `FETCH FORWARD ${BATCH_ROWS} FROM ${cursor}`,
            rowMode: 'array',
          });
          if (rows.length === 0) break;
          yield rows;
        }
      } finally {
        await client.query(`CLOSE ${cursor}`);
      }
    },
    async clear(table) {
      await client.query(`DELETE FROM ${id(table)}`);
    },
    async insert(table, rows) {
      // One parameter per batch: the rows as JSON, typed by the table's own row type.
      const objects = rows.map((row) => Object.fromEntries(table.columns.map((name, i) => [name, row[i]])));
      const columns = table.columns.map(id).join(', ');
      await client.query(
        `INSERT INTO ${id(table.name)} (${columns})
         SELECT ${columns} FROM json_populate_recordset(NULL::${id(table.name)}, $1::json)`,
        [JSON.stringify(objects)],
      );
    },
    async insertSearch(rows) {
      await client.query(
        `INSERT INTO ${SEARCH_TABLE} (contact_id, name, address)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
        [rows.map((row) => row.contactId), rows.map((row) => row.name), rows.map((row) => row.address)],
      );
    },
  };
}

/** The columns of a PostgreSQL table in the connection's current schema. */
export async function postgresColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}
