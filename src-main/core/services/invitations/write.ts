import type { IsoDate } from '../../../../shared/domain';
import type { InvitationChannel, InvitationSummary, Organisation } from '../../../../shared/ipc';
import type { Audit, CoreContext } from '../../context';
import type { InviteeRow } from '../../db/invitationRepository';
import type { InvitationLetter } from '../../letters/invitationLetter';
import { renderLetters } from '../../letters/letterThreads';
import { isValidEmail } from '../../mail/address';
import { generateInvitationCode, hashInvitationCode } from '../invitationCode';
import { codeKeyOf } from '../outboxDelivery';
import { postalAddressee } from '../portfolioViews';
import type { InvitationDeps } from './deps';

export interface NewInvitation {
  row: InviteeRow;
  channel: InvitationChannel;
  /** The code shown (letter, bare code); for 'email' none: it is issued when the e-mail is sent. */
  code: string | null;
  expiresOn: IsoDate;
  /** Open older invitations of the contact, revoked by this one (and their mail withdrawn). */
  supersedes: readonly number[];
  /** Set when invited with the rest of a property. */
  propertyId: number | null;
}

/**
 * Writes one invitation (inside the caller's change): revokes the open older ones given and
 * withdraws their mail not sent yet, stores the code's keyed hash, queues the e-mail for channel
 * 'email' (as the invitation it is about: the code is issued when it is sent), and audits each step.
 */
export function writeInvitation(
  { ctx, invitations, outbox }: InvitationDeps,
  audit: Audit,
  invitation: NewInvitation,
): { summary: InvitationSummary; outboxId: number | null } {
  const { row, channel, code, expiresOn, supersedes, propertyId } = invitation;
  const now = ctx.clock.now();
  for (const older of supersedes) {
    invitations.revoke(older, now);
    outbox.withdrawOfInvitation(audit, older);
    audit({
      action: 'invitations.revoke',
      entity: 'invitation',
      entityId: older,
      before: { state: 'pending' },
      after: { state: 'revoked', reason: 'superseded' },
    });
  }
  const id = invitations.insert({
    contact_id: row.id,
    // An e-mail invitation holds a code nobody knows until its e-mail is sent (outboxDelivery.ts).
    code_hash: hashInvitationCode(code ?? generateInvitationCode(), codeKeyOf(ctx)),
    created_at: now,
    expires_on: expiresOn,
    channel,
  });
  let outboxId: number | null = null;
  if (channel === 'email' && isValidEmail(row.email)) {
    outboxId = outbox.queue({
      contact_id: row.id,
      channel: 'email',
      kind: 'invitation',
      invitation_id: id,
      content_id: null,
      recipient: row.email,
      language: row.language,
      created_at: now,
    });
  }
  audit({
    action: 'invitations.create',
    entity: 'invitation',
    entityId: id,
    // Never the code, not even its hash.
    after: { contactId: row.id, channel, expiresOn, outboxId, propertyId },
  });
  return { summary: { id, state: 'pending', channel, createdAt: now, expiresOn }, outboxId };
}

export function invitationLetter(
  row: InviteeRow,
  code: string,
  expiresOn: IsoDate,
  today: IsoDate,
  org: Organisation,
): InvitationLetter {
  return {
    language: row.language,
    addressee: postalAddressee(row),
    code,
    expiresOn,
    date: today,
    organisation: org,
  };
}

/** The letters as one PDF, one page each, rendered off the main thread; null for none. */
export async function lettersPdf(
  ctx: CoreContext,
  letters: readonly InvitationLetter[],
): Promise<Uint8Array | null> {
  if (letters.length === 0) return null;
  const pdf = await renderLetters({ kind: 'invitation', letters }, (progress) =>
    ctx.announce({ 'letters.progress': progress }),
  );
  return pdf;
}
