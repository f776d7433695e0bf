import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { pinnedClock, systemClock } from '../core/clock';
import type { AppShell } from '../core/startup/host';
import type { LaunchOptions } from './args';
import { openPreferences, type ShellPreferences } from './preferences';
import { electronSaveDialog } from './saveDialog';
import { safeStorageSecretStore } from './secrets';

/** The folder dialog is drawn by the system, before any UI text could be loaded: its title here. */
const chooseFolderTitle = { de: 'Datenordner wählen', en: 'Choose the data folder' } as const;

export interface ElectronShell extends AppShell {
  /** The preferences as last opened; null while their file is corrupt (nothing is written to it then). */
  preferences(): ShellPreferences | null;
}

/**
 * The start-up shell of the Electron app: which data dir and preferences to open (read afresh on every
 * reopen), the system's folder dialog, remembering a chosen data dir, quitting.
 */
export function electronShell(launch: LaunchOptions, userDataDir: string): ElectronShell {
  let preferences: ShellPreferences | null = null;
  let chosenDataDir: string | null = null;
  let demoDir: string | null = null;

  function namedDataDir(): string | null {
    if (chosenDataDir) return chosenDataDir;
    if (launch.dataDir) return path.resolve(launch.dataDir);
    if (launch.demo) {
      demoDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'portal-access-admin-demo-'));
      return demoDir;
    }
    return preferences?.dataDir() ?? null;
  }

  return {
    options() {
      const opened = openPreferences(userDataDir);
      preferences = opened.ok ? opened.preferences : null;
      const named = namedDataDir();
      return {
        dataDir: named ?? path.join(userDataDir, 'data'),
        dataDirChosen: named !== null,
        clock: launch.today ? pinnedClock(launch.today) : systemClock,
        actor: os.userInfo().username,
        secrets: safeStorageSecretStore(userDataDir),
        saveDialog: electronSaveDialog(),
        automaticBackups: true,
        automaticRules: true,
        ...(opened.ok ? { preferences: opened.preferences.forCore } : { preferencesFault: opened.fault }),
      };
    },
    async chooseDataDir() {
      const language =
        preferences?.forCore.read().language ?? (app.getLocale().startsWith('en') ? 'en' : 'de');
      const options: OpenDialogOptions = {
        title: chooseFolderTitle[language],
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    useDataDir(dataDir) {
      chosenDataDir = dataDir;
      preferences?.saveDataDir(dataDir);
    },
    quit() {
      app.quit();
    },
    preferences: () => preferences,
  };
}
