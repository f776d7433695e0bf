/**
 * The handlers of the channels `invitations.*`, `outbox.*`, `mail.*` and `organisation.*`
 * (shared/contract/invitations.ts). Thin: validation happened in `core.invoke`; the use cases are
 * in invitationService, outboxService, mailService and organisationService.
 *
 * Sending: after a change that queued mail, delivery starts in the background once the transaction
 * has committed (SMTP on only); the answer to `invoke` never waits for a mail server. `outbox.send`
 * waits for its run. See outboxService.ts.
 */
import type { ContactDetail, InvitationChannelName } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import type { Handlers } from '../core';
import { invitationService } from './invitationService';
import type { MailService } from './mailService';
import type { OrganisationService } from './organisationService';
import type { OutboxService } from './outboxService';
import type { SettingsService } from './settingsService';

/** Services shared with other handler groups: one outbox (one send queue) per core. */
export interface MailDeps {
  organisation: OrganisationService;
  mail: MailService;
  outbox: OutboxService;
}

export function createInvitationHandlers(
  ctx: CoreContext,
  settings: SettingsService,
  contactDetail: (contactId: number) => ContactDetail,
  { organisation, mail, outbox }: MailDeps,
): Pick<Handlers, InvitationChannelName> {
  const invitations = invitationService(ctx, settings, organisation, outbox);

  return {
    'invitations.create': async ({ contactId, channel }) => ({
      ...(await invitations.create(contactId, channel)),
      contact: contactDetail(contactId),
    }),
    'invitations.reactivate': ({ id }) => contactDetail(invitations.reactivate(id)),
    'invitations.revoke': ({ id }) => contactDetail(invitations.revoke(id)),
    'invitations.redeem': ({ code }) => invitations.redeem(code),
    'invitations.previewProperty': ({ propertyId }) => invitations.previewProperty(propertyId),
    'invitations.inviteProperty': ({ propertyId, contactIds }) =>
      invitations.inviteProperty(propertyId, contactIds),
    'outbox.list': (query) => outbox.list(query),
    'outbox.get': ({ id }) => outbox.get(id),
    'outbox.send': () => outbox.send(),
    'mail.getSettings': () => mail.getSettings(),
    'mail.updateSettings': (input) => mail.updateSettings(input),
    'mail.sendTest': ({ to }) => mail.sendTest(to),
    'organisation.get': () => organisation.get(),
    'organisation.update': (next) => organisation.update(next),
  };
}
