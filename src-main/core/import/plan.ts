/**
 * The matching of an import: every row's records found by Referenz-ID in the store (a contract by
 * its number within its unit, for its contact), or planned as new; rows that cannot be imported
 * rejected with a coded reason. Nothing is written here: the plan is what the dry run shows and
 * what the commit writes (import/apply.ts), computed the same way both times.
 */
import type { ImportRejection, ImportRunValue } from '../../../shared/contract/imports';
import type { IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { ContractRow } from '../db/contractRepository';
import type {
  ImportContactRow,
  ImportPropertyRow,
  ImportRepository,
  ImportUnitRow,
} from '../db/importRepository';
import type { UnitRow } from '../db/unitRepository';
import { IMPORT_SLICE, type ImportStep } from './importRun';
import type { ImportTable } from './readTable';
import {
  FirstSaid,
  rowReading,
  reject,
  RowRejected,
  type ImportedContact,
  type ImportedContactFields,
  type ImportedContract,
  type ImportedProperty,
  type ImportedRow,
  type ImportedUnit,
} from './records';

export interface PlannedProperty {
  referenceId: string;
  row: ImportPropertyRow | null;
  name: string | undefined;
  address: ImportedProperty['address'];
}

export interface PlannedUnit {
  referenceId: string;
  row: ImportUnitRow | null;
  propertyRef: string;
  number: string | undefined;
  name: string | undefined;
  usage: ImportedUnit['usage'];
}

export interface PlannedContact {
  referenceId: string;
  row: ImportContactRow | null;
  fields: Partial<ImportedContactFields>;
}

export interface PlannedContract extends ImportedContract {
  row: ContractRow | null;
  unitRef: string;
  contactRef: string;
}

export interface ImportPlan {
  rows: number;
  /** Rejected rows by their index in the table. */
  rejected: Map<number, ImportRejection>;
  properties: Map<string, PlannedProperty>;
  units: Map<string, PlannedUnit>;
  contacts: Map<string, PlannedContact>;
  contracts: Map<string, PlannedContract>;
  /** Contracts of the file's properties in the store that the file does not name and that run on. */
  missing: ContractRow[];
  /** The missing contracts the manager chose to end, with their new end. */
  ending: { row: ContractRow; end: IsoDate }[];
  /** Archived contacts the file names. */
  archivedContacts: number;
}

function overlaps(
  a: { start: IsoDate; end: IsoDate | null },
  b: { start: IsoDate; end: IsoDate | null },
): boolean {
  return (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);
}

function indexBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** What the store holds of the records a file names. */
async function loadStore(repo: ImportRepository, rows: readonly ImportedRow[]) {
  const refs = (pick: (row: ImportedRow) => string[]) => [...new Set(rows.flatMap(pick))];
  const properties = indexBy(
    repo.propertiesByReference(refs((r) => [r.property.referenceId])),
    (p) => p.reference_id,
  );
  const units = indexBy(repo.unitsByReference(refs((r) => [r.unit.referenceId])), (u) => u.reference_id);
  const contacts = indexBy(
    repo.contactsByReference(refs((r) => r.contacts.map((c) => c.referenceId))),
    (c) => c.reference_id,
  );
  const propertyIds = [...properties.values()].map((p) => p.id);
  const contracts = repo.contractsOfProperties(propertyIds);
  const contractsByPair = new Map<string, ContractRow[]>();
  for (const k of contracts) {
    const pair = `${k.unit_id}#${k.contact_id}`;
    contractsByPair.set(pair, [...(contractsByPair.get(pair) ?? []), k]);
  }
  const numbersTaken = new Map<string, UnitRow>();
  for (const unit of repo.unitsOfProperties(propertyIds))
    numbersTaken.set(`${unit.property_id}#${unit.number}`, unit);
  return { properties, units, contacts, contracts, contractsByPair, numbersTaken };
}

type Store = Awaited<ReturnType<typeof loadStore>>;

export function contractKey(unitRef: string, contactRef: string, number: string): string {
  return JSON.stringify([unitRef, contactRef, number]);
}

class Planner {
  readonly said = new FirstSaid();
  readonly properties = new Map<string, PlannedProperty>();
  readonly units = new Map<string, PlannedUnit>();
  readonly contacts = new Map<string, PlannedContact>();
  readonly contracts = new Map<string, PlannedContract>();
  readonly unitNumbers = new Map<string, string>();
  readonly archived = new Set<string>();
  /** Planned contracts per [unit reference, contact reference]. */
  readonly byPair = new Map<string, PlannedContract[]>();

  constructor(
    readonly store: Store,
    readonly updateOnly: boolean,
  ) {}

  private checkProperty(p: ImportedProperty, line: number): void {
    if (!this.store.properties.has(p.referenceId) && this.updateOnly) {
      reject('NOT_IN_APP', { level: 'property', referenceId: p.referenceId });
    }
    this.said.check('property', p.referenceId, line, { name: p.name, ...p.address });
  }

  private checkUnit(u: ImportedUnit, propertyRef: string, line: number): void {
    const stored = this.store.units.get(u.referenceId);
    const inFile = this.units.get(u.referenceId)?.propertyRef;
    if (
      (stored !== undefined && stored.property_reference_id !== propertyRef) ||
      (inFile ?? propertyRef) !== propertyRef
    ) {
      reject('UNIT_IN_OTHER_PROPERTY', { referenceId: u.referenceId });
    }
    if (stored === undefined && this.updateOnly)
      reject('NOT_IN_APP', { level: 'unit', referenceId: u.referenceId });
    this.said.check('unit', u.referenceId, line, { number: u.number, name: u.name, usage: u.usage });
    const number = u.number ?? stored?.number ?? u.referenceId;
    const property = this.store.properties.get(propertyRef);
    const holder = property && this.store.numbersTaken.get(`${property.id}#${number}`);
    const fileHolder = this.unitNumbers.get(`${propertyRef}#${number}`);
    if ((holder && holder.id !== stored?.id) || (fileHolder !== undefined && fileHolder !== u.referenceId)) {
      reject('UNIT_NUMBER_TAKEN', { number, referenceId: u.referenceId });
    }
  }

  private checkContact(c: ImportedContact, line: number): void {
    const stored = this.store.contacts.get(c.referenceId);
    if (stored?.anonymised_at) reject('CONTACT_ANONYMISED', { referenceId: c.referenceId });
    if (stored?.archived === 1) {
      this.archived.add(c.referenceId);
      reject('CONTACT_ARCHIVED', { referenceId: c.referenceId });
    }
    if (stored === undefined) {
      if (this.updateOnly) reject('NOT_IN_APP', { level: 'contact', referenceId: c.referenceId });
      const planned = this.contacts.get(c.referenceId)?.fields;
      if (!(c.fields.lastName ?? c.fields.company ?? planned?.lastName ?? planned?.company)) {
        reject('MISSING_VALUE', { field: 'contact.lastName' });
      }
    }
    this.said.check('contact', c.referenceId, line, c.fields);
  }

  /** The store's contracts of one contact in one unit. */
  private storedContracts(unitRef: string, contactRef: string): ContractRow[] {
    const unit = this.store.units.get(unitRef);
    const contact = this.store.contacts.get(contactRef);
    if (unit === undefined || contact === undefined) return [];
    return this.store.contractsByPair.get(`${unit.id}#${contact.id}`) ?? [];
  }

  private checkContract(row: ImportedRow, contactRef: string): PlannedContract {
    const { contract, unit } = row;
    const key = contractKey(unit.referenceId, contactRef, contract.number);
    const stored = this.storedContracts(unit.referenceId, contactRef);
    const match = stored.find((k) => k.number === contract.number) ?? null;
    if (match === null && this.updateOnly)
      reject('NOT_IN_APP', { level: 'contract', referenceId: contract.number });
    this.said.check('contract', key, row.line, {
      type: contract.type,
      start: contract.start,
      end: contract.end,
    });
    const pair = JSON.stringify([unit.referenceId, contactRef]);
    const planned = (this.byPair.get(pair) ?? []).filter((c) => c.number !== contract.number);
    const others = [
      ...planned,
      ...stored
        .filter((k) => k.id !== match?.id && !planned.some((c) => c.row?.id === k.id))
        .map((k) => ({ start: k.start_date, end: k.end_date })),
    ];
    if (others.some((other) => overlaps(contract, other))) {
      reject('OVERLAPPING_CONTRACT', { number: contract.number });
    }
    return { ...contract, row: match, unitRef: unit.referenceId, contactRef };
  }

  /** Checks one row against the store and the rows before it; plans it when it passes. */
  add(row: ImportedRow): void {
    this.checkProperty(row.property, row.line);
    this.checkUnit(row.unit, row.property.referenceId, row.line);
    for (const contact of row.contacts) this.checkContact(contact, row.line);
    const contracts = row.contacts.map((contact) => this.checkContract(row, contact.referenceId));
    this.plan(row, contracts);
  }

  private plan(row: ImportedRow, contracts: PlannedContract[]): void {
    const { property, unit, line } = row;
    this.said.remember('property', property.referenceId, line, { name: property.name, ...property.address });
    const p = this.properties.get(property.referenceId);
    if (p === undefined) {
      this.properties.set(property.referenceId, {
        ...property,
        row: this.store.properties.get(property.referenceId) ?? null,
      });
    } else {
      p.name ??= property.name;
      p.address ??= property.address;
    }
    this.said.remember('unit', unit.referenceId, line, {
      number: unit.number,
      name: unit.name,
      usage: unit.usage,
    });
    const u = this.units.get(unit.referenceId);
    if (u === undefined) {
      const stored = this.store.units.get(unit.referenceId) ?? null;
      this.units.set(unit.referenceId, { ...unit, row: stored, propertyRef: property.referenceId });
      this.unitNumbers.set(
        `${property.referenceId}#${unit.number ?? stored?.number ?? unit.referenceId}`,
        unit.referenceId,
      );
    } else {
      u.number ??= unit.number;
      u.name ??= unit.name;
      u.usage ??= unit.usage;
    }
    for (const contact of row.contacts) {
      this.said.remember('contact', contact.referenceId, line, contact.fields);
      const c = this.contacts.get(contact.referenceId);
      if (c === undefined) {
        this.contacts.set(contact.referenceId, {
          ...contact,
          fields: { ...contact.fields },
          row: this.store.contacts.get(contact.referenceId) ?? null,
        });
      } else {
        c.fields = { ...contact.fields, ...c.fields };
      }
    }
    for (const contract of contracts) {
      const key = contractKey(contract.unitRef, contract.contactRef, contract.number);
      this.said.remember('contract', key, line, {
        type: contract.type,
        start: contract.start,
        end: contract.end,
      });
      if (this.contracts.has(key)) continue;
      this.contracts.set(key, contract);
      const pair = JSON.stringify([contract.unitRef, contract.contactRef]);
      this.byPair.set(pair, [...(this.byPair.get(pair) ?? []), contract]);
    }
  }
}

/**
 * The plan of importing `table` with `run` into the store `repo` reads; `today` decides "runs on".
 * Every slice of rows ends with `step` (progress, a turn of the event loop, cancel: importRun.ts):
 * the rows are read, then matched, so `done` runs to twice the rows.
 */
export async function planImport(
  table: Pick<ImportTable, 'rows' | 'lines'>,
  run: Pick<ImportRunValue, 'mapping' | 'values' | 'updateOnly' | 'endMissing'>,
  repo: ImportRepository,
  today: IsoDate,
  step: ImportStep,
): Promise<ImportPlan> {
  const rejected = new Map<number, ImportRejection>();
  const read: { index: number; row: ImportedRow }[] = [];
  const total = table.rows.length * 2;
  const readRow = rowReading(run.mapping, run.values);
  for (const [index, cells] of table.rows.entries()) {
    if (index % IMPORT_SLICE === 0) await step('checking', index, total);
    const line = table.lines[index] ?? index + 2;
    try {
      read.push({ index, row: readRow(cells, line) });
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.set(index, { line, ...error.rejection });
    }
  }
  const store = await loadStore(
    repo,
    read.map((r) => r.row),
  );
  const planner = new Planner(store, run.updateOnly);
  for (const [at, { index, row }] of read.entries()) {
    if (at % IMPORT_SLICE === 0) await step('checking', table.rows.length + at, total, at);
    try {
      planner.add(row);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.set(index, { line: row.line, ...error.rejection });
    }
  }
  await step('checking', total, total, table.rows.length);
  const named = new Set(
    [...planner.contracts.values()].map((c) => c.row?.id).filter((id) => id !== undefined),
  );
  const missing = planner.store.contracts.filter(
    (k) => !named.has(k.id) && (k.end_date === null || k.end_date >= today),
  );
  return {
    rows: table.rows.length,
    rejected,
    properties: planner.properties,
    units: planner.units,
    contacts: planner.contacts,
    contracts: planner.contracts,
    missing,
    ending: endingOf(missing, run.endMissing),
    archivedContacts: planner.archived.size,
  };
}

export function endingOf(
  missing: readonly ContractRow[],
  choice: ImportRunValue['endMissing'],
): ImportPlan['ending'] {
  if (choice === null) return [];
  const byId = indexBy(missing, (k) => k.id);
  return choice.contractIds.map((id) => {
    const row = byId.get(id);
    if (row === undefined) throw new DomainError('IMPORT_UNKNOWN_CONTRACT', { contractId: id });
    return { row, end: choice.end < row.start_date ? row.start_date : choice.end };
  });
}
