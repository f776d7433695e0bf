import type { DecidingWindow, IsoDate } from '../../../../shared/domain';
import { DomainError, type ErrorParams } from '../../../../shared/errors';
import type { InvitationChannel } from '../../../../shared/ipc';
import type { CoreContext } from '../../context';
import { accessRepository, type AccessRepository } from '../../db/accessRepository';
import type { InvitationRow } from '../../db/contactRepository';
import {
  invitationRepository,
  type InvitationRepository,
  type InviteeRow,
} from '../../db/invitationRepository';
import { isValidEmail } from '../../mail/address';
import { inviteEligibility } from '../../policy/invite';
import { invitationStateOn } from '../../policy/invitationState';
import type { ContactService } from '../contactService';
import type { OrganisationService } from '../organisationService';
import type { OutboxService } from '../outboxService';
import { contactFacts } from '../portfolioViews';
import type { SettingsService } from '../settingsService';

/** The services invitations use: settings, the letter head, the one outbox, the contact's detail. */
export interface InvitationServices {
  settings: SettingsService;
  organisation: OrganisationService;
  outbox: OutboxService;
  contacts: ContactService;
}

/** What the invitation functions work with: the core, those services, the repositories. */
export interface InvitationDeps extends InvitationServices {
  ctx: CoreContext;
  invitations: InvitationRepository;
  access: AccessRepository;
}

export function invitationDeps(ctx: CoreContext, services: InvitationServices): InvitationDeps {
  return { ...services, ctx, invitations: invitationRepository(ctx.db), access: accessRepository(ctx.db) };
}

/** The deciding window as an error's flat params (the refusal names it). */
function windowParams(w: DecidingWindow | null): ErrorParams {
  return w === null
    ? {}
    : {
        window: w.window,
        windowEnabled: w.enabled,
        windowDays: w.days,
        contractDay: w.contractDay,
        windowDay: w.windowDay,
      };
}

/** The contact, if it may be invited over `channel` today; else the refusal is thrown. */
export function invitable(
  { invitations, access, settings }: InvitationDeps,
  contactId: number,
  channel: InvitationChannel,
  today: IsoDate,
): InviteeRow {
  const row = invitations.invitee(contactId);
  if (row === undefined) throw new DomainError('UNKNOWN_CONTACT', { contactId });
  const eligibility = inviteEligibility(
    contactFacts(row, row.registered === 1),
    access.contractsOf(contactId),
    settings.getAccess(),
    today,
  );
  if (!eligibility.allowed) {
    throw new DomainError(
      eligibility.reason,
      eligibility.reason === 'OUTSIDE_ACCESS_WINDOW'
        ? { possibleFrom: eligibility.possibleFrom, ...windowParams(eligibility.window ?? null) }
        : {},
    );
  }
  if (channel === 'email' && !isValidEmail(row.email)) throw new DomainError('NO_EMAIL');
  return row;
}

/** A stored invitation's state on `today` (a pending one past its last day is expired). */
export function stateOn(invitation: Pick<InvitationRow, 'state' | 'expires_on'>, today: IsoDate) {
  return invitationStateOn({ state: invitation.state, expiresOn: invitation.expires_on }, today);
}
