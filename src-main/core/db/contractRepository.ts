import { sql } from 'kysely';
import type { ContractFacts, ContractType, IsoDate } from '../../../shared/domain';
import type { Language, Salutation } from '../../../shared/ipc';
import { idList } from './engineSql';
import type { Store } from './store';

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

const VIEW = sql`SELECT k.*, u.name AS unit_name, u.number AS unit_number, p.name AS property_name,
    c.salutation, c.title, c.first_name, c.last_name, c.company, c.language, c.archived
  FROM contracts k
  JOIN units u ON u.id = k.unit_id
  JOIN properties p ON p.id = k.property_id
  JOIN contacts c ON c.id = k.contact_id`;

/** Not ended on `day` (running or still to start). */
const notEnded = (day: IsoDate) => sql`(k.end_date IS NULL OR k.end_date >= ${day})`;

export function contractRepository(store: Store) {
  return {
    get(id: number): Promise<ContractRow | undefined> {
      return store.first(sql<ContractRow>`SELECT * FROM contracts WHERE id = ${id}`);
    },

    async insert(values: ContractValues): Promise<number> {
      const row = await store.first(
        sql<{
          id: number;
        }>`INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date, end_date)
          VALUES (${values.contact_id}, ${values.unit_id}, ${values.property_id}, ${values.type}, ${values.number},
            ${values.start_date}, ${values.end_date})
          RETURNING id`,
      );
      return row!.id;
    },

    async update(id: number, values: ContractValues): Promise<void> {
      await store.run(
        sql`UPDATE contracts SET contact_id = ${values.contact_id}, unit_id = ${values.unit_id},
            property_id = ${values.property_id}, type = ${values.type}, number = ${values.number},
            start_date = ${values.start_date}, end_date = ${values.end_date}
          WHERE id = ${id}`,
      );
    },

    async setEnd(id: number, end: IsoDate): Promise<void> {
      await store.run(sql`UPDATE contracts SET end_date = ${end} WHERE id = ${id}`);
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
    ): Promise<ContractRow | undefined> {
      // Inclusive ranges [start, end] overlap when each starts no later than the other ends.
      return store.first(
        sql<ContractRow>`SELECT * FROM contracts
          WHERE contact_id = ${contactId} AND unit_id = ${unitId} AND type = ${type} AND id <> ${exceptId}
            AND (${end} IS NULL OR start_date <= ${end})
            AND (end_date IS NULL OR end_date >= ${start})
          ORDER BY start_date, id LIMIT 1`,
      );
    },

    /** Contracts of some contacts, in one query, as the policy sees them. */
    async factsOfContacts(contactIds: readonly number[]): Promise<ContractFacts[]> {
      if (contactIds.length === 0) return [];
      const rows = await store.all(
        sql<ContractRow>`SELECT * FROM contracts WHERE contact_id IN (${idList(store, contactIds)})
          ORDER BY contact_id, start_date, id`,
      );
      return rows.map(toContractFacts);
    },

    /** Contracts of some contacts with their property and unit, in one query (a page of the list). */
    async placesOfContacts(contactIds: readonly number[]): Promise<ContractPlaceRow[]> {
      if (contactIds.length === 0) return [];
      return store.all(
        sql<ContractPlaceRow>`SELECT k.*, u.name AS unit_name, u.number AS unit_number, p.name AS property_name
          FROM contracts k
          JOIN units u ON u.id = k.unit_id
          JOIN properties p ON p.id = k.property_id
          WHERE k.contact_id IN (${idList(store, contactIds)})
          ORDER BY k.contact_id, k.start_date, k.id`,
      );
    },

    /** Every contract of a contact, with names, by start. */
    viewsOfContact(contactId: number): Promise<ContractViewRow[]> {
      return store.all(
        sql<ContractViewRow>`${VIEW} WHERE k.contact_id = ${contactId} ORDER BY k.start_date, k.id`,
      );
    },

    /** Contracts of a property running on `day` or starting later, by start. */
    openViewsOfProperty(propertyId: number, day: IsoDate): Promise<ContractViewRow[]> {
      return store.all(
        sql<ContractViewRow>`${VIEW} WHERE k.property_id = ${propertyId} AND ${notEnded(day)} ORDER BY k.start_date, k.id`,
      );
    },

    /** Contracts of a unit running on `day` or starting later, by start. */
    openViewsOfUnit(unitId: number, day: IsoDate): Promise<ContractViewRow[]> {
      return store.all(
        sql<ContractViewRow>`${VIEW} WHERE k.unit_id = ${unitId} AND ${notEnded(day)} ORDER BY k.start_date, k.id`,
      );
    },

    /** Keeps the denormalised property_id in step when a unit moves to another property. */
    async movePropertyOfUnit(unitId: number, propertyId: number): Promise<void> {
      await store.run(sql`UPDATE contracts SET property_id = ${propertyId} WHERE unit_id = ${unitId}`);
    },
  };
}
export type ContractRepository = ReturnType<typeof contractRepository>;
