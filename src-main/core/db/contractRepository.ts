import type { ContractFacts, ContractType, IsoDate } from '../../../shared/domain';
import type { Language, Salutation } from '../../../shared/ipc';
import type { Db } from './connection';

/** A row of `contracts`. */
export interface ContractRow {
  id: number;
  contact_id: number;
  unit_id: number;
  property_id: number;
  type: ContractType;
  number: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

/** A contract with the names a view shows: its unit, property and contact. */
export interface ContractViewRow extends ContractRow {
  unit_name: string;
  unit_number: string;
  property_name: string;
  salutation: Salutation;
  title: string | null;
  first_name: string | null;
  last_name: string;
  company: string | null;
  language: Language;
  archived: 0 | 1;
}

/** A contract with where it is: its property and unit (the contacts list's column). */
export interface ContractPlaceRow extends ContractRow {
  unit_name: string;
  unit_number: string;
  property_name: string;
}

export type ContractValues = Omit<ContractRow, 'id'>;

export function toContractFacts(row: ContractRow): ContractFacts {
  return {
    id: row.id,
    contactId: row.contact_id,
    unitId: row.unit_id,
    propertyId: row.property_id,
    type: row.type,
    start: row.start_date,
    end: row.end_date,
  };
}

const VIEW = `SELECT k.*, u.name AS unit_name, u.number AS unit_number, p.name AS property_name,
    c.salutation, c.title, c.first_name, c.last_name, c.company, c.language, c.archived
  FROM contracts k
  JOIN units u ON u.id = k.unit_id
  JOIN properties p ON p.id = k.property_id
  JOIN contacts c ON c.id = k.contact_id`;

/** Not ended on :day (running or still to start). */
const NOT_ENDED = '(k.end_date IS NULL OR k.end_date >= :day)';

export function contractRepository(db: Db) {
  const byId = db.prepare<[number], ContractRow>('SELECT * FROM contracts WHERE id = ?');
  const insert = db.prepare<ContractValues>(
    `INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date, end_date)
     VALUES (:contact_id, :unit_id, :property_id, :type, :number, :start_date, :end_date)`,
  );
  const update = db.prepare<ContractValues & { id: number }>(
    `UPDATE contracts SET contact_id = :contact_id, unit_id = :unit_id, property_id = :property_id,
       type = :type, number = :number, start_date = :start_date, end_date = :end_date
     WHERE id = :id`,
  );
  const setEnd = db.prepare<[IsoDate, number]>('UPDATE contracts SET end_date = ? WHERE id = ?');
  // Inclusive ranges [start, end] overlap when each starts no later than the other ends.
  const overlapping = db.prepare<
    {
      contactId: number;
      unitId: number;
      type: ContractType;
      start: IsoDate;
      end: IsoDate | null;
      id: number;
    },
    ContractRow
  >(
    `SELECT * FROM contracts
     WHERE contact_id = :contactId AND unit_id = :unitId AND type = :type AND id <> :id
       AND (:end IS NULL OR start_date <= :end)
       AND (end_date IS NULL OR end_date >= :start)
     ORDER BY start_date, id LIMIT 1`,
  );
  const ofContacts = db.prepare<[string], ContractRow>(
    `SELECT * FROM contracts WHERE contact_id IN (SELECT value FROM json_each(?))
     ORDER BY contact_id, start_date, id`,
  );
  const placesOfContacts = db.prepare<[string], ContractPlaceRow>(
    `SELECT k.*, u.name AS unit_name, u.number AS unit_number, p.name AS property_name
     FROM contracts k
     JOIN units u ON u.id = k.unit_id
     JOIN properties p ON p.id = k.property_id
     WHERE k.contact_id IN (SELECT value FROM json_each(?))
     ORDER BY k.contact_id, k.start_date, k.id`,
  );
  const viewsOfContact = db.prepare<[number], ContractViewRow>(
    `${VIEW} WHERE k.contact_id = ? ORDER BY k.start_date, k.id`,
  );
  const openViewsOfProperty = db.prepare<{ propertyId: number; day: IsoDate }, ContractViewRow>(
    `${VIEW} WHERE k.property_id = :propertyId AND ${NOT_ENDED} ORDER BY k.start_date, k.id`,
  );
  const openViewsOfUnit = db.prepare<{ unitId: number; day: IsoDate }, ContractViewRow>(
    `${VIEW} WHERE k.unit_id = :unitId AND ${NOT_ENDED} ORDER BY k.start_date, k.id`,
  );
  const movePropertyOfUnit = db.prepare<[number, number]>(
    'UPDATE contracts SET property_id = ? WHERE unit_id = ?',
  );

  return {
    get(id: number): ContractRow | undefined {
      return byId.get(id);
    },

    insert(values: ContractValues): number {
      return Number(insert.run(values).lastInsertRowid);
    },

    update(id: number, values: ContractValues): void {
      update.run({ ...values, id });
    },

    setEnd(id: number, end: IsoDate): void {
      setEnd.run(end, id);
    },

    /**
     * A contract of the same contact, unit and type (other than `exceptId`) whose dates overlap
     * [start, end] (end null = open-ended), if any.
     */
    findOverlap(
      contactId: number,
      unitId: number,
      type: ContractType,
      start: IsoDate,
      end: IsoDate | null,
      exceptId = 0,
    ): ContractRow | undefined {
      return overlapping.get({ contactId, unitId, type, start, end, id: exceptId });
    },

    /** Contracts of some contacts, in one query, as the policy sees them. */
    factsOfContacts(contactIds: readonly number[]): ContractFacts[] {
      if (contactIds.length === 0) return [];
      return ofContacts.all(JSON.stringify(contactIds)).map(toContractFacts);
    },

    /** Contracts of some contacts with their property and unit, in one query (a page of the list). */
    placesOfContacts(contactIds: readonly number[]): ContractPlaceRow[] {
      if (contactIds.length === 0) return [];
      return placesOfContacts.all(JSON.stringify(contactIds));
    },

    /** Every contract of a contact, with names, by start. */
    viewsOfContact(contactId: number): ContractViewRow[] {
      return viewsOfContact.all(contactId);
    },

    /** Contracts of a property running on `day` or starting later, by start. */
    openViewsOfProperty(propertyId: number, day: IsoDate): ContractViewRow[] {
      return openViewsOfProperty.all({ propertyId, day });
    },

    /** Contracts of a unit running on `day` or starting later, by start. */
    openViewsOfUnit(unitId: number, day: IsoDate): ContractViewRow[] {
      return openViewsOfUnit.all({ unitId, day });
    },

    /** Keeps the denormalised property_id in step when a unit moves to another property. */
    movePropertyOfUnit(unitId: number, propertyId: number): void {
      movePropertyOfUnit.run(propertyId, unitId);
    },
  };
}
export type ContractRepository = ReturnType<typeof contractRepository>;
