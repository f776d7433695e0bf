/**
 * Delivery of the outbox's e-mail over SMTP (ARCHITECTURE.md "The outbox"). Runs AFTER the change
 * that queued the mail has committed, one run at a time per data store, oldest first.
 *
 * One attempt = three steps: (1) one change checks the message is still due and still right — its
 * invitation pending, the contact's address unchanged — else withdraws it; issues the invitation
 * code (a new code, its keyed hash stored on the invitation, the old one dead); renders the message
 * with the organisation as it is now; and marks it 'sending'. (2) The message leaves. (3) One change
 * records 'sent' (keeping what was sent with the code masked) or 'failed' with an error code.
 * A row left 'sending' by a crash may have been delivered: it is marked failed (SMTP_INTERRUPTED)
 * and never retried by itself, so nothing is ever sent twice; the manager may queue it again.
 * When the connection itself fails (host, refused, TLS, login, timeout) the run stops there.
 */
import { DomainError, type ErrorCode } from '../../../shared/errors';
import type { DeliveryReport } from '../../../shared/ipc';
import type { Audit, CoreContext } from '../context';
import { noChange } from '../context';
import { invitationRepository } from '../db/invitationRepository';
import { CODE_KEY_SETTING } from '../db/migrations/v07-outboxFacts';
import { outboxRepository, type OutboxRow } from '../db/outboxRepository';
import { settingsRepository } from '../db/settingsRepository';
import { isValidEmail } from '../mail/address';
import type { MailContent } from '../mail/invitationMail';
import { isConnectionFailure, smtpErrorCode } from '../mail/transport';
import { invitationStateOn } from '../policy/invitationState';
import { generateInvitationCode, hashInvitationCode } from './invitationCode';
import type { MailService } from './mailService';
import type { OrganisationService } from './organisationService';
import { outboxFactsReader, renderMessage } from './outboxRender';

export const MAX_DELIVERY_ATTEMPTS = 5;

/** The runs of one data store, in order: kept per database so no two runs ever overlap. */
interface DeliveryQueue {
  tail: Promise<unknown>;
  runPending: boolean;
}
const deliveryQueues = new WeakMap<object, DeliveryQueue>();

export function deliveryQueueOf(db: object): DeliveryQueue {
  let queue = deliveryQueues.get(db);
  if (queue === undefined) {
    queue = { tail: Promise.resolve(), runPending: false };
    deliveryQueues.set(db, queue);
  }
  return queue;
}

/** The per-store key invitation codes are hashed with (written by migration 7). */
export function codeKeyOf(ctx: CoreContext): string {
  const key = settingsRepository(ctx.db).get(CODE_KEY_SETTING);
  if (typeof key !== 'string') throw new Error('the invitation code key is missing');
  return key;
}

/** Withdraws a message not sent yet (inside the caller's change), with its audit row. */
export function withdrawMessage(
  ctx: CoreContext,
  audit: Audit,
  row: Pick<OutboxRow, 'id' | 'state'>,
  reason: ErrorCode,
): void {
  outboxRepository(ctx.db).withdraw(row.id, reason);
  audit({
    action: 'outbox.withdrawn',
    entity: 'outbox',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'withdrawn', reason },
  });
}

type Attempt =
  { withdrawn: true } | { withdrawn: false; row: OutboxRow; mail: MailContent; kept: MailContent };

