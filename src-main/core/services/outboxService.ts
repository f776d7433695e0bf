/**
 * The outbox (Postausgang). Every e-mail the core writes is queued here first, in the transaction of
 * the change that caused it. Nothing leaves the machine while SMTP is off: mail stays 'queued'.
 *
 * Delivery (SMTP on) runs AFTER the transaction has committed and never inside `invoke`'s answer:
 * `deliverSoon()` starts a background run (fire-and-forget) after a change queued mail, and
 * `outbox.send` runs one and waits for it. Runs never overlap (one queue per data store, shared by
 * every service instance), so no message is sent twice. Each message's outcome is its own small transaction with an audit row ('outbox.sent' /
 * 'outbox.failed'): delivery changes the outbox, and every change is audited. Failed mail is retried
 * by later runs until it has had MAX_DELIVERY_ATTEMPTS attempts. When the connection itself fails
 * (refused, timeout, TLS, login) the run stops after marking that one message, so a dead server costs
 * one attempt of one message, not one attempt of every message.
 *
 * Once delivered, one-time invitation codes are blanked out of the stored copy: the code then lives
 * in the recipient's mailbox, not in the data store.
 */
import { DomainError } from '../../../shared/errors';
import type { OutboxMessage, OutboxPage, OutboxState } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import {
  outboxRepository,
  toOutboxMessage,
  type NewOutboxMessage,
  type OutboxRow,
} from '../db/outboxRepository';
import { isConnectionError, smtpErrorMessage } from '../mail/transport';
import { FORMATTED_CODE_PATTERN } from './invitationCode';
import type { MailService } from './mailService';

export const MAX_DELIVERY_ATTEMPTS = 5;
const BLANKED_CODE = '••••-••••-••••';

export interface DeliveryResult {
  sent: number;
  failed: number;
}

function blankCodes(text: string): string {
  return text.replace(FORMATTED_CODE_PATTERN, BLANKED_CODE);
}

function isDue(row: OutboxRow): boolean {
  return row.state === 'queued' || (row.state === 'failed' && row.attempts < MAX_DELIVERY_ATTEMPTS);
}

/**
 * The delivery runs of one data store, in order. Kept per database, not per service instance, so
 * that every area queuing mail (invitations, share notifications) shares it and no two runs overlap.
 */
interface DeliveryQueue {
  tail: Promise<unknown>;
  runPending: boolean;
}
const deliveryQueues = new WeakMap<object, DeliveryQueue>();

function deliveryQueueOf(db: object): DeliveryQueue {
  let queue = deliveryQueues.get(db);
  if (queue === undefined) {
    queue = { tail: Promise.resolve(), runPending: false };
    deliveryQueues.set(db, queue);
  }
  return queue;
}

export function outboxService(ctx: CoreContext, mail: MailService) {
  const outbox = outboxRepository(ctx.db);
  const queue = deliveryQueueOf(ctx.db);

  /** Runs `task` after every earlier delivery run on this data store has finished. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.tail.then(task);
    queue.tail = run.catch(() => undefined);
    return run;
  }

  function recordSent(row: OutboxRow): void {
    ctx.change(
      (audit) => {
        outbox.markSent(row.id, ctx.clock.now(), blankCodes(row.text_body), blankCodes(row.html_body));
        audit({
          action: 'outbox.sent',
          entity: 'outbox',
          entityId: row.id,
          before: { state: row.state, attempts: row.attempts },
          after: { state: 'sent', attempts: row.attempts + 1, recipient: row.recipient },
        });
      },
      { emits: {} },
    );
  }

  function recordFailed(row: OutboxRow, error: string): void {
    ctx.change(
      (audit) => {
        outbox.markFailed(row.id, error);
        audit({
          action: 'outbox.failed',
          entity: 'outbox',
          entityId: row.id,
          before: { state: row.state, attempts: row.attempts },
          after: { state: 'failed', attempts: row.attempts + 1, error },
        });
      },
      { emits: {} },
    );
  }

  /** One delivery run over the mail due now, oldest first. */
  async function deliver(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, failed: 0 };
    if (!ctx.db.open) return result;
    const config = mail.smtpConfig();
    if (config === null) return result;
    const ids = outbox.dueIds(MAX_DELIVERY_ATTEMPTS);
    if (ids.length === 0) return result;
    const transport = mail.createTransport(config, { pooled: true });
    try {
      for (const id of ids) {
        if (!ctx.db.open) break; // the core was closed meanwhile
        const row = outbox.get(id);
        if (row === undefined || !isDue(row)) continue;
        try {
          await transport.send({
            to: row.recipient,
            language: row.language,
            subject: row.subject,
            text: row.text_body,
            html: row.html_body,
          });
          if (!ctx.db.open) break;
          recordSent(row);
          result.sent += 1;
        } catch (error) {
          if (!ctx.db.open) break;
          recordFailed(row, smtpErrorMessage(error));
          result.failed += 1;
          if (isConnectionError(error)) break;
        }
      }
    } finally {
      transport.close();
    }
    return result;
  }

  return {
    /** Queues a message. Call inside the `ctx.change` of the change that writes it. */
    queue(message: NewOutboxMessage): number {
      if (!ctx.db.inTransaction) throw new Error('mail is queued inside the change that causes it');
      return outbox.insert(message);
    },

    list(query: { state: OutboxState | null; offset: number; limit: number }): OutboxPage {
      return outbox.page(query.state, query.offset, query.limit);
    },

    get(id: number): OutboxMessage {
      const row = outbox.get(id);
      if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'outbox', id });
      return toOutboxMessage(row);
    },

    /** `outbox.send`: delivers what is due now and waits for it. SMTP_NOT_CONFIGURED when off. */
    async send(): Promise<DeliveryResult> {
      if (mail.smtpConfig() === null) throw new DomainError('SMTP_NOT_CONFIGURED');
      return exclusive(deliver);
    },

    /**
     * After a committed change queued mail: starts a delivery run in the background when SMTP is
     * on (at most one waiting behind a running one). Does nothing while SMTP is off.
     */
    deliverSoon(): void {
      if (queue.runPending || mail.smtpConfig() === null) return;
      queue.runPending = true;
      exclusive(async () => {
        queue.runPending = false;
        return deliver();
      }).catch((error: unknown) => console.error('outbox: delivery run failed', error));
    },

    /** Resolves when every delivery run started so far has finished (tests, shutdown). */
    idle(): Promise<void> {
      return queue.tail.then(() => undefined);
    },
  };
}
export type OutboxService = ReturnType<typeof outboxService>;
