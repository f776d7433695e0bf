/** "Sicherung wiederherstellen" while the app runs: verified first, the current state saved, then replaced. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AccessSettings } from '../../../shared/domain';
import type { ContentDetail } from '../../../shared/ipc';
import { backupFolder } from '../../../src-main/core/backup/backupFiles';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src-main/core/db/migrations';
import { expectRefused, ok, readDatabase, snapshotDatabase } from '../support';
import {
  addProperty,
  backupFile,
  backups,
  damageIndexedValue,
  openCore,
  propertyNames,
  snapshotFile,
  type BackupCore,
} from './support';

const ACCESS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: false, days: 30 },
  seatQuota: 50,
};

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1').toString('base64');

async function addDocument(core: BackupCore, title: string): Promise<ContentDetail> {
  return ok(core, 'content.create', {
    kind: 'document',
    title,
    propertyId: null,
    fileName: `${title}.pdf`,
    mimeType: 'application/pdf',
    dataBase64: PDF(title),
  });
}

function recordedEvents(core: BackupCore): string[] {
  const events: string[] = [];
  core.events.onAny((event) => events.push(event));
  return events;
}

/** A backup file of this app at schema `version`, written straight into the backups folder. */
function olderBackup(core: BackupCore, version: number, name: string): void {
  fs.mkdirSync(backupFolder(core.dataDir), { recursive: true });
  const db = new Database(path.join(backupFolder(core.dataDir), name));
  migrate(db, version);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('access', JSON.stringify(ACCESS));
  db.close();
}

describe('backups.restore', () => {
  it('brings back the saved state, saves the replaced one first, audits and announces it', async () => {
    const core = openCore();
    await ok(core, 'settings.updateAccess', ACCESS);
    await addProperty(core, 'Gesichert');
    const backup = await ok(core, 'backups.create');
    await addProperty(core, 'Nach der Sicherung');
    await ok(core, 'settings.updateAccess', { ...ACCESS, seatQuota: 80 });
    const replaced = snapshotDatabase(core.dataDir);
    const events = recordedEvents(core);

    const result = await ok(core, 'backups.restore', { name: backup.name });

    expect(result.restored).toEqual(backup);
    // Through the same open core: its connection and statements still work on the restored store.
    expect(await propertyNames(core)).toEqual(['Gesichert']);
    expect(await ok(core, 'settings.getAccess')).toEqual(ACCESS);
    await addProperty(core, 'Nach der Wiederherstellung');
    expect(await propertyNames(core)).toEqual(['Gesichert', 'Nach der Wiederherstellung']);

    expect(result.beforeRestore.kind).toBe('beforeRestore');
    expect(snapshotFile(backupFile(core, result.beforeRestore))).toBe(replaced);
    expect((await backups(core)).map((b) => b.name).sort()).toEqual(
      [backup.name, result.beforeRestore.name].sort(),
    );
    const audit = readDatabase(core, (db) =>
      db.prepare("SELECT actor, entity_id, after FROM audit WHERE action = 'backup.restored'").all(),
    );
    expect(audit).toEqual([
      {
        actor: 'unit-test',
        entity_id: backup.name,
        after: JSON.stringify({ createdAt: backup.createdAt, beforeRestore: result.beforeRestore.name }),
      },
    ]);
    expect(events).toEqual(expect.arrayContaining(['settings.changed', 'portfolio.changed']));
  });

  it('keeps every document: an older state and the newer one both find their files', async () => {
    const core = openCore();
    const kept = await addDocument(core, 'Hausordnung');
    const backup = await ok(core, 'backups.create');
    const later = await addDocument(core, 'Nebenkostenabrechnung');

    const { beforeRestore } = await ok(core, 'backups.restore', { name: backup.name });
    expect(await ok(core, 'content.documentFile', { id: kept.id })).toMatchObject({
      dataBase64: PDF('Hausordnung'),
    });
    await expectRefused(core, 'content.get', { id: later.id }, 'NOT_FOUND');

    await ok(core, 'backups.restore', { name: beforeRestore.name });
    expect(await ok(core, 'content.documentFile', { id: later.id })).toMatchObject({
      dataBase64: PDF('Nebenkostenabrechnung'),
    });
  });

  it('migrates a backup of an older schema version', async () => {
    const core = openCore();
    await addProperty(core, 'Aktuell');
    const name = '2026-01-15T08-00-00Z-manual.db';
    olderBackup(core, 2, name);

    await ok(core, 'backups.restore', { name });

    expect(readDatabase(core, schemaVersion)).toBe(LATEST_VERSION);
    expect(await ok(core, 'settings.getAccess')).toEqual(ACCESS);
    expect(await propertyNames(core)).toEqual([]);
    // Version 3's indexes are there: the contact list (which relies on them) answers.
    expect(await ok(core, 'contacts.list', { search: 'a' })).toMatchObject({ total: 0 });
  });

  it.each([
    ['damaged', 'BACKUP_INVALID'],
    ['foreign', 'BACKUP_INVALID'],
    ['too new', 'BACKUP_TOO_NEW'],
  ] as const)('refuses a %s backup with %s and changes nothing', async (what, code) => {
    const core = openCore();
    await addProperty(core, 'Bestand', 'L-1');
    const backup = await ok(core, 'backups.create');
    const file = backupFile(core, backup);
    if (what === 'damaged') {
      damageIndexedValue(file, 'L-1');
    } else {
      fs.rmSync(file);
      const db = new Database(file);
      if (what === 'foreign')
        db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); PRAGMA user_version = 1;');
      else migrate(db);
      if (what === 'too new') db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    }
    const events = recordedEvents(core);

    await expectRefused(core, 'backups.restore', { name: backup.name }, code, { name: backup.name });

    expect(await backups(core)).toHaveLength(1);
    expect(await propertyNames(core)).toEqual(['Bestand']);
    expect(events).toEqual([]);
  });

  it('refuses a name that is not a backup', async () => {
    const core = openCore();
    await expectRefused(core, 'backups.restore', { name: '2026-11-27T09-00-00Z-manual.db' }, 'NOT_FOUND');
    for (const name of [
      '../portal-access-admin.db',
      'portal-access-admin.db',
      '2026-11-27T09-00-00Z-manual.db/..',
    ]) {
      await expectRefused(core, 'backups.restore', { name }, 'INVALID_PAYLOAD');
    }
  });
});
