/**
 * The automatic rules (issue 18): who is invited on a day, whose access ends soon enough for a
 * notice, which days a rule still has to run. Pure: the day and every fact are passed in.
 *
 * - **Invitation occasion** of a contract: the day its pre-contract window opens (start − days, when
 *   pre-contract access is on) and the day it starts (a new active contract). On such a day a
 *   contact with access that day, not archived, not anonymised, not registered and without an open
 *   invitation is invited — by e-mail when its address is valid and it prefers online, else by letter.
 *   The service keeps one automatic invitation per contract (the start day of a contract already
 *   invited when its window opened finds it done).
 * - **Notice before access ends**: for a registered contact whose access on `day` is the window after
 *   contract end, the notice day is `until − noticeDays`, or the window's first day when that lies
 *   later (a window shorter than the notice period). One notice per contact and last day of access.
 */
import type { AccessSettings, ContractFacts, IsoDate } from '../../../shared/domain';
import { addDays, daysBetween, maxIsoDate } from '../../../shared/dates';
import { grantEvaluator, groupContractsByContact, strongestAccess } from './access';

/** What the rules know of a contact. */
export interface AutomationContact {
  id: number;
  archived: boolean;
  anonymised: boolean;
  /** Has a portal account. */
  registered: boolean;
  /** Has a pending invitation not yet past its last day. */
  invited: boolean;
  /** Its e-mail address is valid (mail/address.ts isValidEmail). */
  emailValid: boolean;
  preference: 'online' | 'postal';
}

export type AutomaticChannel = 'email' | 'letter';

export interface DueInvitation {
  contactId: number;
  /** The contract whose occasion it is (the lowest id when several fall on one day). */
  contractId: number;
  channel: AutomaticChannel;
  /** The window opened ('pre') or the contract started ('start'). */
  occasion: 'pre' | 'start';
}

export interface DueNotice {
  contactId: number;
  /** The contract whose window after its end gives the access. */
  contractId: number;
  /** The last day of access. */
  accessEnds: IsoDate;
}

/** The channel of an automatic letter or e-mail: e-mail only to a valid address of one who prefers online. */
export function automaticChannel(
  contact: Pick<AutomationContact, 'emailValid' | 'preference'>,
): AutomaticChannel {
  return contact.emailValid && contact.preference === 'online' ? 'email' : 'letter';
}

/** The days a contract gives an invitation occasion under `settings`. */
export function invitationOccasions(
  contract: Pick<ContractFacts, 'start'>,
  settings: AccessSettings,
): { day: IsoDate; occasion: 'pre' | 'start' }[] {
  const start = { day: contract.start, occasion: 'start' as const };
  if (!settings.preContract.enabled) return [start];
  return [{ day: addDays(contract.start, -settings.preContract.days), occasion: 'pre' }, start];
}

/** Contacts to invite automatically on `day`, by contact id ascending. */
export function invitationsDue(
  contacts: readonly AutomationContact[],
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): DueInvitation[] {
  const byContact = groupContractsByContact(contracts);
  const evaluate = grantEvaluator(settings, day);
  const due: DueInvitation[] = [];
  for (const contact of [...contacts].sort((a, b) => a.id - b.id)) {
    if (contact.archived || contact.anonymised || contact.registered || contact.invited) continue;
    const own = byContact.get(contact.id) ?? [];
    if (strongestAccess(own, evaluate).grant === 'none') continue;
    const occasions = own
      .flatMap((c) =>
        invitationOccasions(c, settings)
          .filter((o) => o.day === day)
          .map((o) => ({ contractId: c.id, occasion: o.occasion })),
      )
      .sort((a, b) => a.contractId - b.contractId);
    const first = occasions[0];
    if (first === undefined) continue;
    due.push({ contactId: contact.id, ...first, channel: automaticChannel(contact) });
  }
  return due;
}

/** Registered contacts to tell on `day` that their access ends (`noticeDays` before), by id ascending. */
export function noticesDue(
  contacts: readonly AutomationContact[],
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
  noticeDays: number,
): DueNotice[] {
  const byContact = groupContractsByContact(contracts);
  const evaluate = grantEvaluator(settings, day);
  const due: DueNotice[] = [];
  for (const contact of [...contacts].sort((a, b) => a.id - b.id)) {
    if (contact.archived || contact.anonymised || !contact.registered) continue;
    const access = strongestAccess(byContact.get(contact.id) ?? [], evaluate);
    if (access.grant !== 'post' || access.until === null || access.contractId === null) continue;
    const contract = byContact.get(contact.id)?.find((c) => c.id === access.contractId);
    if (contract?.end == null) continue;
    const noticeDay = maxIsoDate(addDays(contract.end, 1), addDays(access.until, -noticeDays));
    if (noticeDay === day)
      due.push({ contactId: contact.id, contractId: contract.id, accessEnds: access.until });
  }
  return due;
}

/** At most this many past days are caught up at once (an app off for longer starts again from then). */
export const MAX_CATCH_UP_DAYS = 31;

/**
 * The days a rule still has to run on `today`: after the last day it ran (or from the day it was
 * switched on), through today, at most MAX_CATCH_UP_DAYS of them. None when the clock stands at or
 * before the last run (set back).
 */
export function daysToRun(since: IsoDate, lastRun: IsoDate | null, today: IsoDate): IsoDate[] {
  let from = lastRun === null ? since : maxIsoDate(since, addDays(lastRun, 1));
  if (from > today) return [];
  if (daysBetween(from, today) >= MAX_CATCH_UP_DAYS) from = addDays(today, -(MAX_CATCH_UP_DAYS - 1));
  const days: IsoDate[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
  return days;
}
