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
}

/** electron-store validates the file against this schema; an invalid file is reset, not trusted. */
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
} as const;

export function createPreferences(cwd?: string) {
  const store = new Store<StoredPreferences>({
    name: 'preferences',
    schema,
    clearInvalidConfig: true,
    ...(cwd ? { cwd } : {}),
  });
  const forCore: PreferenceStore = {
    read: () => (store.get('language') ? { language: store.get('language') } : {}),
    write: (preferences) => store.set('language', preferences.language),
  };
  return {
    forCore,
    windowBounds: (): WindowBounds | undefined => store.get('windowBounds'),
    saveWindowBounds: (bounds: WindowBounds) => store.set('windowBounds', bounds),
  };
}
