import type { ContractType, IsoDate } from '../../../shared/domain';
import type { ContactListRow } from './contactRepository';
import type { Db } from './connection';
import { sortNameOf } from './contactKeys';
import { contactSearchIndex } from './contactSearchIndex';

/** A deletion candidate as listed, before the policy adds its last contract and access end. */
export type CandidateRow = Pick<
  ContactListRow,
  | 'id'
  | 'salutation'
  | 'title'
  | 'first_name'
  | 'last_name'
  | 'company'
  | 'language'
  | 'reference_id'
  | 'archived'
>;

export interface AnonymisableRow extends CandidateRow {
  anonymised_at: string | null;
}

/** A contract with the names the candidate list shows. */
export interface ContractNameRow {
  id: number;
  type: ContractType;
  number: string;
  end_date: IsoDate | null;
  unit_name: string;
  property_name: string;
}

/**
 * Contacts whose contracts all have an end, the latest before :endLimit (policy/retention.ts
 * `candidateEndLimit`): one pass over the covering index contracts_by_contact, no lookups.
 */
const CANDIDATES = `SELECT contact_id AS id, MAX(end_date) AS last_end
  FROM contracts
  GROUP BY contact_id
  HAVING COUNT(end_date) = COUNT(*) AND MAX(end_date) < :endLimit`;

/** The reading statements (exported for the query-plan test). */
export const dataProtectionStatements = {
  candidatePage: `SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.language,
      c.reference_id, c.archived
    FROM (${CANDIDATES}) cand JOIN contacts c ON c.id = cand.id
    WHERE c.anonymised_at IS NULL
    ORDER BY cand.last_end, c.sort_name, c.id
    LIMIT :limit OFFSET :offset`,
  candidateCount: `SELECT COUNT(*) AS n
    FROM (${CANDIDATES}) cand JOIN contacts c ON c.id = cand.id
    WHERE c.anonymised_at IS NULL`,
} as const;

/** Deletion candidates and the anonymisation of contacts (SQL only; the rules live in the policy). */
export function dataProtectionRepository(db: Db) {
  const s = dataProtectionStatements;
  const candidatePage = db.prepare<{ endLimit: IsoDate; limit: number; offset: number }, CandidateRow>(
    s.candidatePage,
  );
  const candidateCount = db.prepare<{ endLimit: IsoDate }, { n: number }>(s.candidateCount);
  const contractNames = db.prepare<[string], ContractNameRow>(
    `SELECT k.id, k.type, k.number, k.end_date, u.name AS unit_name, p.name AS property_name
     FROM contracts k JOIN units u ON u.id = k.unit_id JOIN properties p ON p.id = k.property_id
     WHERE k.id IN (SELECT value FROM json_each(?))`,
  );
  const contacts = db.prepare<[string], AnonymisableRow>(
    `SELECT id, salutation, title, first_name, last_name, company, language, reference_id, archived, anonymised_at
     FROM contacts WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const clearContact = db.prepare<{
    id: number;
    name: string;
    sortName: string;
    reference: string;
    at: string;
  }>(
    `UPDATE contacts SET salutation = 'mx', title = NULL, first_name = NULL, last_name = :name, company = NULL,
       email = NULL, phone = NULL, language = 'de', preference = 'postal', reference_id = :reference,
       note = NULL, archived = 1, sort_name = :sortName, street = NULL, house_no = NULL, postcode = NULL,
       city = NULL, anonymised_at = :at
     WHERE id = :id`,
  );
  const indexSearchText = contactSearchIndex(db);
  const revokeInvitations = db.prepare<{ id: number; at: string }>(
    `UPDATE invitations SET state = 'revoked', revoked_at = :at
     WHERE contact_id = :id AND state IN ('pending', 'expired')`,
  );
  const revokeShares = db.prepare<{ id: number; at: string }>(
    'UPDATE shares SET revoked_at = :at WHERE contact_id = :id AND revoked_at IS NULL',
  );
  const outboxIds = db.prepare<[number], { id: number }>(
    'SELECT id FROM outbox WHERE contact_id = ? ORDER BY id',
  );
  const deleteOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE contact_id = ?');

  return {
    /** One page of candidates, the longest-ended access first, then by name. */
    candidatePage(endLimit: IsoDate, offset: number, limit: number): CandidateRow[] {
      return candidatePage.all({ endLimit, offset, limit });
    },

    candidateCount(endLimit: IsoDate): number {
      return candidateCount.get({ endLimit })?.n ?? 0;
    },

    /** Some contracts with their unit and property names, by id. */
    contractNames(contractIds: readonly number[]): Map<number, ContractNameRow> {
      if (contractIds.length === 0) return new Map();
      return new Map(contractNames.all(JSON.stringify(contractIds)).map((row) => [row.id, row]));
    },

    /** The existing contacts of `ids`, by id, with when they were anonymised (null = never). */
    contacts(ids: readonly number[]): Map<number, AnonymisableRow> {
      return new Map(contacts.all(JSON.stringify(ids)).map((row) => [row.id, row]));
    },

    /**
     * Removes the contact's personal data (every column but id, and what the schema needs: a name,
     * a salutation, a language, a preference and a unique reference id) and archives it; its search
     * row then holds the new name and reference alone (run it in db/connection's erasingOldValues,
     * which also drops the old words from the index's older segments).
     */
    clearContact(id: number, values: { name: string; reference: string }, at: string): void {
      const sortName = sortNameOf({
        salutation: 'mx',
        firstName: null,
        lastName: values.name,
        company: null,
      });
      clearContact.run({ id, ...values, sortName, at });
      indexSearchText(id, {
        first_name: null,
        last_name: values.name,
        company: null,
        email: null,
        reference_id: values.reference,
      });
    },

    /** Revokes pending and expired invitations: their codes no longer register anyone. The count. */
    revokeInvitations(contactId: number, at: string): number {
      return revokeInvitations.run({ id: contactId, at }).changes;
    },

    /** Revokes the contact's live individual shares. The count. */
    revokeShares(contactId: number, at: string): number {
      return revokeShares.run({ id: contactId, at }).changes;
    },

    /** Ids of the mail written to the contact (queued, sent or failed). */
    outboxIds(contactId: number): number[] {
      return outboxIds.all(contactId).map((row) => row.id);
    },

    /** Deletes the mail written to the contact: each copy holds its address, name and letter. */
    deleteOutbox(contactId: number): number {
      return deleteOutbox.run(contactId).changes;
    },
  };
}
export type DataProtectionRepository = ReturnType<typeof dataProtectionRepository>;
