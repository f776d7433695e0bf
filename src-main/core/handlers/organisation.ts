import type { organisationChannels } from '../../../shared/contract/organisation';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function organisationHandlers({ organisation }: Services): HandlersOf<typeof organisationChannels> {
  return {
    'organisation.get': () => organisation.get(),
    'organisation.update': (next) => organisation.update(next),
  };
}
