/**
 * Differential test: the indexed SQL of accessRepository against the pure policy engine.
 *
 * fast-check builds random portfolios (properties, units, contacts incl. archived and registered ones,
 * tenant and owner contracts around the day: open-ended, end = start, ending yesterday, starting
 * tomorrow, exactly on and one day beside every window boundary, several per contact across units and
 * properties, contacts moving out of one unit and into another) and random settings; each run writes
 * them into a fresh database file and checks that every SQL answer equals the policy applied to all
 * rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractType,
  Grant,
  IsoDate,
  RoleShareScope,
  ShareRole,
  WindowSetting,
} from '../../../shared/domain';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { accessRepository } from '../../../src-main/core/db/accessRepository';
import {
  addDays,
  contactAccess,
  resolveRoleShare,
  seatUsage,
  settingsImpact,
} from '../../../src-main/core/policy';

/** DIFFERENTIAL_RUNS=20000 npx vitest run test/unit/db/differential.test.ts searches deeper. */
const NUM_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 150);
/** Days 0…500 from here cross the year ends 2027/28 and 2028/29 and the leap day 2028-02-29. */
const BASE: IsoDate = '2027-10-15';
const ROLES: readonly ShareRole[] = ['all', 'tenant', 'owner'];

// ---------------------------------------------------------------- portfolio model

interface Unit {
  id: number;
  propertyId: number;
}

interface Portfolio {
  day: IsoDate;
  before: AccessSettings;
  after: AccessSettings;
  propertyIds: number[];
  units: Unit[];
  contacts: ContactFacts[];
  contracts: ContractFacts[];
  /** Unit subsets for role-share scopes (may mix properties: foreign units must not count). */
  unitSubsets: number[][];
}

// ---------------------------------------------------------------- generators

/** 1–365, mostly small (windows of a few days make boundaries likely), sometimes the extremes. */
const daysArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 7 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 365 }), weight: 2 },
  { arbitrary: fc.constantFrom(1, 365), weight: 1 },
);

/** Mostly true: windows that are on are where SQL and policy can disagree. */
const mostlyTrue: fc.Arbitrary<boolean> = fc.oneof(
  { arbitrary: fc.constant(true), weight: 2 },
  { arbitrary: fc.constant(false), weight: 1 },
);

const windowArb: fc.Arbitrary<WindowSetting> = fc.record({ enabled: mostlyTrue, days: daysArb });

const settingsArb: fc.Arbitrary<AccessSettings> = fc.record({
  preContract: windowArb,
  postContract: windowArb,
  seatQuota: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
});

/** After-settings: unrelated, or the before-settings with one thing changed (what the page does). */
function afterArb(before: AccessSettings): fc.Arbitrary<AccessSettings> {
  return fc.oneof(
    settingsArb,
    windowArb.map((postContract) => ({ ...before, postContract })),
    windowArb.map((preContract) => ({ ...before, preContract })),
    fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }).map((seatQuota) => ({ ...before, seatQuota })),
  );
}

/**
 * Offsets from the day for contract starts and ends: close to the day (yesterday, today, tomorrow),
 * exactly on and one day beside each window boundary (±days, ±days ± 1) of both settings, or far.
 */
function offsetArb(before: AccessSettings, after: AccessSettings): fc.Arbitrary<number> {
  const windowDays = [before.preContract, before.postContract, after.preContract, after.postContract].map(
    (w) => w.days,
  );
  const boundaries = [...new Set(windowDays.flatMap((d) => [-d - 1, -d, -d + 1, d - 1, d, d + 1]))];
  return fc.oneof(
    { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 3 },
    { arbitrary: fc.constantFrom(...boundaries), weight: 4 },
    { arbitrary: fc.integer({ min: -400, max: 400 }), weight: 2 },
  );
}

/** A contact moving out of one unit (ended `endedAgo` days ago) and into another (starts in `startsIn` days). */
interface MoveSpec {
  contact: number;
  from: number;
  to: number;
  type: ContractType;
  endedAgo: number;
  startsIn: number;
  /** Days the old contract ran before it ended. */
  stayed: number;
}

type EndSpec = { kind: 'open' } | { kind: 'same' } | { kind: 'offset'; offset: number };

