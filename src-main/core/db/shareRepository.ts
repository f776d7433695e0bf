import type { ShareRole } from '../../../shared/domain';
import type { Salutation } from '../../../shared/ipc';
import type { ShareFacts, ShareTargetFacts } from '../policy/shareVisibility';
import { CONTACT_GRANT_SQL, type AccessBounds } from './accessRepository';
import type { Db } from './connection';

/**
 * A row of `shares`: an individual share (contact_id set) or a role share (role and property_id
 * set; unit_ids a JSON array of unit ids, NULL = the whole property). Revoked shares keep their row
 * with revoked_at set.
 */
export interface ShareRow {
  id: number;
  content_id: number;
  contact_id: number | null;
  role: ShareRole | null;
  property_id: number | null;
  unit_ids: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** A contact as a share shows it: name, language, e-mail, postal address, registration. */
export interface RecipientRow {
  id: number;
  /** The contact list's order key (contactRepository.sortNameOf). */
  sort_name: string;
  salutation: Salutation;
  title: string | null;
  first_name: string | null;
  last_name: string;
  company: string | null;
  email: string | null;
  preference: 'postal' | 'online';
  language: 'de' | 'en';
  archived: 0 | 1;
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
  anonymised_at: string | null;
  registered: 0 | 1;
}

/** The unit ids stored with a role share: null = the whole property. */
export function parseUnitIds(stored: string | null): number[] | null {
  if (stored === null) return null;
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed)) return null;
  const ids = parsed.filter((value): value is number => Number.isSafeInteger(value));
  return ids.length === 0 ? null : ids;
}

export function shareFacts(row: ShareRow): ShareFacts {
  const target: ShareTargetFacts =
    row.contact_id !== null
      ? { mode: 'individual', contactId: row.contact_id }
      : {
          mode: 'role',
          scope: {
            role: row.role ?? 'all',
            propertyId: row.property_id ?? 0,
            unitIds: parseUnitIds(row.unit_ids),
          },
        };
  return { id: row.id, contentId: row.content_id, target, revoked: row.revoked_at !== null };
}

export interface UnitNameRow {
  id: number;
  property_id: number;
  number: string;
  name: string;
  property_name: string;
}

const ACTIVE_ON_DAY = '(k.start_date <= :day AND (k.end_date IS NULL OR k.end_date >= :day))';

/**
 * How many contacts see each content on :day, by the rule of policy/shareVisibility.ts: contacts
 * of its live individual shares whose access ≠ none (CONTACT_GRANT_SQL: archived → none), united
 * with the contacts of an active contract in the scope of its live role shares (not archived).
 * The role part reaches contracts through contracts_by_property (property_id, type, contact_id).
 * Params: AccessBounds + :ids (JSON array of content ids). Exported for the differential test.
 */
export const VISIBLE_COUNTS_SQL = `
  SELECT content_id, COUNT(*) AS n FROM (
    SELECT s.content_id AS content_id, s.contact_id AS contact_id
    FROM shares s JOIN contacts c ON c.id = s.contact_id
    WHERE s.content_id IN (SELECT value FROM json_each(:ids))
      AND s.contact_id IS NOT NULL AND s.revoked_at IS NULL
      AND ${CONTACT_GRANT_SQL} <> 'none'
    UNION
    SELECT s.content_id, k.contact_id
    FROM shares s
    JOIN contracts k ON k.property_id = s.property_id AND (s.role = 'all' OR k.type = s.role)
    JOIN contacts c ON c.id = k.contact_id AND c.archived = 0
    WHERE s.content_id IN (SELECT value FROM json_each(:ids))
      AND s.role IS NOT NULL AND s.revoked_at IS NULL
      AND (s.unit_ids IS NULL OR k.unit_id IN (SELECT value FROM json_each(s.unit_ids)))
      AND ${ACTIVE_ON_DAY}
  ) GROUP BY content_id`;

