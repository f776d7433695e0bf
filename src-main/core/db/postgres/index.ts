import type pg from 'pg';
import type { PostgresMigration } from './migration';
import { v1 } from './v01-settingsAndAudit';
import { v2 } from './v02-portfolio';
import { v3 } from './v03-contactList';
import { v4 } from './v04-dataProtection';
import { v5 } from './v05-contactSearch';
import { v6 } from './v06-imports';
import { v7 } from './v07-outboxFacts';
import { v8 } from './v08-accessFigures';
import { v9 } from './v09-auditSubjects';
import { v10 } from './v10-salutations';
import { v11 } from './v11-automation';

export type { PostgresMigration } from './migration';

/** Every PostgreSQL migration in order, numbered as SQLite's (db/migrations): one file each. */
export const postgresMigrations: readonly PostgresMigration[] = [
  v1,
  v2,
  v3,
  v4,
  v5,
  v6,
  v7,
  v8,
  v9,
  v10,
  v11,
];

export const LATEST_POSTGRES_VERSION = postgresMigrations.at(-1)?.version ?? 0;

/** The one-row table holding a team database's schema version (read by Administration › Team-Datenbank). */
export const SCHEMA_VERSION_TABLE = 'portal_schema_version';

/**
 * The advisory lock every migration transaction takes first (pg_advisory_xact_lock; its space is the
 * database): two setup runs against one database migrate one after the other, the second finds the work
 * done. Any fixed number; this one spells "portal" in ASCII.
 */
const MIGRATION_LOCK = 0x706f7274616c;

export type TeamSchemaFault = 'TEAM_DATABASE_TOO_NEW' | 'TEAM_DATABASE_OUTDATED';

/**
 * A team database the app cannot use as it is: written by a newer app (TEAM_DATABASE_TOO_NEW: never
 * downgraded) or older than this app (TEAM_DATABASE_OUTDATED: the IT runs `npm run team:setup -- --upgrade`;
 * desktops never run DDL).
 */
export class TeamSchemaError extends Error {
  constructor(
    readonly code: TeamSchemaFault,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`${code}: team database schema version ${found}, this app knows ${supported}`);
    this.name = 'TeamSchemaError';
  }
}

/** The schema version of the database `client` is connected to (its current schema); 0 when empty. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  // Read from pg_class under the statement's snapshot (not to_regclass, whose catalog cache may not
  // have seen another session's commit yet when no relation lock was taken since).
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relname = '${SCHEMA_VERSION_TABLE}' AND n.nspname = current_schema()) AS exists`,
  );
  if (!rows[0]?.exists) return 0;
  const version = await client.query<{ version: number }>(`SELECT version FROM ${SCHEMA_VERSION_TABLE}`);
  return version.rows[0]?.version ?? 0;
}

/** What a desktop checks at start: the team database's schema is exactly this app's, else a coded fault. */
export async function checkPostgresSchema(client: pg.ClientBase): Promise<void> {
  const found = await postgresSchemaVersion(client);
  if (found > LATEST_POSTGRES_VERSION) {
    throw new TeamSchemaError('TEAM_DATABASE_TOO_NEW', found, LATEST_POSTGRES_VERSION);
  }
  if (found < LATEST_POSTGRES_VERSION) {
    throw new TeamSchemaError('TEAM_DATABASE_OUTDATED', found, LATEST_POSTGRES_VERSION);
  }
}

const BOOKKEEPING = `
  CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSION_TABLE} (version integer NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS ${SCHEMA_VERSION_TABLE}_one_row ON ${SCHEMA_VERSION_TABLE} ((true));
  CREATE TABLE IF NOT EXISTS migrations (
    version    bigint PRIMARY KEY,
    name       text COLLATE "C" NOT NULL,
    applied_at text COLLATE "C" NOT NULL
  );`;

/**
 * Applies every migration above the database's version up to `upTo`, each in its own transaction that
 * first takes the migration lock and reads the version again (another run may have migrated meanwhile).
 * Objects are made in the connection's current schema; the trigger functions keep that schema as their
 * search_path. Refuses a database newer than this app (TEAM_DATABASE_TOO_NEW) and changes nothing then.
 * Runs as the schema owner: `npm run team:setup` (and the tests) — never a desktop.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  upTo: number = LATEST_POSTGRES_VERSION,
): Promise<{ from: number; to: number }> {
  const from = await postgresSchemaVersion(client);
  if (from > LATEST_POSTGRES_VERSION) {
    throw new TeamSchemaError('TEAM_DATABASE_TOO_NEW', from, LATEST_POSTGRES_VERSION);
  }
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no schema to migrate: the search_path names none that exists');
  let version = from;
  for (const migration of postgresMigrations) {
    if (migration.version <= version || migration.version > upTo) continue;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`SET LOCAL search_path TO ${client.escapeIdentifier(schema)}, pg_temp`);
      version = await postgresSchemaVersion(client);
      if (version > LATEST_POSTGRES_VERSION) {
        throw new TeamSchemaError('TEAM_DATABASE_TOO_NEW', version, LATEST_POSTGRES_VERSION);
      }
      if (migration.version > version) {
        await client.query(BOOKKEEPING);
        await client.query(migration.sql);
        await migration.backfill?.(client);
        await client.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query(`DELETE FROM ${SCHEMA_VERSION_TABLE}`);
        await client.query(`INSERT INTO ${SCHEMA_VERSION_TABLE} (version) VALUES ($1)`, [migration.version]);
        version = migration.version;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return { from, to: version };
}
