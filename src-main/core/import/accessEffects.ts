/**
 * The access consequences of an import today, computed by the policy every screen uses
 * (contactAccess, inviteEligibility): the contacts it touches, with their contracts before and
 * after, and the portal seats (the store's count before, moved by the registered contacts whose
 * access the import turns on or off).
 */
import {
  IMPORT_PREVIEW_LIMIT,
  type ImportAccessEffect,
  type ImportEffectList,
  type ImportPreview,
} from '../../../shared/contract/imports';
import type { AccessSettings, ContactFacts, ContractFacts, IsoDate } from '../../../shared/domain';
import { toContractFacts } from '../db/contractRepository';
import type { ImportContactRow, ImportRepository } from '../db/importRepository';
import { contactAccess, groupContractsByContact, inviteEligibility } from '../policy';
import { displayName, nameOfRow } from '../services/portfolioViews';
import type { PlanChanges } from './changes';
import type { ImportPlan } from './plan';

/** One contact the import touches: its facts and its contracts before and after. */
export interface TouchedContact {
  contactId: number | null;
  referenceId: string;
  displayName: string;
  facts: ContactFacts;
  before: ContractFacts[];
  after: ContractFacts[];
}

/** The contacts whose contracts the plan creates, changes or ends, with those contracts. */
export function touchedContacts(
  plan: ImportPlan,
  changes: PlanChanges,
  repo: ImportRepository,
): TouchedContact[] {
  const byRef = new Map<string, ImportContactRow>();
  for (const c of plan.contacts.values()) if (c.row !== null) byRef.set(c.referenceId, c.row);
  const ids = new Set<number>([...byRef.values()].map((c) => c.id));
  for (const { row } of plan.ending) ids.add(row.contact_id);
  const known = new Set([...byRef.values()].map((c) => c.id));
  const others = repo.contactsById([...ids].filter((id) => !known.has(id)));
  const rows = new Map<number, ImportContactRow>([...byRef.values(), ...others].map((c) => [c.id, c]));
  const stored = groupContractsByContact(repo.contractsOfContacts([...ids]).map(toContractFacts));

  const updated = new Map<number, Partial<ContractFacts>>();
  for (const { row, end } of plan.ending) updated.set(row.id, { end });
  const added = new Map<string, ContractFacts[]>();
  let nextId = -1;
  for (const [key, k] of plan.contracts) {
    const after = changes.contracts.get(key)?.after;
    if (after === undefined) continue;
    if (k.row !== null) {
      updated.set(k.row.id, { type: after.type, start: after.start, end: after.end });
      continue;
    }
    const contactId = byRef.get(k.contactRef)?.id ?? 0;
    const fact: ContractFacts = {
      id: nextId--,
      contactId,
      unitId: plan.units.get(k.unitRef)?.row?.id ?? 0,
      propertyId: 0,
      type: after.type,
      start: after.start,
      end: after.end,
    };
    added.set(k.contactRef, [...(added.get(k.contactRef) ?? []), fact]);
  }

  const result: TouchedContact[] = [];
  for (const row of rows.values()) {
    const before = stored.get(row.id) ?? [];
    const after = [
      ...before.map((k) => ({ ...k, ...updated.get(k.id) })),
      ...(added.get(row.reference_id) ?? []),
    ];
    const name = changes.contacts.get(row.reference_id);
    result.push({
      contactId: row.id,
      referenceId: row.reference_id,
      displayName: name === undefined ? displayName(nameOfRow(row)) : displayName(name.after),
      facts: {
        id: row.id,
        archived: row.archived === 1,
        registered: row.registered === 1,
        anonymised: row.anonymised_at !== null,
      },
      before,
      after,
    });
  }
  for (const c of plan.contacts.values()) {
    if (c.row !== null) continue;
    result.push({
      contactId: null,
      referenceId: c.referenceId,
      displayName: changes.contacts.get(c.referenceId)?.label ?? c.referenceId,
      facts: { id: 0, archived: false, registered: false },
      before: [],
      after: added.get(c.referenceId) ?? [],
    });
  }
  return result;
}

const byName = new Intl.Collator('de');

function list(items: ImportAccessEffect[]): ImportEffectList {
  items.sort((a, b) => byName.compare(a.displayName, b.displayName));
  return { total: items.length, items: items.slice(0, IMPORT_PREVIEW_LIMIT) };
}

/** The access consequences today and the seats before → after. */
export function accessEffects(
  touched: readonly TouchedContact[],
  settings: AccessSettings,
  today: IsoDate,
  seatsBefore: number,
): Pick<ImportPreview, 'access' | 'seats'> {
  const gained: ImportAccessEffect[] = [];
  const lost: ImportAccessEffect[] = [];
  const enteredWindow: ImportAccessEffect[] = [];
  const registeredLost: ImportAccessEffect[] = [];
  const invitePossible: ImportAccessEffect[] = [];
  const inviteImpossible: ImportAccessEffect[] = [];
  let seatsAfter = seatsBefore;
  for (const contact of touched) {
    const before = contactAccess(contact.facts, contact.before, settings, today);
    const after = contactAccess(contact.facts, contact.after, settings, today);
    const effect: ImportAccessEffect = {
      contactId: contact.contactId,
      referenceId: contact.referenceId,
      displayName: contact.displayName,
      before: before.grant,
      after: after.grant,
      until: after.until,
      registered: contact.facts.registered,
    };
    const had = before.grant !== 'none';
    const has = after.grant !== 'none';
    if (!had && has) gained.push(effect);
    if (had && !has) lost.push(effect);
    if (
      (after.grant === 'pre' || after.grant === 'post') &&
      (before.grant === 'none' || before.grant === 'active')
    ) {
      enteredWindow.push(effect);
    }
    if (contact.facts.registered && !contact.facts.archived && had !== has) {
      seatsAfter += has ? 1 : -1;
      if (!has) registeredLost.push(effect);
    }
    const couldInvite =
      contact.contactId !== null && inviteEligibility(contact.facts, contact.before, settings, today).allowed;
    const canInvite = inviteEligibility(contact.facts, contact.after, settings, today).allowed;
    if (!couldInvite && canInvite) invitePossible.push(effect);
    if (couldInvite && !canInvite) inviteImpossible.push(effect);
  }
  return {
    access: {
      gained: list(gained),
      lost: list(lost),
      enteredWindow: list(enteredWindow),
      registeredLost: list(registeredLost),
      invitePossible: list(invitePossible),
      inviteImpossible: list(inviteImpossible),
    },
    seats: { before: seatsBefore, after: seatsAfter, quota: settings.seatQuota },
  };
}
