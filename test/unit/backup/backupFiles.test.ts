/** Backup files: what a backup contains, which files count as backups, verification, offline restore. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/ipc';
import { DomainError } from '../../../shared/errors';
import {
  backupFolder,
  listBackups,
  restoreBackupOffline,
  verifyBackupFile,
} from '../../../src-main/core/backup/backupFiles';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { LATEST_VERSION } from '../../../src-main/core/db/migrations';
import { LOCK_FILE } from '../../../src-main/core/startup/dataDirLock';
import { ok, readDatabase, snapshotDatabase, tempDir } from '../support';
import {
  addProperty,
  backupFile,
  damageIndexedValue,
  backups,
  openCore,
  propertyNames,
  snapshotFile,
} from './support';

function refusalOf(work: () => unknown): { code: string; params: unknown } | null {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
}

/** Every file in the data dir and below it, with its bytes: "nothing was touched" means this is equal. */
function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = fs.readFileSync(file).toString('base64');
  }
  return files;
}

/** A real backup, damaged as `how` says: table and index disagree, or its later pages are noise. */
async function damagedBackup(how: 'index' | 'noise'): Promise<{ dataDir: string; backup: BackupInfo }> {
  const core = openCore();
  // Few rows: each table and index is one page, holding no stale copies of moved rows.
  for (const i of [1, 2, 3]) await addProperty(core, `Liegenschaft ${i}`, `L-${i}`);
  const backup = await ok(core, 'backups.create');
  const file = backupFile(core, backup);
  if (how === 'index') {
    damageIndexedValue(file, 'L-2');
  } else {
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = 4 * pageSize; offset < bytes.length; offset += 1) bytes[offset] = (offset * 7919) % 251;
    fs.writeFileSync(file, bytes);
  }
  return { dataDir: core.dataDir, backup };
}

describe('a backup', () => {
  it('reopens as one self-contained file with integrity ok and the same rows as the store had', async () => {
    const core = openCore();
    await ok(core, 'app.chooseFirstStart', 'empty');
    await addProperty(core, 'Haus am See');
    const before = snapshotDatabase(core.dataDir);

    const backup = await ok(core, 'backups.create');

    expect(backup.kind).toBe('manual');
    const file = backupFile(core, backup);
    expect(verifyBackupFile(file)).toEqual({ schemaVersion: LATEST_VERSION });
    expect(snapshotFile(file)).toBe(before);
    expect(backup.sizeBytes).toBe(fs.statSync(file).size);
    // No -wal beside it: copying the one file copies the whole backup.
    expect(fs.readdirSync(backupFolder(core.dataDir))).toEqual([backup.name]);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
  });

  it('is recorded in the audit log with who made it', async () => {
    const core = openCore();
    const backup = await ok(core, 'backups.create');
    const row = readDatabase(core, (db) =>
      db.prepare("SELECT actor, entity_id, after FROM audit WHERE action = 'backup.created'").get(),
    );
    expect(row).toEqual({
      actor: 'unit-test',
      entity_id: backup.name,
      after: JSON.stringify({ kind: 'manual', sizeBytes: backup.sizeBytes }),
    });
  });
});

describe('listBackups', () => {
  it('lists backups newest first, two within one second under different names', async () => {
    const core = openCore();
    const first = await ok(core, 'backups.create');
    const second = await ok(core, 'backups.create');
    expect(first.name).toMatch(/^2026-11-27T09-00-\d\dZ-manual\.db$/);
    expect(second.name).not.toBe(first.name);
    expect((await backups(core)).map((backup) => backup.name)).toEqual([second.name, first.name]);
  });

  it('ignores temporary, foreign and misnamed files and folders', async () => {
    const core = openCore();
    const backup = await ok(core, 'backups.create');
    const folder = backupFolder(core.dataDir);
    for (const name of [
      '.0123456789ab.tmp',
      'notes.txt',
      'portal-access-admin.db',
      '2026-13-01T09-00-00Z-manual.db',
      '2026-11-27T09-00-00Z-weekly.db',
      `${backup.name}-journal`,
    ]) {
      fs.writeFileSync(path.join(folder, name), 'x');
    }
    fs.mkdirSync(path.join(folder, '2026-11-28T09-00-00Z-manual.db'));
    expect(listBackups(core.dataDir)).toEqual([backup]);
  });

  it('is empty for a data dir without backups', () => {
    expect(listBackups(tempDir())).toEqual([]);
  });
});