/** Shares (Teilen): SQL only; the rules live in services/sharing/ and policy/shareVisibility.ts. */
export function shareRepository(db: Db) {
  const insertIndividual = db.prepare<{ contentId: number; contactId: number; at: string }>(
    `INSERT INTO shares (content_id, contact_id, created_at) VALUES (:contentId, :contactId, :at)`,
  );
  const insertRole = db.prepare<{
    contentId: number;
    role: ShareRole;
    propertyId: number;
    unitIds: string | null;
    at: string;
  }>(
    `INSERT INTO shares (content_id, role, property_id, unit_ids, created_at)
     VALUES (:contentId, :role, :propertyId, :unitIds, :at)`,
  );
  const byId = db.prepare<[number], ShareRow>('SELECT * FROM shares WHERE id = ?');
  const liveOfContent = db.prepare<[number], ShareRow>(
    'SELECT * FROM shares WHERE content_id = ? AND revoked_at IS NULL ORDER BY id',
  );
  const revoke = db.prepare<[string, number]>(
    'UPDATE shares SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  // Two index ranges: shares_by_contact, and shares_by_property for the contact's properties.
  const liveForContact = db.prepare<{ contactId: number; propertyIds: string }, ShareRow>(
    `SELECT * FROM shares WHERE contact_id = :contactId AND revoked_at IS NULL
     UNION ALL
     SELECT * FROM shares WHERE property_id IN (SELECT value FROM json_each(:propertyIds))
       AND role IS NOT NULL AND revoked_at IS NULL
     ORDER BY id`,
  );
  const recipients = db.prepare<[string], RecipientRow>(
    `SELECT c.id, c.sort_name, c.salutation, c.title, c.first_name, c.last_name, c.company, c.email, c.preference,
       c.language, c.archived, c.street, c.house_no, c.postcode, c.city, c.anonymised_at,
       EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
     FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const units = db.prepare<[string], UnitNameRow>(
    `SELECT u.id, u.property_id, u.number, u.name, p.name AS property_name
     FROM units u JOIN properties p ON p.id = u.property_id
     WHERE u.id IN (SELECT value FROM json_each(?))`,
  );
  const property = db.prepare<[number], { id: number; name: string }>(
    'SELECT id, name FROM properties WHERE id = ?',
  );
  const unitsOfProperty = db.prepare<[number], { id: number }>('SELECT id FROM units WHERE property_id = ?');
  const visibleCounts = db.prepare<AccessBounds & { ids: string }, { content_id: number; n: number }>(
    VISIBLE_COUNTS_SQL,
  );

  return {
    insertIndividual(contentId: number, contactId: number, at: string): number {
      return Number(insertIndividual.run({ contentId, contactId, at }).lastInsertRowid);
    },

    /** `unitIds` null or empty = the whole property (stored as NULL). */
    insertRole(
      contentId: number,
      role: ShareRole,
      propertyId: number,
      unitIds: readonly number[] | null,
      at: string,
    ): number {
      const units = unitIds === null || unitIds.length === 0 ? null : JSON.stringify(unitIds);
      return Number(insertRole.run({ contentId, role, propertyId, unitIds: units, at }).lastInsertRowid);
    },

    get(id: number): ShareRow | undefined {
      return byId.get(id);
    },

    /** Shares of a content that are not revoked, oldest first. */
    liveOfContent(contentId: number): ShareRow[] {
      return liveOfContent.all(contentId);
    },

    /** True when a row was revoked (it was live). */
    revoke(id: number, at: string): boolean {
      return revoke.run(at, id).changes > 0;
    },

    /**
     * Live shares that can reach a contact: its individual shares and the role shares of the
     * properties given (those it has contracts in).
     */
    liveForContact(contactId: number, propertyIds: readonly number[]): ShareRow[] {
      return liveForContact.all({ contactId, propertyIds: JSON.stringify(propertyIds) });
    },

    recipients(contactIds: readonly number[]): RecipientRow[] {
      if (contactIds.length === 0) return [];
      return recipients.all(JSON.stringify(contactIds));
    },

    units(unitIds: readonly number[]): UnitNameRow[] {
      if (unitIds.length === 0) return [];
      return units.all(JSON.stringify(unitIds));
    },

    property(id: number): { id: number; name: string } | undefined {
      return property.get(id);
    },

    unitIdsOfProperty(propertyId: number): Set<number> {
      return new Set(unitsOfProperty.all(propertyId).map((row) => row.id));
    },

    /** Contacts who see each content on the bounds' day (contents nobody sees are left out). */
    visibleCounts(contentIds: readonly number[], bounds: AccessBounds): Map<number, number> {
      const counts = new Map<number, number>();
      if (contentIds.length === 0) return counts;
      for (const row of visibleCounts.all({ ...bounds, ids: JSON.stringify(contentIds) })) {
        counts.set(row.content_id, row.n);
      }
      return counts;
    },
  };
}
export type ShareRepository = ReturnType<typeof shareRepository>;
