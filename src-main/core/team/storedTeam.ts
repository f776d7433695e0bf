/**
 * This desktop's team database connection as the preference store keeps it (never its password: that
 * is the SecretStore's, under TEAM_PASSWORD_KEY), and whether the desktop is in team mode. Read by
 * Administration › Team-Datenbank (services/teamDatabaseService.ts) and by the start-up check
 * (startup/teamStartup.ts).
 */
import { z } from 'zod';
import { teamTlsModes } from '../../../shared/contract/team';
import type { PreferenceStore } from '../preferences';
import type { SecretStore } from '../secrets';
import type { TeamConnectionConfig } from './connectionTest';

export const TEAM_PASSWORD_KEY = 'team.password';

export const storedTeamSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  database: z.string(),
  user: z.string(),
  tls: z.enum(teamTlsModes),
  caCertificate: z.string().nullable(),
  /** Set by a verified move into the team database: this desktop is in team mode since then. */
  teamModeSince: z.string().optional(),
});
export type StoredTeam = z.infer<typeof storedTeamSchema>;

/** The saved connection, or null (none yet, or a hand-edited one that no longer parses). */
export function readStoredTeam(preferences: PreferenceStore): StoredTeam | null {
  return storedTeamSchema.safeParse(preferences.readTeam()).data ?? null;
}

/** The saved connection with its stored password, as connecting needs it. */
export function savedConnection(team: StoredTeam, secrets: SecretStore): TeamConnectionConfig {
  const { host, port, database, user, tls, caCertificate } = team;
  return { host, port, database, user, tls, caCertificate, password: secrets.get(TEAM_PASSWORD_KEY) };
}
