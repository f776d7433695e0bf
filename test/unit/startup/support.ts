import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { pinnedClock } from '../../../src-main/core/clock';
import { DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { memoryPreferenceStore, type PreferenceStore } from '../../../src-main/core/preferences';
import { startApp, type AppHost, type AppShell } from '../../../src-main/core/startup/host';
import { openDataStore, type StartupOptions } from '../../../src-main/core/startup/openDataStore';
import { tempDir } from '../support';

const hosts: AppHost[] = [];
const cores: Core[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()?.core.close();
  while (cores.length) cores.pop()?.close();
});

export function startupOptions(dataDir: string, more: Partial<StartupOptions> = {}): StartupOptions {
  return {
    dataDir,
    dataDirChosen: true,
    clock: pinnedClock('2026-11-27'),
    actor: 'unit-test',
    preferences: memoryPreferenceStore(),
    ...more,
  };
}

/** openDataStore, its core closed after the test. */
export function open(options: StartupOptions): ReturnType<typeof openDataStore> {
  const opened = openDataStore(options);
  if (opened.kind === 'ready') cores.push(opened.core);
  return opened;
}

export interface RecordingShell extends AppShell {
  folderDialogs: number;
  dataDirsUsed: string[];
  quits: number;
  /** How often the options were asked for: the first start and every reopen. */
  opens: number;
}

/**
 * The shell as the Electron one behaves, with the system parts recorded: the folder dialog answers
 * `answer`; a chosen folder is used from then on; the preferences file (when given) is read afresh on
 * every open and is a fault while it is not JSON.
 */
export function recordingShell(
  dataDir: string,
  settings: {
    dataDirChosen?: boolean;
    answer?: string | null;
    preferences?: PreferenceStore;
    preferencesFile?: string;
  } = {},
): RecordingShell {
  const shell: RecordingShell = {
    folderDialogs: 0,
    dataDirsUsed: [],
    quits: 0,
    opens: 0,
    options() {
      shell.opens += 1;
      const fault = settings.preferencesFile ? preferencesFault(settings.preferencesFile) : undefined;
      return startupOptions(shell.dataDirsUsed.at(-1) ?? dataDir, {
        dataDirChosen: settings.dataDirChosen ?? true,
        preferences: settings.preferences ?? memoryPreferenceStore(),
        ...(fault ? { preferencesFault: fault } : {}),
      });
    },
    chooseDataDir() {
      shell.folderDialogs += 1;
      return Promise.resolve(settings.answer ?? null);
    },
    useDataDir(chosen) {
      shell.dataDirsUsed.push(chosen);
    },
    quit() {
      shell.quits += 1;
    },
  };
  return shell;
}

function preferencesFault(file: string): { file: string; detail: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
    return undefined;
  } catch (error) {
    return { file, detail: String(error) };
  }
}

/** startApp on a shell; the host is closed after the test. */
export function start(shell: AppShell): AppHost {
  const host = startApp(shell);
  hosts.push(host);
  return host;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Sets the schema version the way a newer app would have left it (rollback journal, no WAL). */
export function markTooNew(dataDir: string, version: number): void {
  const db = new Database(databaseFile(dataDir));
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${version}`);
  } finally {
    db.close();
  }
}

/** Overwrites the database with bytes that are not SQLite's: a failed copy, a sync tool gone wrong. */
export function writeGarbage(dataDir: string): void {
  fs.writeFileSync(databaseFile(dataDir), Buffer.alloc(64 * 1024, 'Kein SQLite. '));
}

/** A fresh, empty folder (removed after the test). */
export function emptyDir(): string {
  return tempDir('portal-startup-');
}
