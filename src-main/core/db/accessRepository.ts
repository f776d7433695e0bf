import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  Grant,
  IsoDate,
  RoleShareResolution,
  RoleShareScope,
  SettingsImpact,
  SkippedContact,
  WindowSetting,
} from '../../../shared/domain';
import { addDays } from '../../../shared/dates';
import { contactAccess } from '../policy';
import type { Db } from './connection';
import { toContractFacts, type ContractRow } from './contractRepository';

/**
 * Portfolio-wide access questions as indexed SQL. Each answer must equal the pure policy applied
 * to all rows (test/unit/db/differential.test.ts checks that on random portfolios).
 *
 * A window is turned into a date range on an indexed column instead of date arithmetic per row:
 * pre-contract access on day d  ⟺  d < start ≤ d + days;
 * post-contract access on day d ⟺  d − days ≤ end < d.
 * A disabled window becomes an empty range (bound = d).
 */
interface WindowBounds {
  day: IsoDate;
  /** Upper bound of start dates inside the pre-contract window. */
  preUntil: IsoDate;
  /** Lower bound of end dates inside the post-contract window. */
  postFrom: IsoDate;
}

function windowBounds(settings: AccessSettings, day: IsoDate): WindowBounds {
  return {
    day,
    preUntil: settings.preContract.enabled ? addDays(day, settings.preContract.days) : day,
    postFrom: settings.postContract.enabled ? addDays(day, -settings.postContract.days) : day,
  };
}

/** SQL condition: contract `k` is active on :day. */
const ACTIVE = `(k.start_date <= :day AND (k.end_date IS NULL OR k.end_date >= :day))`;
/** SQL condition: contract `k` gives any access on :day under the bounds. */
const ANY_ACCESS = `(${ACTIVE}
  OR (k.start_date > :day AND k.start_date <= :preUntil)
  OR (k.end_date < :day AND k.end_date >= :postFrom))`;

/** SQL condition: contract `k` is in the role-share scope (property, units unless all, role unless all). */
const SCOPE_FILTER = `k.property_id = :propertyId
    AND (:allUnits = 1 OR k.unit_id IN (SELECT value FROM json_each(:unitIds)))
    AND (:role = 'all' OR k.type = :role)`;

/**
 * Non-archived contacts with an active in-scope contract (the contacts of roleRecipients) by name,
 * with their e-mail. The IN subquery is a set of contact ids from contracts_by_property; each is
 * looked up by rowid and the few thousand of even a large property sorted, instead of walking every
 * contact by name.
 */
const ROLE_RECIPIENTS_BY_NAME = `
    SELECT c.id, c.email, c.preference FROM contacts c
    WHERE c.archived = 0
      AND c.id IN (SELECT k.contact_id FROM contracts k WHERE ${SCOPE_FILTER} AND ${ACTIVE})
    ORDER BY c.sort_name, c.id`;

/**
 * The SQL behind each question. Exported so that test/unit/db/accessQueryPlans.test.ts can check
 * that every one reaches the contracts table through an index.
 */
