import type { ContractType, ShareRole } from '../../../shared/domain';
import type { ContentKind } from '../../../shared/ipc';
import type { Db } from './connection';
import type { ContactRow } from './contactRepository';

export type ContactNameRow = Pick<
  ContactRow,
  'salutation' | 'title' | 'first_name' | 'last_name' | 'company' | 'language'
>;

export interface AuditContract {
  contactId: number;
  type: ContractType;
  number: string;
  unitId: number;
}
export interface AuditShare {
  contentId: number;
  contactId: number | null;
  role: ShareRole | null;
  propertyId: number | null;
}
export interface AuditUnit {
  name: string;
  number: string;
  propertyId: number;
}

/**
 * What the Protokoll needs to name the things its rows are about: point reads by id, each answer
 * kept for the life of this object (one page or one export), so a long export reads each once.
 * Withdrawn contents and anonymised contacts are still found: they are named as they are now.
 */
export function auditNames(db: Db) {
  function cached<K, T>(read: (id: K) => T | undefined): (id: K) => T | null {
    const seen = new Map<K, T | null>();
    return (id) => {
      if (!seen.has(id)) seen.set(id, read(id) ?? null);
      return seen.get(id) ?? null;
    };
  }
  const contact = db.prepare<[number], ContactNameRow>(
    'SELECT salutation, title, first_name, last_name, company, language FROM contacts WHERE id = ?',
  );
  const property = db.prepare<[number], { name: string }>('SELECT name FROM properties WHERE id = ?');
  const unit = db.prepare<[number], { name: string; number: string; propertyId: number }>(
    'SELECT name, number, property_id AS propertyId FROM units WHERE id = ?',
  );
  const content = db.prepare<[number], { title: string; kind: ContentKind }>(
    'SELECT title, kind FROM contents WHERE id = ?',
  );
  const contract = db.prepare<[number], AuditContract>(
    'SELECT contact_id AS contactId, type, number, unit_id AS unitId FROM contracts WHERE id = ?',
  );
  const share = db.prepare<[number], AuditShare>(
    `SELECT content_id AS contentId, contact_id AS contactId, role, property_id AS propertyId
     FROM shares WHERE id = ?`,
  );
  const invitation = db.prepare<[number], { contactId: number }>(
    'SELECT contact_id AS contactId FROM invitations WHERE id = ?',
  );
  const outbox = db.prepare<[number], { contactId: number | null; recipient: string }>(
    'SELECT contact_id AS contactId, recipient FROM outbox WHERE id = ?',
  );
  return {
    contact: cached((id: number) => contact.get(id)),
    property: cached((id: number) => property.get(id)?.name),
    unit: cached((id: number): AuditUnit | undefined => unit.get(id)),
    content: cached((id: number) => content.get(id)),
    contract: cached((id: number) => contract.get(id)),
    share: cached((id: number) => share.get(id)),
    invitation: cached((id: number) => invitation.get(id)?.contactId),
    outbox: cached((id: number) => outbox.get(id)),
  };
}
export type AuditNames = ReturnType<typeof auditNames>;