const portfolioArb: fc.Arbitrary<Portfolio> = fc
  .record({
    dayOffset: fc.integer({ min: 0, max: 500 }),
    before: settingsArb,
    unitsPerProperty: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    contactCount: fc.integer({ min: 1, max: 10 }),
  })
  .chain(({ dayOffset, before, unitsPerProperty, contactCount }) => {
    let unitId = 0;
    const units: Unit[] = unitsPerProperty.flatMap((count, p) =>
      Array.from({ length: count }, () => ({ id: ++unitId, propertyId: p + 1 })),
    );
    return afterArb(before).chain((after) => {
      const offset = offsetArb(before, after);
      const endArb: fc.Arbitrary<EndSpec> = fc.oneof(
        { arbitrary: fc.constant({ kind: 'open' as const }), weight: 2 },
        { arbitrary: fc.constant({ kind: 'same' as const }), weight: 1 },
        { arbitrary: offset.map((o) => ({ kind: 'offset' as const, offset: o })), weight: 5 },
      );
      const daysAway = offset.map((o) => Math.max(1, Math.abs(o)));
      const unitArb = fc.integer({ min: 0, max: units.length - 1 });
      const typeArb = fc.constantFrom<ContractType>('tenant', 'owner');
      return fc.record({
        day: fc.constant(addDays(BASE, dayOffset)),
        before: fc.constant(before),
        after: fc.constant(after),
        units: fc.constant(units),
        // Sparse ids: the SQL must report contact ids, not positions.
        contactIds: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), {
          minLength: contactCount,
          maxLength: contactCount,
        }),
        flags: fc.array(
          fc.record({
            archived: fc.oneof(
              { arbitrary: fc.constant(false), weight: 4 },
              { arbitrary: fc.constant(true), weight: 1 },
            ),
            registered: mostlyTrue,
          }),
          { minLength: contactCount, maxLength: contactCount },
        ),
        specs: fc.array(
          fc.record({
            contact: fc.integer({ min: 0, max: contactCount - 1 }),
            unit: unitArb,
            type: typeArb,
            start: offset,
            end: endArb,
          }),
          { maxLength: 3 * contactCount },
        ),
        moves: fc.array(
          fc.record<MoveSpec>({
            contact: fc.integer({ min: 0, max: contactCount - 1 }),
            from: unitArb,
            to: unitArb,
            type: typeArb,
            endedAgo: daysAway,
            startsIn: daysAway,
            stayed: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 2 },
        ),
        unitSubsets: fc.array(
          fc.subarray(
            units.map((u) => u.id),
            { minLength: 1 },
          ),
          { minLength: 1, maxLength: 3 },
        ),
      });
    });
  })
  .map(({ day, before, after, units, contactIds, flags, specs, moves, unitSubsets }) => {
    const contacts: ContactFacts[] = contactIds.map((id, i) => ({
      id,
      archived: flags[i]?.archived ?? false,
      registered: flags[i]?.registered ?? false,
    }));
    const contracts: ContractFacts[] = [];
    const addContract = (
      contact: number,
      unitIndex: number,
      type: ContractType,
      start: number,
      end: number | null,
    ) => {
      const unit = units[unitIndex]!;
      contracts.push({
        id: contracts.length + 1,
        contactId: contactIds[contact]!,
        unitId: unit.id,
        propertyId: unit.propertyId,
        type,
        start: addDays(day, start),
        end: end === null ? null : addDays(day, end),
      });
    };
    for (const s of specs) {
      // An end offset before the start offset swaps them: both stay on interesting days.
      const endOffset = s.end.kind === 'offset' ? s.end.offset : s.start;
      addContract(
        s.contact,
        s.unit,
        s.type,
        Math.min(s.start, endOffset),
        s.end.kind === 'open' ? null : Math.max(s.start, endOffset),
      );
    }
    for (const m of moves) {
      addContract(m.contact, m.from, m.type, -m.endedAgo - m.stayed, -m.endedAgo);
      addContract(m.contact, m.to, m.type, m.startsIn, null);
    }
    const propertyIds = [...new Set(units.map((u) => u.propertyId))];
    return { day, before, after, propertyIds, units, contacts, contracts, unitSubsets };
  });

