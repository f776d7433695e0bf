/** Rows of the portfolio tables as the contract shows them (names, contacts, contract views). */
import type {
  Access,
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractWindows,
  IsoDate,
} from '../../../shared/domain';
import type {
  Contact,
  ContactContractView,
  ContactFields,
  ContractTimeline,
  ContractView,
  InvitationSummary,
} from '../../../shared/ipc';
import type { ContactRow, InvitationRow } from '../db/contactRepository';
import { toContractFacts, type ContractViewRow } from '../db/contractRepository';
import { contactName, type PostalAddressee } from '../mail/format';
import { addDays, daysBetween, maxIsoDate, minIsoDate } from '../../../shared/dates';
import { contractWindows } from '../policy';
import { invitationStateOn } from '../policy/invitationState';

/** What naming a contact needs: the salutation's name fields and the contact's language. */
export type NameFields = Pick<
  ContactFields,
  'salutation' | 'title' | 'firstName' | 'lastName' | 'company' | 'language'
>;

/**
 * How a contact is named wherever a name is shown (lists, detail, invite summaries, shares):
 * by the rules of the letters and mails (mail/format.ts `contactName`), e.g. "Familie Weber".
 */
export function displayName(name: NameFields): string {
  return contactName(name.language, name);
}

/** The name fields of a contacts row (or of a row carrying the same columns). */
export function nameOfRow(
  row: Pick<ContactRow, 'salutation' | 'title' | 'first_name' | 'last_name' | 'company' | 'language'>,
): NameFields {
  return {
    salutation: row.salutation,
    title: row.title,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    language: row.language,
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
    | 'language'
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

/** Days the timeline shows before and after what it marks; after an open-ended contract, more. */
const TIMELINE_MARGIN_DAYS = 20;
const TIMELINE_OPEN_END_DAYS = 60;
/** An open-ended contract is drawn for at least its first year. */
const TIMELINE_OPEN_YEAR_DAYS = 365;

/**
 * The time axis of one contract (ContractTimeline in the contract): its windows, the contract and
 * today, with a margin on either side.
 */
export function contractTimeline(
  contract: Pick<ContractView, 'start' | 'end'>,
  windows: ContractWindows,
  today: IsoDate,
): ContractTimeline {
  const { start, end } = contract;
  const first = minIsoDate(windows.preFrom ?? start, today);
  const last = maxIsoDate(windows.postUntil ?? end ?? addDays(start, TIMELINE_OPEN_YEAR_DAYS), today);
  const from = addDays(first, -TIMELINE_MARGIN_DAYS);
  const until = addDays(last, end === null ? TIMELINE_OPEN_END_DAYS : TIMELINE_MARGIN_DAYS);
  const at = (day: IsoDate) => daysBetween(from, day);
  const days = at(until);
  return {
    from,
    until,
    days,
    pre: windows.preFrom === null ? null : { from: at(windows.preFrom), to: at(start) },
    contract: { from: at(start), to: end === null ? days : at(end) + 1 },
    post:
      windows.postUntil === null || end === null
        ? null
        : { from: at(end) + 1, to: at(windows.postUntil) + 1 },
    today: at(today),
  };
}

/** A contract as the contact page shows it: with its windows and timeline under `settings` today. */
export function toContactContractView(
  view: ContractView,
  settings: AccessSettings,
  today: IsoDate,
): ContactContractView {
  const windows = contractWindows(view, settings);
  const canEnd = view.end === null || view.end >= today;
  return { ...view, windows, timeline: contractTimeline(view, windows, today), canEnd };
}

/** An invitation row as the contract shows it, with its state on `today`. */
export function invitationSummary(row: InvitationRow, today: IsoDate): InvitationSummary {
  return {
    id: row.id,
    state: invitationStateOn({ state: row.state, expiresOn: row.expires_on }, today),
    channel: row.channel,
    createdAt: row.created_at,
    expiresOn: row.expires_on,
  };
}
