/**
 * What a plan changes, record by record: the values each planned record has after the import, its
 * fields old → new, and whether it is created, changed or left as it is. The commit writes exactly
 * these values (import/apply.ts), so the preview and the commit cannot disagree.
 */
import type {
  ImportField,
  ImportFieldChange,
  ImportLevel,
  ImportLevelCounts,
  ImportRecordChange,
} from '../../../shared/contract/imports';
import type { Address, ContactFields } from '../../../shared/ipc';
import type { UnitValues } from '../db/unitRepository';
import { contactFieldsOfRow, displayName } from '../services/portfolioViews';
import type { ImportedContactFields } from './records';
import type { ImportPlan, PlannedContact, PlannedContract, PlannedProperty, PlannedUnit } from './plan';

export type Kind = 'created' | 'changed' | 'unchanged';

type Text = string | null;

function diff(level: ImportLevel, before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const fields: ImportFieldChange[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = before === null ? null : before[key];
    if (before !== null && old === value) continue;
    if (before === null && (value === null || value === undefined)) continue;
    fields.push({
      field: `${level}.${key}` as ImportField,
      before: old === null || old === undefined ? null : String(old),
      after: value === null || value === undefined ? null : String(value),
    });
  }
  return fields;
}

/**
 * One planned record: created, changed or unchanged, with its values before and after. Its fields
 * old → new (`recordChange`) are listed only when asked for — the preview's first page, a changed
 * record's audit row — not kept for 150,000 records.
 */
export interface Changed<T> {
  level: ImportLevel;
  key: string;
  label: string;
  kind: Kind;
  before: T | null;
  after: T;
}

function differs(before: object, after: object): boolean {
  const old = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) if (old[key] !== value) return true;
  return false;
}

function changed<T extends object>(
  level: ImportLevel,
  key: string,
  label: string,
  before: T | null,
  after: T,
): Changed<T> {
  const kind: Kind = before === null ? 'created' : differs(before, after) ? 'changed' : 'unchanged';
  return { level, key, label, kind, before, after };
}

/** A created or changed record with its fields old → new; null when unchanged. */
export function recordChange(c: Changed<object>): ImportRecordChange | null {
  if (c.kind === 'unchanged') return null;
  const fields = diff(
    c.level,
    c.before as Record<string, unknown> | null,
    c.after as Record<string, unknown>,
  );
  return { level: c.level, key: c.key, label: c.label, kind: c.kind, fields };
}

export interface PropertyValues {
  name: string;
  street: Text;
  houseNo: Text;
  postcode: Text;
  city: Text;
}

export function propertyChange(p: PlannedProperty): Changed<PropertyValues> {
  const before: PropertyValues | null = p.row && {
    name: p.row.name,
    street: p.row.street,
    houseNo: p.row.house_no,
    postcode: p.row.postcode,
    city: p.row.city,
  };
  const address: Partial<Address> = p.address ?? {};
  const after: PropertyValues = {
    name: p.name ?? before?.name ?? p.referenceId,
    street: address.street ?? before?.street ?? null,
    houseNo: address.houseNo ?? before?.houseNo ?? null,
    postcode: address.postcode ?? before?.postcode ?? null,
    city: address.city ?? before?.city ?? null,
  };
  return changed('property', p.referenceId, after.name, before, after);
}

export type UnitAfter = Pick<UnitValues, 'name' | 'number' | 'usage'>;

export function unitChange(u: PlannedUnit): Changed<UnitAfter> {
  const before: UnitAfter | null = u.row && { number: u.row.number, name: u.row.name, usage: u.row.usage };
  const number = u.number ?? before?.number ?? u.referenceId;
  const after: UnitAfter = {
    number,
    name: u.name ?? before?.name ?? number,
    usage: u.usage ?? before?.usage ?? 'private',
  };
  return changed('unit', u.referenceId, `${after.number} · ${after.name}`, before, after);
}

/** A new contact's values where the file gives none: the app's defaults. */
function newContact(c: PlannedContact): ImportedContactFields {
  const f = c.fields;
  const isCompany = !f.lastName && !!f.company;
  return {
    salutation: f.salutation ?? (isCompany ? 'company' : 'mx'),
    title: f.title ?? null,
    firstName: f.firstName ?? null,
    lastName: f.lastName ?? f.company ?? c.referenceId,
    company: f.company ?? null,
    email: f.email ?? null,
    phone: f.phone ?? null,
    language: f.language ?? 'de',
    preference: f.preference ?? (f.email ? 'online' : 'postal'),
    referenceId: c.referenceId,
    street: f.street ?? null,
    houseNo: f.houseNo ?? null,
    postcode: f.postcode ?? null,
    city: f.city ?? null,
  };
}

export function contactChange(c: PlannedContact): Changed<ImportedContactFields> {
  let before: ImportedContactFields | null = null;
  if (c.row !== null) {
    const fields: Partial<ContactFields> = contactFieldsOfRow(c.row);
    delete fields.note;
    before = fields as ImportedContactFields;
  }
  const after: ImportedContactFields = before === null ? newContact(c) : { ...before, ...c.fields };
  return changed('contact', c.referenceId, displayName(after), before, after);
}

export interface ContractAfter {
  type: PlannedContract['type'];
  number: string;
  start: string;
  end: Text;
}

export function contractChange(k: PlannedContract): Changed<ContractAfter> {
  const before: ContractAfter | null = k.row && {
    type: k.row.type,
    number: k.row.number,
    start: k.row.start_date,
    end: k.row.end_date,
  };
  const after: ContractAfter = { type: k.type, number: k.number, start: k.start, end: k.end };
  return changed('contract', k.number, `${k.number} · ${k.unitRef} · ${k.contactRef}`, before, after);
}

export interface PlanChanges {
  properties: Map<string, Changed<PropertyValues>>;
  units: Map<string, Changed<UnitAfter>>;
  contacts: Map<string, Changed<ImportedContactFields>>;
  contracts: Map<string, Changed<ContractAfter>>;
}

function mapValues<T, U>(map: Map<string, T>, f: (value: T) => U): Map<string, U> {
  const result = new Map<string, U>();
  for (const [key, value] of map) result.set(key, f(value));
  return result;
}

export function planChanges(plan: ImportPlan): PlanChanges {
  return {
    properties: mapValues(plan.properties, propertyChange),
    units: mapValues(plan.units, unitChange),
    contacts: mapValues(plan.contacts, contactChange),
    contracts: mapValues(plan.contracts, contractChange),
  };
}

function countOf(map: Map<string, Changed<object>>): ImportLevelCounts {
  const counts: ImportLevelCounts = { created: 0, changed: 0, unchanged: 0 };
  for (const { kind } of map.values()) counts[kind]++;
  return counts;
}

export function levelCounts(changes: PlanChanges): Record<ImportLevel, ImportLevelCounts> {
  return {
    property: countOf(changes.properties),
    unit: countOf(changes.units),
    contact: countOf(changes.contacts),
    contract: countOf(changes.contracts),
  };
}

/** The created and changed records, level by level: how many, and the first `limit` with their fields. */
export function recordChanges(
  changes: PlanChanges,
  limit: number,
): { total: number; items: ImportRecordChange[] } {
  let total = 0;
  const items: ImportRecordChange[] = [];
  for (const map of [changes.properties, changes.units, changes.contacts, changes.contracts]) {
    for (const c of map.values()) {
      if (c.kind === 'unchanged') continue;
      total++;
      const change = items.length < limit ? recordChange(c) : null;
      if (change !== null) items.push(change);
    }
  }
  return { total, items };
}
