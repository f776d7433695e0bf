/**
 * Who sees a shared content in the portal on a day (ARCHITECTURE.md §3): the one rule behind the
 * portal preview, a content's "visible today" per recipient and the list's "visible to" counts
 * (db/shareRepository.ts VISIBLE_COUNTS_SQL is the same rule in SQL; a differential test holds them
 * equal). Pure: plain data in, no I/O, no clock.
 *
 * - Revoked shares are seen by nobody; archived contacts see nothing.
 * - An individual share is seen by its contact while the contact's access is not none (active, pre
 *   or post): shared with a contact inside a window, it disappears once the window is over.
 * - A role share is seen by a contact with an ACTIVE contract of that role in that scope on the day
 *   (a tenant who moved out no longer sees it, a tenant moving in sees it from the first day).
 */
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  IsoDate,
  RoleShareScope,
} from '../../../shared/domain';
import { contactAccess, contractPhase } from './access';
import { contractInScope } from './share';

export type ShareTargetFacts =
  { mode: 'individual'; contactId: number } | { mode: 'role'; scope: RoleShareScope };

export interface ShareFacts {
  id: number;
  contentId: number;
  target: ShareTargetFacts;
  revoked: boolean;
}

/** Does a role share reach the contact on `day`: an active contract of the contact in scope? */
export function roleShareReaches(
  scope: RoleShareScope,
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  day: IsoDate,
): boolean {
  if (contact.archived) return false;
  return contracts.some(
    (c) => c.contactId === contact.id && contractInScope(c, scope) && contractPhase(c, day) === 'active',
  );
}

/** Does the contact see the share in the portal on `day`? `contracts`: the contact's contracts. */
export function shareVisibleTo(
  share: ShareFacts,
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): boolean {
  if (share.revoked || contact.archived) return false;
  if (share.target.mode === 'individual') {
    return (
      share.target.contactId === contact.id &&
      contactAccess(contact, contracts, settings, day).grant !== 'none'
    );
  }
  return roleShareReaches(share.target.scope, contact, contracts, day);
}

/**
 * The contents a contact sees on `day` and how: 'individual' when an individual share shows it,
 * else 'role'. `shares` may hold shares of anyone; only those reaching the contact count.
 */
export function visibleContents(
  shares: readonly ShareFacts[],
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): Map<number, 'individual' | 'role'> {
  const seen = new Map<number, 'individual' | 'role'>();
  if (contact.archived) return seen;
  // The contact's access is the same for every individual share: evaluate it once.
  const hasAccess = contactAccess(contact, contracts, settings, day).grant !== 'none';
  for (const share of shares) {
    if (share.revoked) continue;
    if (share.target.mode === 'individual') {
      if (share.target.contactId === contact.id && hasAccess) seen.set(share.contentId, 'individual');
    } else if (
      seen.get(share.contentId) === undefined &&
      roleShareReaches(share.target.scope, contact, contracts, day)
    ) {
      seen.set(share.contentId, 'role');
    }
  }
  return seen;
}
