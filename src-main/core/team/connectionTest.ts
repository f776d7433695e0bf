/**
 * "Verbindung testen" for the team database: one connection with `pg` to the given server, then what
 * the manager and the IT need to know — the PostgreSQL version, what the database holds (empty,
 * Portal Access Admin's tables with their schema version, or somebody else's tables) and whether
 * the login may read and write there. Every failure is a coded error (`teamErrorCode`); what the
 * server said is never passed on (it may quote the login back).
 */
import pg from 'pg';
import type { ConnectionOptions } from 'node:tls';
import {
  isLoopbackHost,
  type TeamConnectionReport,
  type TeamDatabaseState,
  type TeamTls,
} from '../../../shared/contract/team';
import { DomainError, type ErrorCode } from '../../../shared/errors';

/** Everything needed to connect; `password` null = none. */
export interface TeamConnectionConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  tls: TeamTls;
  caCertificate: string | null;
}

/** How long the server may take to accept the connection, and to answer each question. */
export const CONNECT_TIMEOUT_MS = 5000;
/** PostgreSQL 13 is the oldest release still supported by the project when team mode was built. */
export const MIN_SERVER_VERSION = 13;

/** `require`: encrypted, the certificate not checked; `verify-full`: checked against the CA and the host name. */
export function sslOptions(config: TeamConnectionConfig): false | ConnectionOptions {
  if (config.tls === 'disable') return false;
  if (config.tls === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ca: config.caCertificate ?? undefined };
}

const tlsCodes = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** The coded error of a failed connection: by the server's SQLSTATE or the socket's error code. */
export function teamErrorCode(error: unknown): ErrorCode {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const text = typeof e.message === 'string' ? e.message : '';
  if (code === '28P01' || code === '28000' || /^SASL|Password must be/i.test(text)) return 'TEAM_AUTH_FAILED';
  if (code === '3D000') return 'TEAM_DATABASE_MISSING';
  if (code === '42501') return 'TEAM_PERMISSION_DENIED';
  if (tlsCodes.test(code) || /\b(SSL|TLS|certificate)\b/i.test(text)) return 'TEAM_TLS_FAILED';
  if (unreachableCodes.has(code) || /timeout|terminated unexpectedly/i.test(text)) return 'TEAM_UNREACHABLE';
  return 'TEAM_CONNECTION_FAILED';
}

/** "15.8" from server_version_num 150008 (PostgreSQL 10 and later number major and minor so). */
function versionText(versionNum: number): string {
  return `${Math.floor(versionNum / 10000)}.${versionNum % 10000}`;
}

/** The tables and views outside the system schemas; whether ours are there and in which schema. */
const stateQuery = `
  SELECT count(*)::int AS tables,
         to_regclass('portal_schema_version') IS NOT NULL AS ours,
         current_schema() AS schema
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
     AND n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

/**
 * The login's rights where the app works (the first schema of its search path): read = every table
 * readable; write = every table but the schema version writable, or, with no table yet, tables may
 * be created there.
 */
const rightsQuery = `
  SELECT coalesce(bool_and(has_table_privilege(c.oid, 'SELECT')), true)
           AND has_schema_privilege(n.nspname, 'USAGE') AS read,
         CASE WHEN count(c.oid) FILTER (WHERE c.relname <> 'portal_schema_version') = 0
              THEN has_schema_privilege(n.nspname, 'CREATE')
              ELSE coalesce(bool_and(has_table_privilege(c.oid, 'INSERT')
                                     AND has_table_privilege(c.oid, 'UPDATE')
                                     AND has_table_privilege(c.oid, 'DELETE'))
                              FILTER (WHERE c.relname <> 'portal_schema_version'), false)
         END AS write
    FROM pg_catalog.pg_namespace n
    LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
   WHERE n.nspname = current_schema()
   GROUP BY n.nspname`;

async function databaseState(client: pg.Client): Promise<TeamDatabaseState> {
  const { rows } = await client.query<{ tables: number; ours: boolean }>(stateQuery);
  const { tables = 0, ours = false } = rows[0] ?? {};
  if (ours) {
    // A table we cannot read (rights) or without its row still says whose the database is.
    const version = await client
      .query<{ version: number }>('SELECT version FROM portal_schema_version LIMIT 1')
      .then((result) => result.rows[0]?.version ?? null)
      .catch(() => null);
    return { state: 'portal', schemaVersion: version };
  }
  return tables === 0 ? { state: 'empty' } : { state: 'foreign', tables };
}

async function report(client: pg.Client): Promise<TeamConnectionReport> {
  const { rows } = await client.query<{ version: number; encrypted: boolean | null }>(
    `SELECT current_setting('server_version_num')::int AS version,
            (SELECT ssl FROM pg_catalog.pg_stat_ssl WHERE pid = pg_backend_pid()) AS encrypted`,
  );
  const version = rows[0]?.version ?? 0;
  if (version < MIN_SERVER_VERSION * 10000) {
    throw new DomainError('TEAM_SERVER_TOO_OLD', { version: versionText(version) });
  }
  const database = await databaseState(client);
  const rights = await client.query<{ read: boolean; write: boolean }>(rightsQuery);
  return {
    serverVersion: versionText(version),
    encrypted: rows[0]?.encrypted === true,
    database,
    rights: { read: rights.rows[0]?.read === true, write: rights.rows[0]?.write === true },
  };
}

/**
 * A pg client for `config`; refused without trying a connection that would not be encrypted to
 * another computer (TEAM_TLS_REQUIRED). `options`: what the caller's use adds (timeouts, types).
 */
export function teamClient(config: TeamConnectionConfig, options: pg.ClientConfig): pg.Client {
  if (config.tls === 'disable' && !isLoopbackHost(config.host)) {
    throw new DomainError('TEAM_TLS_REQUIRED', { field: 'tls' });
  }
  return new pg.Client({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    // '' rather than undefined: pg would otherwise take PGPASSWORD or ~/.pgpass of this computer.
    password: config.password ?? '',
    ssl: sslOptions(config),
    application_name: 'Portal Access Admin',
    ...options,
  });
}

/** Connects, asks, disconnects. */
export async function testTeamConnection(config: TeamConnectionConfig): Promise<TeamConnectionReport> {
  const client = teamClient(config, {
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: CONNECT_TIMEOUT_MS,
  });
  // A socket error after a failed connect is reported by connect() already; not a crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await report(client);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(teamErrorCode(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
