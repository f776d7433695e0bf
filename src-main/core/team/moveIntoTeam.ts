/**
 * "In Team-Datenbank übernehmen": this desktop's whole data store copied into an empty team
 * database in one PostgreSQL transaction — ids kept, the identity sequences moved past them, the
 * contact search written anew — and checked table by table (copyStore.ts) before the transaction
 * commits. A database that holds anything beyond what its migrations seeded is refused
 * (TEAM_DATABASE_NOT_EMPTY); a mismatch rolls everything back (TEAM_COPY_MISMATCH). The source is
 * read from a snapshot of its own read-only connection and never written.
 */
import Database from 'better-sqlite3';
import type pg from 'pg';
import { DomainError } from '../../../shared/errors';
import { CODE_KEY_SETTING } from '../db/migrations/v07-outboxFacts';
import { copyStore, type CopyReport } from './copyStore';
import { postgresColumns, postgresEnd, sqliteEnd } from './engineRows';
import { coded } from './teamClient';
import { copiedTables, SEEDED_BY_MIGRATIONS, type CopiedTable } from './storeTables';

/** Taken first in the move's transaction: two desktops moving into one database go one after the other. */
const MOVE_LOCK = 0x6d6f7665;

/** The first table of `tables` holding rows a fresh team database does not have, or null. */
async function firstNonEmpty(client: pg.ClientBase, tables: CopiedTable[]): Promise<string | null> {
  for (const { name } of tables) {
    const seeded = (SEEDED_BY_MIGRATIONS as readonly string[]).includes(name);
    if (seeded && name !== 'settings') continue;
    // Migration 7 stores the invitation code key: any other setting is a portfolio's.
    const where = name === 'settings' ? ` WHERE key <> ${client.escapeLiteral(CODE_KEY_SETTING)}` : '';
    const { rows } = await client.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(name)}${where}) AS found`,
    );
    if (rows[0]?.found) return name;
  }
  return null;
}

/** Both engines name the same columns for every copied table (the same schema version says so). */
async function sameColumns(client: pg.ClientBase, tables: CopiedTable[]): Promise<void> {
  for (const table of tables) {
    const columns = await postgresColumns(client, table.name);
    if ([...columns].sort().join() !== [...table.columns].sort().join()) {
      throw new Error(`the team database's ${table.name} has other columns than the data store's`);
    }
  }
}

/** Moves every identity sequence past the largest id copied in. */
async function moveSequencesOn(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table, column } of rows) {
    const [t, c] = [client.escapeIdentifier(table), client.escapeIdentifier(column)];
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${c}), 0) + 1, false) FROM ${t}`,
      [table, column],
    );
  }
}

/** Copies the data store `sourceFile` into the team database `client` is connected to (schema checked). */
export async function moveIntoTeamDatabase(sourceFile: string, client: pg.ClientBase): Promise<CopyReport> {
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    // One snapshot for the whole copy: changes made meanwhile are not half in it.
    source.exec('BEGIN');
    const tables = copiedTables(source);
    await sameColumns(client, tables);
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MOVE_LOCK]);
      const occupied = await firstNonEmpty(client, tables);
      if (occupied !== null) throw new DomainError('TEAM_DATABASE_NOT_EMPTY', { table: occupied });
      const report = await copyStore(sqliteEnd(source), postgresEnd(client), tables);
      await moveSequencesOn(client);
      await client.query('COMMIT');
      return report;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw coded(error);
    }
  } finally {
    source.close();
  }
}