describe('verifyBackupFile', () => {
  it.each(['index', 'noise'] as const)('refuses a damaged backup (%s) with BACKUP_INVALID', async (how) => {
    const { backup, dataDir } = await damagedBackup(how);
    expect(refusalOf(() => verifyBackupFile(path.join(backupFolder(dataDir), backup.name)))).toEqual({
      code: 'BACKUP_INVALID',
      params: { name: backup.name },
    });
  });

  it('refuses a file that is no database, a foreign database and an empty one with BACKUP_INVALID', () => {
    const dir = tempDir();
    const noise = path.join(dir, 'noise.db');
    fs.writeFileSync(noise, Buffer.alloc(8192, 'SQLite format 3'));
    const foreign = path.join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); PRAGMA user_version = 2;');
    db.close();
    const empty = path.join(dir, 'empty.db');
    new Database(empty).close();
    for (const file of [noise, foreign, empty, path.join(dir, 'missing.db')]) {
      expect(refusalOf(() => verifyBackupFile(file))?.code, file).toBe('BACKUP_INVALID');
    }
  });

  it('refuses a backup of a newer app version with BACKUP_TOO_NEW', async () => {
    const core = openCore();
    const file = backupFile(core, await ok(core, 'backups.create'));
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(refusalOf(() => verifyBackupFile(file))).toEqual({
      code: 'BACKUP_TOO_NEW',
      params: { name: path.basename(file), found: LATEST_VERSION + 1, supported: LATEST_VERSION },
    });
  });

  it('refuses a backup that lacks a table its schema version must have', async () => {
    const core = openCore();
    const file = backupFile(core, await ok(core, 'backups.create'));
    const db = new Database(file);
    db.exec('DROP TABLE outbox');
    db.close();
    expect(refusalOf(() => verifyBackupFile(file))?.code).toBe('BACKUP_INVALID');
  });
});

describe('restoreBackupOffline', () => {
  it('puts the backup in place and keeps the replaced store, with its WAL, under a new name', async () => {
    const core = openCore();
    await addProperty(core, 'Gesichert');
    const backup = await ok(core, 'backups.create');
    await addProperty(core, 'Nach der Sicherung');
    const replaced = snapshotDatabase(core.dataDir);
    // The data dir as a crash leaves it: the newest change is still in the -wal, not checkpointed.
    const dataDir = tempDir();
    // (Its lock names a process that a crash would have ended: this one, still running, is left out.)
    fs.cpSync(core.dataDir, dataDir, {
      recursive: true,
      filter: (file) => !file.endsWith('-shm') && path.basename(file) !== LOCK_FILE,
    });
    const live = path.join(dataDir, DATABASE_FILE);
    expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0);
    const liveFiles = ['', '-wal'].map((suffix) => fs.readFileSync(live + suffix).toString('base64'));

    restoreBackupOffline(dataDir, backup.name);

    const moved = fs.readdirSync(dataDir).find((name) => /\.replaced-[\dT-]+Z$/.test(name));
    expect(moved, fs.readdirSync(dataDir).join()).toBeDefined();
    const movedFiles = ['', '-wal'].map((suffix) =>
      fs.readFileSync(path.join(dataDir, moved! + suffix)).toString('base64'),
    );
    expect(movedFiles).toEqual(liveFiles);
    // The moved store opens as it was, its last change included.
    const movedDir = tempDir();
    for (const suffix of ['', '-wal']) {
      fs.copyFileSync(path.join(dataDir, moved! + suffix), path.join(movedDir, DATABASE_FILE + suffix));
    }
    expect(snapshotDatabase(movedDir)).toBe(replaced);

    const reopened = openCore({ dataDir });
    expect(await propertyNames(reopened)).toEqual(['Gesichert']);
    expect(await backups(reopened)).toEqual([backup]);
  });

  it('refuses a damaged backup and touches nothing', async () => {
    const { backup, dataDir } = await damagedBackup('index');
    const before = filesOf(dataDir);
    expect(refusalOf(() => restoreBackupOffline(dataDir, backup.name))?.code).toBe('BACKUP_INVALID');
    expect(filesOf(dataDir)).toEqual(before);
  });

  it('refuses a name that is not a listed backup with NOT_FOUND', () => {
    const dataDir = tempDir();
    for (const name of ['../portal-access-admin.db', '2026-11-27T09-00-00Z-manual.db']) {
      expect(refusalOf(() => restoreBackupOffline(dataDir, name))?.code, name).toBe('NOT_FOUND');
    }
  });
});
