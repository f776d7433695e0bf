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

export const organisationChannels = {
  'organisation.get': channel<Organisation>()(noPayload),
  'organisation.update': channel<Organisation>()(organisationSchema),
} as const;
