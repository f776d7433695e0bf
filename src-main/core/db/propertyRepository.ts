import { sql } from 'kysely';
import type { IsoDate } from '../../../shared/domain';
import type { Address } from '../../../shared/ipc';
import type { Store } from './store';

export interface PropertyRow {
  id: number;
  name: string;
  reference_id: string | null;
  created_at: string;
}

export interface PropertyAddressRow {
  id: number;
  property_id: number;
  street: string;
  house_no: string;
  postcode: string;
  city: string;
}

/** A property for the list: its main address (the first one), unit count and active contacts. */
export interface PropertySummaryRow {
  id: number;
  name: string;
  reference_id: string | null;
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
  units: number;
  active_contacts: number;
}

export function propertyRepository(store: Store) {
  return {
    get(id: number): Promise<PropertyRow | undefined> {
      return store.first(sql<PropertyRow>`SELECT * FROM properties WHERE id = ${id}`);
    },

    async idByReference(referenceId: string): Promise<number | undefined> {
      const row = await store.first(
        sql<{ id: number }>`SELECT id FROM properties WHERE reference_id = ${referenceId}`,
      );
      return row?.id;
    },

    /** Every property by name, with the figures of the list on `day`. */
    summaries(day: IsoDate): Promise<PropertySummaryRow[]> {
      return store.all(
        sql<PropertySummaryRow>`SELECT p.id, p.name, p.reference_id, a.street, a.house_no, a.postcode, a.city,
           (SELECT COUNT(*) FROM units u WHERE u.property_id = p.id) AS units,
           (SELECT COUNT(DISTINCT k.contact_id) FROM contracts k
             WHERE k.property_id = p.id AND k.start_date <= ${day}
               AND (k.end_date IS NULL OR k.end_date >= ${day})) AS active_contacts
         FROM properties p
         LEFT JOIN property_addresses a
           ON a.id = (SELECT MIN(m.id) FROM property_addresses m WHERE m.property_id = p.id)
         ORDER BY p.name, p.id`,
      );
    },

    /** Addresses in their order (the first is the main address). */
    addresses(propertyId: number): Promise<PropertyAddressRow[]> {
      return store.all(
        sql<PropertyAddressRow>`SELECT * FROM property_addresses WHERE property_id = ${propertyId} ORDER BY id`,
      );
    },

    async insert(name: string, referenceId: string | null, createdAt: string): Promise<number> {
      const row = await store.first(
        sql<{ id: number }>`INSERT INTO properties (name, reference_id, created_at)
          VALUES (${name}, ${referenceId}, ${createdAt}) RETURNING id`,
      );
      return row!.id;
    },

    async update(id: number, name: string, referenceId: string | null): Promise<void> {
      await store.run(
        sql`UPDATE properties SET name = ${name}, reference_id = ${referenceId} WHERE id = ${id}`,
      );
    },

    /** Replaces the addresses as a whole, keeping their order. */
    async replaceAddresses(propertyId: number, list: readonly Address[]): Promise<void> {
      await store.run(sql`DELETE FROM property_addresses WHERE property_id = ${propertyId}`);
      for (const address of list) {
        await store.run(
          sql`INSERT INTO property_addresses (property_id, street, house_no, postcode, city)
            VALUES (${propertyId}, ${address.street}, ${address.houseNo}, ${address.postcode}, ${address.city})`,
        );
      }
    },
  };
}
export type PropertyRepository = ReturnType<typeof propertyRepository>;
