/**
 * The demo portfolio as plain rows, one interface per table of migration 2 (snake_case = column
 * names), ready to be bound to INSERT statements. JSON-plain: dates are `YYYY-MM-DD` strings,
 * timestamps ISO strings, booleans 0/1.
 */
import type { ContractType, IsoDate } from '../../../shared/domain';

export type Salutation = 'mr' | 'ms' | 'mx' | 'company' | 'family';
export type Language = 'de' | 'en';
export type ContactPreference = 'postal' | 'online';
export type UnitUsage = 'private' | 'commercial';

export interface PropertyRow {
  id: number;
  name: string;
  reference_id: string;
  /** When the property was entered into the administration (ISO timestamp, before `today`). */
  created_at: string;
}

export interface PropertyAddressRow {
  id: number;
  property_id: number;
  street: string;
  house_no: string;
  postcode: string;
  city: string;
}

export interface UnitRow {
  id: number;
  property_id: number;
  /** e.g. "Whg. 3, 1. OG links", "Laden 1, EG links", "Whg. 27, Hs. 6, 2. OG rechts". */
  name: string;
  /** Running number inside the property ("1", "2", …), unique per property. */
  number: string;
  usage: UnitUsage;
  /** e.g. "L-1001-003". */
  reference_id: string;
}

export interface ContactRow {
  id: number;
  salutation: Salutation;
  /** "Dr." or "Prof. Dr." or null. */
  title: string | null;
  /** null for companies and families ("Familie Weber"). */
  first_name: string | null;
  /** Surname; for companies the company name. */
  last_name: string;
  company: string | null;
  /** Unique when present; always on reserved example domains (example.com/.net/.org). */
  email: string | null;
  phone: string | null;
  language: Language;
  /** Always 'postal' when there is no e-mail. */
  preference: ContactPreference;
  /** e.g. "K-100042", unique. */
  reference_id: string;
  note: string | null;
  archived: 0 | 1;
  /** Lower-cased `${last_name} ${first_name}`, trimmed. */
  sort_name: string;
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
}

export interface ContractRow {
  id: number;
  contact_id: number;
  unit_id: number;
  property_id: number;
  type: ContractType;
  /** "MV-2024-0012" (Mietvertrag, tenant) or "EV-2019-0003" (Eigentum, owner), by start year. */
  number: string;
  start_date: IsoDate;
  /** null = open-ended; otherwise ≥ start_date. */
  end_date: IsoDate | null;
}

export interface PortalAccountRow {
  contact_id: number;
  /** ISO timestamp on a day before `today`, inside one of the contact's contracts. */
  registered_at: string;
}

/**
 * The situations the demo plants on purpose, whatever `today` is (tests and UI demos rely on them).
 * Day counts are relative to `today`; "registered" = has a portal account.
 */
export type DemoSituation =
  /** Tenant with an open-ended contract that started before today; not registered; has e-mail. */
  | 'activeTenant'
  /** Active tenant as above, but registered. */
  | 'registeredActiveTenant'
  /** English-speaking (language 'en') active tenant. */
  | 'englishActiveTenant'
  /** Owner with an active owner contract and no tenant contract. */
  | 'activeOwner'
  /** Tenant whose only contract starts in 1–30 days (≥ 3 of them, all in the showcase property). */
  | 'tenantStartingSoon'
  /** Tenant whose only contract starts in more than 90 days. */
  | 'tenantStartingLater'
  /** Registered tenant whose only contract ended 1–60 days ago (≥ 3, all in the showcase property). */
  | 'recentlyEndedRegistered'
  /** Registered tenant whose only contract ended more than a year ago. */
  | 'longEndedRegistered'
  /** Active owner of a unit in one property who is also the active tenant of a unit in another. */
  | 'ownerAndTenant'
  /** Moved inside one property: old tenant contract ended, a new one on another unit started days later. */
  | 'mover'
  /** Active tenant without e-mail (preference postal). */
  | 'noEmail'
  /** Active tenant with e-mail who prefers postal contact. */
  | 'postalPreference'
  /** Archived contact (a former tenant whose contract ended 30 days ago). */
  | 'archived'
  /** Contact without any contract. */
  | 'noContract';

export interface PlantedSituation {
  /** The primary contact of the situation (= contactIds[0]). */
  contactId: number;
  /** Every contact planted for the situation, primary first. */
  contactIds: number[];
  /** The contracts that make the situation, in the order of contactIds (mover: old, then new). */
  contractIds: number[];
  /** The property of those contracts (the showcase property for most); null for noContract. */
  propertyId: number | null;
}

export type DemoSituations = Record<DemoSituation, PlantedSituation>;

export interface DemoPortfolio {
  seed: number;
  today: IsoDate;
  /** The first property: "WEG Musterstraße 12", 10115 Berlin, where pre/post-window tenants gather. */
  showcasePropertyId: number;
  properties: PropertyRow[];
  propertyAddresses: PropertyAddressRow[];
  units: UnitRow[];
  contacts: ContactRow[];
  contracts: ContractRow[];
  portalAccounts: PortalAccountRow[];
  situations: DemoSituations;
}

export interface GenerateOptions {
  seed: number;
  /** The calendar day the portfolio is built around (`YYYY-MM-DD`). */
  today: IsoDate;
  /** Number of contacts (default 600, minimum 100); properties and units scale with it. */
  contacts?: number;
  /**
   * Unit counts of properties 2, 3, … (e.g. `[5000, 1000]` for the benchmark's largest property
   * and its bulk invitation); the other properties share the remaining units as usual. Default none,
   * which gives properties of at most ~80 units. The total number of units stays the same.
   */
  largeProperties?: readonly number[];
}
