/** Properties, units, contacts and contracts: what a property manager keeps, and their overview. */
import { z } from 'zod';
import type {
  Access,
  ContractType,
  ContractWindows,
  Grant,
  InviteEligibility,
  IsoDate,
  SeatUsage,
} from '../domain';
import {
  channel,
  contractDateSchema,
  emailSchema,
  idSchema,
  noPayload,
  optionalText,
  requiredText,
} from './channel';

// ---------------------------------------------------------------- properties and units

export const addressSchema = z.strictObject({
  street: requiredText(120),
  houseNo: requiredText(20),
  postcode: z
    .string()
    .trim()
    .min(1, { error: 'REQUIRED' })
    .regex(/^\d{5}$/, { error: 'INVALID_POSTCODE' }),
  city: requiredText(80),
});
export type Address = z.output<typeof addressSchema>;

export const propertyInputSchema = z.strictObject({
  name: requiredText(120),
  referenceId: optionalText(40),
  /** At least one; the first is the main address. */
  addresses: z.array(addressSchema).min(1).max(20),
});
export type PropertyInput = z.input<typeof propertyInputSchema>;

export const unitInputSchema = z.strictObject({
  propertyId: idSchema,
  name: requiredText(80),
  number: requiredText(20),
  usage: z.enum(['private', 'commercial']),
  referenceId: optionalText(40),
});
export type UnitInput = z.input<typeof unitInputSchema>;

export interface PropertySummary {
  id: number;
  name: string;
  referenceId: string | null;
  /** The main address, formatted "Musterstraße 12, 10115 Berlin". */
  address: string;
  units: number;
  /** Contacts with a contract in this property that is active today. */
  activeContacts: number;
}

export interface ContractView {
  id: number;
  contactId: number;
  contactName: string;
  unitId: number;
  unitName: string;
  unitNumber: string;
  propertyId: number;
  propertyName: string;
  type: ContractType;
  number: string;
  start: IsoDate;
  end: IsoDate | null;
  /** What this contract grants today under the current settings. */
  access: Access;
}

/**
 * A contract on a time axis, laid out by the core so that the renderer only draws. The axis runs
 * from `from` to `until`, `days` days long; every position is a day count from `from` to the
 * start of a day, and every span ends at the start of the day after its last day.
 */
export interface ContractTimeline {
  from: IsoDate;
  until: IsoDate;
  days: number;
  /** The pre-contract window; null when switched off. */
  pre: { from: number; to: number } | null;
  /** The contract itself; an open-ended one runs to the end of the axis. */
  contract: { from: number; to: number };
  /** The window after contract end; null when switched off or the contract is open-ended. */
  post: { from: number; to: number } | null;
  today: number;
}

/** A contract on the contact page: with its access windows and its timeline under today's settings. */
export interface ContactContractView extends ContractView {
  windows: ContractWindows;
  timeline: ContractTimeline;
  /** "Vertrag beenden" is offered: open-ended or ending today or later (else CONTRACT_ALREADY_ENDED). */
  canEnd: boolean;
}

export interface UnitView {
  id: number;
  propertyId: number;
  name: string;
  number: string;
  usage: 'private' | 'commercial';
  referenceId: string | null;
  /** Contracts running today. */
  current: ContractView[];
  /** The next contract to start, if any. */
  next: ContractView[];
}

/** A unit as a choice in a picker: "WE 03 · 2. OG links". */
export interface UnitOption {
  id: number;
  label: string;
}

export interface PropertyDetail {
  id: number;
  name: string;
  referenceId: string | null;
  addresses: (Address & { id: number })[];
  units: UnitView[];
}

// ---------------------------------------------------------------- contacts

/** 'none': keine Angabe; 'couple': Eheleute. */
export const salutationSchema = z.enum(['none', 'mr', 'ms', 'mx', 'couple', 'family', 'company']);
export type Salutation = z.infer<typeof salutationSchema>;

