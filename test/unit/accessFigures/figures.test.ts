/**
 * The maintained access figures (db/accessFigures.ts) against the pure policy's recount from
 * scratch: random sequences of contract, contact, registration, archive and settings changes and
 * day advances, each written as the app writes (triggers mark, settle before the commit).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContactFacts, ContractFacts, Grant, IsoDate } from '../../../shared/domain';
import { addDays } from '../../../shared/dates';
import { accessFigures } from '../../../src-main/core/db/accessFigures';
import { toContractFacts, type ContractRow } from '../../../src-main/core/db/contractRepository';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { contactAccess, seatUsage } from '../../../src-main/core/policy';
import { accessSpans } from '../../../src-main/core/policy/accessSpans';
import { storedAccessSettings } from '../../../src-main/core/services/settingsService';
import { settingsRepository } from '../../../src-main/core/db/settingsRepository';
import { tempDir } from '../support';

const START: IsoDate = '2027-12-20';
const CONTACTS = 6;
const RUNS = Number(process.env.FIGURES_RUNS ?? 60);

type Op =
  | { op: 'contract'; contact: number; start: number; length: number | null }
  | { op: 'editContract'; pick: number; start: number; length: number | null }
  | { op: 'moveContract'; pick: number; contact: number }
  | { op: 'deleteContract'; pick: number }
  | { op: 'archive'; contact: number; archived: boolean }
  | { op: 'register'; contact: number; registered: boolean }
  | { op: 'newContact' }
  | { op: 'settings'; settings: AccessSettings }
  | { op: 'day'; days: number };

const windowArb = fc.record({ enabled: fc.boolean(), days: fc.integer({ min: 1, max: 40 }) });
const offset = fc.integer({ min: -60, max: 60 });
const length = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null });
const contact = fc.integer({ min: 1, max: CONTACTS });
const pick = fc.nat();
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('contract' as const), contact, start: offset, length }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ op: fc.constant('editContract' as const), pick, start: offset, length }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('moveContract' as const), pick, contact }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deleteContract' as const), pick }), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('archive' as const), contact, archived: fc.boolean() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ op: fc.constant('register' as const), contact, registered: fc.boolean() }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('newContact' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('settings' as const),
      settings: fc.record({ preContract: windowArb, postContract: windowArb, seatQuota: fc.constant(null) }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('day' as const), days: fc.integer({ min: 1, max: 30 }) }),
    weight: 2,
  },
);

function seed(db: Db): void {
  db.exec(`INSERT INTO properties (id, name, created_at) VALUES (1, 'P', '2027-01-01T00:00:00Z');
    INSERT INTO units (id, property_id, name, number, usage) VALUES (1, 1, 'U', '1', 'private')`);
  for (let i = 1; i <= CONTACTS; i++) addContact(db);
}

function addContact(db: Db): void {
  const n = (db.prepare('SELECT COUNT(*) AS n FROM contacts').get() as { n: number }).n + 1;
  db.prepare(
    `INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
     VALUES ('mr', ?, 'de', 'online', ?, ?)`,
  ).run(`C${n}`, `K-${n}`, `c${n}`);
}

function contractIds(db: Db): number[] {
  return (db.prepare('SELECT id FROM contracts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

function apply(db: Db, op: Op, day: IsoDate): void {
  const dates = (start: number, len: number | null) => [
    addDays(day, start),
    len === null ? null : addDays(day, start + len),
  ];
  const ids = contractIds(db);
  const picked = ids.length === 0 ? undefined : ids[('pick' in op ? op.pick : 0) % ids.length];
  switch (op.op) {
    case 'contract':
      db.prepare(
        `INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date, end_date)
         VALUES (?, 1, 1, 'tenant', 'V', ?, ?)`,
      ).run(op.contact, ...dates(op.start, op.length));
      return;
    case 'editContract':
      if (picked !== undefined)
        db.prepare('UPDATE contracts SET start_date = ?, end_date = ? WHERE id = ?').run(
          ...dates(op.start, op.length),
          picked,
        );
      return;
    case 'moveContract':
      if (picked !== undefined)
        db.prepare('UPDATE contracts SET contact_id = ? WHERE id = ?').run(op.contact, picked);
      return;
    case 'deleteContract':
      if (picked !== undefined) db.prepare('DELETE FROM contracts WHERE id = ?').run(picked);
      return;
    case 'archive':
      db.prepare('UPDATE contacts SET archived = ? WHERE id = ?').run(op.archived ? 1 : 0, op.contact);
      return;
    case 'register':
      if (op.registered)
        db.prepare('INSERT OR IGNORE INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)').run(
          op.contact,
          '2027-01-01T00:00:00Z',
        );
      else db.prepare('DELETE FROM portal_accounts WHERE contact_id = ?').run(op.contact);
      return;
    case 'newContact':
      addContact(db);
      return;
    case 'settings':
      settingsRepository(db).set('access', op.settings);
      return;
    case 'day':
      return;
  }
}

/** The population as the policy sees it, straight from the tables. */
function facts(db: Db): { contacts: ContactFacts[]; contracts: ContractFacts[] } {
  const contacts = (
    db
      .prepare(
        `SELECT id, archived, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
         FROM contacts c ORDER BY id`,
      )
      .all() as { id: number; archived: number; registered: number }[]
  ).map((r) => ({ id: r.id, archived: r.archived === 1, registered: r.registered === 1 }));
  const contracts = db.prepare<[], ContractRow>('SELECT * FROM contracts').all().map(toContractFacts);
  return { contacts, contracts };
}

