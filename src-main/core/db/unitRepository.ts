import { sql } from 'kysely';
import type { Store } from './store';

export interface UnitRow {
  id: number;
  property_id: number;
  name: string;
  number: string;
  usage: 'private' | 'commercial';
  reference_id: string | null;
}

export type UnitValues = Omit<UnitRow, 'id'>;

export function unitRepository(store: Store) {
  return {
    get(id: number): Promise<UnitRow | undefined> {
      return store.first(sql<UnitRow>`SELECT * FROM units WHERE id = ${id}`);
    },

    /** Units of a property, unordered (the service orders unit numbers naturally). */
    ofProperty(propertyId: number): Promise<UnitRow[]> {
      return store.all(sql<UnitRow>`SELECT * FROM units WHERE property_id = ${propertyId}`);
    },

    /** The unit with this number in the property, if any. */
    async idByNumber(propertyId: number, number: string): Promise<number | undefined> {
      const row = await store.first(
        sql<{ id: number }>`SELECT id FROM units WHERE property_id = ${propertyId} AND number = ${number}`,
      );
      return row?.id;
    },

    async idByReference(referenceId: string): Promise<number | undefined> {
      const row = await store.first(
        sql<{ id: number }>`SELECT id FROM units WHERE reference_id = ${referenceId}`,
      );
      return row?.id;
    },

    async insert(values: UnitValues): Promise<number> {
      const row = await store.first(
        sql<{ id: number }>`INSERT INTO units (property_id, name, number, usage, reference_id)
          VALUES (${values.property_id}, ${values.name}, ${values.number}, ${values.usage}, ${values.reference_id})
          RETURNING id`,
      );
      return row!.id;
    },

    async update(id: number, values: UnitValues): Promise<void> {
      await store.run(
        sql`UPDATE units SET property_id = ${values.property_id}, name = ${values.name}, number = ${values.number},
            usage = ${values.usage}, reference_id = ${values.reference_id}
          WHERE id = ${id}`,
      );
    },
  };
}
export type UnitRepository = ReturnType<typeof unitRepository>;
