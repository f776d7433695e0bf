import type { Grant, IsoDate } from '../../../shared/domain';
import type { ContactFields, InvitationState, Language, Salutation } from '../../../shared/ipc';
import type { AccessBounds } from './accessRepository';
import type { Db } from './connection';
import { contactSearchMatch, sortNameOf } from './contactKeys';
import {
  COMMON_SEARCH,
  contactListStatements,
  GRANTS,
  SEARCH_MATCHES_UP_TO,
  type ContactListFilter,
} from './contactListQuery';
import { contactSearchIndex } from './contactSearchIndex';

export {
  contactListStatements,
  contactListWhere,
  INVITATION_STATE_SQL,
  type ContactListFilter,
} from './contactListQuery';

/** A row of `contacts` (snake_case = column names; booleans 0/1). */
export interface ContactRow {
  id: number;
  salutation: Salutation;
  title: string | null;
  first_name: string | null;
  last_name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  language: Language;
  preference: 'postal' | 'online';
  reference_id: string;
  note: string | null;
  archived: 0 | 1;
  sort_name: string;
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
  /** When its personal data was removed (ISO instant, dataProtectionService); null = never. */
  anonymised_at: string | null;
}

/** A row of `invitations` without its code hash. */
export interface InvitationRow {
  id: number;
  contact_id: number;
  created_at: string;
  expires_on: IsoDate;
  channel: 'email' | 'letter' | 'code';
  state: 'pending' | 'redeemed' | 'expired' | 'revoked';
  redeemed_at: string | null;
  revoked_at: string | null;
}

/** A row of `portal_accounts`: the contact registered in the customer portal. */
export interface PortalAccountRow {
  contact_id: number;
  registered_at: string;
}

/** One contact of a list page: what the list shows, before the policy adds its access. */
export interface ContactListRow {
  id: number;
  salutation: Salutation;
  title: string | null;
  first_name: string | null;
  last_name: string;
  company: string | null;
  email: string | null;
  language: Language;
  reference_id: string;
  archived: 0 | 1;
  anonymised_at: string | null;
  registered: 0 | 1;
  invitation: InvitationState;
}

type ContactValues = Omit<ContactRow, 'id' | 'archived' | 'sort_name' | 'anonymised_at'>;

function values(fields: ContactFields): ContactValues & { sort_name: string } {
  return {
    salutation: fields.salutation,
    title: fields.title,
    first_name: fields.firstName,
    last_name: fields.lastName,
    company: fields.company,
    email: fields.email,
    phone: fields.phone,
    language: fields.language,
    preference: fields.preference,
    reference_id: fields.referenceId,
    note: fields.note,
    street: fields.street,
    house_no: fields.houseNo,
    postcode: fields.postcode,
    city: fields.city,
    sort_name: sortNameOf(fields),
  };
}

export function contactRepository(db: Db) {
  const byId = db.prepare<[number], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const byReference = db.prepare<[string], { id: number }>('SELECT id FROM contacts WHERE reference_id = ?');
  const insert = db.prepare<ContactValues & { sort_name: string }>(
    `INSERT INTO contacts (salutation, title, first_name, last_name, company, email, phone, language,
       preference, reference_id, note, archived, sort_name, street, house_no, postcode, city)
     VALUES (:salutation, :title, :first_name, :last_name, :company, :email, :phone, :language,
       :preference, :reference_id, :note, 0, :sort_name, :street, :house_no, :postcode, :city)`,
  );
  const update = db.prepare<ContactValues & { sort_name: string; id: number }>(
    `UPDATE contacts SET salutation = :salutation, title = :title, first_name = :first_name,
       last_name = :last_name, company = :company, email = :email, phone = :phone, language = :language,
       preference = :preference, reference_id = :reference_id, note = :note, sort_name = :sort_name,
       street = :street, house_no = :house_no, postcode = :postcode, city = :city
     WHERE id = :id`,
  );
  const archive = db.prepare<[0 | 1, number]>('UPDATE contacts SET archived = ? WHERE id = ?');
  const indexSearchText = contactSearchIndex(db);
  const registration = db.prepare<[number], Pick<PortalAccountRow, 'registered_at'>>(
    'SELECT registered_at FROM portal_accounts WHERE contact_id = ?',
  );
  const latestInvitation = db.prepare<[number], InvitationRow>(
    `SELECT id, contact_id, created_at, expires_on, channel, state, redeemed_at, revoked_at
     FROM invitations WHERE contact_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  function prepared(sql: string) {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  /** Whether the filter's search matches at least COMMON_SEARCH contacts (the index alone). */
  function commonSearch(filter: ContactListFilter): boolean {
    const match = contactSearchMatch(filter.search);
    if (match === null) return false;
    return (prepared(SEARCH_MATCHES_UP_TO).get({ match }) as { n: number }).n >= COMMON_SEARCH;
  }

  return {
    get(id: number): ContactRow | undefined {
      return byId.get(id);
    },

    /** The contact holding a reference id, if any. */
    idByReference(referenceId: string): number | undefined {
      return byReference.get(referenceId)?.id;
    },

    /** Inserts a (non-archived) contact; sort_name and its search row are derived here. Returns its id. */
    insert(fields: ContactFields): number {
      const row = values(fields);
      const id = Number(insert.run(row).lastInsertRowid);
      indexSearchText(id, row);
      return id;
    },

    update(id: number, fields: ContactFields): void {
      const row = values(fields);
      update.run({ ...row, id });
      indexSearchText(id, row);
    },

    setArchived(id: number, archived: boolean): void {
      archive.run(archived ? 1 : 0, id);
    },

    /** When the contact registered in the portal, or null. */
    registeredAt(id: number): string | null {
      return registration.get(id)?.registered_at ?? null;
    },

    /** The latest invitation of a contact (by created_at, id). */
    latestInvitation(contactId: number): InvitationRow | undefined {
      return latestInvitation.get(contactId);
    },

    /** One page of the list, ordered by sort_name, id. */
    listPage(
      filter: ContactListFilter,
      bounds: AccessBounds,
      offset: number,
      limit: number,
    ): ContactListRow[] {
      const { page, walk, pageParams } = contactListStatements(filter, bounds, commonSearch(filter));
      const params = { ...pageParams, offset, limit };
      if (walk !== null) {
        const rows = prepared(walk).all(params) as ContactListRow[];
        if (rows.length === limit) return rows;
      }
      return prepared(page).all(params) as ContactListRow[];
    },

    /**
     * Contacts matching every filter but access, by their grant on the bounds' day, each counted up
     * to `bound` + 1: every count is a walk that stops there (the pre and post ones start from the
     * contracts inside their window), so a search matching most contacts costs as little as a rare one.
     */
    countByAccessUpTo(filter: ContactListFilter, bounds: AccessBounds, bound: number): Record<Grant, number> {
      const { counts } = contactListStatements(filter, bounds, commonSearch(filter));
      const result: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
      for (const grant of GRANTS) {
        const { sql, params } = counts[grant];
        result[grant] =
          (prepared(sql).get({ ...params, bound: bound + 1 }) as { n: number } | undefined)?.n ?? 0;
      }
      return result;
    },
  };
}
export type ContactRepository = ReturnType<typeof contactRepository>;
