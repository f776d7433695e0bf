/**
 * The fault core and its choices, through startApp as the shells run it: which choices each fault
 * offers, that nothing else answers, and that each choice does what it says and leaves a working store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/ipc';
import { LATEST_VERSION } from '../../../src-main/core/db/migrations';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import type { AppHost } from '../../../src-main/core/startup/host';
import { folderContents, ok, readDatabase, testCore } from '../support';
import { addProperty, propertyNames } from '../backup/support';
import { databaseFile, emptyDir, markTooNew, recordingShell, start, writeGarbage } from './support';

/** A data dir with one property and a backup of it, closed again. */
async function storeWithBackup(): Promise<{ dataDir: string; backup: BackupInfo }> {
  const core = testCore();
  await ok(core, 'app.chooseFirstStart', 'empty');
  await addProperty(core, 'Haus am See');
  const backup = await ok(core, 'backups.create');
  core.close();
  return { dataDir: core.dataDir, backup };
}

const stateOf = (host: AppHost) => ok(host.core, 'startup.state');

describe('the fault core', () => {
  it('offers per fault only the choices that make sense', async () => {
    const { dataDir } = await storeWithBackup();
    const tooNew = emptyDir();
    fs.cpSync(dataDir, tooNew, { recursive: true });
    markTooNew(tooNew, LATEST_VERSION + 1);
    const corrupt = emptyDir();
    fs.cpSync(dataDir, corrupt, { recursive: true });
    writeGarbage(corrupt);
    const corruptWithoutBackup = emptyDir();
    writeGarbage(corruptWithoutBackup);
    const preferencesFile = path.join(emptyDir(), 'preferences.json');
    fs.writeFileSync(preferencesFile, '{"language": "de",');

    const offered = async (shell: ReturnType<typeof recordingShell>) => (await stateOf(start(shell))).choices;
    expect(await offered(recordingShell(path.join(emptyDir(), 'fehlt')))).toEqual([
      'retry',
      'createDataDir',
      'openOtherDataDir',
      'quit',
    ]);
    expect(await offered(recordingShell(corrupt))).toEqual(['restoreBackup', 'openOtherDataDir', 'quit']);
    expect(await offered(recordingShell(corruptWithoutBackup))).toEqual(['openOtherDataDir', 'quit']);
    // Backups exist, but an older one would silently drop what the newer version wrote.
    expect(await offered(recordingShell(tooNew))).toEqual(['openOtherDataDir', 'quit']);
    expect(await offered(recordingShell(emptyDir(), { preferencesFile }))).toEqual([
      'resetPreferences',
      'quit',
    ]);
  });

  it('refuses every other channel with STARTUP_FAULT and writes nothing', async () => {
    const dataDir = emptyDir();
    writeGarbage(dataDir);
    const before = folderContents(dataDir);
    const host = start(recordingShell(dataDir));
    for (const [channel, payload] of [
      ['app.status', undefined],
      ['app.chooseFirstStart', 'demo'],
      ['portfolio.overview', undefined],
      ['settings.getAccess', undefined],
      ['backups.create', undefined],
    ] as const) {
      expect(await host.core.invoke(channel, payload), channel).toEqual({
        ok: false,
        error: { code: 'STARTUP_FAULT', params: {} },
      });
    }
    expect(folderContents(dataDir)).toEqual(before);
  });

  it('refuses a choice the fault does not offer and changes nothing', async () => {
    const { dataDir, backup } = await storeWithBackup();
    markTooNew(dataDir, LATEST_VERSION + 2);
    const before = folderContents(dataDir);
    const host = start(recordingShell(dataDir));
    for (const choice of [{ choice: 'restoreBackup', name: backup.name }, { choice: 'resetPreferences' }]) {
      expect(await host.core.invoke('startup.choose', choice)).toMatchObject({
        ok: false,
        error: { code: 'STARTUP_CHOICE_UNAVAILABLE' },
      });
    }
    expect(folderContents(dataDir)).toEqual(before);
  });

  it('answers the stored language, so that the screen speaks it; without one the system decides', async () => {
    const dataDir = emptyDir();
    writeGarbage(dataDir);
    const withLanguage = start(
      recordingShell(dataDir, { preferences: memoryPreferenceStore({ language: 'en' }) }),
    );
    expect(await ok(withLanguage.core, 'preferences.get')).toEqual({ language: 'en' });
    const without = start(recordingShell(dataDir));
    expect(await without.core.invoke('preferences.get')).toMatchObject({ error: { code: 'STARTUP_FAULT' } });
  });
});

