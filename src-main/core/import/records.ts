/**
 * One flat ERP row (property, unit, contract, up to four persons) read through the mapping into the
 * records it names, or rejected with its line and a coded reason. Pure: no store, no clock. Rows
 * that give one Referenz-ID different values are told apart here too (the first row wins).
 */
import {
  MAX_IMPORT_PERSONS,
  type ImportField,
  type ImportMapping,
  type ImportRejection,
  type ImportRejectionCode,
  type ImportValueField,
  type ImportValueMap,
} from '../../../shared/contract/imports';
import { emailSchema } from '../../../shared/contract/channel';
import type { ContractType, IsoDate } from '../../../shared/domain';
import type { Address, ContactFields, Salutation } from '../../../shared/ipc';
import { mapValue, readDate } from './values';

/** Contact fields an import can set (all but the note). */
export type ImportedContactFields = Omit<ContactFields, 'note'>;

export interface ImportedProperty {
  referenceId: string;
  /** undefined = not in the file (left as it is). */
  name: string | undefined;
  /** The main address; undefined = not in the file or incomplete. */
  address: Address | undefined;
}

export interface ImportedUnit {
  referenceId: string;
  number: string | undefined;
  name: string | undefined;
  usage: 'private' | 'commercial' | undefined;
}

export interface ImportedContact {
  referenceId: string;
  /** Only the fields the file maps; a mapped empty cell clears an optional field (null). */
  fields: Partial<ImportedContactFields>;
}

export interface ImportedContract {
  type: ContractType;
  /** Given or, when the file has no contract number, `<contact reference>/<start>`. */
  number: string;
  start: IsoDate;
  end: IsoDate | null;
}

export interface ImportedRow {
  line: number;
  property: ImportedProperty;
  unit: ImportedUnit;
  contract: ImportedContract;
  /** One contract per person of the row. */
  contacts: ImportedContact[];
}

export class RowRejected extends Error {
  constructor(readonly rejection: Omit<ImportRejection, 'line'>) {
    super(rejection.code);
  }
}

export function reject(code: ImportRejectionCode, params: ImportRejection['params'] = {}): never {
  throw new RowRejected({ code, params });
}

/** The longest value per field (as the app's forms allow). */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  'property.referenceId': 40,
  'property.name': 120,
  'property.street': 120,
  'property.houseNo': 20,
  'property.city': 80,
  'unit.referenceId': 40,
  'unit.number': 20,
  'unit.name': 80,
  'contract.number': 40,
  'contact.referenceId': 40,
  'contact.title': 40,
  'contact.firstName': 80,
  'contact.lastName': 120,
  'contact.company': 120,
  'contact.phone': 40,
  'contact.street': 120,
  'contact.houseNo': 20,
  'contact.postcode': 10,
  'contact.city': 80,
};

const CONTACT_TEXT = {
  'contact.title': 'title',
  'contact.firstName': 'firstName',
  'contact.lastName': 'lastName',
  'contact.company': 'company',
  'contact.phone': 'phone',
  'contact.street': 'street',
  'contact.houseNo': 'houseNo',
  'contact.postcode': 'postcode',
  'contact.city': 'city',
} as const satisfies Partial<Record<ImportField, keyof ImportedContactFields>>;

/** The cells of one row by field and person, as the mapping reads them. */
export type RowReader = (field: ImportField, person?: number) => string | undefined;

/** The columns of the mapping by field, then person (1–4; 1 for fields not of a contact). */
function columnsOf(mapping: ImportMapping): Map<ImportField, number[]> {
  const columns = new Map<ImportField, number[]>();
  mapping.forEach(({ field, person }, index) => {
    if (field === null) return;
    const byPerson = columns.get(field) ?? [];
    byPerson[field.startsWith('contact.') ? person : 1] = index;
    columns.set(field, byPerson);
  });
  return columns;
}

function rowReader(columns: Map<ImportField, number[]>, cells: readonly string[]): RowReader {
  return (field, person = 1) => {
    const index = columns.get(field)?.[person];
    if (index === undefined) return undefined;
    const value = (cells[index] ?? '').trim();
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.length > max) reject('TOO_LONG', { field, max });
    return value;
  };
}

function valueOf(
  read: RowReader,
  field: ImportValueField,
  own: ImportValueMap,
  person = 1,
): string | undefined {
  const raw = read(field, person);
  if (raw === undefined || raw === '') return raw === undefined ? undefined : '';
  const value = mapValue(field, raw, own);
  if (value === null) reject('UNKNOWN_VALUE', { field, value: raw });
  return value;
}

function date(read: RowReader, field: 'contract.start' | 'contract.end'): IsoDate | null | undefined {
  const raw = read(field);
  if (raw === undefined) return undefined;
  const reading = readDate(raw);
  if (reading.kind === 'unreadable') reject('UNREADABLE_DATE', { field, value: raw });
  if (reading.kind === 'outOfRange') reject('DATE_OUT_OF_RANGE', { field, value: raw });
  return reading.kind === 'date' ? reading.iso : null;
}

