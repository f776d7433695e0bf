import type { Db } from './connection';

export interface UnitRow {
  id: number;
  property_id: number;
  name: string;
  number: string;
  usage: 'private' | 'commercial';
  reference_id: string | null;
}

export type UnitValues = Omit<UnitRow, 'id'>;

export function unitRepository(db: Db) {
  const byId = db.prepare<[number], UnitRow>('SELECT * FROM units WHERE id = ?');
  const ofProperty = db.prepare<[number], UnitRow>('SELECT * FROM units WHERE property_id = ?');
  const byNumber = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM units WHERE property_id = ? AND number = ?',
  );
  const byReference = db.prepare<[string], { id: number }>('SELECT id FROM units WHERE reference_id = ?');
  const insert = db.prepare<UnitValues>(
    `INSERT INTO units (property_id, name, number, usage, reference_id)
     VALUES (:property_id, :name, :number, :usage, :reference_id)`,
  );
  const update = db.prepare<UnitValues & { id: number }>(
    `UPDATE units SET property_id = :property_id, name = :name, number = :number, usage = :usage,
       reference_id = :reference_id
     WHERE id = :id`,
  );

  return {
    get(id: number): UnitRow | undefined {
      return byId.get(id);
    },

    /** Units of a property, unordered (the service orders unit numbers naturally). */
    ofProperty(propertyId: number): UnitRow[] {
      return ofProperty.all(propertyId);
    },

    /** The unit with this number in the property, if any. */
    idByNumber(propertyId: number, number: string): number | undefined {
      return byNumber.get(propertyId, number)?.id;
    },

    idByReference(referenceId: string): number | undefined {
      return byReference.get(referenceId)?.id;
    },

    insert(values: UnitValues): number {
      return Number(insert.run(values).lastInsertRowid);
    },

    update(id: number, values: UnitValues): void {
      update.run({ ...values, id });
    },
  };
}
export type UnitRepository = ReturnType<typeof unitRepository>;
