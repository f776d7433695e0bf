import { sql } from 'kysely';
import type { ContractType, IsoDate } from '../../../shared/domain';
import type { ContactListRow } from './contactRepository';
import { sortNameOf } from './contactKeys';
import type { SearchedFields } from './contactKeys';
import { idList } from './engineSql';
import type { Store } from './store';

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
 * Contacts whose contracts all have an end, the latest before `endLimit` (policy/retention.ts
 * `candidateEndLimit`): one pass over the covering index contracts_by_contact, no lookups.
 */
const candidates = (endLimit: IsoDate) => sql`SELECT contact_id AS id, MAX(end_date) AS last_end
  FROM contracts
  GROUP BY contact_id
  HAVING COUNT(end_date) = COUNT(*) AND MAX(end_date) < ${endLimit}`;

/** The reading statements (exported for the query-plan test). */
export const dataProtectionStatements = {
  candidatePage: (endLimit: IsoDate, offset: number, limit: number) =>
    sql<CandidateRow>`SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.language,
      c.reference_id, c.archived
    FROM (${candidates(endLimit)}) cand JOIN contacts c ON c.id = cand.id
    WHERE c.anonymised_at IS NULL
    ORDER BY cand.last_end, c.sort_name, c.id
    LIMIT ${limit} OFFSET ${offset}`,
  candidateCount: (endLimit: IsoDate) => sql<{ n: number }>`SELECT COUNT(*) AS n
    FROM (${candidates(endLimit)}) cand JOIN contacts c ON c.id = cand.id
    WHERE c.anonymised_at IS NULL`,
};

/**
 * Deletion candidates and the anonymisation of contacts (SQL only; the rules live in the policy).
 * `indexSearchText` writes a contact's row of SQLite's search index (db/contactSearchIndex.ts) in the
 * same transaction; PostgreSQL searches the contacts table itself and needs none.
 */
export function dataProtectionRepository(
  store: Store,
  indexSearchText: (contactId: number, fields: SearchedFields) => void = () => undefined,
) {
  const s = dataProtectionStatements;
  return {
    /** One page of candidates, the longest-ended access first, then by name. */
    candidatePage(endLimit: IsoDate, offset: number, limit: number): Promise<CandidateRow[]> {
      return store.all(s.candidatePage(endLimit, offset, limit));
    },

    async candidateCount(endLimit: IsoDate): Promise<number> {
      return (await store.first(s.candidateCount(endLimit)))?.n ?? 0;
    },

    /** Some contracts with their unit and property names, by id. */
    async contractNames(contractIds: readonly number[]): Promise<Map<number, ContractNameRow>> {
      if (contractIds.length === 0) return new Map();
      const rows = await store.all(
        sql<ContractNameRow>`SELECT k.id, k.type, k.number, k.end_date, u.name AS unit_name, p.name AS property_name
          FROM contracts k JOIN units u ON u.id = k.unit_id JOIN properties p ON p.id = k.property_id
          WHERE k.id IN (${idList(store, contractIds)})`,
      );
      return new Map(rows.map((row) => [row.id, row]));
    },

    /** The existing contacts of `ids`, by id, with when they were anonymised (null = never). */
    async contacts(ids: readonly number[]): Promise<Map<number, AnonymisableRow>> {
      const rows = await store.all(
        sql<AnonymisableRow>`SELECT id, salutation, title, first_name, last_name, company, language, reference_id,
            archived, anonymised_at
          FROM contacts WHERE id IN (${idList(store, ids)})`,
      );
      return new Map(rows.map((row) => [row.id, row]));
    },

    /**
     * Removes the contact's personal data (every column but id, and what the schema needs: a name,
     * a salutation, a language, a preference and a unique reference id) and archives it; its search
     * row then holds the new name and reference alone (run it in db/connection's erasingOldValues,
     * which also drops the old words from the index's older segments).
     */
    async clearContact(id: number, values: { name: string; reference: string }, at: string): Promise<void> {
      const sortName = sortNameOf({
        salutation: 'mx',
        firstName: null,
        lastName: values.name,
        company: null,
      });
      await store.run(
        sql`UPDATE contacts SET salutation = 'mx', title = NULL, first_name = NULL, last_name = ${values.name},
            company = NULL, email = NULL, phone = NULL, language = 'de', preference = 'postal',
            reference_id = ${values.reference}, note = NULL, archived = 1, sort_name = ${sortName}, street = NULL,
            house_no = NULL, postcode = NULL, city = NULL, anonymised_at = ${at}
          WHERE id = ${id}`,
      );
      indexSearchText(id, {
        first_name: null,
        last_name: values.name,
        company: null,
        email: null,
        reference_id: values.reference,
      });
    },

    /** Revokes pending and expired invitations: their codes no longer register anyone. The count. */
    revokeInvitations(contactId: number, at: string): Promise<number> {
      return store.run(
        sql`UPDATE invitations SET state = 'revoked', revoked_at = ${at}
          WHERE contact_id = ${contactId} AND state IN ('pending', 'expired')`,
      );
    },

    /** Revokes the contact's live individual shares. The count. */
    revokeShares(contactId: number, at: string): Promise<number> {
      return store.run(
        sql`UPDATE shares SET revoked_at = ${at} WHERE contact_id = ${contactId} AND revoked_at IS NULL`,
      );
    },

    /** Ids of the mail written to the contact (queued, sent or failed). */
    async outboxIds(contactId: number): Promise<number[]> {
      const rows = await store.all(
        sql<{ id: number }>`SELECT id FROM outbox WHERE contact_id = ${contactId} ORDER BY id`,
      );
      return rows.map((row) => row.id);
    },

    /** Deletes the mail written to the contact: each copy holds its address, name and letter. */
    deleteOutbox(contactId: number): Promise<number> {
      return store.run(sql`DELETE FROM outbox WHERE contact_id = ${contactId}`);
    },
  };
}
export type DataProtectionRepository = ReturnType<typeof dataProtectionRepository>;
