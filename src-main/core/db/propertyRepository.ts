import type { IsoDate } from '../../../shared/domain';
import type { Address } from '../../../shared/ipc';
import type { Db } from './connection';

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

export function propertyRepository(db: Db) {
  const byId = db.prepare<[number], PropertyRow>('SELECT * FROM properties WHERE id = ?');
  const byReference = db.prepare<[string], { id: number }>(
    'SELECT id FROM properties WHERE reference_id = ?',
  );
  const summaries = db.prepare<{ day: IsoDate }, PropertySummaryRow>(
    `SELECT p.id, p.name, p.reference_id, a.street, a.house_no, a.postcode, a.city,
       (SELECT COUNT(*) FROM units u WHERE u.property_id = p.id) AS units,
       (SELECT COUNT(DISTINCT k.contact_id) FROM contracts k
         WHERE k.property_id = p.id AND k.start_date <= :day
           AND (k.end_date IS NULL OR k.end_date >= :day)) AS active_contacts
     FROM properties p
     LEFT JOIN property_addresses a
       ON a.id = (SELECT MIN(m.id) FROM property_addresses m WHERE m.property_id = p.id)
     ORDER BY p.name, p.id`,
  );
  const addresses = db.prepare<[number], PropertyAddressRow>(
    'SELECT * FROM property_addresses WHERE property_id = ? ORDER BY id',
  );
  const insert = db.prepare<{ name: string; referenceId: string | null; createdAt: string }>(
    'INSERT INTO properties (name, reference_id, created_at) VALUES (:name, :referenceId, :createdAt)',
  );
  const update = db.prepare<{ id: number; name: string; referenceId: string | null }>(
    'UPDATE properties SET name = :name, reference_id = :referenceId WHERE id = :id',
  );
  const deleteAddresses = db.prepare<[number]>('DELETE FROM property_addresses WHERE property_id = ?');
  const insertAddress = db.prepare<Address & { propertyId: number }>(
    `INSERT INTO property_addresses (property_id, street, house_no, postcode, city)
     VALUES (:propertyId, :street, :houseNo, :postcode, :city)`,
  );

  return {
    get(id: number): PropertyRow | undefined {
      return byId.get(id);
    },

    idByReference(referenceId: string): number | undefined {
      return byReference.get(referenceId)?.id;
    },

    /** Every property by name, with the figures of the list on `day`. */
    summaries(day: IsoDate): PropertySummaryRow[] {
      return summaries.all({ day });
    },

    /** Addresses in their order (the first is the main address). */
    addresses(propertyId: number): PropertyAddressRow[] {
      return addresses.all(propertyId);
    },

    insert(name: string, referenceId: string | null, createdAt: string): number {
      return Number(insert.run({ name, referenceId, createdAt }).lastInsertRowid);
    },

    update(id: number, name: string, referenceId: string | null): void {
      update.run({ id, name, referenceId });
    },

    /** Replaces the addresses as a whole, keeping their order. */
    replaceAddresses(propertyId: number, list: readonly Address[]): void {
      deleteAddresses.run(propertyId);
      for (const address of list) insertAddress.run({ ...address, propertyId });
    },
  };
}
export type PropertyRepository = ReturnType<typeof propertyRepository>;