/** Every maintained figure against a recount: spans per contact; counts and seats on several days. */
function expectFiguresEqualRecount(db: Db, today: IsoDate): void {
  const settings = storedAccessSettings(settingsRepository(db));
  const figures = accessFigures(db);
  const { contacts, contracts } = facts(db);
  const sortSpans = <T extends { kind: string; from: string }>(spans: T[]) =>
    [...spans].sort((a, b) => (a.kind + a.from < b.kind + b.from ? -1 : 1));
  for (const c of contacts) {
    const own = contracts.filter((k) => k.contactId === c.id);
    expect(sortSpans(figures.spansOf(c.id))).toEqual(sortSpans(accessSpans(c, own, settings)));
  }
  for (const d of [-90, -1, 0, 1, 7, 45, 120].map((n) => addDays(today, n))) {
    const counts = figures.countsOn(d);
    const recount: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
    for (const c of contacts.filter((x) => !x.archived))
      recount[contactAccess(c, contracts, settings, d).grant]++;
    expect({ ...counts, day: d }).toEqual({
      all: contacts.filter((x) => !x.archived).length,
      active: recount.active,
      pre: recount.pre,
      post: recount.post,
      seat: seatUsage(contacts, contracts, settings, d).used,
      day: d,
    });
  }
  const series = figures.seriesOf('seat', today, 60);
  expect(series.length).toBe(60);
  expect(series[59]).toBe(seatUsage(contacts, contracts, settings, addDays(today, 59)).used);
  expect(db.prepare('SELECT COUNT(*) AS n FROM access_dirty').get()).toEqual({ n: 0 });
}

describe('maintained access figures', () => {
  it('equal the pure policy recount after every step of random changes and day advances', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const db = openDatabase(path.join(tempDir('paa-figures-'), 'figures.db'));
        try {
          const figures = accessFigures(db);
          let today = START;
          const settle = () => figures.settle(storedAccessSettings(settingsRepository(db)), today);
          db.transaction(() => {
            seed(db);
            settle();
          })();
          for (const op of ops) {
            if (op.op === 'day') today = addDays(today, op.days);
            db.transaction(() => {
              apply(db, op, today);
              settle();
            })();
            expectFiguresEqualRecount(db, today);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
