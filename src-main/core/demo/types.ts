/**
 * The demo portfolio as plain rows of the data store's tables, ready to be bound to INSERT
 * statements. The row types are the repositories' (db/*Repository.ts, snake_case = column names):
 * JSON-plain, dates `YYYY-MM-DD` strings, timestamps ISO strings, booleans 0/1. The generator
 * always fills the reference ids (K-100042, L-1001, L-1001-003), gives e-mail addresses only on
 * reserved example domains, and writes `sort_name` as the repository's `sortNameOf` would.
 */
import type { IsoDate } from '../../../shared/domain';
import type { ContactRow as StoredContactRow, PortalAccountRow } from '../db/contactRepository';
import type { ContractRow } from '../db/contractRepository';
import type { PropertyAddressRow, PropertyRow } from '../db/propertyRepository';
import type { UnitRow } from '../db/unitRepository';

export type { ContractRow, PortalAccountRow, PropertyAddressRow, PropertyRow, UnitRow };
export type { Language, Salutation } from '../../../shared/ipc';

/** A contact as generated: never anonymised (the column keeps its default, null). */
export type ContactRow = Omit<StoredContactRow, 'anonymised_at'>;
export type ContactPreference = ContactRow['preference'];
export type UnitUsage = UnitRow['usage'];

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