export const contactInputSchema = z.strictObject({
  salutation: salutationSchema,
  title: optionalText(40),
  firstName: optionalText(80),
  lastName: requiredText(120),
  company: optionalText(120),
  email: emailSchema,
  phone: optionalText(40),
  language: z.enum(['de', 'en']),
  preference: z.enum(['postal', 'online']),
  referenceId: requiredText(40),
  note: optionalText(2000),
  street: optionalText(120),
  houseNo: optionalText(20),
  postcode: optionalText(10),
  city: optionalText(80),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactFields = z.output<typeof contactInputSchema>;

export type InvitationState = 'none' | 'pending' | 'redeemed' | 'expired' | 'revoked';

export interface Contact extends ContactFields {
  id: number;
  archived: boolean;
  /**
   * When its personal data was removed (data protection; ISO instant), null when never. An
   * anonymised contact is archived and read-only: every change is refused with CONTACT_ANONYMISED.
   */
  anonymisedAt: string | null;
  /** "Dr. Jürgen Müller", "Familie Weber", "Hausbau GmbH". */
  displayName: string;
}

export interface ContactListItem {
  id: number;
  displayName: string;
  referenceId: string;
  email: string | null;
  archived: boolean;
  /** Its personal data was removed (see Contact.anonymisedAt). */
  anonymised: boolean;
  /** Access today, with the date it ends and the contract behind it. */
  access: Access;
  invitation: InvitationState;
  registered: boolean;
  /**
   * Where the contact lives or owns: the property and unit of the contract giving access today,
   * else of the latest contract; null without a contract. `otherPlaces`: units of its other contracts.
   */
  place: ContactPlace | null;
  otherPlaces: number;
}

/** A unit as the contacts list names it: "Lindenhof · WE 03". */
export interface ContactPlace {
  propertyName: string;
  unitNumber: string;
  unitName: string;
}

export const contactListQuerySchema = z.strictObject({
  /** Prefix of the name ("müll", "weber j"), of the e-mail or of the reference id. */
  search: z.string().max(100).default(''),
  access: z.enum(['active', 'pre', 'post', 'none']).nullable().default(null),
  propertyId: idSchema.nullable().default(null),
  contractType: z.enum(['tenant', 'owner']).nullable().default(null),
  invitation: z.enum(['none', 'pending', 'redeemed', 'expired', 'revoked']).nullable().default(null),
  includeArchived: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ContactListQuery = z.input<typeof contactListQuerySchema>;

/** A search or filter counts its matches up to this many; beyond it the list says "more than". */
export const CONTACT_COUNT_BOUND = 1000;

export interface ContactListPage {
  /** Contacts matching every filter (see countBound). */
  total: number;
  items: ContactListItem[];
  /** For the access filter chips: matches of every other filter, by access state today (see countBound). */
  countsByAccess: Record<Grant, number>;
  /**
   * null: total and counts are exact (the whole list, from the maintained access figures). Else a
   * search or filter was counted up to this bound: a count above it (bound + 1) means "more than".
   */
  countBound: number | null;
}

/** A contact known by id, by name (a process's linked contacts). */
export interface ContactName {
  id: number;
  displayName: string;
}

/** contacts.names answers at most this many ids (a process links at most as many contacts). */
export const MAX_CONTACT_NAMES = 1000;

export interface InvitationSummary {
  id: number;
  state: Exclude<InvitationState, 'none'>;
  channel: 'email' | 'letter' | 'code';
  createdAt: string;
  expiresOn: IsoDate;
}

export interface ContactDetail {
  contact: Contact;
  contracts: ContactContractView[];
  access: Access;
  /** Latest invitation, null when never invited. */
  invitation: InvitationSummary | null;
  invitationState: InvitationState;
  registeredAt: string | null;
  eligibility: InviteEligibility;
  today: IsoDate;
}

// ---------------------------------------------------------------- contracts

export const contractInputSchema = z.strictObject({
  contactId: idSchema,
  unitId: idSchema,
  type: z.enum(['tenant', 'owner']),
  number: requiredText(40),
  start: contractDateSchema,
  end: contractDateSchema.nullable(),
});
export type ContractInput = z.input<typeof contractInputSchema>;

export interface PortfolioOverview {
  properties: number;
  units: number;
  contacts: number;
  contracts: number;
  /** Non-archived contacts by their access today. */
  contactsByAccess: Record<Grant, number>;
  seats: SeatUsage;
}

export const portfolioChannels = {
  'portfolio.overview': channel<PortfolioOverview>()(noPayload),
  'properties.list': channel<PropertySummary[]>()(noPayload),
  'properties.get': channel<PropertyDetail>()(z.strictObject({ id: idSchema })),
  'properties.create': channel<PropertyDetail>()(propertyInputSchema),
  'properties.update': channel<PropertyDetail>()(propertyInputSchema.extend({ id: idSchema })),
  'units.create': channel<UnitView>()(unitInputSchema),
  'units.update': channel<UnitView>()(unitInputSchema.extend({ id: idSchema })),
  /** The units of a property as picker choices, in unit-number order (no contracts: a large property is big). */
  'units.options': channel<UnitOption[]>()(z.strictObject({ propertyId: idSchema })),
  'contacts.list': channel<ContactListPage>()(contactListQuerySchema),
  'contacts.get': channel<ContactDetail>()(z.strictObject({ id: idSchema })),
  /** Display names of the given contacts; unknown ids are left out. */
  'contacts.names': channel<ContactName[]>()(
    z.strictObject({ ids: z.array(idSchema).max(MAX_CONTACT_NAMES) }),
  ),
  'contacts.create': channel<ContactDetail>()(contactInputSchema),
  'contacts.update': channel<ContactDetail>()(contactInputSchema.extend({ id: idSchema })),
  'contacts.setArchived': channel<ContactDetail>()(z.strictObject({ id: idSchema, archived: z.boolean() })),
  'contracts.create': channel<ContactDetail>()(contractInputSchema),
  'contracts.update': channel<ContactDetail>()(contractInputSchema.extend({ id: idSchema })),
  /** Ends a running or open-ended contract on the given day. */
  'contracts.end': channel<ContactDetail>()(z.strictObject({ id: idSchema, end: contractDateSchema })),
} as const;
