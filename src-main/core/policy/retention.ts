/**
 * Deletion candidates (Löschkandidaten; README "Data protection"). Pure: "today" is a parameter.
 *
 * A contact's portal access ends with its last contract, or with the post-contract window after it
 * when that window is on (the settings in force today, as for every access question). The contact is
 * a deletion candidate when that day lies MORE than the retention period (N calendar months) before
 * today — access end < today − N months — and no contract of it runs today or starts later.
 * Contacts without any contract never had access, so no retention period can run from anything:
 * they are not candidates. Anonymised contacts are never candidates again.
 */
import type { AccessSettings, ContractFacts, IsoDate } from '../../../shared/domain';
import { addDays, addMonths } from '../../../shared/dates';

export type NotACandidate = 'ANONYMISED' | 'NO_CONTRACT' | 'CONTRACT_OPEN' | 'WITHIN_RETENTION';

export type DeletionVerdict =
  | { candidate: true; lastContractId: number; lastContractEnd: IsoDate; accessEnd: IsoDate }
  | { candidate: false; reason: NotACandidate };

/**
 * Today − N months (the same day of the month, or that month's last day): a candidate's
 * access ended before this day. An access that ended exactly on it is not yet a candidate.
 */
export function retentionCutoff(today: IsoDate, retentionMonths: number): IsoDate {
  return addMonths(today, -retentionMonths);
}

/** The last day of access after contracts that ended on `lastContractEnd`. */
export function accessEndAfter(lastContractEnd: IsoDate, settings: AccessSettings): IsoDate {
  return settings.postContract.enabled
    ? addDays(lastContractEnd, settings.postContract.days)
    : lastContractEnd;
}

/**
 * Every contract of a candidate ends before this day: the retention cutoff less the post-contract
 * window when it is on. The same rule as `deletionVerdict`, as one bound for an index range in SQL.
 */
export function candidateEndLimit(
  settings: AccessSettings,
  retentionMonths: number,
  today: IsoDate,
): IsoDate {
  const cutoff = retentionCutoff(today, retentionMonths);
  return settings.postContract.enabled ? addDays(cutoff, -settings.postContract.days) : cutoff;
}

/** Whether a contact is a deletion candidate today; contracts of other contacts are ignored. */
export function deletionVerdict(
  contact: { id: number; anonymised: boolean },
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  retentionMonths: number,
  today: IsoDate,
): DeletionVerdict {
  if (contact.anonymised) return { candidate: false, reason: 'ANONYMISED' };
  let last: (ContractFacts & { end: IsoDate }) | null = null;
  for (const c of contracts) {
    if (c.contactId !== contact.id) continue;
    // Open-ended, running today or starting later (start ≤ end): the contact is still a tenant or owner.
    if (c.end === null || c.end >= today) return { candidate: false, reason: 'CONTRACT_OPEN' };
    if (last === null || c.end > last.end || (c.end === last.end && c.id > last.id))
      last = { ...c, end: c.end };
  }
  if (last === null) return { candidate: false, reason: 'NO_CONTRACT' };
  const accessEnd = accessEndAfter(last.end, settings);
  if (accessEnd >= retentionCutoff(today, retentionMonths))
    return { candidate: false, reason: 'WITHIN_RETENTION' };
  return { candidate: true, lastContractId: last.id, lastContractEnd: last.end, accessEnd };
}
