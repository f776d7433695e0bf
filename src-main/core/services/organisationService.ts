import type { Organisation } from '../../../shared/ipc';
import { organisationSchema } from '../../../shared/contract/organisation';
import type { CoreContext } from '../context';
import { storedSetting } from './storedSetting';

const ORGANISATION_KEY = 'organisation';

/** Until the manager enters theirs: a neutral name and a placeholder portal on a reserved domain. */
export const defaultOrganisation: Organisation = {
  name: 'Hausverwaltung',
  street: null,
  postcode: null,
  city: null,
  portalUrl: 'https://portal.example.com',
};

/** The property management company (letter head, e-mail signature) and its portal address. */
export function organisationService(ctx: CoreContext) {
  const stored = storedSetting(ctx, ORGANISATION_KEY, organisationSchema, defaultOrganisation);
  const get = stored.get;

  return {
    get,
    update(next: Organisation): Organisation {
      const before = get();
      if (JSON.stringify(before) === JSON.stringify(next)) return before;
      stored.save('organisation.update', before, next, { emits: {} });
      return next;
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;
