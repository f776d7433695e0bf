import type { SettingsRepository } from '../db/settingsRepository';

/** The first-start choice on an empty data store: 'demo' (the demo portfolio was loaded) or 'empty'. */
export const FIRST_START_KEY = 'firstStart';

/**
 * A data store is the demo when the demo portfolio was loaded into it (the first-start choice, kept
 * in its settings and so in its backups). Only there may the app simulate what the portal does
 * (a registration with a code): in real data, contacts register themselves.
 */
export function isDemoStore(settingsRows: SettingsRepository): boolean {
  return settingsRows.get(FIRST_START_KEY) === 'demo';
}
