/** Rows of the portfolio tables as the contract shows them (names, contacts, contract views). */
import type { Access, ContactFacts, ContractFacts } from '../../../shared/domain';
import type { Contact, ContactFields, ContractView } from '../../../shared/ipc';
import type { ContactRow } from '../db/contactRepository';
import { toContractFacts, type ContractViewRow } from '../db/contractRepository';
import type { PostalAddressee } from '../mail/format';

export type NameFields = Pick<ContactFields, 'salutation' | 'title' | 'firstName' | 'lastName' | 'company'>;

/**
 * How a contact is named: a company by its company name; everyone else "title first last"
 * ("Dr. Jürgen Müller"). A family is named as stored: first name (if any) and last name, e.g.
 * "Weber" — the language-dependent "Familie" / "family" is the renderer's, from the salutation.
 */
export function displayName(name: NameFields): string {
  if (name.salutation === 'company' && name.company) return name.company;
  return [name.title, name.firstName, name.lastName].filter((part) => part).join(' ');
}

/** The name fields of a contacts row (or of a row carrying the same columns). */
export function nameOfRow(
  row: Pick<ContactRow, 'salutation' | 'title' | 'first_name' | 'last_name' | 'company'>,
): NameFields {
  return {
    salutation: row.salutation,
    title: row.title,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
  };
}

/** The policy's view of a contact row. */
export function contactFacts(
  row: Pick<ContactRow, 'id' | 'archived' | 'anonymised_at'>,
  registered: boolean,
): ContactFacts {
  return { id: row.id, archived: row.archived === 1, registered, anonymised: row.anonymised_at !== null };
}

/** Name and postal address of a contacts row (or of a row carrying the same columns), for a letter. */
export function postalAddressee(
  row: Pick<
    ContactRow,
    | 'salutation'
    | 'title'
    | 'first_name'
    | 'last_name'
    | 'company'
    | 'street'
    | 'house_no'
    | 'postcode'
    | 'city'
  >,
): PostalAddressee {
  return {
    ...nameOfRow(row),
    street: row.street,
    houseNo: row.house_no,
    postcode: row.postcode,
    city: row.city,
  };
}

export function contactFieldsOfRow(row: ContactRow): ContactFields {
  return {
    ...postalAddressee(row),
    email: row.email,
    phone: row.phone,
    language: row.language,
    preference: row.preference,
    referenceId: row.reference_id,
    note: row.note,
  };
}

export function toContact(row: ContactRow): Contact {
  const fields = contactFieldsOfRow(row);
  return {
    ...fields,
    id: row.id,
    archived: row.archived === 1,
    anonymisedAt: row.anonymised_at,
    displayName: displayName(fields),
  };
}

const NO_ACCESS: Access = { grant: 'none', until: null, contractId: null };

/**
 * A contract with its names and what it grants today (`grant` = the policy's contract grant under
 * the settings in force; nothing for an archived contact, who has no access at all).
 */
export function toContractView(row: ContractViewRow, grant: (c: ContractFacts) => Access): ContractView {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: displayName(nameOfRow(row)),
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitNumber: row.unit_number,
    propertyId: row.property_id,
    propertyName: row.property_name,
    type: row.type,
    number: row.number,
    start: row.start_date,
    end: row.end_date,
    access: row.archived === 1 ? NO_ACCESS : grant(toContractFacts(row)),
  };
}
