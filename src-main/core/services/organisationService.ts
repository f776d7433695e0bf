import { DomainError } from '../../../shared/errors';
import type { Organisation, SetupChecklist } from '../../../shared/ipc';
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
  const isPlaceholder = (): boolean => {
    const current = get();
    return current.name === defaultOrganisation.name || current.portalUrl === defaultOrganisation.portalUrl;
  };

  return {
    get,
    /**
     * The sender or the portal address is still the placeholder the app starts with: no letter
     * and no e-mail is made until the manager has entered theirs (ORGANISATION_PLACEHOLDER).
     */
    isPlaceholder,
    /** The first-start checklist, with what the mail and access settings say. */
    checklist(others: Pick<SetupChecklist, 'smtpTested' | 'accessReviewed'>): SetupChecklist {
      const current = get();
      return {
        senderSet: current.name !== defaultOrganisation.name,
        portalSet: current.portalUrl !== defaultOrganisation.portalUrl,
        ...others,
      };
    },
    requireOwn(): void {
      if (isPlaceholder()) throw new DomainError('ORGANISATION_PLACEHOLDER');
    },
    async update(next: Organisation): Promise<Organisation> {
      const before = get();
      if (JSON.stringify(before) === JSON.stringify(next)) return before;
      await stored.save('organisation.update', before, next, { emits: {} });
      return next;
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;
