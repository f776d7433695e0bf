/**
 * Portal seats (Portalzugänge) and the impact of a settings change (ARCHITECTURE.md §3): a seat is
 * used by each registered, non-archived contact whose access ≠ none today.
 */
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  IsoDate,
  SeatUsage,
  SettingsImpact,
} from '../../../shared/domain';
import { accessOfGrouped, grantEvaluator, groupContractsByContact } from './access';

/** Registered, non-archived contacts, each id once (the only ones that can hold a seat). */
function seatCandidates(contacts: readonly ContactFacts[]): ContactFacts[] {
  const seen = new Set<number>();
  const out: ContactFacts[] = [];
  for (const contact of contacts) {
    if (!contact.registered || contact.archived || seen.has(contact.id)) continue;
    seen.add(contact.id);
    out.push(contact);
  }
  return out;
}

/** Seats used on `day` and the licence quota from the settings. */
export function seatUsage(
  contacts: readonly ContactFacts[],
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): SeatUsage {
  const byContact = groupContractsByContact(contracts);
  const evaluate = grantEvaluator(settings, day);
  let used = 0;
  for (const contact of seatCandidates(contacts)) {
    if (accessOfGrouped(contact, byContact, evaluate).grant !== 'none') used++;
  }
  return { used, quota: settings.seatQuota };
}

/**
 * What changing the access settings from `before` to `after` does on `day`: registered, non-archived
 * contacts who gain or lose access (ids ascending), seats before and after, the quota of `after`
 * and the seats over it (0 without a quota).
 */
export function settingsImpact(
  contacts: readonly ContactFacts[],
  contracts: readonly ContractFacts[],
  before: AccessSettings,
  after: AccessSettings,
  day: IsoDate,
): SettingsImpact {
  const byContact = groupContractsByContact(contracts);
  const evalBefore = grantEvaluator(before, day);
  const evalAfter = grantEvaluator(after, day);
  const gained: number[] = [];
  const lost: number[] = [];
  let seatsBefore = 0;
  let seatsAfter = 0;
  for (const contact of seatCandidates(contacts)) {
    const had = accessOfGrouped(contact, byContact, evalBefore).grant !== 'none';
    const has = accessOfGrouped(contact, byContact, evalAfter).grant !== 'none';
    if (had) seatsBefore++;
    if (has) seatsAfter++;
    if (!had && has) gained.push(contact.id);
    if (had && !has) lost.push(contact.id);
  }
  gained.sort((a, b) => a - b);
  lost.sort((a, b) => a - b);
  const quota = after.seatQuota;
  const overage = quota === null ? 0 : Math.max(0, seatsAfter - quota);
  return { gained, lost, seatsBefore, seatsAfter, quota, overage };
}
