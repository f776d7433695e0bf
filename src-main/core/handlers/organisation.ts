import type { organisationChannels } from '../../../shared/contract/organisation';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function organisationHandlers({
  organisation,
  mail,
  settings,
}: Services): HandlersOf<typeof organisationChannels> {
  return {
    'organisation.checklist': () =>
      organisation.checklist({
        smtpTested: mail.getSettings().tested,
        accessReviewed: settings.accessSaved(),
      }),
    'organisation.get': () => organisation.get(),
    'organisation.update': (next) => organisation.update(next),
  };
}
