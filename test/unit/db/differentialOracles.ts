/** The differential test's database (a portfolio written into a fresh file) and its oracles, the pure policy; see differential.test.ts. */
import fs from 'node:fs';
import path from 'node:path';
import type { AccessSettings, Grant, IsoDate, RoleShareScope } from '../../../shared/domain';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import type { accessRepository } from '../../../src-main/core/db/accessRepository';
import { contactAccess } from '../../../src-main/core/policy';

import { ROLES, type Portfolio } from './differentialArbitraries';

// ---------------------------------------------------------------- database

let runNo = 0;

/** A fresh database file holding the portfolio; the caller closes it and removes the file. */
export function writePortfolio(dir: string, p: Portfolio): { db: Db; file: string } {
  const file = path.join(dir, `run-${++runNo}.db`);
  const db = openDatabase(file);
  const at = `${p.day}T09:00:00.000Z`;
  const insertProperty = db.prepare(
    'INSERT INTO properties (id, name, reference_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertUnit = db.prepare(
    "INSERT INTO units (id, property_id, name, number, usage, reference_id) VALUES (?, ?, ?, ?, 'private', ?)",
  );
  const insertContact = db.prepare(`
    INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, archived, sort_name, email)
    VALUES (?, 'mx', ?, 'de', 'online', ?, ?, ?, ?)`);
  const insertAccount = db.prepare('INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)');
  const insertContract = db.prepare(`
    INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const id of p.propertyIds) insertProperty.run(id, `Property ${id}`, `P-${id}`, at);
    for (const u of p.units) insertUnit.run(u.id, u.propertyId, `Unit ${u.id}`, `${u.id}`, `U-${u.id}`);
    for (const c of p.contacts) {
      insertContact.run(
        c.id,
        `Contact ${c.id}`,
        `K-${c.id}`,
        c.archived ? 1 : 0,
        sortName(c.id),
        email(c.id),
      );
      if (c.registered) insertAccount.run(c.id, at);
    }
    for (const k of p.contracts) {
      insertContract.run(k.id, k.contactId, k.unitId, k.propertyId, k.type, `V-${k.id}`, k.start, k.end);
    }
  })();
  return { db, file };
}

/** Few distinct names, so that the order by name needs its tie-break on the id. */
function sortName(contactId: number): string {
  return `contact ${contactId % 4}`;
}

export function email(contactId: number): string | null {
  return contactId % 3 === 0 ? null : `k${contactId}@example.org`;
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

// ---------------------------------------------------------------- oracles: the pure policy

export function pureCounts(p: Portfolio, settings: AccessSettings): Record<Grant, number> {
  const counts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
  for (const contact of p.contacts) {
    if (contact.archived) continue;
    counts[contactAccess(contact, p.contracts, settings, p.day).grant]++;
  }
  return counts;
}

export function scopesOf(p: Portfolio): RoleShareScope[] {
  const scopes: RoleShareScope[] = [];
  for (const propertyId of p.propertyIds) {
    const own = new Set(p.units.filter((u) => u.propertyId === propertyId).map((u) => u.id));
    const unitSets: (number[] | null)[] = [null, []];
    for (const subset of p.unitSubsets) {
      const inProperty = subset.filter((id) => own.has(id));
      if (inProperty.length > 0) unitSets.push(inProperty);
      if (inProperty.length !== subset.length) unitSets.push(subset);
    }
    for (const unitIds of unitSets) {
      for (const role of ROLES) scopes.push({ propertyId, unitIds, role });
    }
  }
  return scopes;
}

export const ascending = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

/** Contact ids in the share dialog's order: by sort_name, then id. */
export const byName = (ids: readonly number[]): number[] =>
  [...ids].sort((a, b) => (sortName(a) < sortName(b) ? -1 : sortName(a) > sortName(b) ? 1 : a - b));

/** Every page of a role share's recipients, `limit` at a time, as the share dialog asks for them. */
export function allPages(
  repo: ReturnType<typeof accessRepository>,
  scope: RoleShareScope,
  settings: AccessSettings,
  day: IsoDate,
  limit: number,
): { totals: number[]; ids: number[] } {
  const totals: number[] = [];
  const ids: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = repo.roleRecipientPage(scope, settings, day, { offset, limit });
    totals.push(page.total);
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < limit) return { totals, ids };
  }
}
