import { DomainError } from '../../../shared/errors';
import type { StartupChannelName } from '../../../shared/ipc';
import type { SyncHandlers } from '../core';

/** The `startup.*` channels of a core whose data store is open: there is no fault, nothing to choose. */
export const startupHandlersWhenReady: SyncHandlers<StartupChannelName> = {
  'startup.state': () => ({ fault: null, choices: [], backups: [] }),
  'startup.choose': () => {
    throw new DomainError('STARTUP_CHOICE_UNAVAILABLE');
  },
};
