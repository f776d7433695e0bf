/** Deleting a backup (e.g. one that still holds an anonymised contact's data): audited, all or nothing. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/ipc';
import { backupFolder } from '../../../src-main/core/backup/backupFiles';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { expectRefused, folderContents, ok, readDatabase, tempDir } from '../support';
import { addProperty, automatic, backupFile, backups, nextDays, openCore, openOn } from './support';

const names = (list: BackupInfo[]) => list.map((backup) => backup.name);

/** The files of the data dir byte for byte, without the -shm index (readers rebuild it; it is not data). */
function dataDirBytes(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(folderContents(dataDir)).filter(([file]) => !file.endsWith('-shm')),
  );
}

function deletedRows(core: { dataDir: string }): unknown[] {
  return readDatabase(core, (db) =>
    db.prepare("SELECT actor, entity_id, before, after FROM audit WHERE action = 'backup.deleted'").all(),
  );
}

describe('backups.delete', () => {
  it('deletes the file, records which backup was deleted, and the list no longer shows it', async () => {
    const core = openCore();
    await addProperty(core, 'Bestand');
    const deleted = await ok(core, 'backups.create');
    const kept = await ok(core, 'backups.create');

    expect(await ok(core, 'backups.delete', { name: deleted.name })).toEqual(deleted);

    expect(await backups(core)).toEqual([kept]);
    // Gone from the disk, not merely from the list: nothing but the other backup is left in the folder.
    expect(fs.readdirSync(backupFolder(core.dataDir))).toEqual([kept.name]);
    expect(deletedRows(core)).toEqual([
      {
        actor: 'unit-test',
        entity_id: deleted.name,
        before: JSON.stringify({ kind: 'manual', createdAt: deleted.createdAt }),
        after: null,
      },
    ]);
    await expectRefused(core, 'backups.delete', { name: deleted.name }, 'NOT_FOUND');
  });

  it('refuses unknown and malformed names, leaving the data store and every file as they were', async () => {
    const core = openCore();
    const backup = await ok(core, 'backups.create');
    fs.writeFileSync(path.join(backupFolder(core.dataDir), 'notizen.txt'), 'keine Sicherung');
    const before = dataDirBytes(core.dataDir);

    await expectRefused(core, 'backups.delete', { name: '2025-01-01T09-00-00Z-manual.db' }, 'NOT_FOUND');
    for (const name of [
      '../portal-access-admin.db',
      DATABASE_FILE,
      'notizen.txt',
      `${backup.name}/..`,
      `backups/${backup.name}`,
      '',
    ]) {
      await expectRefused(core, 'backups.delete', { name }, 'INVALID_PAYLOAD');
    }

    expect(dataDirBytes(core.dataDir)).toEqual(before);
    expect(await backups(core)).toEqual([backup]);
  });

  it('puts the backup back when its audit row cannot be written', async () => {
    const core = openCore();
    const backup = await ok(core, 'backups.create');
    const bytes = fs.readFileSync(backupFile(core, backup));
    const db = new Database(path.join(core.dataDir, DATABASE_FILE));
    db.exec(`CREATE TRIGGER refuse_deletion BEFORE INSERT ON audit WHEN NEW.action = 'backup.deleted'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    db.close();

    await expectRefused(core, 'backups.delete', { name: backup.name }, 'BACKUP_DELETE_FAILED');

    expect(await backups(core)).toEqual([backup]);
    expect(fs.readFileSync(backupFile(core, backup))).toEqual(bytes);
    expect(fs.readdirSync(backupFolder(core.dataDir))).toEqual([backup.name]);
  });

  it('waits for a restore under way instead of taking its file away', async () => {
    const core = openCore();
    await addProperty(core, 'Gesichert');
    const backup = await ok(core, 'backups.create');

    const restoring = ok(core, 'backups.restore', { name: backup.name });
    const deleting = ok(core, 'backups.delete', { name: backup.name });

    const { beforeRestore } = await restoring;
    expect(await deleting).toEqual(backup);
    expect(names(await backups(core))).toEqual([beforeRestore.name]);
  });

  it('leaves the automatic rotation counting right: the newest seven that remain are kept', async () => {
    const dataDir = tempDir();
    const week = nextDays('2026-11-21', 7);
    for (const day of week) await openOn(dataDir, day);
    const core = openCore({ dataDir });
    const thirdNewest = automatic(await backups(core))[2]!;
    expect(thirdNewest.createdAt.slice(0, 10)).toBe('2026-11-25');
    await ok(core, 'backups.delete', { name: thirdNewest.name });
    core.close();

    const days = (list: BackupInfo[]) => automatic(list).map((backup) => backup.createdAt.slice(0, 10));
    // Six are left, so the next day's backup makes seven and none is pruned …
    expect(days(await openOn(dataDir, '2026-11-28'))).toEqual([
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
    ]);
    // … and the one after prunes only the oldest.
    expect(days(await openOn(dataDir, '2026-11-29'))).toEqual([
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
    ]);
  });

  it('finishes deletions a crash interrupted when the app starts again', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir });
    const recorded = await ok(core, 'backups.create');
    const unrecorded = await ok(core, 'backups.create');
    await ok(core, 'backups.delete', { name: recorded.name });
    core.close();
    // As a crash would leave them: one hidden after its audit row committed (its file not yet
    // removed), one hidden before its row committed (so the deletion never happened).
    const folder = backupFolder(dataDir);
    fs.copyFileSync(path.join(folder, unrecorded.name), path.join(folder, `${recorded.name}.deleting`));
    fs.renameSync(path.join(folder, unrecorded.name), path.join(folder, `${unrecorded.name}.deleting`));

    const listed = await openOn(dataDir, '2026-11-27');

    expect(listed.filter((backup) => backup.kind === 'manual')).toEqual([unrecorded]);
    expect(fs.readdirSync(folder).sort()).toEqual(names(listed).sort());
  });
});
