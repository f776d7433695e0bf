import type { ContractType, Grant, IsoDate } from '../../../shared/domain';
import type { ContactFields, InvitationState, Language, Salutation } from '../../../shared/ipc';
import { CONTACT_GRANT_SQL, type AccessBounds } from './accessRepository';
import type { Db } from './connection';
import { contactSearchMatch, sortNameOf } from './contactKeys';
import { contactSearchIndex } from './contactSearchIndex';

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

/**
 * SQL expression: the invitation state of contact `c` on :day (see policy/invitationState.ts,
 * `contactInvitationState`, which must give the same answer): 'redeemed' with a portal account;
 * else that of the latest invitation (by created_at, id) — a pending one past its expiry is
 * 'expired'; 'none' when never invited.
 */
export const INVITATION_STATE_SQL = `(CASE
    WHEN EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) THEN 'redeemed'
    ELSE COALESCE((SELECT CASE WHEN i.state = 'pending' AND i.expires_on < :day THEN 'expired' ELSE i.state END
                   FROM invitations i WHERE i.contact_id = c.id
                   ORDER BY i.created_at DESC, i.id DESC LIMIT 1), 'none')
    END)`;

/** Filters of the contact list, all but paging. `search` is as typed. */
export interface ContactListFilter {
  search: string;
  access: Grant | null;
  propertyId: number | null;
  contractType: ContractType | null;
  invitation: InvitationState | null;
  includeArchived: boolean;
}

type Params = Record<string, string | number>;

const GRANTS: readonly Grant[] = ['active', 'pre', 'post', 'none'];

/**
 * The WHERE conditions of the list, without or with the access filter, and their parameters
 * (the window bounds always included: the grant and invitation expressions use :day).
 *
 * The search is a set of contact ids from the full-text index contact_search (migration 5,
 * contactKeys.contactSearchMatch): the page sorts those matches by sort_name, the counts classify
 * them, and neither reads a contact that does not match.
 */
export function contactListWhere(
  filter: ContactListFilter,
  bounds: AccessBounds,
): { where: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = { ...bounds };
  if (!filter.includeArchived) {
    // A page walks contacts_by_sort_name, where the few archived ids are a set to test (no table reads).
    conditions.push('c.id NOT IN (SELECT a.id FROM contacts a WHERE a.archived = 1)');
  }

  const match = contactSearchMatch(filter.search);
  if (match !== null) {
    params.match = match;
    conditions.push('c.id IN (SELECT s.rowid FROM contact_search s WHERE contact_search MATCH :match)');
  }

  if (filter.propertyId !== null) {
    // Driven from contracts_by_property (property_id, type, contact_id): a property is a small set.
    params.propertyId = filter.propertyId;
    let inProperty = 'SELECT k.contact_id FROM contracts k WHERE k.property_id = :propertyId';
    if (filter.contractType !== null) {
      params.contractType = filter.contractType;
      inProperty += ' AND k.type = :contractType';
    }
    conditions.push(`c.id IN (${inProperty})`);
  } else if (filter.contractType !== null) {
    params.contractType = filter.contractType;
    conditions.push(
      'EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = c.id AND k.type = :contractType)',
    );
  }

  if (filter.invitation !== null) {
    params.invitation = filter.invitation;
    // Lets the planner start from the (usually few) invited or registered contacts.
    if (filter.invitation === 'redeemed') {
      conditions.push('c.id IN (SELECT pa.contact_id FROM portal_accounts pa)');
    } else if (filter.invitation !== 'none') {
      conditions.push('c.id IN (SELECT i.contact_id FROM invitations i)');
    }
    conditions.push(`${INVITATION_STATE_SQL} = :invitation`);
  }

  if (filter.access !== null) {
    params.access = filter.access;
    // Few contacts are inside a window: start from their contracts (an index range on the dates).
    if (filter.access === 'pre') {
      conditions.push(
        'c.id IN (SELECT k.contact_id FROM contracts k WHERE k.start_date > :day AND k.start_date <= :preUntil)',
      );
    } else if (filter.access === 'post') {
      conditions.push(
        'c.id IN (SELECT k.contact_id FROM contracts k WHERE k.end_date < :day AND k.end_date >= :postFrom)',
      );
    }
    conditions.push(`${CONTACT_GRANT_SQL} = :access`);
  }

  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join('\n  AND ')}`, params };
}

/**
 * The statements of one list request. Exported for the query-plan tests. Each count is the list's
 * condition with that access state, counted up to :bound (a walk that stops there).
 */
export function contactListStatements(
  filter: ContactListFilter,
  bounds: AccessBounds,
): { page: string; pageParams: Params; counts: Record<Grant, { sql: string; params: Params }> } {
  const page = contactListWhere(filter, bounds);
  const counts = Object.fromEntries(
    GRANTS.map((access) => {
      const { where, params } = contactListWhere({ ...filter, access }, bounds);
      return [
        access,
        { sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM contacts c ${where} LIMIT :bound)`, params },
      ];
    }),
  ) as Record<Grant, { sql: string; params: Params }>;
  return {
    page: `SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.email,
        c.language, c.reference_id, c.archived, c.anonymised_at,
        EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered,
        ${INVITATION_STATE_SQL} AS invitation
      FROM contacts c
      ${page.where}
      ORDER BY c.sort_name, c.id
      LIMIT :limit OFFSET :offset`,
    pageParams: page.params,
    counts,
  };
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
      const { page, pageParams } = contactListStatements(filter, bounds);
      return prepared(page).all({ ...pageParams, offset, limit }) as ContactListRow[];
    },

    /**
     * Contacts matching every filter but access, by their grant on the bounds' day, each counted up
     * to `bound` + 1: every count is a walk that stops there (the pre and post ones start from the
     * contracts inside their window), so a search matching most contacts costs as little as a rare one.
     */
    countByAccessUpTo(filter: ContactListFilter, bounds: AccessBounds, bound: number): Record<Grant, number> {
      const { counts } = contactListStatements(filter, bounds);
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
