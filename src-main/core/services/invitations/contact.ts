/** Invitations of one contact: create, reactivate, revoke, and the portal's redemption of a code. */
import { DomainError } from '../../../../shared/errors';
import { INVITATION_VALID_DAYS } from '../../../../shared/contract/invitations';
import { addDays } from '../../../../shared/dates';
import type { IsoDate } from '../../../../shared/domain';
import type { ContactDetail, CreatedInvitation, InvitationChannel } from '../../../../shared/ipc';
import { portfolioChanged, type Audit } from '../../context';
import { heldFiles, lettersFileName } from '../../exports/heldFiles';
import type { InvitationRow } from '../../db/contactRepository';
import { settingsRepository } from '../../db/settingsRepository';
import { isDemoStore } from '../demoStore';
import { canonicalCode, generateInvitationCode, hashInvitationCode } from '../invitationCode';
import { codeKeyOf } from '../outboxDelivery';
import { displayName, nameOfRow } from '../portfolioViews';
import { invitable, stateOn, type InvitationDeps } from './deps';
import { invitationLetter, lettersPdf, writeInvitation } from './write';

export async function createInvitation(
  d: InvitationDeps,
  contactId: number,
  channel: InvitationChannel,
): Promise<CreatedInvitation> {
  const today = d.ctx.clock.today();
  const expiresOn = addDays(today, INVITATION_VALID_DAYS);
  const code = channel === 'email' ? null : generateInvitationCode();
  const org = d.organisation.get();
  // Checked before rendering the letter, and again inside the transaction.
  const checked = invitable(d, contactId, channel, today);
  // No letter and no e-mail with the placeholder sender; a bare code names no sender.
  if (channel !== 'code') d.organisation.requireOwn();
  const letterOf = (row: typeof checked, letterCode: string) =>
    JSON.stringify(invitationLetter(row, letterCode, expiresOn, today, org));
  const letterPdf =
    channel === 'letter' && code !== null
      ? await lettersPdf(d.ctx, [invitationLetter(checked, code, expiresOn, today, org)])
      : null;
  const written = await d.ctx.change(
    async (audit) => {
      const row = invitable(d, contactId, channel, today);
      // The letter rendered must be the one written (name and address unchanged meanwhile).
      if (letterPdf !== null && code !== null && letterOf(row, code) !== letterOf(checked, code))
        throw new DomainError('CHANGED_MEANWHILE');
      const supersedes = d.invitations.openOf(contactId).map((open) => open.id);
      return writeInvitation(d, audit, { row, channel, code, expiresOn, supersedes, propertyId: null });
    },
    { emits: portfolioChanged },
  );
  if (written.outboxId !== null) d.outbox.deliverSoon();
  return {
    invitation: written.summary,
    code,
    outboxId: written.outboxId,
    letter:
      letterPdf === null
        ? null
        : heldFiles(d.ctx).hold({
            fileName: lettersFileName(d.ctx, 'invitation', checked.reference_id),
            kind: 'pdf',
            count: 1,
            bytes: letterPdf,
          }),
    contact: await d.contacts.detail(contactId),
  };
}

/**
 * Changes one invitation in one transaction; `work` gets it with its state today. The answer is the
 * contact's detail.
 */
async function changeInvitation(
  d: InvitationDeps,
  id: number,
  work: (invitation: InvitationRow, state: ReturnType<typeof stateOn>, today: IsoDate, audit: Audit) => void,
): Promise<ContactDetail> {
  const today = d.ctx.clock.today();
  const contactId = await d.ctx.change(
    async (audit) => {
      const invitation = d.invitations.get(id);
      if (invitation === undefined) throw new DomainError('NOT_FOUND', { entity: 'invitation', id });
      work(invitation, stateOn(invitation, today), today, audit);
      return invitation.contact_id;
    },
    { emits: portfolioChanged },
  );
  return d.contacts.detail(contactId);
}

/** A new expiry (today + validity) for an expired invitation; the code stays the same. */
export async function reactivateInvitation(d: InvitationDeps, id: number): Promise<ContactDetail> {
  return await changeInvitation(d, id, (invitation, state, today, audit) => {
    if (state !== 'expired') throw new DomainError('INVITATION_NOT_EXPIRED', { state });
    invitable(d, invitation.contact_id, 'code', today);
    const expiresOn = addDays(today, INVITATION_VALID_DAYS);
    d.invitations.reopen(id, expiresOn);
    audit({
      action: 'invitations.reactivate',
      entity: 'invitation',
      entityId: id,
      before: { state, expiresOn: invitation.expires_on },
      after: { state: 'pending', expiresOn },
    });
  });
}

/** Revokes a pending (or expired) invitation: its code no longer registers anyone. */
export async function revokeInvitation(d: InvitationDeps, id: number): Promise<ContactDetail> {
  return await changeInvitation(d, id, (_invitation, state, _today, audit) => {
    if (state !== 'pending' && state !== 'expired') {
      throw new DomainError('INVITATION_NOT_PENDING', { state });
    }
    d.invitations.revoke(id, d.ctx.clock.now());
    d.outbox.withdrawOfInvitation(audit, id);
    audit({
      action: 'invitations.revoke',
      entity: 'invitation',
      entityId: id,
      before: { state },
      after: { state: 'revoked' },
    });
  });
}

/**
 * Registration in the portal with a code (in the app: a marked simulation, in the demo only:
 * DEMO_ONLY elsewhere, where contacts register themselves). INVALID_CODE for an
 * unknown, revoked or used code; CODE_EXPIRED after its last valid day; the invite rules are
 * checked again (a contact archived or out of access since cannot register).
 */
export async function redeemInvitation(
  d: InvitationDeps,
  typed: string,
): Promise<{ contactId: number; displayName: string }> {
  if (!isDemoStore(settingsRepository(d.ctx.db))) throw new DomainError('DEMO_ONLY');
  const canonical = canonicalCode(typed);
  if (canonical === null) throw new DomainError('INVALID_CODE');
  const today = d.ctx.clock.today();
  return await d.ctx.change(
    async (audit) => {
      const invitation = d.invitations.byCodeHash(hashInvitationCode(canonical, codeKeyOf(d.ctx)));
      if (invitation === undefined || invitation.state === 'revoked' || invitation.state === 'redeemed') {
        throw new DomainError('INVALID_CODE');
      }
      if (stateOn(invitation, today) !== 'pending') {
        throw new DomainError('CODE_EXPIRED', { expiresOn: invitation.expires_on });
      }
      const row = invitable(d, invitation.contact_id, 'code', today);
      const now = d.ctx.clock.now();
      d.invitations.createAccount(row.id, now);
      d.invitations.markRedeemed(invitation.id, now);
      audit({
        action: 'invitations.redeem',
        entity: 'invitation',
        entityId: invitation.id,
        before: { state: 'pending' },
        after: { state: 'redeemed', contactId: row.id, registeredAt: now },
      });
      return { contactId: row.id, displayName: displayName(nameOfRow(row)) };
    },
    { emits: portfolioChanged },
  );
}
