/**
 * One connection to the team database for the move into it and the local copy out of it: the saved
 * connection (TLS as "Verbindung testen" uses it), the team schema as its search path, int8 read as
 * a number as the engine reads it (postgresStore.ts), and the schema checked to be exactly this app's
 * version. Every failure is a coded error.
 */
import type pg from 'pg';
import { DomainError } from '../../../shared/errors';
import { checkPostgresSchema, TeamSchemaError } from '../db/postgres';
import { DEFAULT_TEAM_SCHEMA } from '../db/postgres/teamSetup';
import { postgresTypes } from '../db/postgresStore';
import { teamClient, teamErrorCode, type TeamConnectionConfig } from './connectionTest';

/** A TeamSchemaError as the coded error a screen shows (TEAM_DATABASE_OUTDATED / TEAM_DATABASE_TOO_NEW). */
function schemaRefusal(error: TeamSchemaError): DomainError {
  return new DomainError(error.code, { found: error.found, supported: error.supported });
}

/** Connected and checked; the caller ends it. */
export async function connectTeamDatabase(config: TeamConnectionConfig): Promise<pg.Client> {
  const client = teamClient(config, {
    types: postgresTypes,
    connectionTimeoutMillis: 10_000,
    options: `-c search_path=${DEFAULT_TEAM_SCHEMA}`,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await checkPostgresSchema(client);
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    if (error instanceof TeamSchemaError) throw schemaRefusal(error);
    throw new DomainError(teamErrorCode(error));
  }
}

/**
 * A failure of the server or the connection during the work (a SQLSTATE or a socket's code, a lost
 * connection), coded; the work's own refusals and programming errors pass as they are.
 */
export function coded(error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof Error)) return error;
  const fromServer = 'code' in error && typeof error.code === 'string';
  return fromServer || /terminated|timeout|Connection/i.test(error.message)
    ? new DomainError(teamErrorCode(error))
    : error;
}
