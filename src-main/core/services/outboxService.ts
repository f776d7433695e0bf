/**
 * The outbox (Postausgang). Every e-mail and every letter the core makes for a contact is queued
 * here first, in the transaction of the change that caused it — as what it is about (an invitation,
 * a share), not as text: it is rendered when it is sent or printed (outboxRender.ts). Nothing leaves
 * the machine while SMTP is off or untested, or while the sender is still a placeholder.
 *
 * E-mail is delivered by outboxDelivery.ts after the commit; letters wait for the print batch
 * (`printLetters`, then `markPrinted` once the PDF is saved). A message not sent yet can be
 * withdrawn (an invitation's mail revokes its invitation with it), a failed one queued again.
 */
import { DomainError } from '../../../shared/errors';
import type { LettersBatch, OutboxItem, OutboxMessage, OutboxPage, OutboxState } from '../../../shared/ipc';
import { noChange, portfolioChanged, type Audit, type CoreContext } from '../context';
import { invitationRepository } from '../db/invitationRepository';
import { outboxRepository, type NewOutboxMessage, type OutboxRow } from '../db/outboxRepository';
import { MAX_LETTERS } from '../../../shared/contract/exports';
import { saveExport } from '../exports/saveExport';
import { renderLetters } from '../letters/letterThreads';
import type { SmartPostLetter } from '../letters/smartPostLetter';
import type { MailService } from './mailService';
import type { OrganisationService } from './organisationService';
import { deliveryQueueOf, outboxDelivery, requireSending, withdrawMessage } from './outboxDelivery';
import { issueLetterCodes } from './invitationLetterCodes';
import { notificationLetter, outboxFactsReader, renderMessage } from './outboxRender';

export { MAX_DELIVERY_ATTEMPTS } from './outboxDelivery';

/** The print batch's file name as the save dialog suggests it, in the app's language. */
const batchFileName = { de: 'Briefe', en: 'Letters' } as const;

