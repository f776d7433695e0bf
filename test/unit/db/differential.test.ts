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
import { accessRepository } from '../../../src-main/core/db/accessRepository';
import { resolveRoleShare, seatUsage, settingsImpact } from '../../../src-main/core/policy';
import { portfolioArb } from './differentialArbitraries';
import {
  allPages,
  ascending,
  byName,
  email,
  pureCounts,
  removeDatabase,
  scopesOf,
  writePortfolio,
} from './differentialOracles';

/** DIFFERENTIAL_RUNS=20000 npx vitest run test/unit/db/differential.test.ts searches deeper. */
const NUM_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 150);

// ---------------------------------------------------------------- database

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-differential-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the test

describe('accessRepository SQL equals the pure policy (differential, fast-check)', () => {
  it(
    'on random portfolios, settings and days',
    () => {
      fc.assert(
        fc.property(portfolioArb, (p) => {
          const { db, file } = writePortfolio(dir, p);
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
              const sql = repo.settingsImpact(from, to, day, repo.seatsUsed(from, day));
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
                  byName(expected.recipients).map((id) => ({ id, email: email(id), preference: 'online' })),
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
