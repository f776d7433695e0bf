/**
 * npm run team:setup on the throwaway server: the roles it makes, what a desktop login may and may not
 * do (rows yes, DDL no), a second run changing nothing, and an upgrade only when asked.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkPostgresSchema, LATEST_POSTGRES_VERSION } from '../../../src-main/core/db/postgres';
import { auditSubjectsStatementPostgres } from '../../../src-main/core/db/postgres/auditSubjects';
import { teamSetup, type TeamSetupOptions } from '../../../src-main/core/db/postgres/teamSetup';
import { types } from './support';

const made: { database: string; roles: string[] }[] = [];
const clients: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  const admin = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await admin.connect();
  for (const { database, roles } of made) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of roles) await admin.query(`DROP ROLE IF EXISTS ${role}`);
  }
  await admin.end();
});

/** Options for a team database and roles of their own (roles are the server's, shared by all tests). */
function fresh(): TeamSetupOptions & { ownerRole: string; appRole: string } {
  const tag = Math.random().toString(36).slice(2, 8);
  const options = {
    adminUrl: inject('postgresServerUrl'),
    database: `team_${tag}`,
    createDatabase: true,
    ownerRole: `owner_${tag}`,
    appRole: `app_${tag}`,
  };
  made.push({ database: options.database, roles: [`desk_${tag}`, options.appRole, options.ownerRole] });
  return options;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types });
  clients.push(client);
  await client.connect();
  return client;
}

/** A desktop's connection: the login, its password, the team database. */
function desktop(options: TeamSetupOptions, login: string, password: string): Promise<pg.Client> {
  const url = new URL(options.adminUrl);
  url.username = login;
  url.password = password;
  url.pathname = `/${options.database}`;
  return connect(url.toString());
}

