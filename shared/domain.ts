/**
 * Domain types shared by main, preload and renderer. JSON-plain only: dates are ISO calendar
 * dates (`YYYY-MM-DD`, Europe/Berlin), never Date objects.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export type ContractType = 'tenant' | 'owner';

export interface WindowSetting {
  enabled: boolean;
  /** Integer 1–365. */
  days: number;
}

/** Administration › Kundenportal › Rollen & Zugriffsrechte. */
export interface AccessSettings {
  preContract: WindowSetting;
  postContract: WindowSetting;
  /** Portalzugänge (Kontingent): how many portal seats the licence includes; null = no quota. */
  seatQuota: number | null;
}

/** The policy's view of a contract: only what the rules need. */
export interface ContractFacts {
  id: number;
  contactId: number;
  unitId: number;
  propertyId: number;
  type: ContractType;
  start: IsoDate;
  /** null = open-ended. */
  end: IsoDate | null;
}

/** The policy's view of a contact. */
export interface ContactFacts {
  id: number;
  archived: boolean;
  /** Has a redeemed portal registration. */
  registered: boolean;
  /**
   * Its personal data was removed (data protection); it is archived too. Read from the data store
   * wherever a contact may be invited or shared with; absent = not anonymised.
   */
  anonymised?: boolean;
}

export type ContractPhase = 'upcoming' | 'active' | 'ended';

/** A contract's access windows under the settings in force (policy `contractWindows`). */
export interface ContractWindows {
  /** First day of pre-contract access (it lasts until the day before the start); null when off. */
  preFrom: IsoDate | null;
  /** Last day of access after contract end; null when off or the contract is open-ended. */
  postUntil: IsoDate | null;
}

/** Strength order: active > pre = post > none. */
export type Grant = 'active' | 'pre' | 'post' | 'none';

export interface Access {
  grant: Grant;
  /** Last day this grant lasts (inclusive); null when open-ended or when there is no access. */
  until: IsoDate | null;
  /** The contract that gives the grant; null when there is no access. */
  contractId: number | null;
}

export type InviteRefusal =
  'CONTACT_ANONYMISED' | 'ARCHIVED' | 'ALREADY_REGISTERED' | 'NO_CONTRACT' | 'OUTSIDE_ACCESS_WINDOW';

/**
 * The access window that decides a contact without access today (a refusal names it): the
 * pre-contract window of its next contract, else the post-contract window of the contract that ended
 * last; whether it is switched on, its days, the contract's start or end, and the window's first
 * (pre) or last (post) day when on.
 */
export interface DecidingWindow {
  window: 'pre' | 'post';
  enabled: boolean;
  days: number;
  contractDay: IsoDate;
  windowDay: IsoDate | null;
}

export type InviteEligibility =
  | { allowed: true; access: Access }
  | {
      allowed: false;
      reason: InviteRefusal;
      /** For OUTSIDE_ACCESS_WINDOW: the first day an invitation becomes possible, if any. */
      possibleFrom: IsoDate | null;
      /** For OUTSIDE_ACCESS_WINDOW: the window that would give access, if any contract has one. */
      window?: DecidingWindow | null;
    };

export type ShareRole = 'all' | 'tenant' | 'owner';

export interface RoleShareScope {
  propertyId: number;
  /** null or empty = the whole property. */
  unitIds: number[] | null;
  role: ShareRole;
}

export interface SkippedContact {
  contactId: number;
  grant: 'pre' | 'post';
  /** Last day of the pre/post window that gives this contact access. */
  windowEnd: IsoDate;
  contractId: number;
}

export interface RoleShareResolution {
  /** Contact ids with an active contract of the role in scope, ascending. */
  recipients: number[];
  /** Contacts in scope inside a pre/post window, by contact id ascending. */
  skipped: SkippedContact[];
}

export interface SeatUsage {
  used: number;
  quota: number | null;
}

export interface SettingsImpact {
  /** Registered, non-archived contacts without access before the change who have it after. */
  gained: number[];
  /** Registered, non-archived contacts with access before the change who lose it. */
  lost: number[];
  seatsBefore: number;
  seatsAfter: number;
  quota: number | null;
  /** seatsAfter − quota when positive, else 0. */
  overage: number;
}

export type IndividualShareRefusal = 'CONTACT_ANONYMISED' | 'ARCHIVED' | 'NO_ACCESS';

/** Whether one contact may receive an individual share (access ≠ none: active, pre or post). */
export type IndividualShareEligibility =
  { allowed: true; access: Access } | { allowed: false; reason: IndividualShareRefusal };
