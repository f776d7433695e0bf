/** The property management company (Hausverwaltung): letter head, e-mail signature, portal address. */
import { z } from 'zod';
import { channel, noPayload, optionalText, requiredText } from './channel';

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

/** The first-start checklist on the Übersicht: what must be set before letters and e-mails go out. */
export interface SetupChecklist {
  /** The sender is not the placeholder "Hausverwaltung". */
  senderSet: boolean;
  /** The portal address is not the placeholder "https://portal.example.com". */
  portalSet: boolean;
  /** A test e-mail went through with the saved SMTP settings. */
  smtpTested: boolean;
  /** Rollen & Zugriffsrechte were saved at least once. */
  accessReviewed: boolean;
}

export const organisationChannels = {
  'organisation.checklist': channel<SetupChecklist>()(noPayload),
  'organisation.get': channel<Organisation>()(noPayload),
  'organisation.update': channel<Organisation>()(organisationSchema),
} as const;
