/**
 * Differential test: the candidate SQL of dataProtectionRepository (one bound on contract ends)
 * against the pure rule policy/retention.ts `deletionVerdict`, on random portfolios whose contract
 * ends lie on and beside the bound: open-ended, ending today or later, starting in the future,
 * several per contact, anonymised contacts, every retention period and post-contract window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContractFacts } from '../../../shared/domain';
import { openDatabase } from '../../../src-main/core/db/connection';
import { dataProtectionRepository } from '../../../src-main/core/db/dataProtectionRepository';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import { addDays } from '../../../src-main/core/policy';
import { candidateEndLimit, deletionVerdict } from '../../../src-main/core/policy/retention';

interface ContractSpec {
  /** Days from the SQL bound to the end; null = open-ended. */
  end: number | null;
  length: number;
}

const portfolioArb = fc.record({
  todayOffset: fc.integer({ min: -400, max: 400 }),
  months: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 120 })),
  post: fc.record({
    enabled: fc.boolean(),
    days: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 365 })),
  }),
  contacts: fc.array(
    fc.record({
      anonymised: fc.oneof(
        { arbitrary: fc.constant(false), weight: 4 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      contracts: fc.array(
        fc.record<ContractSpec>({
          end: fc.option(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3000, max: 3000 })), {
            nil: null,
            freq: 6,
          }),
          length: fc.integer({ min: 0, max: 4000 }),
        }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe('deletion candidates: SQL = policy', () => {
  it('lists exactly the contacts the pure rule calls candidates', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb, async ({ todayOffset, months, post, contacts }) => {
        const today = addDays('2026-11-27', todayOffset);
        const settings: AccessSettings = {
          preContract: { enabled: false, days: 30 },
          postContract: post,
          seatQuota: null,
        };
        const limit = candidateEndLimit(settings, months, today);
        const db = openDatabase(':memory:');
        try {
          db.exec(`INSERT INTO properties (id, name, created_at) VALUES (1, 'P', '2020-01-01');
            INSERT INTO units (id, property_id, name, number, usage) VALUES (1, 1, 'U', '1', 'private')`);
          const contact = db.prepare(
            `INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, sort_name, anonymised_at)
             VALUES (?, 'mr', ?, 'de', 'online', ?, ?, ?)`,
          );
          const contract = db.prepare(
            `INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date)
             VALUES (?, ?, 1, 1, 'tenant', 'V', ?, ?)`,
          );
          const facts: ContractFacts[] = [];
          contacts.forEach((c, index) => {
            const id = index + 1;
            contact.run(id, `N${id}`, `K-${id}`, `n${id}`, c.anonymised ? '2026-01-01T00:00:00.000Z' : null);
            for (const spec of c.contracts) {
              const end = spec.end === null ? null : addDays(limit, spec.end);
              const start = addDays(end ?? addDays(today, spec.length - 2000), -spec.length);
              const f: ContractFacts = {
                id: facts.length + 1,
                contactId: id,
                unitId: 1,
                propertyId: 1,
                type: 'tenant',
                start,
                end,
              };
              contract.run(f.id, id, start, end);
              facts.push(f);
            }
          });
          const expected = contacts
            .map((c, index) => ({ id: index + 1, anonymised: c.anonymised }))
            .filter((c) => deletionVerdict(c, facts, settings, months, today).candidate)
            .map((c) => c.id);
          const repo = dataProtectionRepository(sqliteStore(db));
          const listed = (await repo.candidatePage(limit, 0, 100)).map((row) => row.id);
          expect(listed.sort((a, b) => a - b)).toEqual(expected);
          expect(await repo.candidateCount(limit)).toBe(expected.length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