export const accessStatements = {
  /** Seats: registered, non-archived contacts with any access. Params: WindowBounds. */
  seatCount: `
    SELECT COUNT(*) AS seats
    FROM portal_accounts pa
    JOIN contacts c ON c.id = pa.contact_id AND c.archived = 0
    WHERE EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = pa.contact_id AND ${ANY_ACCESS})`,

  /** Non-archived contacts by grant (pre before post, as in the policy). Params: WindowBounds. */
  countsByAccess: `
    SELECT g AS "grant", COUNT(*) AS n FROM (
      SELECT CASE
        WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id AND ${ACTIVE}) THEN 'active'
        WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id
                     AND k.start_date > :day AND k.start_date <= :preUntil) THEN 'pre'
        WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id
                     AND k.end_date < :day AND k.end_date >= :postFrom) THEN 'post'
        ELSE 'none' END AS g
      FROM contacts c WHERE c.archived = 0
    ) GROUP BY g`,

  /**
   * Registered, non-archived contacts whose access differs between two settings. Only contacts with
   * a contract starting or ending near the day can be affected by the windows. Params: ImpactParams.
   */
  impact: `
    WITH candidates AS (
      SELECT contact_id FROM contracts WHERE start_date > :day AND start_date <= :candidatePreUntil
      UNION
      SELECT contact_id FROM contracts WHERE end_date < :day AND end_date >= :candidatePostFrom
    ), judged AS (
      SELECT cand.contact_id,
        EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = cand.contact_id AND (${ACTIVE}
          OR (k.start_date > :day AND k.start_date <= :beforePreUntil)
          OR (k.end_date < :day AND k.end_date >= :beforePostFrom))) AS had,
        EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = cand.contact_id AND (${ACTIVE}
          OR (k.start_date > :day AND k.start_date <= :afterPreUntil)
          OR (k.end_date < :day AND k.end_date >= :afterPostFrom))) AS has
      FROM candidates cand
      JOIN portal_accounts pa ON pa.contact_id = cand.contact_id
      JOIN contacts c ON c.id = cand.contact_id AND c.archived = 0
    )
    SELECT contact_id, had, has FROM judged WHERE had <> has ORDER BY contact_id`,

  /** Non-archived contacts with an active in-scope contract. Params: ScopeParams. */
  roleRecipients: `
    SELECT DISTINCT k.contact_id
    FROM contracts k JOIN contacts c ON c.id = k.contact_id AND c.archived = 0
    WHERE ${SCOPE_FILTER} AND ${ACTIVE}
    ORDER BY k.contact_id`,

  /** roleRecipients by name (sort_name, id), with their e-mail. Params: ScopeParams. */
  roleRecipientsByName: ROLE_RECIPIENTS_BY_NAME,

  /** How many contacts roleRecipients finds. Params: ScopeParams. */
  roleRecipientCount: `
    SELECT COUNT(*) AS n FROM contacts c
    WHERE c.archived = 0
      AND c.id IN (SELECT k.contact_id FROM contracts k WHERE ${SCOPE_FILTER} AND ${ACTIVE})`,

  /** One page of roleRecipientsByName. Params: ScopeParams + :limit, :offset. */
  roleRecipientPage: `${ROLE_RECIPIENTS_BY_NAME}
    LIMIT :limit OFFSET :offset`,

  /** In-scope contracts inside a window, of contacts without an active in-scope contract. Params: ScopeParams. */
  roleWindowContracts: `
    SELECT k.* FROM contracts k JOIN contacts c ON c.id = k.contact_id AND c.archived = 0
    WHERE ${SCOPE_FILTER}
      AND ((k.start_date > :day AND k.start_date <= :preUntil) OR (k.end_date < :day AND k.end_date >= :postFrom))
      AND NOT EXISTS (SELECT 1 FROM contracts a WHERE a.contact_id = k.contact_id
        AND a.property_id = k.property_id
        AND (:allUnits = 1 OR a.unit_id IN (SELECT value FROM json_each(:unitIds)))
        AND (:role = 'all' OR a.type = :role)
        AND a.start_date <= :day AND (a.end_date IS NULL OR a.end_date >= :day))
    ORDER BY k.contact_id, k.id`,

  /**
   * Registered, non-archived contacts whose seat may differ in the forecast under other settings: a
   * contract starting up to :preUntil (its changed pre-contract window can reach the forecast) or
   * ending from :postFrom until the forecast's end (its changed post-contract window). Each part
   * is an index range, switched off by its flag when that window is unchanged. Params: ForecastParams.
   */
  forecastCandidates: `
    SELECT DISTINCT cand.contact_id FROM (
      SELECT contact_id FROM contracts
      WHERE :preChanged = 1 AND start_date > :day AND start_date <= :preUntil
      UNION
      SELECT contact_id FROM contracts
      WHERE :postChanged = 1 AND end_date >= :postFrom AND end_date < :until
    ) cand
    JOIN portal_accounts pa ON pa.contact_id = cand.contact_id
    JOIN contacts c ON c.id = cand.contact_id AND c.archived = 0
    ORDER BY cand.contact_id`,

  /** Contracts of one contact. Params: [contactId]. */
  contractsOfContact: 'SELECT * FROM contracts WHERE contact_id = ? ORDER BY start_date, id',
} as const;

export type AccessStatement = keyof typeof accessStatements;

type ImpactParams = { day: IsoDate; candidatePreUntil: IsoDate; candidatePostFrom: IsoDate } & Record<
  'beforePreUntil' | 'beforePostFrom' | 'afterPreUntil' | 'afterPostFrom',
  IsoDate
>;
type ForecastParams = Record<'day' | 'preUntil' | 'postFrom' | 'until', IsoDate> &
  Record<'preChanged' | 'postChanged', 0 | 1>;
