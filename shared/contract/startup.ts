/**
 * Start-up faults: when the data store (or the preferences file) cannot be opened, the app still
 * starts, answers every other channel with STARTUP_FAULT and shows a screen with the choices that
 * make sense for that fault. Nothing is created, migrated, moved or overwritten until one is chosen.
 */
import { z } from 'zod';
import { BACKUP_NAME, type BackupInfo } from './backups';
import { channel, noPayload } from './channel';

export type StartupFault =
  /** A data dir named explicitly (--data-dir, or chosen earlier) does not exist (any more). */
  | { code: 'DATA_DIR_MISSING'; dataDir: string }
  /** The folder exists but the app may not write there (read-only, no permission, not a folder). */
  | { code: 'DATA_DIR_NOT_WRITABLE'; dataDir: string; detail: string }
  /** The database file is not a database or fails SQLite's integrity check. */
  | { code: 'DATABASE_CORRUPT'; dataDir: string; file: string; detail: string }
  /** Written by a newer version of the app: never downgraded. */
  | { code: 'DATABASE_TOO_NEW'; dataDir: string; file: string; found: number; supported: number }
  /** Any other failure to open the data store (locked by another program, I/O error). */
  | { code: 'DATABASE_UNAVAILABLE'; dataDir: string; file: string; detail: string }
  /** Another instance of the app has the data folder open (another user, another computer). */
  | {
      code: 'DATA_DIR_IN_USE';
      dataDir: string;
      /** Who holds it, as its lock says ('?' when unreadable). */
      user: string;
      host: string;
      pid: number;
      since: string;
    }
  /** The data folder lies on a network drive (SQLite is unsafe there; sharing is the team mode's). */
  | { code: 'DATA_DIR_ON_NETWORK'; dataDir: string; fsType: string }
  /** The preferences file is not valid JSON or does not match its schema. */
  | { code: 'PREFERENCES_CORRUPT'; file: string; detail: string }
  /**
   * Team mode (the portfolio was moved into a team database): the server cannot be reached or refuses
   * this desktop's login; `reason` is the coded error of the attempt (TEAM_UNREACHABLE, TEAM_AUTH_FAILED …).
   * `dataDir` is this desktop's local data folder.
   */
  | { code: 'TEAM_DATABASE_UNREACHABLE'; dataDir: string; host: string; database: string; reason: string }
  /** Team mode: the team database's schema is older than this app's (the IT runs team:setup --upgrade). */
  | {
      code: 'TEAM_DATABASE_OUTDATED';
      dataDir: string;
      host: string;
      database: string;
      found: number;
      supported: number;
    }
  /** Team mode: the team database was set up by a newer app (this desktop's app needs the update). */
  | {
      code: 'TEAM_DATABASE_TOO_NEW';
      dataDir: string;
      host: string;
      database: string;
      found: number;
      supported: number;
    };

export type StartupFaultCode = StartupFault['code'];

export const startupChoices = [
  'restoreBackup',
  'openOtherDataDir',
  'createDataDir',
  'retry',
  'resetPreferences',
  'quit',
] as const;
export type StartupChoiceName = (typeof startupChoices)[number];

export interface StartupState {
  /** null: the data store is open and the app runs normally. */
  fault: StartupFault | null;
  /** What the user may do about this fault, in the order the screen offers them. */
  choices: StartupChoiceName[];
  /** The backups of the data dir (newest first), when restoring one is a choice. */
  backups: BackupInfo[];
}

export const startupChoiceSchema = z.discriminatedUnion('choice', [
  z.strictObject({ choice: z.literal('restoreBackup'), name: z.string().max(80).regex(BACKUP_NAME) }),
  z.strictObject({ choice: z.literal('openOtherDataDir') }),
  z.strictObject({ choice: z.literal('createDataDir') }),
  z.strictObject({ choice: z.literal('retry') }),
  z.strictObject({ choice: z.literal('resetPreferences') }),
  z.strictObject({ choice: z.literal('quit') }),
]);
export type StartupChoice = z.output<typeof startupChoiceSchema>;

export type StartupOutcome =
  /** The data store was opened again: the window reloads and shows the app, or the next fault. */
  | { outcome: 'reopened' }
  /** The user cancelled the folder dialog: nothing changed. */
  | { outcome: 'cancelled' }
  /** The app is closing. */
  | { outcome: 'quitting' };

export const startupChannels = {
  'startup.state': channel<StartupState>()(noPayload),
  'startup.choose': channel<StartupOutcome>()(startupChoiceSchema),
} as const;
