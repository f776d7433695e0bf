/**
 * Contract phases, contract grants and contact access (ARCHITECTURE.md §3). Pure: "today" is a parameter.
 */
import type {
  Access,
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractPhase,
  ContractWindows,
  Grant,
  IsoDate,
} from '../../../shared/domain';
import { addDays } from '../../../shared/dates';

/** No access: the grant of a contract outside all windows, and of archived contacts. */
function noAccess(): Access {
  return { grant: 'none', until: null, contractId: null };
}

/** Phase of a contract on `day`: upcoming before its start, ended after its end, else active. */
export function contractPhase(c: ContractFacts, day: IsoDate): ContractPhase {
  if (day < c.start) return 'upcoming';
  if (c.end !== null && day > c.end) return 'ended';
  return 'active';
}

/**
 * Grants of many contracts under one settings/day pair. The window tests are turned around once
 * (start − days ≤ day ⇔ start ≤ day + days; day ≤ end + days ⇔ end ≥ day − days), so evaluating a
 * contract is string comparisons only; dates are computed just for the `until` of a pre/post grant.
 */
export type GrantEvaluator = (c: ContractFacts) => Access;

function memo(f: (iso: IsoDate) => IsoDate): (iso: IsoDate) => IsoDate {
  const cache = new Map<IsoDate, IsoDate>();
  return (iso) => {
    let out = cache.get(iso);
    if (out === undefined) {
      out = f(iso);
      cache.set(iso, out);
    }
    return out;
  };
}

export function grantEvaluator(settings: AccessSettings, day: IsoDate): GrantEvaluator {
  const preLimit = settings.preContract.enabled ? addDays(day, settings.preContract.days) : null;
  const postDays = settings.postContract.days;
  const postLimit = settings.postContract.enabled ? addDays(day, -postDays) : null;
  // Portfolios share few distinct start/end dates: compute each window end once.
  const preUntil = memo((start) => addDays(start, -1));
  const postUntil = memo((end) => addDays(end, postDays));
  return (c) => {
    if (day < c.start) {
      if (preLimit !== null && c.start <= preLimit) {
        return { grant: 'pre', until: preUntil(c.start), contractId: c.id };
      }
      return noAccess();
    }
    if (c.end === null || day <= c.end) return { grant: 'active', until: c.end, contractId: c.id };
    if (postLimit !== null && c.end >= postLimit) {
      return { grant: 'post', until: postUntil(c.end), contractId: c.id };
    }
    return noAccess();
  };
}

/**
 * What one contract grants on `day`: `active` while it runs (until its end, null = open-ended),
 * `pre` in the pre-contract window start − days ≤ day < start (until start − 1), `post` in the
 * post-contract window end < day ≤ end + days (until end + days), otherwise none.
 */
export function contractGrant(c: ContractFacts, settings: AccessSettings, day: IsoDate): Access {
  return grantEvaluator(settings, day)(c);
}

/**
 * The access windows of a contract under `settings`, as `contractGrant` tests them: pre-contract
 * access from start − days to start − 1, access after contract end from end + 1 to end + days.
 */
export function contractWindows(
  c: Pick<ContractFacts, 'start' | 'end'>,
  settings: AccessSettings,
): ContractWindows {
  const { preContract, postContract } = settings;
  return {
    preFrom: preContract.enabled ? addDays(c.start, -preContract.days) : null,
    postUntil: postContract.enabled && c.end !== null ? addDays(c.end, postContract.days) : null,
  };
}

const STRENGTH: Record<Grant, number> = { active: 2, pre: 1, post: 1, none: 0 };

/** Strength of a grant: active (2) > pre = post (1) > none (0). */
export function grantStrength(grant: Grant): number {
  return STRENGTH[grant];
}

/**
 * True when `a` beats `b`: stronger grant; between a pre and a post window the pre-contract one
 * (a contact moving out of one unit and into another is shown as arriving: their access runs on
 * into the new contract); then the one lasting longer (until null = open-ended = longest); then
 * the lower contract id. Putting pre before post also keeps the SQL classification an index range.
 */
export function isBetterAccess(a: Access, b: Access): boolean {
  const sa = STRENGTH[a.grant];
  const sb = STRENGTH[b.grant];
  if (sa !== sb) return sa > sb;
  if (sa === 0) return false;
  if (a.grant !== b.grant) return a.grant === 'pre';
  if (a.until !== b.until) {
    if (a.until === null) return true;
    if (b.until === null) return false;
    return a.until > b.until;
  }
  return (a.contractId ?? Infinity) < (b.contractId ?? Infinity);
}

/** The best access over some contracts (already restricted to one contact). */
export function strongestAccess(contracts: readonly ContractFacts[], evaluate: GrantEvaluator): Access {
  let best = noAccess();
  for (const c of contracts) {
    const candidate = evaluate(c);
    if (isBetterAccess(candidate, best)) best = candidate;
  }
  return best;
}

/** Contracts by contact id, in one pass. */
export function groupContractsByContact(contracts: readonly ContractFacts[]): Map<number, ContractFacts[]> {
  const byContact = new Map<number, ContractFacts[]>();
  for (const c of contracts) {
    const list = byContact.get(c.contactId);
    if (list === undefined) byContact.set(c.contactId, [c]);
    else list.push(c);
  }
  return byContact;
}

/** Access of a contact whose contracts are already grouped (shared by the bulk functions). */
export function accessOfGrouped(
  contact: ContactFacts,
  byContact: ReadonlyMap<number, readonly ContractFacts[]>,
  evaluate: GrantEvaluator,
): Access {
  if (contact.archived) return noAccess();
  const own = byContact.get(contact.id);
  return own === undefined ? noAccess() : strongestAccess(own, evaluate);
}

/**
 * Access of a contact on `day`: the strongest grant over its contracts (contracts of other contacts
 * in `contracts` are ignored). Archived contacts have none.
 */
export function contactAccess(
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): Access {
  if (contact.archived) return noAccess();
  const evaluate = grantEvaluator(settings, day);
  let best = noAccess();
  for (const c of contracts) {
    if (c.contactId !== contact.id) continue;
    const candidate = evaluate(c);
    if (isBetterAccess(candidate, best)) best = candidate;
  }
  return best;
}
