/**
 * The reads of the contacts export: the contacts of the list's filters in the list's order (the
 * list's own WHERE, contactRepository.contactListWhere), walked in batches after a key (sort name,
 * id) so that a large portfolio is never one result, and their contracts with the Referenz-IDs and
 * values of unit and property the import reads.
 */
import type { InvitationState } from '../../../shared/ipc';
import type { AccessBounds } from './accessRepository';
import type { Db } from './connection';
import {
  contactListWhere,
  INVITATION_STATE_SQL,
  type ContactListFilter,
  type ContactRow,
} from './contactRepository';
import type { ContractRow } from './contractRepository';

export type ExportContactRow = ContactRow & { registered: 0 | 1; invitation: InvitationState };

export type ExportContractRow = ContractRow & {
  unit_reference_id: string | null;
  unit_number: string;
  unit_name: string;
  unit_usage: 'private' | 'commercial';
  property_reference_id: string | null;
  property_name: string;
  /** The property's main (first) address, if any. */
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
};

/** Where the previous batch ended: its last contact's sort name and id. */
export interface ExportKey {
  sortName: string;
  id: number;
}

export function contactExportRepository(db: Db) {
  const contracts = db.prepare<[string], ExportContractRow>(
    `SELECT k.*, u.reference_id AS unit_reference_id, u.number AS unit_number, u.name AS unit_name,
       u.usage AS unit_usage, p.reference_id AS property_reference_id, p.name AS property_name,
       a.street, a.house_no, a.postcode, a.city
     FROM contracts k
     JOIN units u ON u.id = k.unit_id
     JOIN properties p ON p.id = k.property_id
     LEFT JOIN property_addresses a
       ON a.id = (SELECT MIN(x.id) FROM property_addresses x WHERE x.property_id = p.id)
     WHERE k.contact_id IN (SELECT value FROM json_each(?))
     ORDER BY k.contact_id, k.start_date, k.id`,
  );
  const statements = new Map<string, ReturnType<Db['prepare']>>();

  return {
    /** The next `limit` contacts of the filter after `after` (null: from the first), in list order. */
    contactsAfter(
      filter: ContactListFilter,
      bounds: AccessBounds,
      after: ExportKey | null,
      limit: number,
    ): ExportContactRow[] {
      const { where, params } = contactListWhere(filter, bounds);
      const next = '(c.sort_name, c.id) > (:afterName, :afterId)';
      const sql = `SELECT c.*, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered,
          ${INVITATION_STATE_SQL} AS invitation
        FROM contacts c
        ${where === '' ? `WHERE ${next}` : `${where} AND ${next}`}
        ORDER BY c.sort_name, c.id
        LIMIT :limit`;
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all({
        ...params,
        afterName: after?.sortName ?? '',
        afterId: after?.id ?? 0,
        limit,
      }) as ExportContactRow[];
    },

    /** The contracts of `contactIds`, by contact and start. */
    contractsOf(contactIds: readonly number[]): ExportContractRow[] {
      return contactIds.length === 0 ? [] : contracts.all(JSON.stringify(contactIds));
    },
  };
}
export type ContactExportRepository = ReturnType<typeof contactExportRepository>;
