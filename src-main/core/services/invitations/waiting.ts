/** The Übersicht's to-do "invitations not taken up": pending, still valid, sent over 14 days ago. */
import { INVITATION_WAITING_DAYS } from '../../../../shared/contract/invitations';
import { addDays } from '../../../../shared/dates';
import { countWaitingInvitations } from '../../db/waitingInvitations';
import type { InvitationDeps } from './deps';

export async function waitingInvitations(d: InvitationDeps): Promise<{ count: number }> {
  const today = d.ctx.clock.today();
  const count = await countWaitingInvitations(d.ctx.store, today, addDays(today, -INVITATION_WAITING_DAYS));
  return { count };
}
