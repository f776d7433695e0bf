/**
 * Contacts as the share dialog, a content's "Geteilt mit" and the portal preview show them: name,
 * access on a day, and the units that matter, loaded in a few queries for many contacts at once.
 */
import type { Access, AccessSettings, ContactFacts, ContractFacts, IsoDate } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { contractRepository } from '../db/contractRepository';
import { shareRepository, type RecipientRow, type UnitNameRow } from '../db/shareRepository';
import { contactAccess, groupContractsByContact } from '../policy';
import { contactFacts, displayName, nameOfRow } from './portfolioViews';

export interface RecipientInfo {
  row: RecipientRow;
  displayName: string;
  facts: ContactFacts;
  /** Every contract of the contact (any property). */
  contracts: ContractFacts[];
  /** Access on the day the directory was loaded for. */
  access: Access;
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

export function byName(
  a: { displayName: string; contactId: number },
  b: { displayName: string; contactId: number },
) {
  return collator.compare(a.displayName, b.displayName) || a.contactId - b.contactId;
}

/**
 * The share dialog's order, that of the contact list and of the recipient pages from SQL
 * (accessRepository.roleRecipientsByName): sort_name ("müller hans"), then id.
 */
export function bySortName(a: RecipientInfo, b: RecipientInfo): number {
  const x = a.row.sort_name;
  const y = b.row.sort_name;
  return x < y ? -1 : x > y ? 1 : a.row.id - b.row.id;
}

/** Contacts with their contracts, access and unit names, on one day under one settings. */
export interface RecipientDirectory {
  get(contactId: number): RecipientInfo | undefined;
  /**
   * The units of some of a contact's contracts, as one line: "Whg. 3, 1. OG links; Whg. 7, 2. OG"
   * by unit number; prefixed by the property's name when they lie in more than one property.
   */
  unitsLabel(contracts: readonly ContractFacts[]): string;
  unit(unitId: number): UnitNameRow | undefined;
}

export function recipientLoader(ctx: CoreContext) {
  const shares = shareRepository(ctx.db);
  const contracts = contractRepository(ctx.store);

  return async function load(
    contactIds: Iterable<number>,
    settings: AccessSettings,
    day: IsoDate,
  ): Promise<RecipientDirectory> {
    const ids = [...new Set(contactIds)];
    const rows = shares.recipients(ids);
    const facts = await contracts.factsOfContacts(rows.map((row) => row.id));
    const byContact = groupContractsByContact(facts);
    const units = new Map(shares.units([...new Set(facts.map((c) => c.unitId))]).map((u) => [u.id, u]));
    const infos = new Map<number, RecipientInfo>();
    for (const row of rows) {
      const own = byContact.get(row.id) ?? [];
      const contact = contactFacts(row, row.registered === 1);
      infos.set(row.id, {
        row,
        displayName: displayName(nameOfRow(row)),
        facts: contact,
        contracts: own,
        access: contactAccess(contact, own, settings, day),
      });
    }
    return {
      get: (contactId) => infos.get(contactId),
      unit: (unitId) => units.get(unitId),
      unitsLabel(selected) {
        const rowsOf = [...new Set(selected.map((c) => c.unitId))]
          .map((id) => units.get(id))
          .filter((u): u is UnitNameRow => u !== undefined)
          .sort(
            (a, b) =>
              collator.compare(a.property_name, b.property_name) || collator.compare(a.number, b.number),
          );
        const properties = new Set(rowsOf.map((u) => u.property_id));
        return rowsOf.map((u) => (properties.size > 1 ? `${u.property_name}: ${u.name}` : u.name)).join('; ');
      },
    };
  };
}
export type RecipientLoader = ReturnType<typeof recipientLoader>;

/** Display names of contacts (no contracts loaded), in the order of `contactIds`. */
export function recipientNames(ctx: CoreContext) {
  const shares = shareRepository(ctx.db);
  return function names(contactIds: readonly number[]): { contactId: number; displayName: string }[] {
    const byId = new Map(shares.recipients(contactIds).map((row) => [row.id, row]));
    return contactIds.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [{ contactId: id, displayName: displayName(nameOfRow(row)) }];
    });
  };
}
