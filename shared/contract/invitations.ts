/** Invitations (Kontakt einladen), the outbox (Postausgang), mail and organisation settings. */
import { z } from 'zod';
import type { Access, InviteRefusal, IsoDate } from '../domain';
import { channel, emailSchema, idSchema, noPayload, optionalText, requiredText } from './channel';
import type { ContactDetail, InvitationSummary } from './portfolio';

export const INVITATION_VALID_DAYS = 30;

export type InvitationChannel = 'email' | 'letter' | 'code';

export interface CreatedInvitation {
  invitation: InvitationSummary;
  /** The registration key in plain text: shown once, never stored. */
  code: string;
  /** For channel 'email': the outbox entry. */
  outboxId: number | null;
  /** For channel 'letter': the invitation letter as a base64 PDF, to be saved by the user. */
  letterPdf: string | null;
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
  /** One PDF with every letter, or null when none was needed. */
  lettersPdf: string | null;
  /** Contacts that were selected but could not be invited any more (checked again in the transaction). */
  refused: PropertyInviteRefusal[];
}

export type OutboxState = 'queued' | 'sent' | 'failed';

export interface OutboxItem {
  id: number;
  contactId: number | null;
  recipient: string;
  language: 'de' | 'en';
  subject: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxItem {
  textBody: string;
  htmlBody: string;
}

export interface OutboxPage {
  total: number;
  items: OutboxItem[];
}

export const smtpSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['none', 'starttls', 'tls']),
  user: optionalText(200),
  /** undefined = keep the stored password, null = remove it. */
  password: z.string().max(500).nullable().optional(),
  from: emailSchema,
  fromName: optionalText(120),
});
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>;

export interface SmtpSettings {
  enabled: boolean;
  host: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  user: string | null;
  hasPassword: boolean;
  from: string | null;
  fromName: string | null;
}

export const organisationSchema = z.strictObject({
  /** The property management company: letter head and e-mail signature. */
  name: requiredText(120),
  street: optionalText(120),
  postcode: optionalText(10),
  city: optionalText(80),
  /** Where contacts register with their invitation code. */
  portalUrl: z.url({ protocol: /^https?$/, error: 'INVALID_URL' }).max(300),
});
export type Organisation = z.output<typeof organisationSchema>;

export const invitationChannels = {
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
  'outbox.list': channel<OutboxPage>()(
    z.strictObject({
      state: z.enum(['queued', 'sent', 'failed']).nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  'outbox.get': channel<OutboxMessage>()(z.strictObject({ id: idSchema })),
  /** Sends queued and failed mail now (when SMTP is configured). */
  'outbox.send': channel<{ sent: number; failed: number }>()(noPayload),
  'mail.getSettings': channel<SmtpSettings>()(noPayload),
  'mail.updateSettings': channel<SmtpSettings>()(smtpSettingsSchema),
  'mail.sendTest': channel<{ delivered: true }>()(
    z.strictObject({ to: requiredText(254).pipe(z.email({ error: 'INVALID_EMAIL' })) }),
  ),
  'organisation.get': channel<Organisation>()(noPayload),
  'organisation.update': channel<Organisation>()(organisationSchema),
} as const;
