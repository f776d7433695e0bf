/**
 * What `npm run team:setup` does for the IT (docs/TEAM.md), against a PostgreSQL server with an
 * administrative login: the team database (created if asked), a schema owner role (NOLOGIN, owns every
 * table and trigger function), an app role with least privilege (CONNECT, USAGE on the schema, rows of
 * the tables, USAGE and UPDATE on the id sequences: setval after a move copied ids in — no DDL, no
 * TEMP), optionally a first desktop login in the app
 * role, then the migrations run as the owner. Every step can run again: a second run changes nothing
 * but grants lost since. An existing schema is migrated only with `upgrade` (after the server's backup);
 * desktops never run DDL and refuse an outdated schema (TEAM_DATABASE_OUTDATED).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  LATEST_POSTGRES_VERSION,
  migratePostgres,
  postgresSchemaVersion,
  SCHEMA_VERSION_TABLE,
} from './index';

export interface TeamSetupOptions {
  /** An administrative login to the server (superuser, or CREATEROLE + CREATEDB owning the database). */
  adminUrl: string;
  database: string;
  createDatabase?: boolean;
  schema?: string;
  ownerRole?: string;
  appRole?: string;
  /** A desktop login to create (or to add to the app role) with its password; a password is made if none. */
  login?: { name: string; password?: string };
  /** Migrate an existing, older schema (the server's backup comes first). */
  upgrade?: boolean;
  /** The version to migrate to: the latest unless a test asks for an older one. */
  version?: number;
}

export interface TeamSetupResult {
  database: string;
  schema: string;
  ownerRole: string;
  appRole: string;
  from: number;
  to: number;
  createdDatabase: boolean;
  /** The login created or updated, and its password when this run made one (shown once). */
  login?: { name: string; created: boolean; generatedPassword?: string };
}

export type TeamSetupRefusal =
  'TEAM_SETUP_BAD_NAME' | 'TEAM_SETUP_NO_DATABASE' | 'TEAM_SETUP_NOT_UTF8' | 'TEAM_SETUP_UPGRADE_NEEDED';

/** A setup that cannot go on as asked; nothing of the schema was changed. */
export class TeamSetupError extends Error {
  constructor(
    readonly code: TeamSetupRefusal,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'TeamSetupError';
  }
}

/** Names are plain lower-case identifiers: they appear in the docs, in pg_hba.conf and in grants. */
export const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The team schema unless the setup names another (`--schema`). */
export const DEFAULT_TEAM_SCHEMA = 'portal';

/**
 * The SCRAM-SHA-256 verifier of a password (RFC 5802/7677, PostgreSQL's stored form): the login's
 * password never travels or lands in the server log as text.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

async function connectTo(url: string, database?: string): Promise<pg.Client> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  return client;
}

async function roleExists(client: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  return rowCount === 1;
}

/** Roles and the database, from the server's maintenance database. */
async function prepareServer(
  admin: pg.Client,
  options: TeamSetupOptions,
  names: { owner: string; app: string },
): Promise<boolean> {
  const id = (name: string) => admin.escapeIdentifier(name);
  for (const role of [names.owner, names.app]) {
    // NOLOGIN: nobody signs in as the owner or the app role; desktops sign in as members of the app role.
    if (!(await roleExists(admin, role))) await admin.query(`CREATE ROLE ${id(role)} NOLOGIN`);
  }
  const { rows } = await admin.query<{ encoding: string }>(
    'SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = $1',
    [options.database],
  );
  let created = false;
  if (rows.length === 0) {
    if (!options.createDatabase) {
      throw new TeamSetupError(
        'TEAM_SETUP_NO_DATABASE',
        `database ${options.database} does not exist (pass --create-database)`,
      );
    }
    await admin.query(`CREATE DATABASE ${id(options.database)} ENCODING 'UTF8' TEMPLATE template0`);
    created = true;
  } else if (rows[0]?.encoding !== 'UTF8') {
    throw new TeamSetupError('TEAM_SETUP_NOT_UTF8', `database ${options.database} is not UTF8`);
  }
  const { rows: me } = await admin.query<{ super: boolean }>(
    'SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user',
  );
  // A non-superuser administrator acts as the owner through membership (SET ROLE).
  if (!me[0]?.super) await admin.query(`GRANT ${id(names.owner)} TO current_user`);
  return created;
}

