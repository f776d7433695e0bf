/**
 * The outbox (Postausgang): every e-mail and every letter the app makes for a contact — queued,
 * sent (a letter: printed), failed or withdrawn. Messages are rendered when they are sent or printed.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { channel, idSchema, noPayload } from './channel';
import type { SavedExport } from './exports';

export const outboxStates = ['queued', 'sending', 'sent', 'failed', 'withdrawn'] as const;
export type OutboxState = (typeof outboxStates)[number];
export type OutboxChannel = 'email' | 'letter';
/** What a message is about: an invitation, a share's notification, or a text of its own (old mail). */
export type OutboxKind = 'invitation' | 'share' | 'stored';

export interface OutboxItem {
  id: number;
  contactId: number | null;
  channel: OutboxChannel;
  kind: OutboxKind;
  /** The e-mail address; for a letter the addressee's name and town. */
  recipient: string;
  language: 'de' | 'en';
  subject: string;
  state: OutboxState;
  attempts: number;
  /** Why it failed or was withdrawn, as an error code (never what a server said). */
  lastError: ErrorCode | null;
  createdAt: string;
  /** When it was sent (a letter: printed). */
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxItem {
  /** Not sent yet: as it would be sent now, the invitation code masked (it is issued at sending). */
  textBody: string;
  htmlBody: string;
}

export interface OutboxPage {
  total: number;
  items: OutboxItem[];
  /** Letters waiting in the print batch. */
  lettersQueued: number;
  /** Why queued e-mail is not going out now, or null when it is (SMTP on, tested, sender set). */
  waiting: ErrorCode | null;
}

/** What one "Jetzt senden" did. */
export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Withdrawn while sending (invitation revoked or expired, address changed). */
  withdrawn: number;
  /** E-mails still waiting after the run. */
  stillQueued: number;
  /** Why the run stopped before the end (a connection error), or null. */
  stoppedBy: ErrorCode | null;
}

/**
 * The print batch as one PDF, saved where the user chose (or not: cancelled, or no letter waits),
 * and the letters in it, to be marked printed once saved (none when nothing was saved).
 */
export type LettersBatch = SavedExport & { ids: number[] };

export const outboxChannels = {
  'outbox.list': channel<OutboxPage>()(
    z.strictObject({
      state: z.enum(outboxStates).nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  'outbox.get': channel<OutboxMessage>()(z.strictObject({ id: idSchema })),
  /** Sends queued and failed e-mail now (SMTP configured and tested, sender set). */
  'outbox.send': channel<DeliveryReport>()(noPayload),
  /** Deletes a queued (or failed) message: it is never sent; an invitation's is revoked with it. */
  'outbox.withdraw': channel<OutboxItem>()(z.strictObject({ id: idSchema })),
  /** Queues a failed (or interrupted) e-mail again: it is rendered anew when it is sent. */
  'outbox.requeue': channel<OutboxItem>()(z.strictObject({ id: idSchema })),
  /**
   * The print batch: the queued letters (the oldest MAX_LETTERS), rendered now as one PDF into the
   * file the user chooses in the save dialog. Changes nothing in the data store.
   */
  'outbox.printLetters': channel<LettersBatch>()(noPayload),
  /** The letters of a saved print batch are printed (sent). */
  'outbox.markPrinted': channel<{ printed: number }>()(
    z.strictObject({ ids: z.array(idSchema).min(1).max(100_000) }),
  ),
} as const;
