/**
 * A mapping sent with a run must fit the opened file: one entry per column, no field of a person
 * filled by two columns, and the fields every row needs mapped (the Referenz-IDs of property, unit
 * and contact, the contact's last name, the contract start).
 */
import type { ImportField, ImportMapping } from '../../../shared/contract/imports';
import { DomainError } from '../../../shared/errors';

/** Without these no row can be matched or created. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'property.referenceId',
  'unit.referenceId',
  'contact.referenceId',
  'contact.lastName',
  'contract.start',
];

/** The first required field no column fills (person 1), or null. */
export function missingRequired(mapping: ImportMapping): ImportField | null {
  const mapped = new Set(mapping.map((t) => t.field));
  return REQUIRED_FIELDS.find((field) => !mapped.has(field)) ?? null;
}

export function checkMapping(mapping: ImportMapping, columns: number): void {
  if (mapping.length !== columns) throw new DomainError('IMPORT_MAPPING_MISMATCH', { columns });
  const seen = new Set<string>();
  for (const { field, person: given } of mapping) {
    if (field === null) continue;
    const person = field.startsWith('contact.') ? given : 1;
    const key = `${field}#${person}`;
    if (seen.has(key)) throw new DomainError('IMPORT_DUPLICATE_TARGET', { field, person });
    seen.add(key);
  }
  const missing = missingRequired(mapping);
  if (missing !== null) throw new DomainError('IMPORT_REQUIRED_UNMAPPED', { field: missing });
}
