import fs from 'node:fs';
import path from 'node:path';
import type { Preferences } from '../../shared/ipc';
import { languageSchema } from '../../shared/ipc';

/**
 * Where user preferences live. The Electron shell injects one backed by electron-store; tests and
 * the UI harness use a JSON file in the data dir. The core never knows which.
 */
export interface PreferenceStore {
  read(): Partial<Preferences>;
  write(preferences: Preferences): void;
  /** This desktop's team database connection as stored (never its password); the reader validates it. */
  readTeam(): unknown;
  writeTeam(team: unknown): void;
}

export const defaultPreferences: Preferences = { language: 'de' };

export function memoryPreferenceStore(initial: Partial<Preferences> = {}): PreferenceStore {
  let stored = { ...initial };
  let team: unknown;
  return {
    read: () => ({ ...stored }),
    write: (preferences) => {
      stored = { ...preferences };
    },
    readTeam: () => structuredClone(team),
    writeTeam: (next) => {
      team = structuredClone(next);
    },
  };
}

/** Preferences as a small JSON file, written atomically (temp file + rename); a write keeps the other keys. */
export function filePreferenceStore(file: string): PreferenceStore {
  const readAll = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const writeAll = (change: Record<string, unknown>) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ ...readAll(), ...change }, null, 2));
    fs.renameSync(temp, file);
  };
  return {
    read() {
      const language = languageSchema.safeParse(readAll().language);
      return language.success ? { language: language.data } : {};
    },
    write: (preferences) => writeAll({ ...preferences }),
    readTeam: () => readAll().team,
    writeTeam: (team) => writeAll({ team }),
  };
}
