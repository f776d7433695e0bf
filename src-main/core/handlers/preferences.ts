import type { preferencesChannels } from '../../../shared/contract/preferences';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function preferencesHandlers({ preferences }: Services): HandlersOf<typeof preferencesChannels> {
  return {
    'preferences.get': () => preferences.get(),
    'preferences.update': (change) => preferences.update(change),
  };
}
