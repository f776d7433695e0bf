/** Invitations (Kontakt einladen): one contact at a time or a whole property, by e-mail, letter or code. */
import { z } from 'zod';
import type { Access, DecidingWindow, InviteRefusal, IsoDate } from '../domain';
import { channel, idSchema, noPayload } from './channel';
import type { HeldFile } from './exports';
import type { ContactDetail, InvitationSummary } from './portfolio';

export const INVITATION_VALID_DAYS = 30;
/** A pending invitation not taken up after this many days is a to-do on the Übersicht. */
export const INVITATION_WAITING_DAYS = 14;

export type InvitationChannel = 'email' | 'letter' | 'code';

export interface CreatedInvitation {
  invitation: InvitationSummary;
  /**
   * The registration key in plain text, shown once and never stored (channels 'code' and 'letter');
   * null for 'email': the code is issued when the e-mail is sent and only the e-mail carries it.
   */
  code: string | null;
  /** For channel 'email': the outbox entry. */
  outboxId: number | null;
  /** For channel 'letter': the invitation letter (a PDF), held for saving with `exports.save`. */
  letter: HeldFile | null;
  contact: ContactDetail;
}

export interface PropertyInviteCandidate {
  contactId: number;
  displayName: string;
  units: string;
  access: Access;
  /** How the invitation would go: e-mail when online preference and a valid address, else letter. */
  channel: 'email' | 'letter';
}

export interface PropertyInviteRefusal {
  contactId: number;
  displayName: string;
  units: string;
  reason: InviteRefusal | 'ALREADY_INVITED';
  possibleFrom: IsoDate | null;
  /** For OUTSIDE_ACCESS_WINDOW: the window that would give access (see InviteEligibility). */
  window?: DecidingWindow | null;
}

export interface PropertyInvitePreview {
  propertyId: number;
  propertyName: string;
  eligible: PropertyInviteCandidate[];
  ineligible: PropertyInviteRefusal[];
}

export interface PropertyInviteResult {
  emailed: number;
  letters: number;
  /** One PDF with every letter, held for saving with `exports.save`; null when none was needed. */
  lettersFile: HeldFile | null;
  /** Contacts that were selected but could not be invited any more (checked again in the transaction). */
  refused: PropertyInviteRefusal[];
}

export const invitationChannels = {
  /** Pending invitations, still valid, sent more than INVITATION_WAITING_DAYS days ago. */
  'invitations.waiting': channel<{ count: number }>()(noPayload),
  'invitations.create': channel<CreatedInvitation>()(
    z.strictObject({ contactId: idSchema, channel: z.enum(['email', 'letter', 'code']) }),
  ),
  /** A new expiry for an expired invitation; the code the contact has stays valid. */
  'invitations.reactivate': channel<ContactDetail>()(z.strictObject({ id: idSchema })),
  'invitations.revoke': channel<ContactDetail>()(z.strictObject({ id: idSchema })),
  /** What the portal does at registration; in the app a clearly marked simulation. */
  'invitations.redeem': channel<{ contactId: number; displayName: string }>()(
    z.strictObject({ code: z.string().trim().min(1).max(64) }),
  ),
  'invitations.previewProperty': channel<PropertyInvitePreview>()(z.strictObject({ propertyId: idSchema })),
  'invitations.inviteProperty': channel<PropertyInviteResult>()(
    z.strictObject({ propertyId: idSchema, contactIds: z.array(idSchema).max(100_000) }),
  ),
} as const;
