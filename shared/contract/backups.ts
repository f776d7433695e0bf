/** Datensicherung (backups): copies of the data store in `<dataDir>/backups/`, made and restored. */
import { z } from 'zod';
import { channel, noPayload } from './channel';

export const backupKinds = ['automatic', 'manual', 'beforeRestore', 'beforeImport'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupInfo {
  /** The file name in the backups folder, e.g. `2026-11-27T07-31-00Z-manual.db`; also its id. */
  name: string;
  /** When it was made: ISO date-time (UTC). */
  createdAt: string;
  kind: BackupKind;
  sizeBytes: number;
}

export interface BackupOverview {
  /** Where the backups are, so that the user can copy them elsewhere (a USB stick, a network drive). */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
}

export interface RestoredBackup {
  restored: BackupInfo;
  /** The state just before the restore, saved as a backup of kind 'beforeRestore'. */
  beforeRestore: BackupInfo;
}

/**
 * `<UTC instant with - for :>Z-<kind>[-<n>].db`; `-<n>` tells apart backups made within one second.
 * Anything else in the folder (temporary files, copies the user put there) is not a backup.
 */
export const BACKUP_NAME = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(${backupKinds.join('|')})(?:-([1-9]\\d{0,5}))?\\.db$`,
);

/** One backup, by its file name. */
const backupName = z.strictObject({ name: z.string().max(80).regex(BACKUP_NAME) });

export const backupChannels = {
  'backups.list': channel<BackupOverview>()(noPayload),
  'backups.create': channel<BackupInfo>()(noPayload),
  'backups.restore': channel<RestoredBackup>()(backupName),
  /** Deletes one backup for good (any kind); answers with the deleted one. */
  'backups.delete': channel<BackupInfo>()(backupName),
} as const;
