/**
 * Writing shares with their notifications, and revoking them.
 *
 * - Notifications: one per recipient of the new share(s), in the contact's language, queued in the
 *   outbox in the same transaction — active, pre and post contacts alike: an e-mail, or for a
 *   contact without a valid address or who prefers post a letter in the Postausgang's print batch
 *   (listed in `needsPost`). Nobody is left out. A SmartPost's own letters (every recipient's, in
 *   `lettersFile`) are its post: no second letter is queued for it. The outbox stores what the
 *   message is about and renders it when it is sent or printed. Delivery (SMTP on) starts after
 *   the commit, as for invitations (outboxService.deliverSoon).
 * - Audit: one row per share written ('sharing.share'), one per revocation ('sharing.revoke').
 *
 * SmartPost letters are rendered before the transaction (rendering is asynchronous; a transaction
 * is not). Inside it the recipients are judged again and the letters' text (template, names,
 * organisation) made again from what the transaction reads: when either changed meanwhile nothing is
 * written and the share starts over (CHANGED_MEANWHILE after MAX_ATTEMPTS), so the answer built after
 * the commit is the PDF of exactly what was committed and audited, and cannot fail.
 */
import type { ShareResult } from '../../../../shared/ipc';
import { DomainError } from '../../../../shared/errors';
import { noChange, portfolioChanged, type Audit } from '../../context';
import { heldFiles, lettersFileName } from '../../exports/heldFiles';
import type { RecipientRow } from '../../db/shareRepository';
import { notifiedByLetter } from '../../mail/address';
import { displayName, nameOfRow } from '../portfolioViews';
import type { ShareTargetValue, SharingDeps } from './deps';
import { lettersDigest } from '../../letters/letterJob';
import { smartPostLetters, smartPostLettersPdf } from './letters';
import { planShare, type SharePlan } from './plan';
import { requireInfo } from './recipientViews';

type NeedsPost = ShareResult['needsPost'][number];

interface Notified {
  /** Contact id → the outbox row of its notification (e-mail or letter). */
  outboxIds: Map<number, number>;
  needsPost: NeedsPost[];
  emails: number;
}

/** How a letter's recipient is listed in the Postausgang: name and town. */
export function letterRecipient(row: RecipientRow): string {
  const town = [row.postcode, row.city].filter((part) => part).join(' ');
  return [displayName(nameOfRow(row)), town].filter((part) => part).join(', ');
}

/** Queues every recipient's notification, by e-mail or by letter (call inside the change). */
function queueNotifications(d: SharingDeps, p: SharePlan, now: string): Notified {
  const outboxIds = new Map<number, number>();
  const needsPost: NeedsPost[] = [];
  let emails = 0;
  for (const info of p.recipients) {
    const byLetter = notifiedByLetter(info.row);
    if (byLetter) needsPost.push({ contactId: info.row.id, displayName: info.displayName });
    if (byLetter && p.content.kind === 'smartpost') continue;
    const outboxId = d.outbox.queue({
      contact_id: info.row.id,
      channel: byLetter ? 'letter' : 'email',
      kind: 'share',
      invitation_id: null,
      content_id: p.content.id,
      recipient: byLetter ? letterRecipient(info.row) : (info.row.email ?? ''),
      language: info.row.language,
      created_at: now,
    });
    if (!byLetter) emails += 1;
    outboxIds.set(info.row.id, outboxId);
  }
  return { outboxIds, needsPost, emails };
}

/** Writes the share rows of a plan, each audited with the notifications it caused. */
function writeShares(
  d: SharingDeps,
  audit: Audit,
  p: SharePlan,
  outboxIds: ReadonlyMap<number, number>,
  now: string,
): void {
  const shared = (id: number, after: Record<string, unknown>) =>
    audit({
      action: 'sharing.share',
      entity: 'share',
      entityId: id,
      after: { contentId: p.content.id, kind: p.content.kind, ...after },
    });
  if (p.scope !== null && p.resolution !== null) {
    const { role, propertyId, unitIds } = p.scope;
    shared(d.shares.insertRole(p.content.id, role, propertyId, unitIds, now), {
      mode: 'role',
      role,
      propertyId,
      unitIds,
      recipients: p.resolution.recipients,
      skipped: p.resolution.skipped.map((s) => s.contactId),
      outboxIds: p.resolution.recipients
        .map((contactId) => outboxIds.get(contactId))
        .filter((outboxId) => outboxId !== undefined),
    });
  }
  for (const w of p.individual) {
    shared(d.shares.insertIndividual(p.content.id, w.contactId, now), {
      mode: 'individual',
      contactId: w.contactId,
      grant: requireInfo(p.directory, w.contactId).access.grant,
      alsoIndividually: w.also,
      outboxId: outboxIds.get(w.contactId) ?? null,
    });
  }
}

