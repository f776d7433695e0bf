/**
 * Administration › Team-Datenbank: this desktop's connection to the team's PostgreSQL server. The
 * connection belongs to the desktop, not to a portfolio: it lives in the preference store (beside
 * the language and the data folder); the password never does — it goes to the SecretStore (the OS
 * keychain in the app) like the SMTP password, and `getSettings` only says whether one is stored.
 * Saving is recorded in the audit log of the data store in use.
 */
import { z } from 'zod';
import {
  TEAM_DEFAULT_PORT,
  teamTlsModes,
  type teamSettingsSchema,
  type TeamConnectionReport,
  type TeamSettings,
} from '../../../shared/contract/team';
import { DomainError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { caCertificateInfo } from '../team/caCertificate';
import { testTeamConnection, type TeamConnectionConfig } from '../team/connectionTest';

export const TEAM_PASSWORD_KEY = 'team.password';

export type TeamSettingsUpdate = z.output<typeof teamSettingsSchema>;

const storedSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  database: z.string(),
  user: z.string(),
  tls: z.enum(teamTlsModes),
  caCertificate: z.string().nullable(),
});
type StoredTeam = z.infer<typeof storedSchema>;

/** Nothing saved yet: the usual port, encryption without a certificate check. */
const unset: StoredTeam = {
  host: '',
  port: TEAM_DEFAULT_PORT,
  database: '',
  user: '',
  tls: 'require',
  caCertificate: null,
};

export function teamDatabaseService(ctx: CoreContext) {
  /** The saved connection, or null (none yet, or a hand-edited one that no longer parses). */
  function stored(): StoredTeam | null {
    return storedSchema.safeParse(ctx.preferences.readTeam()).data ?? null;
  }

  function settingsOf(team: StoredTeam | null): TeamSettings {
    const { caCertificate, ...connection } = team ?? unset;
    let ca: TeamSettings['caCertificate'] = null;
    try {
      ca = caCertificate === null ? null : caCertificateInfo(caCertificate);
    } catch {
      // A stored certificate that no longer parses is as good as none: the user chooses it again.
    }
    return {
      ...connection,
      configured: team !== null,
      hasPassword: ctx.secrets.get(TEAM_PASSWORD_KEY) !== null,
      caCertificate: ca,
    };
  }

  /**
   * The connection the input describes: no password = the stored one; for `verify-full` no
   * certificate = the stored one, and one there must be (REQUIRED) and it must parse (TEAM_CA_INVALID).
   */
  function connectionOf(input: TeamSettingsUpdate): TeamConnectionConfig {
    const { password, caCertificate, ...connection } = input;
    let ca: string | null = null;
    if (input.tls === 'verify-full') {
      ca = caCertificate === undefined ? (stored()?.caCertificate ?? null) : caCertificate;
      if (ca === null) throw new DomainError('REQUIRED', { field: 'caCertificate' });
      caCertificateInfo(ca);
    }
    return {
      ...connection,
      password: password ? password : ctx.secrets.get(TEAM_PASSWORD_KEY),
      caCertificate: ca,
    };
  }

  /** Puts the previous connection back after a failed save; a store that refuses that too is only logged. */
  function restore(team: unknown, password: string | null, passwordChanged: boolean): void {
    try {
      ctx.preferences.writeTeam(team);
      if (passwordChanged) ctx.secrets.set(TEAM_PASSWORD_KEY, password);
    } catch (error) {
      console.error('team: the previous team database connection could not be put back', error);
    }
  }

  return {
    async getSettings(): Promise<TeamSettings> {
      return settingsOf(stored());
    },

    /** Saves the connection (not tested: "Verbindung testen" is a separate step). */
    async saveSettings(input: TeamSettingsUpdate): Promise<TeamSettings> {
      const config = connectionOf(input);
      const next: StoredTeam = {
        host: config.host,
        port: config.port,
        database: config.database,
        user: config.user,
        tls: config.tls,
        caCertificate: config.caCertificate,
      };
      const previous = ctx.preferences.readTeam();
      const before = settingsOf(stored());
      const oldPassword = ctx.secrets.get(TEAM_PASSWORD_KEY);
      const passwordChanged = config.password !== oldPassword;
      if (!passwordChanged && JSON.stringify(stored()) === JSON.stringify(next)) return before;

      // Neither store is part of the transaction: written first, put back if the change fails.
      if (passwordChanged) ctx.secrets.set(TEAM_PASSWORD_KEY, config.password);
      try {
        ctx.preferences.writeTeam(next);
        const after = settingsOf(next);
        // Never the password itself: only whether there is one and whether it changed.
        await ctx.change(
          async (audit) => {
            audit({
              action: 'team.saveSettings',
              entity: 'settings',
              entityId: 'team',
              before,
              after: { ...after, passwordChanged },
            });
          },
          { emits: {} },
        );
        return after;
      } catch (error) {
        restore(previous, oldPassword, passwordChanged);
        throw error;
      }
    },

    /** Tests the given settings, saved or not; changes nothing. */
    async testConnection(input: TeamSettingsUpdate): Promise<TeamConnectionReport> {
      return testTeamConnection(connectionOf(input));
    },
  };
}
export type TeamDatabaseService = ReturnType<typeof teamDatabaseService>;
