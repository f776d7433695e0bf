/**
 * Invite eligibility and individual shares (ARCHITECTURE.md §3).
 */
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  IndividualShareEligibility,
  InviteEligibility,
  IsoDate,
} from '../../../shared/domain';
import { contactAccess } from './access';
import { decidingWindow } from './decidingWindow';
import { addDays, maxIsoDate } from '../../../shared/dates';

/**
 * The first day after `day` on which the contact has access under the current settings, or null when
 * no contract will ever give it again. If there is no access tomorrow, only contracts starting after
 * tomorrow can open it later: on start − days when pre-contract access is enabled, else on their
 * start. Contracts that started already never do (once their active and post days are over, they are
 * over for good).
 */
export function nextAccessDay(
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): IsoDate | null {
  if (contact.archived) return null;
  const tomorrow = addDays(day, 1);
  if (contactAccess(contact, contracts, settings, tomorrow).grant !== 'none') return tomorrow;
  let earliestStart: IsoDate | null = null;
  for (const c of contracts) {
    if (c.contactId !== contact.id || c.start <= day) continue;
    if (earliestStart === null || c.start < earliestStart) earliestStart = c.start;
  }
  if (earliestStart === null) return null;
  const opens = settings.preContract.enabled
    ? addDays(earliestStart, -settings.preContract.days)
    : earliestStart;
  return maxIsoDate(opens, tomorrow);
}

/**
 * May the contact be invited today? Refusals are checked in this order: CONTACT_ANONYMISED (for
 * good: un-archiving would not help), ARCHIVED, ALREADY_REGISTERED, NO_CONTRACT (no contract at
 * all), OUTSIDE_ACCESS_WINDOW (access = none today; `possibleFrom` is the first future day with
 * access, or null).
 */
export function inviteEligibility(
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): InviteEligibility {
  if (contact.anonymised) return { allowed: false, reason: 'CONTACT_ANONYMISED', possibleFrom: null };
  if (contact.archived) return { allowed: false, reason: 'ARCHIVED', possibleFrom: null };
  if (contact.registered) return { allowed: false, reason: 'ALREADY_REGISTERED', possibleFrom: null };
  if (!contracts.some((c) => c.contactId === contact.id)) {
    return { allowed: false, reason: 'NO_CONTRACT', possibleFrom: null };
  }
  const access = contactAccess(contact, contracts, settings, day);
  if (access.grant === 'none') {
    return {
      allowed: false,
      reason: 'OUTSIDE_ACCESS_WINDOW',
      possibleFrom: nextAccessDay(contact, contracts, settings, day),
      window: decidingWindow(contact.id, contracts, settings, day),
    };
  }
  return { allowed: true, access };
}

/**
 * May the contact receive an individual share (process link, announcement, appointment, document,
 * SmartPost) today? Yes when its access is active, pre or post — never for an anonymised contact.
 */
export function individualShareAllowed(
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): IndividualShareEligibility {
  if (contact.anonymised) return { allowed: false, reason: 'CONTACT_ANONYMISED' };
  if (contact.archived) return { allowed: false, reason: 'ARCHIVED' };
  const access = contactAccess(contact, contracts, settings, day);
  if (access.grant === 'none') return { allowed: false, reason: 'NO_ACCESS' };
  return { allowed: true, access };
}
