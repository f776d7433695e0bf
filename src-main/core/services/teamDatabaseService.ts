/**
 * Administration › Team-Datenbank: this desktop's connection to the team's PostgreSQL server. The
 * connection belongs to the desktop, not to a portfolio: it lives in the preference store (beside
 * the language and the data folder); the password never does — it goes to the SecretStore (the OS
 * keychain in the app) like the SMTP password, and `getSettings` only says whether one is stored.
 * Saving is recorded in the audit log of the data store in use.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { SavedExport } from '../../../shared/contract/exports';
import {
  TEAM_DEFAULT_PORT,
  type teamSettingsSchema,
  type TeamConnectionReport,
  type TeamMoveResult,
  type TeamSettings,
} from '../../../shared/contract/team';
import { DomainError } from '../../../shared/errors';
import { refusingChanges, type CoreContext } from '../context';
import { DATABASE_FILE } from '../db/connection';
import { caCertificateInfo } from '../team/caCertificate';
import { testTeamConnection, type TeamConnectionConfig } from '../team/connectionTest';
import { exportLocalCopy } from '../team/localCopy';
import { moveIntoTeamDatabase } from '../team/moveIntoTeam';
import { readStoredTeam, savedConnection, TEAM_PASSWORD_KEY, type StoredTeam } from '../team/storedTeam';
import { connectTeamDatabase } from '../team/teamClient';

export type TeamSettingsUpdate = z.output<typeof teamSettingsSchema>;

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
    return readStoredTeam(ctx.preferences);
  }

  function settingsOf(team: StoredTeam | null): TeamSettings {
    const { caCertificate, teamModeSince, ...connection } = team ?? unset;
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
      teamModeSince: teamModeSince ?? null,
    };
  }

  /** The saved connection with its stored password, connected and its schema checked. */
  async function connectSaved(team: StoredTeam | null) {
    if (team === null) throw new DomainError('TEAM_NOT_CONFIGURED');
    return connectTeamDatabase(savedConnection(team, ctx.secrets));
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
        ...(stored()?.teamModeSince ? { teamModeSince: stored()?.teamModeSince } : {}),
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

    /**
     * Copies this desktop's data store into the saved team database (team/moveIntoTeam.ts: empty, one
     * transaction, checked); changes on this desktop wait meanwhile (RESTORE_IN_PROGRESS). Only after
     * the check passed and the team database committed is team mode recorded, with its audit row.
     */
    async moveIntoTeamDatabase(): Promise<TeamMoveResult> {
      const team = stored();
      if (team?.teamModeSince) throw new DomainError('TEAM_MODE_ACTIVE');
      const client = await connectSaved(team);
      let rows: Record<string, number>;
      try {
        const source = path.join(ctx.dataDir, DATABASE_FILE);
        ({ rows } = await refusingChanges(ctx.db, () => moveIntoTeamDatabase(source, client)));
      } finally {
        await client.end().catch(() => undefined);
      }
      const teamModeSince = ctx.clock.now();
      const result: TeamMoveResult = {
        tables: Object.keys(rows).length,
        rows: Object.values(rows).reduce((sum, n) => sum + n, 0),
        contacts: rows.contacts ?? 0,
        teamModeSince,
      };
      const previous = ctx.preferences.readTeam();
      try {
        return await ctx.change(
          async (audit) => {
            ctx.preferences.writeTeam({ ...team, teamModeSince });
            audit({
              action: 'team.moveIntoTeamDatabase',
              entity: 'settings',
              entityId: 'team',
              before: { teamModeSince: null },
              after: { ...result, host: team?.host, database: team?.database },
            });
            return result;
          },
          { emits: {} },
        );
      } catch (error) {
        restore(previous, ctx.secrets.get(TEAM_PASSWORD_KEY), false);
        throw error;
      }
    },

    /** Writes the team database into a new SQLite file the user chooses (team/localCopy.ts); changes nothing. */
    async exportLocalCopy(): Promise<SavedExport> {
      const client = await connectSaved(stored());
      try {
        const suggestedName = `portal-access-admin-${ctx.clock.today()}.sqlite`;
        const chosen = await ctx.saveDialog.choose({ suggestedName, kind: 'sqlite' });
        if (chosen === null) return { saved: false };
        if (!path.isAbsolute(chosen)) throw new DomainError('EXPORT_FAILED', { reason: 'NOT_ABSOLUTE' });
        const target = path.resolve(chosen);
        const { rows } = await exportLocalCopy(client, target);
        return { saved: true, fileName: path.basename(target), count: rows.contacts ?? 0 };
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
export type TeamDatabaseService = ReturnType<typeof teamDatabaseService>;
