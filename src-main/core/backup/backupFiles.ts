/**
 * Backup files in `<dataDir>/backups/`: naming, listing, verifying, writing with SQLite's online
 * backup API, and the offline restore for when the data store cannot even be opened. Nothing here
 * needs a running core, so the start-up fault screen uses it too.
 *
 * A backup is a complete, self-contained SQLite file (rollback journal, no -wal beside it). It is
 * written under a temporary name and renamed when complete, so the list never shows a half-written
 * one. Document files (`<dataDir>/documents/<sha256>`) are not copied: they are content-addressed and
 * never deleted, so every document a backup refers to is still there after a restore.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME, type BackupInfo, type BackupKind } from '../../../shared/contract/backups';
import { isIsoDate } from '../../../shared/dates';
import { DomainError } from '../../../shared/errors';
import { DATABASE_FILE } from '../db/connection';
import { LATEST_VERSION, migrate, schemaVersion } from '../db/migrations';

export type { BackupInfo, BackupKind } from '../../../shared/contract/backups';

/** How many automatic backups are kept; manual and before-restore ones are never pruned. */
export const KEEP_AUTOMATIC = 7;

/** Leftovers of a backup or restore interrupted by a crash: `.<random>.tmp` and its journal. */
const TEMPORARY = /^\.[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?$/;

/** The files of an SQLite database besides the main one. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

export function backupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function temporaryName(): string {
  return `.${randomBytes(6).toString('hex')}.tmp`;
}

/** `2026-11-27T07:31:00.123Z` → `2026-11-27T07-31-00Z` (no colons: they are not allowed on Windows). */
export function fileStamp(instant: string | Date): string {
  return `${new Date(instant).toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

function parseBackupName(name: string): { createdAt: string; kind: BackupKind; sequence: number } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, date, hours, minutes, seconds, kind, sequence] = match;
  if (!isIsoDate(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  return {
    createdAt: `${date}T${hours}:${minutes}:${seconds}Z`,
    kind: kind as BackupKind,
    sequence: Number(sequence ?? 1),
  };
}

/** The backups of a data dir, newest first; anything else in the folder is ignored. */
export function listBackups(dataDir: string): BackupInfo[] {
  const folder = backupFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  const found: (BackupInfo & { sequence: number })[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const parsed = entry.isFile() ? parseBackupName(entry.name) : null;
    if (!parsed) continue;
    const { sequence, ...info } = parsed;
    found.push({
      name: entry.name,
      ...info,
      sequence,
      sizeBytes: fs.statSync(path.join(folder, entry.name)).size,
    });
  }
  found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence);
  return found.map(({ sequence: _sequence, ...info }) => info);
}

/** A listed backup and its path; NOT_FOUND for any other name (no path tricks reach the file system). */
export function findBackup(dataDir: string, name: string): { backup: BackupInfo; file: string } {
  const backup = listBackups(dataDir).find((listed) => listed.name === name);
  if (!backup) throw new DomainError('NOT_FOUND', { entity: 'backup', name: name.slice(0, 80) });
  return { backup, file: path.join(backupFolder(dataDir), name) };
}

/** Every (table, column) pair the schema has at `version`, from running the migrations on an empty store. */
const expectedColumns = new Map<number, string[]>();
function columnsAt(version: number): string[] {
  let columns = expectedColumns.get(version);
  if (!columns) {
    const empty = new Database(':memory:');
    try {
      migrate(empty, version);
      columns = tableColumns(empty);
    } finally {
      empty.close();
    }
    expectedColumns.set(version, columns);
  }
  return columns;
}

function tableColumns(db: Database.Database): string[] {
  return db
    .prepare<[], { entry: string }>(
      `SELECT m.name || '.' || c.name AS entry
         FROM sqlite_master m, pragma_table_info(m.name) c
        WHERE m.type = 'table'`,
    )
    .all()
    .map((row) => row.entry);
}

/**
 * Is `file` a sound backup of this app that this version can open? Opened read-only: integrity
 * check 'ok', every table and column its schema version must have, and a version not newer than
 * LATEST_VERSION. Refuses with BACKUP_INVALID or BACKUP_TOO_NEW; changes nothing.
 */
export function verifyBackupFile(file: string): { schemaVersion: number } {
  const name = path.basename(file);
  const invalid = () => new DomainError('BACKUP_INVALID', { name });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw invalid();
  }
  try {
    let integrity: unknown;
    let version: number;
    let columns: string[];
    try {
      integrity = db.pragma('integrity_check', { simple: true });
      version = schemaVersion(db);
      columns = tableColumns(db);
    } catch {
      // Not a database at all, or damaged beyond reading ("file is not a database", "malformed").
      throw invalid();
    }
    if (integrity !== 'ok') throw invalid();
    if (version > LATEST_VERSION) {
      throw new DomainError('BACKUP_TOO_NEW', { name, found: version, supported: LATEST_VERSION });
    }
    const present = new Set(columns);
    if (version < 1 || !columnsAt(version).every((column) => present.has(column))) throw invalid();
    return { schemaVersion: version };
  } finally {
    db.close();
  }
}

/** A name not yet taken: `<stamp>-<kind>.db`, else `<stamp>-<kind>-2.db`, … */
function freeName(folder: string, instant: string, kind: BackupKind): string {
  const stamp = fileStamp(instant);
  for (let sequence = 1; ; sequence += 1) {
    const name = `${stamp}-${kind}${sequence === 1 ? '' : `-${sequence}`}.db`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

function removeTemporaries(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (TEMPORARY.test(name)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * Copies the open data store `db` into a new backup with the online backup API (page by page,
 * yielding between steps, so the app stays responsive; writes made meanwhile on `db` are carried
 * into the copy by SQLite). `instant` names it.
 */
export async function writeBackup(
  db: Database.Database,
  dataDir: string,
  kind: BackupKind,
  instant: string,
): Promise<BackupInfo> {
  const folder = backupFolder(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  // Only one core writes backups into a data dir (single instance), so any temporary is a leftover.
  removeTemporaries(folder);
  const temporary = path.join(folder, temporaryName());
  try {
    await db.backup(temporary);
    // The copy carries the WAL flag of the live store; a backup should be one self-contained file.
    const copy = new Database(temporary);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const name = freeName(folder, instant, kind);
    fs.renameSync(temporary, path.join(folder, name));
    const created = listBackups(dataDir).find((backup) => backup.name === name);
    if (!created) throw new Error(`backup ${name} vanished after it was written`);
    return created;
  } finally {
    for (const suffix of ['', ...COMPANIONS]) fs.rmSync(temporary + suffix, { force: true });
  }
}

/** Deletes all but the newest `keep` automatic backups; their names. */
export function pruneAutomaticBackups(dataDir: string, keep = KEEP_AUTOMATIC): string[] {
  const surplus = listBackups(dataDir)
    .filter((backup) => backup.kind === 'automatic')
    .slice(keep)
    .map((backup) => backup.name);
  for (const name of surplus) fs.rmSync(path.join(backupFolder(dataDir), name), { force: true });
  return surplus;
}

/**
 * A backup being deleted: renamed to `<name>.deleting` (not a backup name, so no longer listed, and not
 * a temporary that a new backup would sweep away) until its audit row has committed.
 */
const DELETING = '.deleting';

export interface HiddenBackup {
  name: string;
  /** Lists it again: the deletion was not recorded. */
  putBack(): void;
  /** Removes the file: the deletion was recorded. */
  discard(): void;
}

function hiddenBackup(dataDir: string, name: string): HiddenBackup {
  const file = path.join(backupFolder(dataDir), name);
  return {
    name,
    putBack: () => fs.renameSync(file + DELETING, file),
    discard: () => fs.rmSync(file + DELETING, { force: true }),
  };
}

/** Takes listed backup `name` out of the list without deleting it yet (see `backupService.delete`). */
export function hideBackup(dataDir: string, name: string): HiddenBackup {
  const file = path.join(backupFolder(dataDir), name);
  fs.renameSync(file, file + DELETING);
  return hiddenBackup(dataDir, name);
}

/** Backups left hidden by a deletion that a crash interrupted. */
export function hiddenBackups(dataDir: string): HiddenBackup[] {
  const folder = backupFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((entry) => entry.endsWith(DELETING))
    .map((entry) => entry.slice(0, -DELETING.length))
    .filter((name) => parseBackupName(name) !== null)
    .map((name) => hiddenBackup(dataDir, name));
}

function isTaken(file: string): boolean {
  return ['', ...COMPANIONS].some((suffix) => fs.existsSync(file + suffix));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** What an offline restore did: which backup it put in place, and the file name the old store got. */
export interface OfflineRestore {
  backup: BackupInfo;
  /** `<db>.replaced-<stamp>`, in the data dir. */
  replaced: string;
}

/**
 * Restores backup `name` while no core has the data dir open (the start-up fault screen): verifies
 * it (BACKUP_INVALID / BACKUP_TOO_NEW, nothing touched), copies it beside the data store, moves the
 * current store aside to `<db>.replaced-<stamp>` (its -wal/-shm as `<db>.replaced-<stamp>-wal`, so
 * the moved store still opens as it was), then renames the copy into place. Nothing is deleted or
 * overwritten; if the last rename fails, the store is moved back.
 */
export function restoreBackupOffline(dataDir: string, name: string): OfflineRestore {
  const { backup, file: source } = findBackup(dataDir, name);
  verifyBackupFile(source);
  const live = path.join(dataDir, DATABASE_FILE);
  const incoming = path.join(dataDir, temporaryName());
  try {
    fs.copyFileSync(source, incoming, fs.constants.COPYFILE_EXCL);
    fsyncFile(incoming);
    const stamp = fileStamp(new Date());
    let aside = `${live}.replaced-${stamp}`;
    for (let sequence = 2; isTaken(aside); sequence += 1) aside = `${live}.replaced-${stamp}-${sequence}`;
    const moved = ['', ...COMPANIONS].filter((suffix) => fs.existsSync(live + suffix));
    for (const suffix of moved) fs.renameSync(live + suffix, aside + suffix);
    try {
      fs.renameSync(incoming, live);
    } catch (error) {
      for (const suffix of moved) fs.renameSync(aside + suffix, live + suffix);
      throw error;
    }
    return { backup, replaced: path.basename(aside) };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}
