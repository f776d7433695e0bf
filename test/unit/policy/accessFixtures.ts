/** Small builders for the policy's access tests: settings, a contract, a contact without access. */
import type { Access, AccessSettings, ContactFacts, ContractFacts } from '../../../shared/domain';

/** Settings with pre/post windows of the given days (null = disabled). */
export function settings(pre: number | null, post: number | null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

export function contract(
  id: number,
  start: string,
  end: string | null,
  extra: Partial<ContractFacts> = {},
): ContractFacts {
  return { id, contactId: 1, unitId: 1, propertyId: 1, type: 'tenant', start, end, ...extra };
}

export const CONTACT: ContactFacts = { id: 1, archived: false, registered: false };
export const NONE: Access = { grant: 'none', until: null, contractId: null };
