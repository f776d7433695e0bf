/**
 * Invitations (Kontakt einladen, ARCHITECTURE.md §3 "Invite"): create one by e-mail, letter or bare
 * code; reactivate, revoke, redeem (contact.ts); preview and invite a whole property (property.ts).
 *
 * - Eligibility is the policy's `inviteEligibility` over the contact's facts from the data store
 *   (archived; registered = has a portal account) and all its contracts, on today's date from the
 *   clock, under the access settings in force. Every refusal is a DomainError and writes nothing.
 * - The code is shown once and stored only as its SHA-256 (services/invitationCode.ts). It is valid
 *   through `expiresOn` = today + INVITATION_VALID_DAYS (inclusive).
 * - A new invitation revokes the contact's open older ones (pending, expired or not), so at most one
 *   code per contact can ever be redeemed.
 * - E-mail: the message (contact's language) is queued in the outbox in the same transaction;
 *   delivery happens after the commit (services/outboxService.ts). Letter: the PDF is rendered before
 *   the transaction (rendering is asynchronous; a transaction is not), so a failure writes nothing.
 */
import type { InvitationChannel } from '../../../../shared/ipc';
import type { CoreContext } from '../../context';
import { createInvitation, reactivateInvitation, redeemInvitation, revokeInvitation } from './contact';
import { invitationDeps, type InvitationServices } from './deps';
import { inviteProperty, previewPropertyInvitations } from './property';
import { waitingInvitations } from './waiting';

export function invitationService(ctx: CoreContext, services: InvitationServices) {
  const d = invitationDeps(ctx, services);
  return {
    waiting: () => waitingInvitations(d),
    create: (contactId: number, channel: InvitationChannel) => createInvitation(d, contactId, channel),
    reactivate: (id: number) => reactivateInvitation(d, id),
    revoke: (id: number) => revokeInvitation(d, id),
    redeem: (code: string) => redeemInvitation(d, code),
    previewProperty: (propertyId: number) => previewPropertyInvitations(d, propertyId),
    inviteProperty: (propertyId: number, contactIds: readonly number[]) =>
      inviteProperty(d, propertyId, contactIds),
  };
}
export type InvitationService = ReturnType<typeof invitationService>;
