/**
 * The start-up check of team mode: when this desktop's portfolio was moved into a team database
 * (the preferences say since when), the server must answer this desktop's login and hold exactly
 * this app's schema — else the start-up fault screen says which (TEAM_DATABASE_UNREACHABLE,
 * TEAM_DATABASE_OUTDATED, TEAM_DATABASE_TOO_NEW) with retry, a local data folder, or quit.
 *
 * Not yet called by startApp: the core still runs on the local SQLite store (the repositories move
 * to the async storage port first), so start-up opens the local store and the Team-Datenbank page
 * says so. Once the core can open the PostgreSQL engine, start-up awaits this check before
 * openPostgresStore and shows the fault it answers.
 */
import type { StartupFault } from '../../../shared/contract/startup';
import { DomainError } from '../../../shared/errors';
import type { PreferenceStore } from '../preferences';
import type { SecretStore } from '../secrets';
import { readStoredTeam, savedConnection } from '../team/storedTeam';
import { connectTeamDatabase } from '../team/teamClient';

/** Null when this desktop is not in team mode or its team database is ready; else the fault to show. */
export async function checkTeamDatabaseAtStart(options: {
  dataDir: string;
  preferences: PreferenceStore;
  secrets: SecretStore;
}): Promise<StartupFault | null> {
  const team = readStoredTeam(options.preferences);
  if (!team?.teamModeSince) return null;
  const where = { dataDir: options.dataDir, host: team.host, database: team.database };
  try {
    const client = await connectTeamDatabase(savedConnection(team, options.secrets));
    await client.end().catch(() => undefined);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'TEAM_DATABASE_OUTDATED' || error.code === 'TEAM_DATABASE_TOO_NEW') {
      return {
        code: error.code,
        ...where,
        found: Number(error.params.found),
        supported: Number(error.params.supported),
      };
    }
    return { code: 'TEAM_DATABASE_UNREACHABLE', ...where, reason: error.code };
  }
}