describe('the choices', () => {
  it('restoring a backup of a corrupt store opens it with the backed-up data; the damaged file is kept', async () => {
    const { dataDir, backup } = await storeWithBackup();
    writeGarbage(dataDir);
    const damaged = fs.readFileSync(databaseFile(dataDir));
    const shell = recordingShell(dataDir);
    const host = start(shell);
    const changes: unknown[] = [];
    host.core.events.on('settings.changed', (payload) => changes.push(payload));
    const state = await stateOf(host);
    expect(state.fault).toMatchObject({ code: 'DATABASE_CORRUPT', dataDir });
    expect(state.backups).toEqual([backup]);

    expect(await ok(host.core, 'startup.choose', { choice: 'restoreBackup', name: backup.name })).toEqual({
      outcome: 'reopened',
    });

    expect(host.ready).toBe(true);
    expect(await propertyNames(host.core)).toEqual(['Haus am See']);
    expect(await ok(host.core, 'startup.state')).toEqual({ fault: null, choices: [], backups: [] });
    const kept = fs.readdirSync(dataDir).filter((name) => name.includes('.replaced-'));
    expect(kept.map((name) => fs.readFileSync(path.join(dataDir, name)).equals(damaged))).toEqual([true]);
    // No core was open to audit the restore: the reopened one did, naming the damaged store's new name.
    const restores = (await ok(host.core, 'auditLog.list', { language: 'de' })).items.filter(
      (entry) => entry.action === 'backup.restored',
    );
    expect(restores).toEqual([
      expect.objectContaining({
        entity: 'backup',
        entityId: backup.name,
        actor: 'unit-test',
        description: expect.stringContaining(`Sicherung ${backup.name} vom `),
      }),
    ]);
    const recorded = readDatabase({ dataDir }, (db) =>
      db.prepare<[], { after: string }>("SELECT after FROM audit WHERE action = 'backup.restored'").all(),
    );
    expect(recorded).toEqual([
      { after: JSON.stringify({ createdAt: backup.createdAt, replaced: kept[0], from: 'startupScreen' }) },
    ]);
    // The core behind the host changed; listeners registered before still hear its events.
    const access = await ok(host.core, 'settings.getAccess');
    await ok(host.core, 'settings.updateAccess', { ...access, seatQuota: 42 });
    expect(changes).toHaveLength(1);
  });

  it('opening another data dir uses and remembers it; cancelling the dialog changes nothing', async () => {
    const dataDir = emptyDir();
    writeGarbage(dataDir);
    const before = folderContents(dataDir);
    const cancelled = recordingShell(dataDir, { answer: null });
    const first = start(cancelled);
    expect(await ok(first.core, 'startup.choose', { choice: 'openOtherDataDir' })).toEqual({
      outcome: 'cancelled',
    });
    expect(cancelled.folderDialogs).toBe(1);
    expect(first.ready).toBe(false);

    const other = emptyDir();
    const shell = recordingShell(dataDir, { answer: other });
    const host = start(shell);
    expect(await ok(host.core, 'startup.choose', { choice: 'openOtherDataDir' })).toEqual({
      outcome: 'reopened',
    });
    expect(shell.dataDirsUsed).toEqual([other]);
    expect(host.ready).toBe(true);
    expect(await ok(host.core, 'app.status')).toMatchObject({ needsFirstStartChoice: true });
    expect(fs.existsSync(databaseFile(other))).toBe(true);
    expect(folderContents(dataDir)).toEqual(before);
  });

  it('creating a missing data dir starts an empty store there', async () => {
    const dataDir = path.join(emptyDir(), 'Verwaltung');
    const host = start(recordingShell(dataDir));
    expect(await ok(host.core, 'startup.choose', { choice: 'createDataDir' })).toEqual({
      outcome: 'reopened',
    });
    expect(host.ready).toBe(true);
    expect(await ok(host.core, 'app.status')).toMatchObject({ needsFirstStartChoice: true });
  });

  it('trying again opens the store once the cause is gone (the folder is back)', async () => {
    const { dataDir } = await storeWithBackup();
    const away = `${dataDir}-unplugged`;
    fs.renameSync(dataDir, away);
    const shell = recordingShell(dataDir);
    const host = start(shell);
    expect((await stateOf(host)).fault).toEqual({ code: 'DATA_DIR_MISSING', dataDir });
    fs.renameSync(away, dataDir);
    expect(await ok(host.core, 'startup.choose', { choice: 'retry' })).toEqual({ outcome: 'reopened' });
    expect(await propertyNames(host.core)).toEqual(['Haus am See']);
    expect(shell.opens).toBe(2);
  });

  it('resetting corrupt preferences moves the file aside, never deletes it, and opens the store', async () => {
    const dataDir = emptyDir();
    const preferencesFile = path.join(emptyDir(), 'preferences.json');
    fs.writeFileSync(preferencesFile, '{"language": "de", "windowBounds": {');
    const host = start(recordingShell(dataDir, { preferencesFile }));
    expect((await stateOf(host)).fault).toMatchObject({ code: 'PREFERENCES_CORRUPT', file: preferencesFile });

    expect(await ok(host.core, 'startup.choose', { choice: 'resetPreferences' })).toEqual({
      outcome: 'reopened',
    });

    expect(host.ready).toBe(true);
    const folder = fs.readdirSync(path.dirname(preferencesFile));
    expect(folder).toEqual([
      expect.stringMatching(/^preferences\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/),
    ]);
    expect(fs.readFileSync(path.join(path.dirname(preferencesFile), folder[0]!), 'utf8')).toBe(
      '{"language": "de", "windowBounds": {',
    );
  });

  it('quitting asks the shell to quit and opens nothing', async () => {
    const dataDir = emptyDir();
    writeGarbage(dataDir);
    const shell = recordingShell(dataDir);
    const host = start(shell);
    expect(await ok(host.core, 'startup.choose', { choice: 'quit' })).toEqual({ outcome: 'quitting' });
    expect(shell.quits).toBe(1);
    expect(shell.opens).toBe(1);
  });
});

describe('a core whose data store is open', () => {
  it('has no fault and nothing to choose', async () => {
    const core = testCore();
    expect(await ok(core, 'startup.state')).toEqual({ fault: null, choices: [], backups: [] });
    expect(await core.invoke('startup.choose', { choice: 'quit' })).toMatchObject({
      ok: false,
      error: { code: 'STARTUP_CHOICE_UNAVAILABLE' },
    });
  });
});
