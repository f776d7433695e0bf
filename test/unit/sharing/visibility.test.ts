/**
 * Differential (fast-check): the SQL behind "visible to" (shareRepository.visibleCounts) and the
 * candidate shares of the portal preview (shareRepository.liveForContact) agree with the pure rule
 * of policy/shareVisibility.ts, on the demo portfolio with random shares (role shares over random
 * unit sets, individual shares, revoked ones), random archived contacts, settings and days.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContactFacts, ContractFacts, ShareRole } from '../../../shared/domain';
import { accessBounds } from '../../../src-main/core/db/accessRepository';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { shareFacts, shareRepository } from '../../../src-main/core/db/shareRepository';
import { groupContractsByContact } from '../../../src-main/core/policy';
import { addDays } from '../../../shared/dates';
import {
  shareVisibleTo,
  visibleContents,
  type ShareFacts,
} from '../../../src-main/core/policy/shareVisibility';
import { sharingCore, TODAY } from './support';

type ShareSpec =
  | { mode: 'individual'; content: number; contactId: number; revoked: boolean }
  | {
      mode: 'role';
      content: number;
      role: ShareRole;
      propertyId: number;
      unitPick: number[] | null;
      revoked: boolean;
    };

describe('share visibility: SQL equals the pure rule', () => {
  it('on random shares, settings and days', async () => {
    const core = await sharingCore();
    const { portfolio } = core;
    const contactCount = portfolio.contacts.length;
    const propertyCount = portfolio.properties.length;
    const unitsByProperty = new Map<number, number[]>();
    for (const u of portfolio.units) {
      const list = unitsByProperty.get(u.property_id) ?? [];
      list.push(u.id);
      unitsByProperty.set(u.property_id, list);
    }
    const contracts: ContractFacts[] = core.contractFacts;
    const byContact = groupContractsByContact(contracts);
    // Individual shares favour the showcase property's contacts, where the windows are.
    const showcaseContacts = [
      ...new Set(
        contracts.filter((c) => c.propertyId === portfolio.showcasePropertyId).map((c) => c.contactId),
      ),
    ];

    // Days on which a showcase contract starts, ends, or one of its windows opens or closes.
    const showcaseContracts = contracts.filter((c) => c.propertyId === portfolio.showcasePropertyId);
    const boundaryDay = (
      when: { contract: ContractFacts; boundary: string; delta: number },
      settings: AccessSettings,
    ): string => {
      const { start, end } = when.contract;
      const anchor =
        when.boundary === 'start'
          ? start
          : when.boundary === 'preOpens'
            ? addDays(start, -settings.preContract.days)
            : when.boundary === 'postCloses' && end !== null
              ? addDays(end, settings.postContract.days)
              : (end ?? start);
      return addDays(anchor, when.delta);
    };

    const db = new Database(path.join(core.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    const repo = shareRepository(db);
    const insertContent = db.prepare<[string]>(
      "INSERT INTO contents (kind, title, data, created_at, updated_at) VALUES ('announcement', ?, '{}', 'x', 'x')",
    );
    const archive = db.prepare<[number]>('UPDATE contacts SET archived = 1 WHERE id = ?');
    const revoke = db.prepare<[number]>("UPDATE shares SET revoked_at = 'x' WHERE id = ?");
    const allShares = db.prepare<[], Parameters<typeof shareFacts>[0]>('SELECT * FROM shares');

    const window = fc.record({ enabled: fc.boolean(), days: fc.integer({ min: 1, max: 365 }) });
    const shareSpec: fc.Arbitrary<ShareSpec> = fc.oneof(
      fc.record({
        mode: fc.constant('individual' as const),
        content: fc.integer({ min: 0, max: 2 }),
        contactId: fc.oneof(fc.constantFrom(...showcaseContacts), fc.integer({ min: 1, max: contactCount })),
        revoked: fc.boolean(),
      }),
      fc.record({
        mode: fc.constant('role' as const),
        content: fc.integer({ min: 0, max: 2 }),
        role: fc.constantFrom<ShareRole>('all', 'tenant', 'owner'),
        propertyId: fc.oneof(
          fc.constant(portfolio.showcasePropertyId),
          fc.integer({ min: 1, max: propertyCount }),
        ),
        unitPick: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { nil: null }),
        revoked: fc.boolean(),
      }),
    );

    // Runs where somebody sees something (the property is not vacuous).
    let seenSomething = 0;
    try {
      fc.assert(
        fc.property(
          fc.array(shareSpec, { minLength: 1, maxLength: 12 }),
          fc.record({ preContract: window, postContract: window, seatQuota: fc.constant(null) }),
          fc.oneof(
            fc.integer({ min: -400, max: 400 }),
            fc.record({
              contract: fc.constantFrom(...showcaseContracts),
              boundary: fc.constantFrom('start', 'preOpens'),
              delta: fc.integer({ min: -1, max: 1 }),
            }),
            fc.record({
              contract: fc.constantFrom(...showcaseContracts.filter((c) => c.end !== null)),
              boundary: fc.constantFrom('end', 'postCloses'),
              delta: fc.integer({ min: -1, max: 1 }),
            }),
          ),
          fc.array(
            fc.oneof(fc.constantFrom(...showcaseContacts), fc.integer({ min: 1, max: contactCount })),
            {
              maxLength: 4,
            },
          ),
          (specs, settings: AccessSettings, when, archivedIds) => {
            const day = typeof when === 'number' ? addDays(TODAY, when) : boundaryDay(when, settings);
            db.exec('BEGIN');
            try {
              const contentIds = [0, 1, 2].map((i) => Number(insertContent.run(`c${i}`).lastInsertRowid));
              for (const id of archivedIds) archive.run(id);
              for (const spec of specs) {
                const contentId = contentIds[spec.content]!;
                let id: number;
                if (spec.mode === 'individual') {
                  id = repo.insertIndividual(contentId, spec.contactId, 'x');
                } else {
                  const units = unitsByProperty.get(spec.propertyId) ?? [];
                  const picked =
                    spec.unitPick === null
                      ? null
                      : [...new Set(spec.unitPick.map((n) => units[n % units.length]!))];
                  id = repo.insertRole(contentId, spec.role, spec.propertyId, picked, 'x');
                }
                if (spec.revoked) revoke.run(id);
              }
              const archived = new Set([
                ...archivedIds,
                ...core.contactFacts.filter((c) => c.archived).map((c) => c.id),
              ]);
              const contacts: ContactFacts[] = core.contactFacts.map((c) => ({
                ...c,
                archived: archived.has(c.id),
              }));
              const shares: ShareFacts[] = allShares.all().map(shareFacts);

              // "Visible to": the SQL count per content equals the pure rule over every contact.
              const expected = new Map<number, number>();
              for (const contact of contacts) {
                const own = byContact.get(contact.id) ?? [];
                const seen = new Set<number>();
                for (const share of shares) {
                  if (shareVisibleTo(share, contact, own, settings, day)) seen.add(share.contentId);
                }
                for (const contentId of seen) expected.set(contentId, (expected.get(contentId) ?? 0) + 1);
              }
              expect(repo.visibleCounts(contentIds, accessBounds(settings, day))).toEqual(expected);
              if ([...expected.values()].some((n) => n > 0)) seenSomething += 1;

              // Portal preview: the candidate shares from SQL give what all shares give.
              const probes = [
                ...new Set([
                  ...specs.flatMap((s) => (s.mode === 'individual' ? [s.contactId] : [])),
                  ...showcaseContacts.slice(0, 5),
                ]),
              ];
              for (const contactId of probes) {
                const contact = contacts[contactId - 1]!;
                const own = byContact.get(contactId) ?? [];
                const propertyIds = [...new Set(own.map((c) => c.propertyId))];
                const candidates = repo.liveForContact(contactId, propertyIds).map(shareFacts);
                expect(visibleContents(candidates, contact, own, settings, day)).toEqual(
                  visibleContents(shares, contact, own, settings, day),
                );
              }
            } finally {
              db.exec('ROLLBACK');
            }
          },
        ),
        { numRuns: 150, seed: 20261127 },
      );
      expect(seenSomething).toBeGreaterThan(75);
    } finally {
      db.close();
    }
  });
});
