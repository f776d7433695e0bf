import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrations } from '../../../src-main/core/db/migrations';
import {
  checkPostgresSchema,
  LATEST_POSTGRES_VERSION,
  migratePostgres,
  postgresMigrations,
  postgresSchemaVersion,
  TeamSchemaError,
} from '../../../src-main/core/db/postgres';
import { connect, scratchClient, scratchDatabase } from './support';

const tables = async (client: Awaited<ReturnType<typeof scratchClient>>) =>
  (
    await client.query<{ name: string }>(
      'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
    )
  ).rows.map((row) => row.name);

describe('PostgreSQL migrations', () => {
  it('are the twins of the SQLite migrations: the same numbers and names, so version N means one schema', () => {
    expect(postgresMigrations.map((m) => [m.version, m.name])).toEqual(
      migrations.map((m) => [m.version, m.name]),
    );
    expect(LATEST_POSTGRES_VERSION).toBe(LATEST_VERSION);
  });

  it('build the whole schema in an empty database and record the version in portal_schema_version', async () => {
    const client = await scratchClient();
    expect(await postgresSchemaVersion(client)).toBe(0);
    expect(await migratePostgres(client)).toEqual({ from: 0, to: LATEST_POSTGRES_VERSION });
    expect((await client.query('SELECT version FROM portal_schema_version')).rows).toEqual([
      { version: LATEST_POSTGRES_VERSION },
    ]);
    expect((await client.query('SELECT version, name FROM migrations ORDER BY version')).rows).toEqual(
      postgresMigrations.map((m) => ({ version: m.version, name: m.name })),
    );
    expect(await tables(client)).toEqual(
      expect.arrayContaining(['settings', 'audit', 'contacts', 'contact_search']),
    );
    await expect(checkPostgresSchema(client)).resolves.toBeUndefined();
    // A second run finds nothing to do.
    expect(await migratePostgres(client)).toEqual({
      from: LATEST_POSTGRES_VERSION,
      to: LATEST_POSTGRES_VERSION,
    });
    // The version table holds one row only.
    await expect(client.query('INSERT INTO portal_schema_version (version) VALUES (1)')).rejects.toThrow(
      /duplicate key/,
    );
  });

  it.each(postgresMigrations.slice(0, -1).map((m) => m.version))(
    'upgrade a database of version %i to the latest, keeping its rows',
    async (version) => {
      const client = await scratchClient();
      await migratePostgres(client, version);
      expect(await postgresSchemaVersion(client)).toBe(version);
      await expect(checkPostgresSchema(client)).rejects.toMatchObject({
        code: 'TEAM_DATABASE_OUTDATED',
        found: version,
        supported: LATEST_POSTGRES_VERSION,
      });
      await client.query("INSERT INTO settings (key, value) VALUES ('access', '{}')");
      await client.query(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2026-01-01T00:00:00.000Z', 'desktop', 'app.firstStart', 'app')",
      );
      expect(await migratePostgres(client)).toEqual({ from: version, to: LATEST_POSTGRES_VERSION });
      expect((await client.query("SELECT value FROM settings WHERE key = 'access'")).rows).toEqual([
        { value: '{}' },
      ]);
      expect((await client.query('SELECT id, action FROM audit')).rows).toEqual([
        { id: 1, action: 'app.firstStart' },
      ]);
      expect((await client.query('SELECT count(*) AS n FROM migrations')).rows).toEqual([
        { n: LATEST_POSTGRES_VERSION },
      ]);
    },
  );

  it('refuse a database written by a newer app (coded) and leave it untouched', async () => {
    const client = await scratchClient();
    await migratePostgres(client, 3);
    await client.query(`UPDATE portal_schema_version SET version = ${LATEST_POSTGRES_VERSION + 1}`);
    const before = await tables(client);
    const refusal = migratePostgres(client);
    await expect(refusal).rejects.toBeInstanceOf(TeamSchemaError);
    await expect(refusal).rejects.toMatchObject({
      code: 'TEAM_DATABASE_TOO_NEW',
      found: LATEST_POSTGRES_VERSION + 1,
    });
    await expect(checkPostgresSchema(client)).rejects.toMatchObject({ code: 'TEAM_DATABASE_TOO_NEW' });
    expect(await tables(client)).toEqual(before);
    expect(await postgresSchemaVersion(client)).toBe(LATEST_POSTGRES_VERSION + 1);
  });

  it('run one after the other when two setups migrate one database at once: each version applied once', async () => {
    const url = await scratchDatabase();
    const [first, second] = [await connect(url), await connect(url)];
    const results = await Promise.all([migratePostgres(first), migratePostgres(second)]);
    expect(results.map((r) => r.to)).toEqual([LATEST_POSTGRES_VERSION, LATEST_POSTGRES_VERSION]);
    expect((await first.query('SELECT version FROM migrations ORDER BY version')).rows).toHaveLength(
      LATEST_POSTGRES_VERSION,
    );
    expect(await postgresSchemaVersion(second)).toBe(LATEST_POSTGRES_VERSION);
  });

  it('roll a failing migration back whole, keeping the version before it', async () => {
    const client = await scratchClient();
    await migratePostgres(client, 9);
    // A salutation the CHECK of 10 would refuse (written around the CHECK of 2): 10 fails and changes nothing.
    await client.query('ALTER TABLE contacts DROP CONSTRAINT contacts_salutation_check');
    await client.query(
      `INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
       VALUES ('sir', 'Weber', 'de', 'online', 'K-1', 'weber')`,
    );
    await expect(migratePostgres(client)).rejects.toThrow(/contacts_salutation_check/);
    expect(await postgresSchemaVersion(client)).toBe(9);
    expect((await client.query('SELECT count(*) AS n FROM migrations')).rows).toEqual([{ n: 9 }]);
  });
});
