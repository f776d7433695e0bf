/**
 * Role-based share resolution (ARCHITECTURE.md §3): a share to all contacts / tenants / owners of a
 * property or of some of its units reaches only contacts with an active contract of that type in that
 * scope; contacts of the scope inside a pre/post window are listed as skipped.
 */
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  IsoDate,
  RoleShareResolution,
  RoleShareScope,
  SkippedContact,
} from '../../../shared/domain';
import { grantEvaluator, groupContractsByContact, strongestAccess } from './access';

/** A predicate for "the contract falls inside the scope" (property, units if any, role). */
export function scopePredicate(scope: RoleShareScope): (c: ContractFacts) => boolean {
  const units = scope.unitIds === null || scope.unitIds.length === 0 ? null : new Set(scope.unitIds);
  return (c) =>
    c.propertyId === scope.propertyId &&
    (scope.role === 'all' || c.type === scope.role) &&
    (units === null || units.has(c.unitId));
}

/** Does the contract fall inside the scope? */
export function contractInScope(c: ContractFacts, scope: RoleShareScope): boolean {
  return scopePredicate(scope)(c);
}

/**
 * Recipients: non-archived contacts with an in-scope contract active on `day`. Skipped: the other
 * non-archived contacts whose strongest grant over their in-scope contracts is pre or post, with that
 * grant, the last day of its window and the contract giving it. Both ascending by contact id, disjoint.
 * Contracts outside the scope never count (a tenant of another property is neither).
 */
export function resolveRoleShare(
  scope: RoleShareScope,
  contacts: readonly ContactFacts[],
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
  day: IsoDate,
): RoleShareResolution {
  const inScope = contracts.filter(scopePredicate(scope));
  const byContact = groupContractsByContact(inScope);
  const evaluate = grantEvaluator(settings, day);

  const recipients: number[] = [];
  const skipped: SkippedContact[] = [];
  const seen = new Set<number>();
  for (const contact of contacts) {
    if (contact.archived || seen.has(contact.id)) continue;
    seen.add(contact.id);
    const own = byContact.get(contact.id);
    if (own === undefined) continue;
    const access = strongestAccess(own, evaluate);
    if (access.grant === 'active') {
      recipients.push(contact.id);
    } else if (
      (access.grant === 'pre' || access.grant === 'post') &&
      access.until !== null &&
      access.contractId !== null
    ) {
      skipped.push({
        contactId: contact.id,
        grant: access.grant,
        windowEnd: access.until,
        contractId: access.contractId,
      });
    }
  }
  recipients.sort((a, b) => a - b);
  skipped.sort((a, b) => a.contactId - b.contactId);
  return { recipients, skipped };
}
