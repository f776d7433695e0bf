import type { mailChannels } from '../../../shared/contract/mail';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function mailHandlers({ mail }: Services): HandlersOf<typeof mailChannels> {
  return {
    'mail.getSettings': () => mail.getSettings(),
    'mail.updateSettings': (input) => mail.updateSettings(input),
    'mail.sendTest': ({ to }) => mail.sendTest(to),
  };
}
