/**
 * The invitation state of a contact (Einladungsstatus), written once: the contact list, the contact
 * detail and the invitations use these functions, and db/contactRepository.ts `INVITATION_STATE_SQL`
 * gives the same answer in SQL (test/unit/portfolio/invitationState.test.ts checks both agree).
 */
import type { IsoDate } from '../../../shared/domain';
import type { InvitationState } from '../../../shared/ipc';

/** What the rule needs of an invitation: its stored state and its last valid day. */
export interface InvitationFacts {
  state: 'pending' | 'redeemed' | 'expired' | 'revoked';
  /** Last day the code is valid (inclusive). */
  expiresOn: IsoDate;
}

/** The state of one invitation on `today`: a pending one whose expiry day has passed is expired. */
export function invitationStateOn(
  invitation: InvitationFacts,
  today: IsoDate,
): Exclude<InvitationState, 'none'> {
  if (invitation.state === 'pending' && invitation.expiresOn < today) return 'expired';
  return invitation.state;
}

/**
 * The invitation state of a contact on `today`: 'redeemed' when registered (has a portal account,
 * = Registriert); else the state of its latest invitation (by created_at, id) on `today`
 * ('revoked', 'expired' — stored or pending past its expiry —, 'pending'); 'none' when never invited.
 */
export function contactInvitationState(
  registered: boolean,
  latest: InvitationFacts | null,
  today: IsoDate,
): InvitationState {
  if (registered) return 'redeemed';
  if (latest === null) return 'none';
  return invitationStateOn(latest, today);
}