// ---------------------------------------------------------------- database

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-differential-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let runNo = 0;

/** A fresh database file holding the portfolio; the caller closes it and removes the file. */
function writePortfolio(p: Portfolio): { db: Db; file: string } {
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

function email(contactId: number): string | null {
  return contactId % 3 === 0 ? null : `k${contactId}@example.org`;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

// ---------------------------------------------------------------- oracles: the pure policy

function pureCounts(p: Portfolio, settings: AccessSettings): Record<Grant, number> {
  const counts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
  for (const contact of p.contacts) {
    if (contact.archived) continue;
    counts[contactAccess(contact, p.contracts, settings, p.day).grant]++;
  }
  return counts;
}

function scopesOf(p: Portfolio): RoleShareScope[] {
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

const ascending = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

/** Contact ids in the share dialog's order: by sort_name, then id. */
const byName = (ids: readonly number[]): number[] =>
  [...ids].sort((a, b) => (sortName(a) < sortName(b) ? -1 : sortName(a) > sortName(b) ? 1 : a - b));

/** Every page of a role share's recipients, `limit` at a time, as the share dialog asks for them. */
function allPages(
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

// ---------------------------------------------------------------- the test

describe('accessRepository SQL equals the pure policy (differential, fast-check)', () => {
  it(
    'on random portfolios, settings and days',
    () => {
      fc.assert(
        fc.property(portfolioArb, (p) => {
          const { db, file } = writePortfolio(p);
          try {
            const repo = accessRepository(db);
            const { day, contacts, contracts } = p;

            for (const [label, settings] of [
              ['before', p.before],
              ['after', p.after],
            ] as const) {
              expect(repo.seatsUsed(settings, day), `seatsUsed (${label})`).toBe(
                seatUsage(contacts, contracts, settings, day).used,
              );
              expect(repo.contactsByAccess(settings, day), `contactsByAccess (${label})`).toEqual(
                pureCounts(p, settings),
              );
            }

            for (const [from, to, label] of [
              [p.before, p.after, 'before → after'],
              [p.after, p.before, 'after → before'],
            ] as const) {
              const sql = repo.settingsImpact(from, to, day);
              const pure = settingsImpact(contacts, contracts, from, to, day);
              expect(
                { ...sql, gained: ascending(sql.gained), lost: ascending(sql.lost) },
                `settingsImpact (${label})`,
              ).toEqual({ ...pure, gained: ascending(pure.gained), lost: ascending(pure.lost) });
            }

            for (const scope of scopesOf(p)) {
              for (const settings of [p.before, p.after]) {
                const label = `${JSON.stringify(scope)} ${JSON.stringify(settings)}`;
                const expected = resolveRoleShare(scope, contacts, contracts, settings, day);
                expect(repo.resolveRoleShare(scope, settings, day), `resolveRoleShare ${label}`).toEqual(
                  expected,
                );
                // The share dialog: everyone by name with their e-mail, the count and the pages
                // together are exactly the recipients; the skipped contacts alone as resolved.
                const reached = repo.roleRecipientsByName(scope, settings, day);
                expect(reached, `roleRecipientsByName ${label}`).toEqual(
                  byName(expected.recipients).map((id) => ({ id, email: email(id) })),
                );
                for (const limit of [1, 2, 50]) {
                  const pages = allPages(repo, scope, settings, day, limit);
                  expect(pages.ids, `roleRecipientPage by ${limit} ${label}`).toEqual(
                    reached.map((row) => row.id),
                  );
                  expect(new Set(pages.totals), `roleRecipientPage total ${label}`).toEqual(
                    new Set([expected.recipients.length]),
                  );
                }
                expect(repo.roleShareSkipped(scope, settings, day), `roleShareSkipped ${label}`).toEqual(
                  expected.skipped,
                );
              }
            }

            for (const contact of contacts) {
              const own = contracts
                .filter((k) => k.contactId === contact.id)
                .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
              expect(repo.contractsOf(contact.id), `contractsOf ${contact.id}`).toEqual(own);
            }
          } finally {
            db.close();
            removeDatabase(file);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    Math.max(30_000, NUM_RUNS * 50),
  );
});
