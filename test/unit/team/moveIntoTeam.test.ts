/**
 * The move into a team database and the local copy back (issue 16 items 3 and 7): the demo portfolio
 * with its showcase goes SQLite → PostgreSQL → SQLite and every table holds the same rows; a team
 * database with data in it is refused; every table of the schema is either copied or named with its
 * reason, on both engines.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { migrate } from '../../../src-main/core/db/migrations';
import { exportLocalCopy } from '../../../src-main/core/team/localCopy';
import { moveIntoTeamDatabase } from '../../../src-main/core/team/moveIntoTeam';
import {
  copiedTables,
  ENGINE_BOOKKEEPING,
  SEARCH_TABLE,
  sqliteTableNames,
  TRIGGER_COUNTS,
} from '../../../src-main/core/team/storeTables';
import { connectTeamDatabase } from '../../../src-main/core/team/teamClient';
import { ok, tempDir, testCore } from '../support';
import { freshTeamDatabase } from './teamDatabases';

/** Every table's rows in a stable order (the FTS5 table by its rowids), the migrations' history left out. */
function contentOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      sqliteTableNames(db)
        .filter((name) => name !== 'migrations')
        .map((name) => {
          const select =
            name === SEARCH_TABLE
              ? `SELECT rowid FROM ${name} ORDER BY rowid`
              : `SELECT * FROM "${name}" ORDER BY ${Array.from({ length: columnCount(db, name) }, (_, i) => i + 1).join(', ')}`;
          return [name, db.prepare(select).all()];
        }),
    );
  } finally {
    db.close();
  }
}

function columnCount(db: Database.Database, table: string): number {
  return (db.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(table) as { n: number }).n;
}

async function withTeam<T>(
  work: (client: pg.Client) => Promise<T>,
  config: Parameters<typeof connectTeamDatabase>[0],
) {
  const client = await connectTeamDatabase(config);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the move into a team database and back', () => {
  it('round-trips the demo portfolio with its showcase table by table, and refuses a second move into it', async () => {
    const core = testCore();
    await ok(core, 'app.chooseFirstStart', 'demo');
    const source = path.join(core.dataDir, DATABASE_FILE);
    const team = await freshTeamDatabase();

    const moved = await withTeam((client) => moveIntoTeamDatabase(source, client), team);
    expect(moved.rows.contacts).toBeGreaterThan(100);
    expect(moved.rows.shares).toBeGreaterThan(0);
    expect(moved.rows.audit).toBeGreaterThan(0);

    const copy = path.join(tempDir(), 'lokale-kopie.sqlite');
    await withTeam((client) => exportLocalCopy(client, copy), team);
    const [before, after] = [contentOf(source), contentOf(copy)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    // The team database now holds a portfolio: a second move is refused and changes nothing.
    const counted = () =>
      withTeam(async (client) => (await client.query('SELECT count(*) AS n FROM audit')).rows[0], team);
    const auditBefore = await counted();
    await expect(withTeam((client) => moveIntoTeamDatabase(source, client), team)).rejects.toMatchObject({
      code: 'TEAM_DATABASE_NOT_EMPTY',
    });
    expect(await counted()).toEqual(auditBefore);

    // New rows in the team database get ids after the copied ones (the sequences moved on).
    const next = await withTeam(
      async (client) =>
        (
          await client.query<{ id: number }>(
            "INSERT INTO properties (name, created_at) VALUES ('Neu', '2026-11-27') RETURNING id",
          )
        ).rows[0]?.id,
      team,
    );
    const largest = Math.max(...(before.properties as { id: number }[]).map((row) => row.id));
    expect(next).toBe(largest + 1);
  }, 120_000); // the demo portfolio there and back through PostgreSQL: long on a busy machine

  it('copies every table of the schema or names why not, on both engines', async () => {
    const db = new Database(path.join(tempDir(), 'schema.db'));
    migrate(db);
    const copied = copiedTables(db).map((table) => table.name);
    const named = [...ENGINE_BOOKKEEPING, SEARCH_TABLE, TRIGGER_COUNTS];
    expect([...copied, ...named.filter((name) => name !== 'portal_schema_version')].sort()).toEqual(
      sqliteTableNames(db),
    );
    db.close();
    const team = await freshTeamDatabase();
    const onServer = await withTeam(
      async (client) =>
        (
          await client.query<{ name: string }>(
            'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
          )
        ).rows.map((row) => row.name),
      team,
    );
    expect(onServer).toEqual([...copied, ...named].sort());
  });
});