interface Written {
  plan: SharePlan;
  notified: Notified;
}

/** Attempts of a share whose recipients or letters changed while its letters were rendered. */
const MAX_ATTEMPTS = 3;

function sameRecipients(a: SharePlan, b: SharePlan): boolean {
  return (
    a.recipients.length === b.recipients.length &&
    a.recipients.every((info, i) => info.row.id === b.recipients[i]?.row.id)
  );
}

/** Writes the share(s) and the notifications in one transaction (see the file comment). */
export async function share(
  d: SharingDeps,
  contentId: number,
  target: ShareTargetValue,
  alsoIndividually: readonly number[],
): Promise<ShareResult> {
  const day = d.ctx.clock.today();
  const stale = Symbol('stale');
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // Judged before rendering the letters (refusals come back at once), and again inside the change.
    const planned = await planShare(d, contentId, target, alsoIndividually, day);
    // SmartPost letters are made now: never with the placeholder sender.
    if (planned.content.kind === 'smartpost') d.organisation.requireOwn();
    const letters = smartPostLetters(planned, day, d.organisation.get());
    const plannedLetters = lettersDigest(letters);
    const plannedPdf = await smartPostLettersPdf(d.ctx, letters);

    const written = await d.ctx.change<Written | typeof stale>(
      async (audit) => {
        const p = await planShare(d, contentId, target, alsoIndividually, day);
        if (p.scope === null && p.individual.length === 0) {
          const nobody: Notified = { outboxIds: new Map(), needsPost: [], emails: 0 };
          return noChange({ plan: p, notified: nobody });
        }
        const org = d.organisation.get();
        if (!sameRecipients(p, planned) || lettersDigest(smartPostLetters(p, day, org)) !== plannedLetters) {
          return noChange(stale);
        }
        const now = d.ctx.clock.now();
        // Notifications first: the audit rows name the outbox rows they caused.
        const notified = queueNotifications(d, p, now);
        writeShares(d, audit, p, notified.outboxIds, now);
        return { plan: p, notified };
      },
      { emits: portfolioChanged },
    );
    if (written === stale) continue;

    const notifications = written.notified.emails;
    if (notifications > 0) d.outbox.deliverSoon();
    return {
      sharedWith: written.plan.recipients.length,
      notifications,
      letters: written.notified.outboxIds.size - notifications,
      needsPost: written.notified.needsPost,
      // Written: the letters rendered are those of the committed plan. Nobody reached: no letters.
      lettersFile:
        written.plan.recipients.length === 0 || plannedPdf === null
          ? null
          : heldFiles(d.ctx).hold({
              fileName: lettersFileName(d.ctx, 'smartpost', planned.content.title),
              kind: 'pdf',
              count: written.plan.recipients.length,
              bytes: plannedPdf,
            }),
    };
  }
  throw new DomainError('CHANGED_MEANWHILE');
}

/** Revokes a share (kept, with revoked_at); returns its content. Revoking twice changes nothing. */
export async function revoke(d: SharingDeps, shareId: number): Promise<number> {
  const row = d.shares.get(shareId);
  if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'share', id: shareId });
  if (row.revoked_at !== null) return row.content_id;
  await d.ctx.change(
    async (audit) => {
      const now = d.ctx.clock.now();
      d.shares.revoke(shareId, now);
      audit({
        action: 'sharing.revoke',
        entity: 'share',
        entityId: shareId,
        before: { revokedAt: null },
        after: { revokedAt: now, contentId: row.content_id },
      });
    },
    { emits: portfolioChanged },
  );
  return row.content_id;
}