type ScopeParams = WindowBounds & { propertyId: number; allUnits: 0 | 1; unitIds: string; role: string };

function scopeParams(scope: RoleShareScope, settings: AccessSettings, day: IsoDate): ScopeParams {
  const unitIds = scope.unitIds ?? [];
  return {
    ...windowBounds(settings, day),
    propertyId: scope.propertyId,
    allUnits: unitIds.length === 0 ? 1 : 0,
    unitIds: JSON.stringify(unitIds),
    role: scope.role,
  };
}

/** A contact a role share reaches, with the e-mail address its notification goes to. */
export interface RoleRecipientRow {
  id: number;
  email: string | null;
  preference: 'postal' | 'online';
}

export function accessRepository(db: Db) {
  const seatCount = db.prepare<WindowBounds, { seats: number }>(accessStatements.seatCount);
  const countsByAccess = db.prepare<WindowBounds, { grant: Grant; n: number }>(
    accessStatements.countsByAccess,
  );
  const impact = db.prepare<ImpactParams, { contact_id: number; had: 0 | 1; has: 0 | 1 }>(
    accessStatements.impact,
  );
  const roleRecipients = db.prepare<ScopeParams, { contact_id: number }>(accessStatements.roleRecipients);
  const roleRecipientsByName = db.prepare<ScopeParams, RoleRecipientRow>(
    accessStatements.roleRecipientsByName,
  );
  const roleRecipientCount = db.prepare<ScopeParams, { n: number }>(accessStatements.roleRecipientCount);
  const roleRecipientPage = db.prepare<ScopeParams & { offset: number; limit: number }, RoleRecipientRow>(
    accessStatements.roleRecipientPage,
  );
  const roleWindowContracts = db.prepare<ScopeParams, ContractRow>(accessStatements.roleWindowContracts);
  const contractsOfContact = db.prepare<[number], ContractRow>(accessStatements.contractsOfContact);
  const forecastCandidates = db.prepare<ForecastParams, { contact_id: number }>(
    accessStatements.forecastCandidates,
  );

  /** The contacts of the scope inside a pre/post window and without an active in-scope contract. */
  function skippedOf(params: ScopeParams, settings: AccessSettings, day: IsoDate): SkippedContact[] {
    const byContact = new Map<number, ContractFacts[]>();
    for (const row of roleWindowContracts.all(params)) {
      const list = byContact.get(row.contact_id) ?? [];
      list.push(toContractFacts(row));
      byContact.set(row.contact_id, list);
    }
    const skipped: SkippedContact[] = [];
    for (const [contactId, contracts] of byContact) {
      const facts: ContactFacts = { id: contactId, archived: false, registered: false };
      const access = contactAccess(facts, contracts, settings, day);
      if ((access.grant === 'pre' || access.grant === 'post') && access.until && access.contractId !== null) {
        skipped.push({
          contactId,
          grant: access.grant,
          windowEnd: access.until,
          contractId: access.contractId,
        });
      }
    }
    return skipped;
  }

  return {
    /** Contracts of one contact, as the policy sees them. */
    contractsOf(contactId: number): ContractFacts[] {
      return contractsOfContact.all(contactId).map(toContractFacts);
    },

    /**
     * Registered, non-archived contacts whose seats from `day` to `until` can differ between the
     * two settings: only those with a contract whose changed window reaches that period.
     */
    forecastCandidates(
      before: AccessSettings,
      after: AccessSettings,
      day: IsoDate,
      until: IsoDate,
    ): number[] {
      const reach = (w: WindowSetting) => (w.enabled ? w.days : 0);
      const changed = (a: WindowSetting, b: WindowSetting) => (reach(a) !== reach(b) ? 1 : 0);
      const maxPre = Math.max(reach(before.preContract), reach(after.preContract));
      const maxPost = Math.max(reach(before.postContract), reach(after.postContract));
      return forecastCandidates
        .all({
          day,
          until,
          preUntil: addDays(until, maxPre),
          postFrom: addDays(day, -maxPost - 1),
          preChanged: changed(before.preContract, after.preContract),
          postChanged: changed(before.postContract, after.postContract),
        })
        .map((row) => row.contact_id);
    },

    /**
     * Portal seats in use on `day`: registered, non-archived contacts with any access. A recount
     * from all contracts: the app reads the maintained figure (accessFigures); this is the SQL
     * reference the differential test and the benchmark's floor compare with.
     */
    seatsUsed(settings: AccessSettings, day: IsoDate): number {
      return seatCount.get(windowBounds(settings, day))?.seats ?? 0;
    },

    /** Non-archived contacts by their access on `day`: a recount, as seatsUsed. */
    contactsByAccess(settings: AccessSettings, day: IsoDate): Record<Grant, number> {
      const counts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
      for (const row of countsByAccess.all(windowBounds(settings, day))) counts[row.grant] = row.n;
      return counts;
    },

    /**
     * What changing the settings from `before` to `after` does on `day`, judged on the contacts with
     * a contract inside either's windows only; `seatsBefore` is the seat count under `before` (the
     * maintained figure, or seatsUsed).
     */
    settingsImpact(
      before: AccessSettings,
      after: AccessSettings,
      day: IsoDate,
      seatsBefore: number,
    ): SettingsImpact {
      const b = windowBounds(before, day);
      const a = windowBounds(after, day);
      const rows = impact.all({
        day,
        candidatePreUntil: b.preUntil > a.preUntil ? b.preUntil : a.preUntil,
        candidatePostFrom: b.postFrom < a.postFrom ? b.postFrom : a.postFrom,
        beforePreUntil: b.preUntil,
        beforePostFrom: b.postFrom,
        afterPreUntil: a.preUntil,
        afterPostFrom: a.postFrom,
      });
      const gained = rows.filter((row) => row.has).map((row) => row.contact_id);
      const lost = rows.filter((row) => row.had).map((row) => row.contact_id);
      const seatsAfter = seatsBefore + gained.length - lost.length;
      const quota = after.seatQuota;
      return {
        gained,
        lost,
        seatsBefore,
        seatsAfter,
        quota,
        overage: quota === null ? 0 : Math.max(0, seatsAfter - quota),
      };
    },

    /** Whom a role-based share reaches on `day`, and whom it skips because they are only in a window. */
    resolveRoleShare(scope: RoleShareScope, settings: AccessSettings, day: IsoDate): RoleShareResolution {
      const params = scopeParams(scope, settings, day);
      return {
        recipients: roleRecipients.all(params).map((row) => row.contact_id),
        skipped: skippedOf(params, settings, day),
      };
    },

    /** The contacts of `resolveRoleShare(…).recipients`, by name (sort_name, id). */
    roleRecipientsByName(scope: RoleShareScope, settings: AccessSettings, day: IsoDate): RoleRecipientRow[] {
      return roleRecipientsByName.all(scopeParams(scope, settings, day));
    },

    /** `limit` of roleRecipientsByName from `offset`, and how many there are in all. */
    roleRecipientPage(
      scope: RoleShareScope,
      settings: AccessSettings,
      day: IsoDate,
      page: { offset: number; limit: number },
    ): { total: number; rows: RoleRecipientRow[] } {
      const params = scopeParams(scope, settings, day);
      return {
        total: roleRecipientCount.get(params)?.n ?? 0,
        rows: roleRecipientPage.all({ ...params, ...page }),
      };
    },

    /** `resolveRoleShare(…).skipped` alone. */
    roleShareSkipped(scope: RoleShareScope, settings: AccessSettings, day: IsoDate): SkippedContact[] {
      return skippedOf(scopeParams(scope, settings, day), settings, day);
    },
  };
}
export type AccessRepository = ReturnType<typeof accessRepository>;

// ---------------------------------------------------------------- shared with other repositories
// (Added for the contact list, db/contactRepository.ts. The statements above are untouched.)

/** The date bounds every window condition is written against: :day, :preUntil, :postFrom. */
export type AccessBounds = WindowBounds;

/** The bounds of `settings` on `day`, to bind to statements using the fragments below. */
export function accessBounds(settings: AccessSettings, day: IsoDate): AccessBounds {
  return windowBounds(settings, day);
}

/**
 * SQL expression: the grant of contact `c` on :day, as `contactAccess` gives it ('active', 'pre',
 * 'post', 'none'; archived → none; pre before post). Each branch is an index range on
 * contracts_by_contact. Params: AccessBounds.
 */
export const CONTACT_GRANT_SQL = `(CASE
    WHEN c.archived = 1 THEN 'none'
    WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id AND ${ACTIVE}) THEN 'active'
    WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id
                 AND k.start_date > :day AND k.start_date <= :preUntil) THEN 'pre'
    WHEN EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id
                 AND k.end_date < :day AND k.end_date >= :postFrom) THEN 'post'
    ELSE 'none' END)`;