describe('npm run team:setup', () => {
  it('gives a desktop login rows to read and write but no DDL, and owns every table by the owner role', async () => {
    const options = fresh();
    const login = options.appRole.replace('app_', 'desk_');
    const result = await teamSetup({ ...options, login: { name: login } });
    expect(result).toMatchObject({
      from: 0,
      to: LATEST_POSTGRES_VERSION,
      createdDatabase: true,
      schema: 'portal',
    });
    const password = result.login?.generatedPassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);

    const desk = await desktop(options, login, password);
    await expect(checkPostgresSchema(desk)).resolves.toBeUndefined();
    await desk.query(
      `INSERT INTO properties (name, created_at) VALUES ('Lindenhof', '2026-01-01T00:00:00.000Z')`,
    );
    const { rows } = await desk.query<{ id: number }>(
      `INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
       VALUES ('ms', 'Weber', 'de', 'online', 'K-1', 'weber') RETURNING id`,
    );
    await desk.query("UPDATE contacts SET email = 'weber@example.net' WHERE id = $1", [rows[0]?.id]);
    await desk.query(
      "INSERT INTO audit (at, actor, action, entity, entity_id) VALUES ('2026-01-01T00:00:00.000Z', $1, 'contacts.create', 'contact', '1')",
      [login],
    );
    expect((await desk.query('SELECT name, n FROM table_counts WHERE name = $1', ['contacts'])).rows).toEqual(
      [{ name: 'contacts', n: 1 }],
    );
    // What the engine runs after an audit row: portal_json is the desktop's to call.
    await desk.query(auditSubjectsStatementPostgres, [0]);
    expect((await desk.query('SELECT kind, subject_id FROM audit_subject')).rows).toEqual([
      { kind: 'contact', subject_id: 1 },
    ]);
    await desk.query('DELETE FROM access_dirty');
    await desk.query("DELETE FROM properties WHERE name = 'Lindenhof'");

    const refused: [string, RegExp][] = [
      ['CREATE TABLE sneaky (id int)', /permission denied for schema portal/],
      ['CREATE TABLE public.sneaky (id int)', /permission denied for schema public/],
      ['CREATE TEMP TABLE sneaky (id int)', /permission denied to create temporary tables/],
      ['DROP TABLE contacts', /must be owner/],
      ['ALTER TABLE contacts ADD COLUMN sneaky text', /must be owner/],
      ['TRUNCATE audit', /permission denied/],
      ['CREATE INDEX sneaky ON contacts (phone)', /must be owner/],
      ['CREATE SCHEMA sneaky', /permission denied/],
      ['UPDATE portal_schema_version SET version = 99', /permission denied/],
      ["UPDATE table_counts SET n = 0 WHERE name = 'contacts'", /permission denied/],
    ];
    for (const [statement, error] of refused) {
      await expect(desk.query(statement), statement).rejects.toThrow(error);
    }
    const admin = await connect(
      Object.assign(new URL(options.adminUrl), { pathname: `/${options.database}` }).toString(),
    );
    const owners = await admin.query<{ owner: string }>(
      "SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'portal'",
    );
    expect(owners.rows).toEqual([{ owner: options.ownerRole }]);
    const roles = await admin.query<{ name: string; login: boolean }>(
      'SELECT rolname AS name, rolcanlogin AS login FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname',
      [[options.ownerRole, options.appRole]],
    );
    expect(roles.rows.map((r) => r.login)).toEqual([false, false]);
    // The owner's trigger functions search the team schema only (no shadowing by another schema).
    const functions = await admin.query<{ config: string[] }>(
      "SELECT DISTINCT proconfig AS config FROM pg_proc WHERE prosecdef AND pronamespace = 'portal'::regnamespace",
    );
    expect(functions.rows).toEqual([{ config: ['search_path=portal, pg_temp'] }]);
  });

  it('works with an administrator that is no superuser (CREATEROLE and CREATEDB, as at a hoster)', async () => {
    const options = fresh();
    const administrator = options.appRole.replace('app_', 'hv_admin_');
    made.at(-1)?.roles.push(administrator);
    const superuser = await connect(options.adminUrl);
    await superuser.query(`CREATE ROLE ${administrator} LOGIN CREATEROLE CREATEDB PASSWORD 'hoster-2026'`);
    const adminUrl = Object.assign(new URL(options.adminUrl), {
      username: administrator,
      password: 'hoster-2026',
    });
    const login = options.appRole.replace('app_', 'desk_');
    const result = await teamSetup({
      ...options,
      adminUrl: adminUrl.toString(),
      login: { name: login, password: 'pw' },
    });
    expect(result).toMatchObject({ from: 0, to: LATEST_POSTGRES_VERSION });
    const desk = await desktop(options, login, 'pw');
    await desk.query("INSERT INTO settings (key, value) VALUES ('access', '{}')");
    await expect(desk.query('DROP TABLE settings')).rejects.toThrow(/must be owner/);
  });

  it('can run again: nothing lost, the login keeps its password, the grants are there', async () => {
    const options = fresh();
    const login = options.appRole.replace('app_', 'desk_');
    await teamSetup({ ...options, login: { name: login, password: 'Erste Passphrase 2026' } });
    const desk = await desktop(options, login, 'Erste Passphrase 2026');
    await desk.query("INSERT INTO settings (key, value) VALUES ('access', '{}')");
    const again = await teamSetup({ ...options, login: { name: login } });
    expect(again).toMatchObject({
      from: LATEST_POSTGRES_VERSION,
      to: LATEST_POSTGRES_VERSION,
      createdDatabase: false,
    });
    expect(again.login).toEqual({ name: login, created: false });
    const desk2 = await desktop(options, login, 'Erste Passphrase 2026');
    expect((await desk2.query("SELECT value FROM settings WHERE key = 'access'")).rows).toEqual([
      { value: '{}' },
    ]);
    await desk2.query("UPDATE settings SET value = '{\"x\":1}' WHERE key = 'access'");
    await expect(desktop(options, login, 'falsch')).rejects.toThrow(/password authentication failed/);
  });

  it('migrates an older schema only with --upgrade; desktops refuse it until then', async () => {
    const options = fresh();
    const login = options.appRole.replace('app_', 'desk_');
    await teamSetup({ ...options, version: 5, login: { name: login, password: 'pw-5-2026' } });
    const desk = await desktop(options, login, 'pw-5-2026');
    await desk.query("INSERT INTO settings (key, value) VALUES ('access', '{}')");
    await expect(checkPostgresSchema(desk)).rejects.toMatchObject({
      code: 'TEAM_DATABASE_OUTDATED',
      found: 5,
    });
    await expect(teamSetup(options)).rejects.toMatchObject({ code: 'TEAM_SETUP_UPGRADE_NEEDED' });
    await expect(checkPostgresSchema(desk)).rejects.toMatchObject({ found: 5 });
    expect(await teamSetup({ ...options, upgrade: true })).toMatchObject({
      from: 5,
      to: LATEST_POSTGRES_VERSION,
    });
    await expect(checkPostgresSchema(desk)).resolves.toBeUndefined();
    // The tables of the newer migrations are the desktop's to use too.
    await desk.query(
      "INSERT INTO import_mappings (name, headers, mapping, used_at) VALUES ('ERP', '[]', '{}', '2026-01-01')",
    );
    expect((await desk.query("SELECT value FROM settings WHERE key = 'access'")).rows).toEqual([
      { value: '{}' },
    ]);
    // A database a newer app has migrated is refused, not touched.
    const admin = await connect(
      Object.assign(new URL(options.adminUrl), { pathname: `/${options.database}` }).toString(),
    );
    await admin.query(`UPDATE portal.portal_schema_version SET version = ${LATEST_POSTGRES_VERSION + 1}`);
    await expect(teamSetup({ ...options, upgrade: true })).rejects.toMatchObject({
      code: 'TEAM_DATABASE_TOO_NEW',
    });
  });

  it('refuses a database that does not exist unless asked to create it', async () => {
    const options = fresh();
    await expect(teamSetup({ ...options, createDatabase: false })).rejects.toMatchObject({
      code: 'TEAM_SETUP_NO_DATABASE',
    });
    await expect(teamSetup({ ...options, ownerRole: 'Robert"; DROP' })).rejects.toMatchObject({
      code: 'TEAM_SETUP_BAD_NAME',
    });
  });

  it('runs as a command with its options, and prints its usage when the database is not named', async () => {
    const options = fresh();
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/teamSetup.ts',
      '--admin-url',
      options.adminUrl,
      '--database',
      options.database,
      '--create-database',
      '--owner-role',
      options.ownerRole,
      '--app-role',
      options.appRole,
    ]);
    expect(stdout).toContain(`schema version 0 → ${LATEST_POSTGRES_VERSION}`);
    await expect(run(process.execPath, ['--import', 'tsx', 'scripts/teamSetup.ts'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('usage: npm run team:setup'),
    });
  });
});
