import type { startupChannels } from '../../../shared/contract/startup';
import { DomainError } from '../../../shared/errors';
import type { HandlersOf } from './types';

/**
 * The `startup.*` channels of a core whose data store is open: there is no fault, nothing to
 * choose. (While a fault is shown, startup/faultCore.ts answers them.)
 */
export function startupHandlers(): HandlersOf<typeof startupChannels> {
  return {
    'startup.state': () => ({ fault: null, choices: [], backups: [] }),
    'startup.choose': () => {
      throw new DomainError('STARTUP_CHOICE_UNAVAILABLE');
    },
  };
}
