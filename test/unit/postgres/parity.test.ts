/**
 * Version N means the same schema on both engines: tables, columns (name, type class, nullability),
 * primary keys, foreign keys and indexes after every migration; and the same rows after migrating the
 * same sample data from every earlier version (the back-fills of 5, 7, 8 and 9 included).
 */
import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../../src-main/core/db/migrations';
import { CODE_KEY_SETTING } from '../../../src-main/core/db/migrations/v07-outboxFacts';
import { migratePostgres, postgresMigrations } from '../../../src-main/core/db/postgres';
import { OLD_CODE_HASH, samplesAt } from './samples';
import { postgresShape, sqliteShape } from './schemaShape';
import { scratchClient, sqliteAt } from './support';

type Row = Record<string, unknown>;

/** Every row of `tables` on SQLite, ordered by primary key. */
function sqliteRows(db: Database.Database, tables: Record<string, string[]>): Record<string, Row[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([table, key]) => [
      table,
      db.prepare<[], Row>(`SELECT * FROM ${table} ORDER BY ${key.join(', ')}`).all(),
    ]),
  );
}

async function postgresRows(
  client: pg.Client,
  tables: Record<string, string[]>,
): Promise<Record<string, Row[]>> {
  const result: Record<string, Row[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    result[table] = (await client.query<Row>(`SELECT * FROM ${table} ORDER BY ${key.join(', ')}`)).rows;
  }
  return result;
}

/**
 * The rows with what differs by design set aside: the random code key of migration 7 (each invitation's
 * hash is checked to be the HMAC of the old one under its own store's key), when migrations ran, and the
 * order of columns (PostgreSQL adds migration 7's outbox columns at the end).
 */
function comparable(rows: Record<string, Row[]>): Record<string, Row[]> {
  const key = rows.settings?.find((row) => row.key === CODE_KEY_SETTING)?.value;
  const sortKeys = (row: Row) =>
    Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      list.map((row) => {
        const copy = sortKeys(row);
        if (table === 'settings' && copy.key === CODE_KEY_SETTING) copy.value = typeof copy.value;
        if (table === 'migrations') copy.applied_at = typeof copy.applied_at;
        if (table === 'invitations' && copy.code_hash !== OLD_CODE_HASH && typeof key === 'string') {
          const hmac = createHmac('sha256', JSON.parse(key) as string)
            .update(OLD_CODE_HASH, 'utf8')
            .digest('hex');
          copy.code_hash = copy.code_hash === hmac ? 'keyed old hash' : copy.code_hash;
        }
        return copy;
      }),
    ]),
  );
}

describe('SQLite and PostgreSQL schemas', () => {
  it('are the same after every migration: tables, columns, primary and foreign keys, indexes', async () => {
    const client = await scratchClient();
    for (const { version } of postgresMigrations) {
      const db = sqliteAt(version);
      await migratePostgres(client, version);
      const sqlite = sqliteShape(db);
      db.close();
      expect(await postgresShape(client), `version ${version}`).toEqual(sqlite);
    }
  });

  it.each(postgresMigrations.map((m) => m.version))(
    'hold the same rows after the same sample data of version %i is migrated to the latest',
    async (version) => {
      const db = sqliteAt(version);
      const client = await scratchClient();
      await migratePostgres(client, version);
      for (const statement of samplesAt(version)) {
        db.exec(statement);
        await client.query(statement);
      }
      migrate(db);
      await migratePostgres(client);

      const shape = sqliteShape(db);
      const tables = Object.fromEntries(Object.entries(shape).map(([table, s]) => [table, s.primaryKey]));
      const sqlite = comparable(sqliteRows(db, tables));
      const postgres = comparable(await postgresRows(client, tables));
      db.close();
      expect(postgres).toEqual(sqlite);
      // The samples reached the tables they are about (the comparison is not one of empty tables).
      expect(sqlite.audit).toHaveLength(7);
      if (version >= 2) expect(sqlite.contacts?.length).toBeGreaterThanOrEqual(4);
      if (version < LATEST_VERSION) expect(sqlite.audit_subject?.length).toBeGreaterThan(0);
    },
  );
});
