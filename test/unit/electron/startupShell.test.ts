/**
 * The Electron start-up shell (electron-store preferences, folder dialog, quit) with the real core
 * behind it, against a fake 'electron' module: a damaged preferences file gives the fault screen and
 * is never overwritten; a chosen data dir is remembered for the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StartupState } from '../../../shared/ipc';
import type { LaunchOptions } from '../../../src-main/electron/args';
import { folderContents, ok, tempDir } from '../support';
import { start } from '../startup/support';

const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    quits: 0,
    dialogs: [] as Record<string, unknown>[],
    dialogAnswer: null as string | null,
  };
  const electron = {
    app: {
      getPath: () => state.userData,
      getVersion: () => '0.0.0-test',
      getLocale: () => 'de-DE',
      quit: () => {
        state.quits += 1;
      },
    },
    ipcMain: { on: () => undefined },
    BrowserWindow: { getFocusedWindow: () => null },
    dialog: {
      showOpenDialog: (options: Record<string, unknown>) => {
        state.dialogs.push(options);
        return Promise.resolve(
          state.dialogAnswer
            ? { canceled: false, filePaths: [state.dialogAnswer] }
            : { canceled: true, filePaths: [] },
        );
      },
    },
    safeStorage: { isEncryptionAvailable: () => false },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { electronShell } = await import('../../../src-main/electron/startupShell');

const noSwitches: LaunchOptions = { dataDir: null, today: '2026-11-27', demo: false };

function preferencesFile(): string {
  return path.join(fake.state.userData, 'preferences.json');
}

function stateOf(host: ReturnType<typeof start>): Promise<StartupState> {
  return ok(host.core, 'startup.state');
}

beforeEach(() => {
  fake.state.userData = tempDir('portal-userdata-');
  fake.state.quits = 0;
  fake.state.dialogs.length = 0;
  fake.state.dialogAnswer = null;
});

describe('a damaged preferences file', () => {
  it.each([
    ['is not JSON', '{"language": "en", "windowBounds": {"width": 1280,'],
    ['breaks the schema', '{"language": "fr", "windowBounds": {"width": 12}}'],
  ])('that %s gives the fault screen and stays as it was', async (_, content) => {
    fs.writeFileSync(preferencesFile(), content);
    const before = folderContents(fake.state.userData);
    const shell = electronShell(noSwitches, fake.state.userData);
    const host = start(shell);

    expect((await stateOf(host)).fault).toMatchObject({
      code: 'PREFERENCES_CORRUPT',
      file: preferencesFile(),
    });
    // Nothing may write to it meanwhile: the window's bounds are not saved, no data dir is created.
    expect(shell.preferences()).toBeNull();
    expect(folderContents(fake.state.userData)).toEqual(before);
  });

  it('is moved aside on "reset preferences", and the app then starts with fresh ones', async () => {
    fs.writeFileSync(preferencesFile(), '{"language": "en",');
    const shell = electronShell(noSwitches, fake.state.userData);
    const host = start(shell);

    expect(await ok(host.core, 'startup.choose', { choice: 'resetPreferences' })).toEqual({
      outcome: 'reopened',
    });

    expect(host.ready).toBe(true);
    const aside = fs.readdirSync(fake.state.userData).filter((name) => name.includes('.corrupt-'));
    expect(aside.map((name) => fs.readFileSync(path.join(fake.state.userData, name), 'utf8'))).toEqual([
      '{"language": "en",',
    ]);
    expect(await ok(host.core, 'preferences.update', { language: 'en' })).toEqual({ language: 'en' });
    expect(JSON.parse(fs.readFileSync(preferencesFile(), 'utf8'))).toMatchObject({ language: 'en' });
    expect(fs.existsSync(path.join(fake.state.userData, 'data'))).toBe(true);
  });
});

describe('the data dir', () => {
  it('chosen on the fault screen is remembered for the next start', async () => {
    const missing = path.join(tempDir(), 'Netzlaufwerk');
    const chosen = tempDir('portal-chosen-');
    fake.state.dialogAnswer = chosen;
    const first = start(electronShell({ ...noSwitches, dataDir: missing }, fake.state.userData));
    expect((await stateOf(first)).fault).toEqual({ code: 'DATA_DIR_MISSING', dataDir: missing });

    expect(await ok(first.core, 'startup.choose', { choice: 'openOtherDataDir' })).toEqual({
      outcome: 'reopened',
    });
    expect(fake.state.dialogs).toEqual([
      { title: 'Datenordner wählen', properties: ['openDirectory', 'createDirectory'] },
    ]);
    expect(first.ready).toBe(true);
    first.core.close();

    // The next start without switches opens the chosen folder; when it is gone, that is a fault.
    const next = start(electronShell(noSwitches, fake.state.userData));
    expect(next.ready).toBe(true);
    expect(fs.existsSync(path.join(chosen, 'portal-access-admin.db'))).toBe(true);
    next.core.close();
    fs.rmSync(chosen, { recursive: true });
    const afterUnplugging = start(electronShell(noSwitches, fake.state.userData));
    expect((await stateOf(afterUnplugging)).fault).toEqual({ code: 'DATA_DIR_MISSING', dataDir: chosen });
  });

  it('at the default location is simply created on the first start', () => {
    const host = start(electronShell(noSwitches, fake.state.userData));
    expect(host.ready).toBe(true);
    expect(fs.existsSync(path.join(fake.state.userData, 'data', 'portal-access-admin.db'))).toBe(true);
  });

  it('quitting from the fault screen quits the app', async () => {
    const missing = path.join(tempDir(), 'fehlt');
    const host = start(electronShell({ ...noSwitches, dataDir: missing }, fake.state.userData));
    expect(await ok(host.core, 'startup.choose', { choice: 'quit' })).toEqual({ outcome: 'quitting' });
    expect(fake.state.quits).toBe(1);
  });
});
