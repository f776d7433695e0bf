/**
 * The core while a start-up fault is shown: the same `invoke` over the same contract, but only the
 * `startup.*` channels (and the stored language) answer; every other channel is refused with
 * STARTUP_FAULT. Each choice acts only when the user makes it, and moves things aside, never deletes.
 */
import fs from 'node:fs';
import { channels } from '../../../shared/ipc';
import type {
  StartupChoice,
  StartupChoiceName,
  StartupFault,
  StartupOutcome,
  StartupState,
} from '../../../shared/contract/startup';
import { DomainError } from '../../../shared/errors';
import { fileStamp, listBackups, restoreBackupOffline, type OfflineRestore } from '../backup/backupFiles';
import { dispatcher, type Core } from '../core';
import { combine } from '../handlers/combine';
import type { PreferenceStore } from '../preferences';

/** What only the shell can do: Electron with its dialogs and app lifecycle, the UI harness with fakes. */
export interface StartupShell {
  /** Asks the user for a folder; null when cancelled. */
  chooseDataDir(): Promise<string | null>;
  /** Uses `dataDir` from now on and remembers it for later starts. */
  useDataDir(dataDir: string): void;
  quit(): void;
}

/** The choices that make sense for a fault, in the order the screen offers them. */
export function choicesFor(fault: StartupFault, backupCount: number): StartupChoiceName[] {
  switch (fault.code) {
    case 'DATA_DIR_MISSING':
      return ['retry', 'createDataDir', 'openOtherDataDir', 'quit'];
    case 'DATA_DIR_NOT_WRITABLE':
    case 'DATABASE_UNAVAILABLE':
    case 'DATA_DIR_IN_USE':
      return ['retry', 'openOtherDataDir', 'quit'];
    case 'DATABASE_CORRUPT':
      return [...(backupCount > 0 ? (['restoreBackup'] as const) : []), 'openOtherDataDir', 'quit'];
    case 'DATA_DIR_ON_NETWORK':
    case 'DATABASE_TOO_NEW':
      // An older backup would silently drop what the newer version wrote: the answer is that version.
      return ['openOtherDataDir', 'quit'];
    case 'PREFERENCES_CORRUPT':
      return ['resetPreferences', 'quit'];
    // Team mode: try the server again (after the IT's upgrade), or work in a local data folder.
    case 'TEAM_DATABASE_UNREACHABLE':
    case 'TEAM_DATABASE_OUTDATED':
      return ['retry', 'openOtherDataDir', 'quit'];
    case 'TEAM_DATABASE_TOO_NEW':
      return ['openOtherDataDir', 'quit'];
  }
}

/** Moves `file` to `<file>.corrupt-<stamp>`, never over an existing file. */
function moveAside(file: string, now: Date): void {
  const base = `${file}.corrupt-${fileStamp(now)}`;
  let target = base;
  for (let n = 2; fs.existsSync(target); n += 1) target = `${base}-${n}`;
  fs.renameSync(file, target);
}

const faultRefusal = (): never => {
  throw new DomainError('STARTUP_FAULT');
};

export function createFaultCore(
  fault: StartupFault,
  deps: {
    shell: StartupShell;
    /**
     * Opens the data store again (the options are read afresh) and makes it the current core; after
     * a restore, that core records it in the audit log.
     */
    reopen(restoredAtStartup?: OfflineRestore): void;
    /** Readable preferences (not for PREFERENCES_CORRUPT): the screen then speaks the user's language. */
    preferences?: PreferenceStore;
  },
): Core {
  function state(): StartupState {
    const backups = fault.code === 'DATABASE_CORRUPT' ? listBackups(fault.dataDir) : [];
    return { fault, choices: choicesFor(fault, backups.length), backups };
  }

  async function choose(choice: StartupChoice): Promise<StartupOutcome> {
    if (!state().choices.includes(choice.choice)) {
      throw new DomainError('STARTUP_CHOICE_UNAVAILABLE', { choice: choice.choice });
    }
    let restored: OfflineRestore | undefined;
    switch (choice.choice) {
      case 'quit':
        deps.shell.quit();
        return { outcome: 'quitting' };
      case 'openOtherDataDir': {
        const chosen = await deps.shell.chooseDataDir();
        if (chosen === null) return { outcome: 'cancelled' };
        deps.shell.useDataDir(chosen);
        break;
      }
      case 'restoreBackup':
        // Verifies the backup first (BACKUP_INVALID, BACKUP_TOO_NEW) and moves the damaged store aside.
        if (fault.code === 'DATABASE_CORRUPT') restored = restoreBackupOffline(fault.dataDir, choice.name);
        break;
      case 'createDataDir':
        try {
          if (fault.code === 'DATA_DIR_MISSING') fs.mkdirSync(fault.dataDir, { recursive: true });
        } catch (error) {
          throw new DomainError('DATA_DIR_NOT_CREATED', { detail: String(error) });
        }
        break;
      case 'resetPreferences':
        if (fault.code === 'PREFERENCES_CORRUPT') moveAside(fault.file, new Date());
        break;
      case 'retry':
        break;
    }
    deps.reopen(restored);
    return { outcome: 'reopened' };
  }

  const answered = {
    'startup.state': state,
    'startup.choose': choose,
    'preferences.get': () => {
      const language = deps.preferences?.read().language;
      // Without a stored language the renderer falls back to the system's.
      return language ? { language } : faultRefusal();
    },
  };
  const refused = channels.filter((name) => !Object.hasOwn(answered, name));
  const handlers = combine(answered, Object.fromEntries(refused.map((name) => [name, faultRefusal])));
  return {
    invoke: dispatcher(handlers),
    events: { on: () => () => undefined, onAny: () => () => undefined },
    close: () => undefined,
  };
}
