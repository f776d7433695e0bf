/** The outbox (Postausgang): every e-mail the app writes, queued, sent or failed. */
import { z } from 'zod';
import { channel, idSchema, noPayload } from './channel';

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

export const outboxChannels = {
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
} as const;
