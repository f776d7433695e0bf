/**
 * Helpers of the PostgreSQL schema tests: a scratch database per call on the run's throwaway server
 * (test/postgresSetup.ts), closed after the file; a SQLite store at a given version beside it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createScratchDatabase } from '../../../scripts/postgres/throwaway';
import { migrate } from '../../../src-main/core/db/migrations';
import { tempDir } from '../support';

const clients: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end()));
});

/** int8 (ids, COUNT(*)) read as a number, as the engine reads it: the rows compare with SQLite's. */
export const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A connection to `url`, closed after the test file. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  clients.push(client);
  return client;
}

/** The URL of a fresh, empty database on the run's server (as its superuser). */
export function scratchDatabase(): Promise<string> {
  return createScratchDatabase(inject('postgresServerUrl'));
}

/** A connection to a fresh, empty database. */
export async function scratchClient(): Promise<pg.Client> {
  return connect(await scratchDatabase());
}

/** A SQLite data store migrated to `version` (foreign keys on, as openDatabase has them); the caller closes it. */
export function sqliteAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), 'data.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}
