/**
 * Opening the data store at start-up, or saying precisely why it cannot be opened. Every check
 * before `createCore` only reads: a fault found here leaves the data dir exactly as it was (a too-new
 * or damaged database file stays byte-for-byte the same), so the user's choice decides what happens.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StartupFault } from '../../../shared/contract/startup';
import { createCore, DATABASE_FILE, type Core, type CoreOptions } from '../core';
import { DatabaseTooNewError, LATEST_VERSION } from '../db/migrations';
import { DataDirInUseError } from './dataDirLock';
import { networkDriveOf } from './networkDrive';

export interface StartupOptions extends CoreOptions {
  /**
   * The user named this folder (--data-dir, or chose it on the fault screen): when it is missing that
   * is a fault (a USB stick not plugged in, a network drive not connected), not a first start. The
   * default location is simply created.
   */
  dataDirChosen: boolean;
  /** Set by the shell when its preferences file cannot be read; the data store is then not touched. */
  preferencesFault?: { file: string; detail: string };
}

export type OpenedDataStore = { kind: 'ready'; core: Core } | { kind: 'fault'; fault: StartupFault };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header: 100 bytes; `user_version` (our schema version) is the big-endian int at 60. */
const HEADER_SIZE = 100;
const USER_VERSION_OFFSET = 60;
const COMPANIONS = ['-wal', '-shm'];

export function openDataStore(options: StartupOptions): OpenedDataStore {
  if (options.preferencesFault) {
    return { kind: 'fault', fault: { code: 'PREFERENCES_CORRUPT', ...options.preferencesFault } };
  }
  const { dataDir } = options;
  const file = path.join(dataDir, DATABASE_FILE);
  const fault = checkDataDir(dataDir, options.dataDirChosen) ?? checkDatabaseFile(dataDir, file);
  if (fault) return { kind: 'fault', fault };
  try {
    return { kind: 'ready', core: createCore(options) };
  } catch (error) {
    // What the read-only checks cannot see: SQLite refusing to write, a lock, a too-new WAL.
    return { kind: 'fault', fault: classifyOpenError(error, dataDir, file) };
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure to open or read the data store, as the fault the user can act on. */
export function classifyOpenError(error: unknown, dataDir: string, file: string): StartupFault {
  if (error instanceof DataDirInUseError) return { code: 'DATA_DIR_IN_USE', dataDir, ...error.holder };
  if (error instanceof DatabaseTooNewError) {
    return { code: 'DATABASE_TOO_NEW', dataDir, file, found: error.found, supported: error.supported };
  }
  const code = errorCode(error);
  const detail = detailOf(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return { code: 'DATABASE_CORRUPT', dataDir, file, detail };
  }
  if (
    /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) ||
    ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR'].includes(code)
  ) {
    return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail };
  }
  return { code: 'DATABASE_UNAVAILABLE', dataDir, file, detail };
}

function checkDataDir(dataDir: string, chosen: boolean): StartupFault | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT')
      return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail: detailOf(error) };
    if (chosen) return { code: 'DATA_DIR_MISSING', dataDir };
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      return null;
    } catch (mkdirError) {
      return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail: detailOf(mkdirError) };
    }
  }
  if (!stat.isDirectory()) {
    return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail: `ENOTDIR: not a folder: ${dataDir}` };
  }
  const fsType = networkDriveOf(dataDir);
  if (fsType !== null) return { code: 'DATA_DIR_ON_NETWORK', dataDir, fsType };
  try {
    fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.X_OK);
    return null;
  } catch (error) {
    return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail: detailOf(error) };
  }
}

function checkDatabaseFile(dataDir: string, file: string): StartupFault | null {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { code: 'DATA_DIR_NOT_WRITABLE', dataDir, detail: `EISDIR: ${file}` };
    size = stat.size;
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? null : classifyOpenError(error, dataDir, file);
  }
  // An empty file is an empty database to SQLite (a first start that stopped before writing).
  if (size === 0) return null;
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < HEADER_SIZE || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return { code: 'DATABASE_CORRUPT', dataDir, file, detail: 'file is not a database' };
  }
  // Read from the header, not through SQLite: opening it read-write would already change it
  // (journal mode), and this check has to leave a newer version's file exactly as it is.
  const found = header.readInt32BE(USER_VERSION_OFFSET);
  if (found > LATEST_VERSION) {
    return { code: 'DATABASE_TOO_NEW', dataDir, file, found, supported: LATEST_VERSION };
  }
  return checkIntegrity(dataDir, file);
}

/**
 * SQLite's quick_check (every page and record, without comparing indexes to their tables), read-only.
 * It reads the whole file once: about 1 ms per MiB when cached, i.e. unnoticeable for a usual
 * portfolio and under a second at a million contacts.
 */
function checkIntegrity(dataDir: string, file: string): StartupFault | null {
  const createdByProbe = COMPANIONS.filter((suffix) => !fs.existsSync(file + suffix));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : { code: 'DATABASE_CORRUPT', dataDir, file, detail: String(result) };
  } catch (error) {
    return classifyOpenError(error, dataDir, file);
  } finally {
    db?.close();
    // A read-only connection to a WAL database leaves an empty -wal and an index (-shm) behind; they
    // hold nothing, and a fault screen should leave the folder as it found it.
    for (const suffix of createdByProbe) {
      const companion = file + suffix;
      if (fs.existsSync(companion) && (suffix === '-shm' || fs.statSync(companion).size === 0)) {
        fs.rmSync(companion);
      }
    }
  }
}
