/**
 * Which access window decides a contact without access today (issue 13 item 14: a refusal says
 * which window would allow it, and until or from when). Pure.
 */
import { addDays } from '../../../shared/dates';
import type { AccessSettings, ContractFacts, DecidingWindow, IsoDate } from '../../../shared/domain';

/**
 * The pre-contract window of the contact's next contract (the earliest starting after `day`), else
 * the post-contract window of its contract that ended last before `day`; null without either.
 */
export function decidingWindow(
  contactId: number,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): DecidingWindow | null {
  const own = contracts.filter((c) => c.contactId === contactId);
  const next = own.filter((c) => c.start > day).sort((a, b) => a.start.localeCompare(b.start))[0];
  if (next !== undefined) {
    const { enabled, days } = settings.preContract;
    return {
      window: 'pre',
      enabled,
      days,
      contractDay: next.start,
      windowDay: enabled ? addDays(next.start, -days) : null,
    };
  }
  const ended = own
    .map((c) => c.end)
    .filter((end): end is IsoDate => end !== null && end < day)
    .sort()
    .at(-1);
  if (ended === undefined) return null;
  const { enabled, days } = settings.postContract;
  return {
    window: 'post',
    enabled,
    days,
    contractDay: ended,
    windowDay: enabled ? addDays(ended, days) : null,
  };
}
