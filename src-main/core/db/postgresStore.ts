import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { checkPostgresSchema } from './postgres';
import { DEFAULT_TEAM_SCHEMA, NAME } from './postgres/teamSetup';
import { kyselyStore, type Store } from './store';

/** A team database as a desktop reaches it: server, login and TLS as node-postgres takes them. */
export type PostgresStoreConfig = Pick<
  pg.PoolConfig,
  'connectionString' | 'host' | 'port' | 'database' | 'user' | 'password' | 'ssl'
> & {
  /** The team schema (`npm run team:setup -- --schema`); 'portal' unless set. */
  schema?: string;
  /** How long to wait for a connection to the server before giving up; 10 s unless set. */
  connectionTimeoutMillis?: number;
};

/** Connections one desktop keeps to the team database: a person's clicks, a reader beside a writer. */
const POOL_SIZE = 4;

/** How the server lists the app's connections (pg_stat_activity.application_name). */
export const APPLICATION_NAME = 'Portal Access Admin';

/** int8 (ids, COUNT(*)) as a number, refused rather than rounded beyond 2^53. */
function int8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 ${text} is beyond JavaScript's safe integers`);
  return value;
}

/**
 * This pool's readers of column types: int8 and numeric (what SUM of integers gives) as numbers, as
 * SQLite answers them; every other type as node-postgres reads it. Per pool, not pg's global parsers.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) return int8;
    if (oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * The PostgreSQL engine of the storage port (store.ts) for team mode: Kysely's PostgresDialect over a
 * small pg.Pool whose connections start with the team schema as their search_path. Opening checks
 * that the schema is exactly this app's version (TeamSchemaError: TEAM_DATABASE_OUTDATED or
 * TEAM_DATABASE_TOO_NEW) and closes the pool again if not; desktops never run DDL (the IT migrates with
 * `npm run team:setup`).
 *
 * Transactions run at READ COMMITTED, each on its own pool connection, concurrently with the other
 * desktops' and with reads outside them: a reader never waits for a writer and sees committed rows
 * only. That is the level the team's concurrency rules are written for: an optimistic version column
 * (`UPDATE … WHERE version = ?` re-checks the newest committed row after waiting for its lock and
 * answers 0 rows, not a serialization failure to retry) and `FOR UPDATE SKIP LOCKED` for the outbox.
 * REPEATABLE READ or SERIALIZABLE would turn those into errors that need the whole work run again.
 *
 * A connection lost (server restarted, backend terminated) fails the queries on it: an open
 * transaction's work gets the error and is rolled back by the server, and the pool drops that
 * connection when it comes back and opens a new one for the next query.
 */
export async function openPostgresStore(config: PostgresStoreConfig): Promise<Store> {
  const { schema = DEFAULT_TEAM_SCHEMA, connectionTimeoutMillis = 10_000, ...server } = config;
  if (!NAME.test(schema)) throw new Error(`"${schema}" is not a plain lower-case schema name`);
  const pool = new pg.Pool({
    ...server,
    types: postgresTypes,
    max: POOL_SIZE,
    connectionTimeoutMillis,
    application_name: APPLICATION_NAME,
    // Set when the connection starts: every query, from its first, finds the team's tables.
    options: `-c search_path=${schema}`,
  });
  // A connection's failure reaches whoever queries on it next (refused), and the pool drops it; without
  // these listeners node-postgres would throw it as an uncaught 'error' event and end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    try {
      await checkPostgresSchema(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return kyselyStore(kysely, 'postgres', sql`BEGIN ISOLATION LEVEL READ COMMITTED`, () => pool.end());
}
