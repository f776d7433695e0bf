import type { settingsChannels } from '../../../shared/contract/settings';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function settingsHandlers({ settings }: Services): HandlersOf<typeof settingsChannels> {
  return {
    'settings.getAccess': () => settings.getAccess(),
    'settings.updateAccess': (next) => settings.updateAccess(next),
    'settings.previewAccessImpact': (next) => settings.previewAccessImpact(next),
    'settings.seatForecast': () => settings.seatForecast(null),
    'settings.previewSeatForecast': (proposed) => settings.seatForecast(proposed),
  };
}
