import path from 'node:path';
import Store from 'electron-store';
import type { Preferences } from '../../shared/ipc';
import type { PreferenceStore } from '../core/preferences';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

interface StoredPreferences {
  language?: Preferences['language'];
  windowBounds?: WindowBounds;
  /** The data dir chosen on the start-up fault screen, used at later starts (--data-dir still wins). */
  dataDir?: string;
  /** The team database connection (core/services/teamDatabaseService.ts validates it; no password). */
  team?: Record<string, unknown>;
}

export const PREFERENCES_FILE = 'preferences.json';

/** electron-store validates the file against this schema when it opens it. */
const schema = {
  language: { type: 'string', enum: ['de', 'en'] },
  windowBounds: {
    type: 'object',
    properties: {
      x: { type: 'integer' },
      y: { type: 'integer' },
      width: { type: 'integer', minimum: 640 },
      height: { type: 'integer', minimum: 480 },
    },
    required: ['width', 'height'],
  },
  dataDir: { type: 'string', minLength: 1 },
  team: { type: 'object' },
} as const;

export type ShellPreferences = ReturnType<typeof preferencesOf>;

export type OpenedPreferences =
  { ok: true; preferences: ShellPreferences } | { ok: false; fault: { file: string; detail: string } };

/**
 * The preferences in `<dir>/preferences.json`. A file that is not JSON or breaks the schema is
 * reported, not reset (electron-store's `clearInvalidConfig` would silently overwrite it): the
 * start-up fault screen then offers to move it aside.
 */
export function openPreferences(dir: string): OpenedPreferences {
  try {
    const store = new Store<StoredPreferences>({
      name: path.basename(PREFERENCES_FILE, '.json'),
      schema,
      clearInvalidConfig: false,
      cwd: dir,
    });
    return { ok: true, preferences: preferencesOf(store) };
  } catch (error) {
    return {
      ok: false,
      fault: {
        file: path.join(dir, PREFERENCES_FILE),
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

function preferencesOf(store: Store<StoredPreferences>) {
  const forCore: PreferenceStore = {
    read: () => (store.get('language') ? { language: store.get('language') } : {}),
    write: (preferences) => store.set('language', preferences.language),
    readTeam: () => store.get('team'),
    writeTeam: (team) => store.set('team', team as Record<string, unknown>),
  };
  return {
    forCore,
    windowBounds: (): WindowBounds | undefined => store.get('windowBounds'),
    saveWindowBounds: (bounds: WindowBounds) => store.set('windowBounds', bounds),
    dataDir: (): string | undefined => store.get('dataDir'),
    saveDataDir: (dataDir: string) => store.set('dataDir', dataDir),
  };
}