function readProperty(read: RowReader): ImportedProperty {
  const referenceId = read('property.referenceId');
  if (!referenceId) reject('MISSING_REFERENCE_ID', { field: 'property.referenceId' });
  const street = read('property.street');
  const houseNo = read('property.houseNo');
  const postcode = read('property.postcode');
  const city = read('property.city');
  if (postcode && !/^\d{5}$/.test(postcode))
    reject('INVALID_POSTCODE', { field: 'property.postcode', value: postcode });
  const address = street && houseNo && postcode && city ? { street, houseNo, postcode, city } : undefined;
  return { referenceId, name: read('property.name') || undefined, address };
}

function readUnit(read: RowReader, own: ImportValueMap): ImportedUnit {
  const referenceId = read('unit.referenceId');
  if (!referenceId) reject('MISSING_REFERENCE_ID', { field: 'unit.referenceId' });
  const usage = valueOf(read, 'unit.usage', own) as ImportedUnit['usage'] | '';
  return {
    referenceId,
    number: read('unit.number') || undefined,
    name: read('unit.name') || undefined,
    usage: usage || undefined,
  };
}

function readContact(read: RowReader, own: ImportValueMap, person: number): ImportedContact | null {
  const referenceId = read('contact.referenceId', person);
  const fields: Partial<ImportedContactFields> = {};
  for (const [field, key] of Object.entries(CONTACT_TEXT) as [
    keyof typeof CONTACT_TEXT,
    keyof ImportedContactFields,
  ][]) {
    const value = read(field, person);
    if (value !== undefined) Object.assign(fields, { [key]: value || null });
  }
  const email = read('contact.email', person);
  if (email !== undefined) {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) reject('INVALID_EMAIL', { field: 'contact.email', value: email });
    fields.email = parsed.data;
  }
  const salutation = valueOf(read, 'contact.salutation', own, person);
  if (salutation) fields.salutation = salutation as Salutation;
  const language = valueOf(read, 'contact.language', own, person);
  if (language) fields.language = language as 'de' | 'en';
  const preference = valueOf(read, 'contact.preference', own, person);
  if (preference) fields.preference = preference as 'postal' | 'online';
  const named = Object.values(fields).some((value) => value !== null && value !== undefined);
  if (!referenceId) {
    if (named) reject('MISSING_REFERENCE_ID', { field: 'contact.referenceId', person });
    return null;
  }
  if (fields.lastName === null) delete fields.lastName;
  return { referenceId, fields };
}

/** Reads rows through the mapping (prepared once for all rows); throws RowRejected. */
export function rowReading(
  mapping: ImportMapping,
  own: ImportValueMap,
): (cells: readonly string[], line: number) => ImportedRow {
  const columns = columnsOf(mapping);
  return (cells, line) => readRow(rowReader(columns, cells), line, own);
}

function readRow(read: RowReader, line: number, own: ImportValueMap): ImportedRow {
  const property = readProperty(read);
  const unit = readUnit(read, own);
  const contacts: ImportedContact[] = [];
  for (let person = 1; person <= MAX_IMPORT_PERSONS; person++) {
    const contact = readContact(read, own, person);
    if (contact !== null) contacts.push(contact);
  }
  if (contacts.length === 0) reject('MISSING_REFERENCE_ID', { field: 'contact.referenceId', person: 1 });
  const start = date(read, 'contract.start');
  if (!start) reject('MISSING_VALUE', { field: 'contract.start' });
  const end = date(read, 'contract.end') ?? null;
  if (end !== null && end < start) reject('END_BEFORE_START', { start, end });
  const type = valueOf(read, 'contract.type', own);
  if (type === '') reject('MISSING_VALUE', { field: 'contract.type' });
  const number = read('contract.number') || `${contacts[0]?.referenceId ?? ''}/${start}`;
  return {
    line,
    property,
    unit,
    contacts,
    contract: { type: (type ?? 'tenant') as ContractType, number, start, end },
  };
}

/**
 * What the first row naming a Referenz-ID said, to find later rows that say otherwise. The values
 * are texts, null or undefined (not in the file), compared as they are.
 */
export class FirstSaid {
  private readonly said = new Map<string, Map<string, { line: number; values: Record<string, unknown> }>>();

  private of(level: string) {
    let byReference = this.said.get(level);
    if (byReference === undefined) this.said.set(level, (byReference = new Map()));
    return byReference;
  }

  /** Rejects when an earlier row gave `key` another value for one of `values`' fields. */
  check(level: string, referenceId: string, line: number, values: Record<string, unknown>): void {
    const first = this.of(level).get(referenceId);
    if (first === undefined) return;
    for (const field in values) {
      const value = values[field];
      const firstValue = first.values[field];
      if (value === undefined || firstValue === undefined || firstValue === value) continue;
      reject('CONFLICTING_ROWS', { field: `${level}.${field}`, otherLine: first.line, referenceId });
    }
  }

  remember(level: string, referenceId: string, line: number, values: Record<string, unknown>): void {
    const byReference = this.of(level);
    const first = byReference.get(referenceId);
    if (first === undefined) byReference.set(referenceId, { line, values: { ...values } });
    else
      for (const field in values) if (first.values[field] === undefined) first.values[field] = values[field];
  }
}
