import type { IsoDate } from '../../../shared/domain';
import type { InvitationChannel } from '../../../shared/ipc';
import type { ContactRow, InvitationRow } from './contactRepository';
import type { ContractRow } from './contractRepository';
import type { Db } from './connection';

/**
 * A contact as the invitation rules see it: its row, whether it has a portal account, and its
 * latest invitation (by created_at, id) if any.
 */
export interface InviteeRow extends ContactRow {
  registered: 0 | 1;
  latest_id: number | null;
  latest_state: InvitationRow['state'] | null;
  latest_expires_on: IsoDate | null;
}

/** A unit a contact has (or had) a contract for, in one property. */
export interface InviteeUnitRow {
  contact_id: number;
  number: string;
  name: string;
}

export interface NewInvitation {
  contact_id: number;
  code_hash: string;
  created_at: string;
  expires_on: IsoDate;
  channel: InvitationChannel;
}

const INVITEE = `SELECT c.*,
    EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered,
    li.id AS latest_id, li.state AS latest_state, li.expires_on AS latest_expires_on
  FROM contacts c
  LEFT JOIN invitations li ON li.id = (
    SELECT i.id FROM invitations i WHERE i.contact_id = c.id ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`;

/** Contacts with a contract (of any time) in :propertyId. Driven by contracts_by_property. */
const CONTACTS_OF_PROPERTY = 'SELECT k.contact_id FROM contracts k WHERE k.property_id = :propertyId';

/** Not redeemed nor revoked: a code that is, or can be made, valid again. */
const OPEN = "state IN ('pending', 'expired')";

const INVITATION_COLUMNS = 'id, contact_id, created_at, expires_on, channel, state, redeemed_at, revoked_at';

/**
 * The reading statements, each with named parameters (:contactId, :propertyId, :codeHash).
 * Exported so that test/unit/invitations/queryPlans.test.ts can check that they reach contracts and
 * invitations through indexes only: a property invitation must stay fast for thousands of contacts.
 */
export const invitationStatements = {
  invitee: `${INVITEE} WHERE c.id = :contactId`,
  inviteesOfProperty: `${INVITEE} WHERE c.id IN (${CONTACTS_OF_PROPERTY}) ORDER BY c.sort_name, c.id`,
  /** All contracts, in any property, of the contacts with a contract in :propertyId. */
  contractsOfPropertyContacts: `SELECT * FROM contracts WHERE contact_id IN (${CONTACTS_OF_PROPERTY})
    ORDER BY contact_id, start_date, id`,
  unitsOfProperty: `SELECT DISTINCT k.contact_id, u.number, u.name
    FROM contracts k JOIN units u ON u.id = k.unit_id
    WHERE k.property_id = :propertyId`,
  openOfPropertyContacts: `SELECT id, contact_id FROM invitations
    WHERE contact_id IN (${CONTACTS_OF_PROPERTY}) AND ${OPEN} ORDER BY id`,
  openOf: `SELECT id, contact_id FROM invitations WHERE contact_id = :contactId AND ${OPEN} ORDER BY id`,
  byCodeHash: `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE code_hash = :codeHash`,
} as const;
export type InvitationStatement = keyof typeof invitationStatements;

/** Invitations and portal registrations (SQL only; the rules live in services/invitationService). */
export function invitationRepository(db: Db) {
  const s = invitationStatements;
  const property = db.prepare<[number], { id: number; name: string }>(
    'SELECT id, name FROM properties WHERE id = ?',
  );
  const invitee = db.prepare<{ contactId: number }, InviteeRow>(s.invitee);
  const inviteesOfProperty = db.prepare<{ propertyId: number }, InviteeRow>(s.inviteesOfProperty);
  const contractsOfPropertyContacts = db.prepare<{ propertyId: number }, ContractRow>(
    s.contractsOfPropertyContacts,
  );
  const unitsOfProperty = db.prepare<{ propertyId: number }, InviteeUnitRow>(s.unitsOfProperty);
  const openOfPropertyContacts = db.prepare<{ propertyId: number }, { id: number; contact_id: number }>(
    s.openOfPropertyContacts,
  );
  const openOf = db.prepare<{ contactId: number }, { id: number; contact_id: number }>(s.openOf);
  const byId = db.prepare<[number], InvitationRow>(
    `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = ?`,
  );
  const byHash = db.prepare<{ codeHash: string }, InvitationRow>(s.byCodeHash);
  const insert = db.prepare<NewInvitation>(
    `INSERT INTO invitations (contact_id, code_hash, created_at, expires_on, channel, state)
     VALUES (:contact_id, :code_hash, :created_at, :expires_on, :channel, 'pending')`,
  );
  const revoke = db.prepare<[string, number]>(
    `UPDATE invitations SET state = 'revoked', revoked_at = ? WHERE id = ? AND ${OPEN}`,
  );
  const reopen = db.prepare<[IsoDate, number]>(
    `UPDATE invitations SET state = 'pending', expires_on = ? WHERE id = ? AND ${OPEN}`,
  );
  const setCodeHash = db.prepare<[string, number]>('UPDATE invitations SET code_hash = ? WHERE id = ?');
  const redeem = db.prepare<[string, number]>(
    "UPDATE invitations SET state = 'redeemed', redeemed_at = ? WHERE id = ? AND state = 'pending'",
  );
  const createAccount = db.prepare<[number, string]>(
    'INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)',
  );

  return {
    property(id: number): { id: number; name: string } | undefined {
      return property.get(id);
    },

    /** One contact with its registration and latest invitation. */
    invitee(contactId: number): InviteeRow | undefined {
      return invitee.get({ contactId });
    },

    /** Every contact with a contract in the property (at any time), by sort name. */
    inviteesOfProperty(propertyId: number): InviteeRow[] {
      return inviteesOfProperty.all({ propertyId });
    },

    /** All contracts (in any property) of the contacts with a contract in the property. */
    contractsOfPropertyContacts(propertyId: number): ContractRow[] {
      return contractsOfPropertyContacts.all({ propertyId });
    },

    /** The units of the property each contact has (or had) a contract for. */
    unitsOfProperty(propertyId: number): InviteeUnitRow[] {
      return unitsOfProperty.all({ propertyId });
    },

    /** Open invitations (pending, expired or not) of the property's contacts. */
    openOfPropertyContacts(propertyId: number): { id: number; contact_id: number }[] {
      return openOfPropertyContacts.all({ propertyId });
    },

    /** Open invitations (pending, expired or not) of one contact. */
    openOf(contactId: number): { id: number; contact_id: number }[] {
      return openOf.all({ contactId });
    },

    get(id: number): InvitationRow | undefined {
      return byId.get(id);
    },

    byCodeHash(codeHash: string): InvitationRow | undefined {
      return byHash.get({ codeHash });
    },

    insert(invitation: NewInvitation): number {
      return Number(insert.run(invitation).lastInsertRowid);
    },

    revoke(id: number, at: string): void {
      revoke.run(at, id);
    },

    /** Pending again, valid through `expiresOn` (reactivation). */
    reopen(id: number, expiresOn: IsoDate): void {
      reopen.run(expiresOn, id);
    },

    /** A new code for the invitation (issued when its e-mail is sent); the old one is dead. */
    setCodeHash(id: number, codeHash: string): void {
      setCodeHash.run(codeHash, id);
    },

    markRedeemed(id: number, at: string): void {
      redeem.run(at, id);
    },

    /** The portal registration of a contact: from now on it is registered (Registriert). */
    createAccount(contactId: number, at: string): void {
      createAccount.run(contactId, at);
    },
  };
}
export type InvitationRepository = ReturnType<typeof invitationRepository>;