/** The login of one desktop: a member of the app role, its password stored as a SCRAM verifier only. */
async function prepareLogin(
  admin: pg.Client,
  login: NonNullable<TeamSetupOptions['login']>,
  app: string,
): Promise<NonNullable<TeamSetupResult['login']>> {
  const id = admin.escapeIdentifier(login.name);
  const exists = await roleExists(admin, login.name);
  // A new login without a given password gets a random one (shown once); an existing one keeps its own.
  const generatedPassword =
    login.password !== undefined || exists ? undefined : randomBytes(18).toString('base64url');
  const password = login.password ?? generatedPassword;
  const withPassword =
    password === undefined ? '' : ` PASSWORD ${admin.escapeLiteral(scramVerifier(password))}`;
  if (exists) {
    await admin.query(`ALTER ROLE ${id} LOGIN${withPassword}`);
  } else {
    await admin.query(`CREATE ROLE ${id} LOGIN${withPassword}`);
  }
  await admin.query(`GRANT ${admin.escapeIdentifier(app)} TO ${id}`);
  return { name: login.name, created: !exists, ...(generatedPassword ? { generatedPassword } : {}) };
}

/** Tables desktops read but never write. */
const READ_ONLY = [SCHEMA_VERSION_TABLE, 'migrations', 'table_counts'];

/** Least privilege for the app role on the schema as it is now (run again after every upgrade). */
async function grantApp(
  team: pg.Client,
  names: { owner: string; app: string; schema: string },
): Promise<void> {
  const id = (name: string) => team.escapeIdentifier(name);
  const [app, schema] = [id(names.app), id(names.schema)];
  await team.query(`SET ROLE ${id(names.owner)}`);
  await team.query(`
    GRANT USAGE ON SCHEMA ${schema} TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app};
    GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app};`);
  // Read-only for desktops: the schema's version and history (setup writes them), and the row counts
  // (kept by the owner's triggers) — those of them the schema has at its version.
  const { rows } = await team.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename = ANY($2)',
    [names.schema, READ_ONLY],
  );
  for (const { name } of rows) {
    await team.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.${id(name)} FROM ${app}`);
  }
  await team.query('RESET ROLE');
}

export async function teamSetup(options: TeamSetupOptions): Promise<TeamSetupResult> {
  const schema = options.schema ?? DEFAULT_TEAM_SCHEMA;
  const names = { owner: options.ownerRole ?? 'portal_owner', app: options.appRole ?? 'portal_app', schema };
  const given = [
    options.database,
    schema,
    names.owner,
    names.app,
    ...(options.login ? [options.login.name] : []),
  ];
  for (const name of given) {
    if (!NAME.test(name))
      throw new TeamSetupError('TEAM_SETUP_BAD_NAME', `"${name}" is not a plain lower-case name`);
  }
  const admin = await connectTo(options.adminUrl);
  let created: boolean;
  try {
    created = await prepareServer(admin, options, names);
  } finally {
    await admin.end();
  }
  const team = await connectTo(options.adminUrl, options.database);
  try {
    const id = (name: string) => team.escapeIdentifier(name);
    const database = id(options.database);
    await team.query(`
      -- Only the roles named here connect; nobody makes temporary tables; nobody creates in public.
      REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${database} TO ${id(names.app)};
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      CREATE SCHEMA IF NOT EXISTS ${id(schema)} AUTHORIZATION ${id(names.owner)};
      -- The contact search's trigram index (migration 5): a trusted extension, made here by the administrator.
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ${id(schema)};
      ALTER DATABASE ${database} SET search_path = ${id(schema)};
      SET search_path = ${id(schema)};`);
    await team.query(`SET ROLE ${id(names.owner)}`);
    const from = await postgresSchemaVersion(team);
    const target = options.version ?? LATEST_POSTGRES_VERSION;
    // (A schema newer than this app is refused by migratePostgres: TEAM_DATABASE_TOO_NEW.)
    if (from > 0 && from < target && !options.upgrade) {
      throw new TeamSetupError(
        'TEAM_SETUP_UPGRADE_NEEDED',
        `the schema is at version ${from}, this app needs ${target}: back the database up, then run with --upgrade`,
      );
    }
    const { to } = await migratePostgres(team, target);
    await team.query('RESET ROLE');
    await grantApp(team, names);
    const login = options.login ? await prepareLogin(team, options.login, names.app) : undefined;
    return {
      database: options.database,
      schema,
      ownerRole: names.owner,
      appRole: names.app,
      from,
      to,
      createdDatabase: created,
      ...(login ? { login } : {}),
    };
  } finally {
    await team.end();
  }
}
