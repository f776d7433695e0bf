/**
 * The start-up check of team mode (startup/teamStartup.ts): nothing to check before a move; after it,
 * a server that does not answer, an outdated and a too-new team database are the start-up faults
 * with the choices the issue names (retry, a local data folder, quit).
 */
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { choicesFor } from '../../../src-main/core/startup/faultCore';
import { checkTeamDatabaseAtStart } from '../../../src-main/core/startup/teamStartup';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore } from '../../../src-main/core/secrets';
import { TEAM_PASSWORD_KEY } from '../../../src-main/core/team/storedTeam';
import type { TeamConnectionConfig } from '../../../src-main/core/team/connectionTest';
import { closedPort } from './support';
import { freshTeamDatabase } from './teamDatabases';

function desktop(team: TeamConnectionConfig, teamModeSince?: string) {
  const { password, ...connection } = team;
  const preferences = memoryPreferenceStore();
  preferences.writeTeam({ ...connection, ...(teamModeSince ? { teamModeSince } : {}) });
  const secrets = memorySecretStore();
  secrets.set(TEAM_PASSWORD_KEY, password);
  return { dataDir: '/lokal/daten', preferences, secrets };
}

async function setVersion(database: string, version: number) {
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${database}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`SET search_path = portal; UPDATE portal_schema_version SET version = ${version}`);
  await admin.end();
}

describe('the start-up check of team mode', () => {
  it('answers no fault before a move and for a ready team database, else the coded fault', async () => {
    const team = await freshTeamDatabase();
    expect(await checkTeamDatabaseAtStart(desktop(team))).toBeNull();
    const since = '2026-11-27T09:00:00.000Z';
    expect(await checkTeamDatabaseAtStart(desktop(team, since))).toBeNull();

    const away = await checkTeamDatabaseAtStart(desktop({ ...team, port: await closedPort() }, since));
    expect(away).toMatchObject({
      code: 'TEAM_DATABASE_UNREACHABLE',
      dataDir: '/lokal/daten',
      database: team.database,
      reason: 'TEAM_UNREACHABLE',
    });
    expect(choicesFor(away!, 0)).toEqual(['retry', 'openOtherDataDir', 'quit']);
    const wrongPassword = await checkTeamDatabaseAtStart(desktop({ ...team, password: 'falsch' }, since));
    expect(wrongPassword).toMatchObject({ code: 'TEAM_DATABASE_UNREACHABLE', reason: 'TEAM_AUTH_FAILED' });

    await setVersion(team.database, 1);
    const outdated = await checkTeamDatabaseAtStart(desktop(team, since));
    expect(outdated).toMatchObject({ code: 'TEAM_DATABASE_OUTDATED', found: 1 });
    expect(choicesFor(outdated!, 0)).toEqual(['retry', 'openOtherDataDir', 'quit']);
    await setVersion(team.database, 999);
    const tooNew = await checkTeamDatabaseAtStart(desktop(team, since));
    expect(tooNew).toMatchObject({ code: 'TEAM_DATABASE_TOO_NEW', found: 999 });
    expect(choicesFor(tooNew!, 0)).toEqual(['openOtherDataDir', 'quit']);
  });
});