export function outboxDelivery(ctx: CoreContext, mail: MailService, organisation: OrganisationService) {
  const outbox = outboxRepository(ctx.db);
  const invitations = invitationRepository(ctx.db);
  const factsOf = outboxFactsReader(ctx.db, ctx.store);

  /** Why queued e-mail would not go out now, or null. */
  function waiting(): ErrorCode | null {
    return mail.sendingBlocker() ?? (organisation.isPlaceholder() ? 'ORGANISATION_PLACEHOLDER' : null);
  }

  /** Why the message may not go out as queued any more, or null. */
  async function staleReason(row: OutboxRow): Promise<ErrorCode | null> {
    const facts = await factsOf(row);
    if (
      facts.contact === null ||
      !isValidEmail(facts.contact.email) ||
      facts.contact.email !== row.recipient
    ) {
      return 'WITHDRAWN_ADDRESS_CHANGED';
    }
    if (row.kind === 'invitation') {
      if (facts.invitation === null) return 'WITHDRAWN_INVITATION_REVOKED';
      const state = invitationStateOn(
        { state: facts.invitation.state, expiresOn: facts.invitation.expires_on },
        ctx.clock.today(),
      );
      if (state === 'expired') return 'WITHDRAWN_INVITATION_EXPIRED';
      if (state !== 'pending') return 'WITHDRAWN_INVITATION_REVOKED';
    }
    if (row.kind === 'share' && facts.content === null) return 'WITHDRAWN_CONTENT_GONE';
    return null;
  }

  /** Step 1 (see the file comment): null when the message is no longer due. */
  async function begin(id: number): Promise<Attempt | null> {
    return await ctx.change(
      async (audit) => {
        const row = outbox.get(id);
        if (row === undefined || !isDue(row)) return noChange(null);
        const stale = row.kind === 'stored' ? null : await staleReason(row);
        if (stale !== null) {
          withdrawMessage(ctx, audit, row, stale);
          return { withdrawn: true } as const;
        }
        const org = organisation.get();
        const facts = await factsOf(row);
        let code: string | undefined;
        if (row.kind === 'invitation' && facts.invitation !== null) {
          code = generateInvitationCode();
          invitations.setCodeHash(facts.invitation.id, hashInvitationCode(code, codeKeyOf(ctx)));
        }
        const rendered = renderMessage(row, facts, org, code);
        const kept = renderMessage(row, facts, org);
        if (rendered === null || kept === null) {
          withdrawMessage(ctx, audit, row, 'WITHDRAWN_CONTENT_GONE');
          return { withdrawn: true } as const;
        }
        outbox.markSending(row.id);
        audit({
          action: 'outbox.sending',
          entity: 'outbox',
          entityId: row.id,
          before: { state: row.state, attempts: row.attempts },
          // Never the code: only that one was issued for the invitation.
          after: { state: 'sending', invitationId: row.invitation_id, codeIssued: code !== undefined },
        });
        return { withdrawn: false, row, mail: rendered, kept } as const;
      },
      { emits: {} },
    );
  }

  async function finish(
    row: OutboxRow,
    outcome: { sent: MailContent } | { error: ErrorCode },
    attempts?: number,
  ) {
    await ctx.change(
      async (audit) => {
        const next = row.attempts + 1;
        if ('sent' in outcome) outbox.markSent(row.id, ctx.clock.now(), outcome.sent);
        else outbox.markFailed(row.id, outcome.error, attempts ?? null);
        audit({
          action: 'sent' in outcome ? 'outbox.sent' : 'outbox.failed',
          entity: 'outbox',
          entityId: row.id,
          before: { state: row.state, attempts: row.attempts },
          after:
            'sent' in outcome
              ? { state: 'sent', attempts: next, recipient: row.recipient }
              : { state: 'failed', attempts: attempts ?? next, error: outcome.error },
        });
      },
      { emits: {} },
    );
  }

  /** Attempts a crash left 'sending': failed, not retried by themselves (they may have gone out). */
  async function recoverInterrupted(): Promise<void> {
    for (const row of outbox.interrupted()) {
      await finish(row, { error: 'SMTP_INTERRUPTED' }, Math.max(row.attempts + 1, MAX_DELIVERY_ATTEMPTS));
    }
  }

  /** One delivery run over the e-mail due now, oldest first. */
  async function deliver(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, withdrawn: 0, stillQueued: 0, stoppedBy: null };
    if (!ctx.db.open) return report;
    await recoverInterrupted();
    const config = mail.smtpConfig();
    const ids = outbox.dueIds(MAX_DELIVERY_ATTEMPTS);
    if (config !== null && waiting() === null && ids.length > 0) {
      const transport = mail.createTransport(config, { pooled: true });
      try {
        for (const id of ids) {
          if (!ctx.db.open) break; // the core was closed meanwhile
          const attempt = await begin(id);
          if (attempt === null) continue;
          if (attempt.withdrawn) {
            report.withdrawn += 1;
            continue;
          }
          try {
            await transport.send({
              to: attempt.row.recipient,
              language: attempt.row.language,
              ...attempt.mail,
            });
            if (!ctx.db.open) break;
            await finish(attempt.row, { sent: attempt.kept });
            report.sent += 1;
          } catch (error) {
            if (!ctx.db.open) break;
            const code = smtpErrorCode(error);
            await finish(attempt.row, { error: code });
            report.failed += 1;
            if (isConnectionFailure(code)) {
              report.stoppedBy = code;
              break;
            }
          }
        }
      } finally {
        transport.close();
      }
    }
    if (ctx.db.open) report.stillQueued = outbox.queuedEmailCount();
    return report;
  }

  return { waiting, deliver };
}

function isDue(row: OutboxRow): boolean {
  return (
    row.channel === 'email' &&
    (row.state === 'queued' || (row.state === 'failed' && row.attempts < MAX_DELIVERY_ATTEMPTS))
  );
}

/** Refuses a run that could not send anything, with the reason. */
export function requireSending(waiting: ErrorCode | null): void {
  if (waiting !== null) throw new DomainError(waiting);
}
