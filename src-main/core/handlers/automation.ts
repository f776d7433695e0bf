import type { automationChannels } from '../../../shared/contract/automation';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function automationHandlers({ automation }: Services): HandlersOf<typeof automationChannels> {
  return {
    'automation.getSettings': () => automation.getSettings(),
    'automation.updateSettings': (next) => automation.updateSettings(next),
    'automation.preview': () => automation.preview(),
    'automation.run': () => automation.run(),
  };
}
