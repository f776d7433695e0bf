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
}

export const defaultPreferences: Preferences = { language: 'de' };

export function memoryPreferenceStore(initial: Partial<Preferences> = {}): PreferenceStore {
  let stored = { ...initial };
  return {
    read: () => ({ ...stored }),
    write: (preferences) => {
      stored = { ...preferences };
    },
  };
}

/** Preferences as a small JSON file, written atomically (temp file + rename). */
export function filePreferenceStore(file: string): PreferenceStore {
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        const language = languageSchema.safeParse((parsed as { language?: unknown }).language);
        return language.success ? { language: language.data } : {};
      } catch {
        return {};
      }
    },
    write(preferences) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(preferences, null, 2));
      fs.renameSync(temp, file);
    },
  };
}
