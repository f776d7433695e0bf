/** Mail settings (SMTP): how the outbox reaches a mail server, and a test message. */
import { z } from 'zod';
import { channel, emailSchema, noPayload, optionalText, requiredText } from './channel';

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
  /** A test message went through with these settings: sending may start once `enabled`. */
  tested: boolean;
  from: string | null;
  fromName: string | null;
}

export const mailChannels = {
  'mail.getSettings': channel<SmtpSettings>()(noPayload),
  'mail.updateSettings': channel<SmtpSettings>()(smtpSettingsSchema),
  'mail.sendTest': channel<{ delivered: true }>()(
    z.strictObject({ to: requiredText(254).pipe(z.email({ error: 'INVALID_EMAIL' })) }),
  ),
} as const;