export function outboxService(ctx: CoreContext, mail: MailService, organisation: OrganisationService) {
  const outbox = outboxRepository(ctx.db);
  const invitations = invitationRepository(ctx.db);
  const queue = deliveryQueueOf(ctx.db);
  const delivery = outboxDelivery(ctx, mail, organisation);
  const factsOf = outboxFactsReader(ctx.db, ctx.store);

  /** Runs `task` after every earlier delivery run on this data store has finished. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.tail.then(task);
    queue.tail = run.catch(() => undefined);
    return run;
  }

  async function toItem(row: OutboxRow): Promise<OutboxItem> {
    const subject = row.subject ?? renderMessage(row, await factsOf(row), organisation.get())?.subject ?? '';
    return {
      id: row.id,
      contactId: row.contact_id,
      channel: row.channel,
      kind: row.kind,
      recipient: row.recipient,
      language: row.language,
      subject,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    };
  }

  function required(id: number): OutboxRow {
    const row = outbox.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'outbox', id });
    return row;
  }

  function deliverSoon(): void {
    if (queue.runPending || delivery.waiting() !== null) return;
    queue.runPending = true;
    exclusive(async () => {
      queue.runPending = false;
      return delivery.deliver();
    }).catch((error: unknown) => console.error('outbox: delivery run failed', error));
  }

  return {
    /** Queues a message. Call inside the `ctx.change` of the change that writes it. */
    queue(message: NewOutboxMessage): number {
      if (!ctx.db.inTransaction) throw new Error('mail is queued inside the change that causes it');
      return outbox.insert(message);
    },

    /** Withdraws the invitation's mail not sent yet (inside the change that revokes it). */
    withdrawOfInvitation(audit: Audit, invitationId: number): void {
      for (const row of outbox.openOfInvitation(invitationId)) {
        withdrawMessage(ctx, audit, row, 'WITHDRAWN_INVITATION_REVOKED');
      }
    },

    /** Withdraws the contact's e-mail not sent yet when its address becomes `email`. */
    withdrawOnAddressChange(audit: Audit, contactId: number, email: string | null): void {
      for (const row of outbox.openEmailsOfContact(contactId)) {
        if (row.recipient !== email) withdrawMessage(ctx, audit, row, 'WITHDRAWN_ADDRESS_CHANGED');
      }
    },

    async list(query: { state: OutboxState | null; offset: number; limit: number }): Promise<OutboxPage> {
      const page = outbox.page(query.state, query.offset, query.limit);
      return {
        total: page.total,
        items: await Promise.all(page.rows.map(toItem)),
        lettersQueued: outbox.queuedLetterIds().length,
        waiting: delivery.waiting(),
      };
    },

    async get(id: number): Promise<OutboxMessage> {
      const row = required(id);
      const rendered = renderMessage(row, await factsOf(row), organisation.get());
      return {
        ...(await toItem(row)),
        textBody: row.text_body ?? rendered?.text ?? '',
        htmlBody: row.html_body ?? rendered?.html ?? '',
      };
    },

    /** `outbox.send`: delivers what is due now and waits for it; refused when nothing could go. */
    async send() {
      requireSending(delivery.waiting());
      return exclusive(delivery.deliver);
    },

    async withdraw(id: number): Promise<OutboxItem> {
      await ctx.change(
        async (audit) => {
          const row = required(id);
          if (row.state !== 'queued' && row.state !== 'failed') {
            throw new DomainError('OUTBOX_NOT_QUEUED', { state: row.state });
          }
          withdrawMessage(ctx, audit, row, 'WITHDRAWN_BY_USER');
          const invitation = row.invitation_id === null ? undefined : invitations.get(row.invitation_id);
          if (
            invitation !== undefined &&
            (invitation.state === 'pending' || invitation.state === 'expired')
          ) {
            invitations.revoke(invitation.id, ctx.clock.now());
            audit({
              action: 'invitations.revoke',
              entity: 'invitation',
              entityId: invitation.id,
              before: { state: invitation.state },
              after: { state: 'revoked', reason: 'outbox.withdrawn', outboxId: row.id },
            });
          }
        },
        { emits: portfolioChanged },
      );
      return toItem(required(id));
    },

    async requeue(id: number): Promise<OutboxItem> {
      await ctx.change(
        async (audit) => {
          const row = required(id);
          if (row.state !== 'failed') throw new DomainError('OUTBOX_NOT_FAILED', { state: row.state });
          outbox.requeue(id);
          audit({
            action: 'outbox.requeue',
            entity: 'outbox',
            entityId: id,
            before: { state: row.state, attempts: row.attempts, error: row.last_error },
            after: { state: 'queued', attempts: 0 },
          });
        },
        { emits: {} },
      );
      deliverSoon();
      return toItem(required(id));
    },

    /**
     * The print batch, rendered now off the main thread (ORGANISATION_PLACEHOLDER while the sender
     * is a placeholder): the oldest MAX_LETTERS queued letters; the rest make the next batch.
     */
    async printLetters(): Promise<LettersBatch> {
      const queued = outbox.queuedLetterIds().slice(0, MAX_LETTERS);
      if (queued.length === 0) return { saved: false, ids: [] };
      if (organisation.isPlaceholder()) throw new DomainError('ORGANISATION_PLACEHOLDER');
      const org = organisation.get();
      const day = ctx.clock.today();
      const letters: SmartPostLetter[] = [];
      const ids: number[] = [];
      const rows = queued.map(required);
      const codes = await issueLetterCodes(ctx, rows);
      for (const row of rows) {
        const { id } = row;
        // An invitation letter without a code now: its invitation is no longer pending.
        if (row.kind === 'invitation' && !codes.has(id)) continue;
        const letter = notificationLetter(row, await factsOf(row), org, day, codes.get(id));
        if (letter === null) continue;
        letters.push(letter);
        ids.push(id);
      }
      if (letters.length === 0) return { saved: false, ids: [] };
      const language = ctx.preferences.read().language ?? 'de';
      const saved = await saveExport(
        ctx.saveDialog,
        { suggestedName: `${batchFileName[language]}_${day}.pdf`, kind: 'pdf' },
        async function* () {
          yield await renderLetters({ kind: 'smartpost', letters }, (progress) =>
            ctx.announce({ 'letters.progress': progress }),
          );
          return letters.length;
        },
      );
      return saved.saved ? { ...saved, ids } : { saved: false, ids: [] };
    },

    async markPrinted(ids: readonly number[]): Promise<{ printed: number }> {
      return await ctx.change(
        async (audit) => {
          const now = ctx.clock.now();
          const printed = ids.filter((id) => outbox.markPrinted(id, now));
          if (printed.length === 0) return noChange({ printed: 0 });
          audit({
            action: 'outbox.printed',
            entity: 'outbox',
            after: { ids: printed, count: printed.length },
          });
          return { printed: printed.length };
        },
        { emits: {} },
      );
    },

    /**
     * After a committed change queued mail: starts a delivery run in the background when sending
     * is possible (at most one waiting behind a running one).
     */
    deliverSoon,

    /** Resolves when every delivery run started so far has finished (tests, shutdown). */
    idle(): Promise<void> {
      return queue.tail.then(() => undefined);
    },
  };
}
export type OutboxService = ReturnType<typeof outboxService>;
