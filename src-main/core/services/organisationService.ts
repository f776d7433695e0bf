import type { Organisation } from '../../../shared/ipc';
import { organisationSchema } from '../../../shared/contract/invitations';
import type { CoreContext } from '../context';
import { settingsRepository } from '../db/settingsRepository';

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
  const settings = settingsRepository(ctx.db);

  function get(): Organisation {
    const parsed = organisationSchema.safeParse(settings.get(ORGANISATION_KEY));
    return parsed.success ? parsed.data : defaultOrganisation;
  }

  return {
    get,
    update(next: Organisation): Organisation {
      const before = get();
      if (JSON.stringify(before) === JSON.stringify(next)) return before;
      ctx.change((audit) => {
        settings.set(ORGANISATION_KEY, next);
        audit({
          action: 'organisation.update',
          entity: 'settings',
          entityId: ORGANISATION_KEY,
          before,
          after: next,
        });
      });
      return next;
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;
