/**
 * Invitation letters in the Postausgang's print batch (the automatic invitation's letters): like an
 * e-mail's, their code is issued only when they are made — here when the batch is rendered — in one
 * change that stores each new code's keyed hash (the invitation's older code is dead then). Only the
 * PDF carries the codes.
 */
import { noChange, type CoreContext } from '../context';
import { invitationRepository } from '../db/invitationRepository';
import type { OutboxRow } from '../db/outboxRepository';
import { invitationStateOn } from '../policy/invitationState';
import { generateInvitationCode, hashInvitationCode } from './invitationCode';
import { codeKeyOf } from './outboxDelivery';

/** A fresh code for each queued invitation letter whose invitation is still pending, by outbox id. */
export async function issueLetterCodes(
  ctx: CoreContext,
  rows: readonly OutboxRow[],
): Promise<Map<number, string>> {
  const letters = rows.filter((row) => row.kind === 'invitation' && row.invitation_id !== null);
  if (letters.length === 0) return new Map();
  const invitations = invitationRepository(ctx.db);
  const today = ctx.clock.today();
  return ctx.change(
    async (audit) => {
      const codes = new Map<number, string>();
      const invitationIds: number[] = [];
      for (const row of letters) {
        const invitation = invitations.get(row.invitation_id ?? 0);
        if (invitation === undefined) continue;
        const state = invitationStateOn({ state: invitation.state, expiresOn: invitation.expires_on }, today);
        if (state !== 'pending') continue;
        const code = generateInvitationCode();
        invitations.setCodeHash(invitation.id, hashInvitationCode(code, codeKeyOf(ctx)));
        codes.set(row.id, code);
        invitationIds.push(invitation.id);
      }
      if (codes.size === 0) return noChange(codes);
      audit({
        action: 'outbox.letterCodes',
        entity: 'outbox',
        // Never the codes: which letters got one.
        after: { ids: [...codes.keys()], invitationIds, count: codes.size },
      });
      return codes;
    },
    { emits: {} },
  );
}
