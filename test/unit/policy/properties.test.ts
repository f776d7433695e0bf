/**
 * Property-based invariants of the policy engine over small random portfolios (fast-check).
 * The oracles here are written from the rules in ARCHITECTURE.md §3, independently of the
 * implementation (UTC millisecond arithmetic instead of date-fns, sorting instead of a running best).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AccessSettings } from '../../../shared/domain';
import {
  contactAccess,
  contractGrant,
  contractWindows,
  individualShareAllowed,
  inviteEligibility,
  resolveRoleShare,
  seatUsage,
  settingsImpact,
} from '../../../src-main/core/policy';
import {
  hasAccess,
  NUM_RUNS,
  oracleAccess,
  oracleGrant,
  plusDays,
  scenarioArb,
  scopeArb,
  settingsArb,
  STRENGTH,
  widenedPairArb,
} from './propertiesOracles';

// ---------------------------------------------------------------- properties

describe('policy invariants (fast-check)', () => {
  it('contractGrant follows the rule for every contract, settings and day', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contracts, day }, s) => {
        for (const c of contracts) expect(contractGrant(c, s, day)).toEqual(oracleGrant(c, s, day));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('contractWindows are exactly the days on which contractGrant answers pre or post', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contracts, day }, s) => {
        for (const c of contracts) {
          const { preFrom, postUntil } = contractWindows(c, s);
          const grant = contractGrant(c, s, day).grant;
          expect(grant === 'pre').toBe(preFrom !== null && preFrom <= day && day < c.start);
          expect(grant === 'post').toBe(
            postUntil !== null && c.end !== null && c.end < day && day <= postUntil,
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('contactAccess is the strongest grant, pre before post, then longest-lasting, then lowest id', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        for (const contact of contacts) {
          expect(contactAccess(contact, contracts, s, day)).toEqual(oracleAccess(contact, contracts, s, day));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('an active contract means active access whatever the settings; no active contract, no active access', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, settingsArb, ({ contacts, contracts, day }, s1, s2) => {
        for (const contact of contacts) {
          const activeContract = contracts.some(
            (c) => c.contactId === contact.id && c.start <= day && (c.end === null || day <= c.end),
          );
          const expected = activeContract && !contact.archived;
          expect(contactAccess(contact, contracts, s1, day).grant === 'active').toBe(expected);
          expect(contactAccess(contact, contracts, s2, day).grant === 'active').toBe(expected);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with both windows off, access is only active or none', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        const off: AccessSettings = {
          ...s,
          preContract: { ...s.preContract, enabled: false },
          postContract: { ...s.postContract, enabled: false },
        };
        for (const contact of contacts) {
          expect(['active', 'none']).toContain(contactAccess(contact, contracts, off, day).grant);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('longer windows, or enabling a window, never remove access', () => {
    fc.assert(
      fc.property(scenarioArb, widenedPairArb, ({ contacts, contracts, day }, [narrow, wide]) => {
        for (const contact of contacts) {
          const before = contactAccess(contact, contracts, narrow, day);
          const after = contactAccess(contact, contracts, wide, day);
          expect(STRENGTH[after.grant]).toBeGreaterThanOrEqual(STRENGTH[before.grant]);
        }
        expect(settingsImpact(contacts, contracts, narrow, wide, day).lost).toEqual([]);
        expect(settingsImpact(contacts, contracts, wide, narrow, day).gained).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a grant lasts exactly until its `until` day', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        for (const contact of contacts) {
          const access = contactAccess(contact, contracts, s, day);
          if (access.grant === 'none' || access.until === null) continue;
          expect(access.until >= day).toBe(true);
          const giver = contracts.find((c) => c.id === access.contractId);
          expect(giver?.contactId).toBe(contact.id);
          if (giver === undefined) continue;
          expect(contractGrant(giver, s, access.until).grant).toBe(access.grant);
          expect(contractGrant(giver, s, plusDays(access.until, 1)).grant).not.toBe(access.grant);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('invite: allowed exactly when not archived, not registered, with a contract and access today', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        for (const contact of contacts) {
          const result = inviteEligibility(contact, contracts, s, day);
          const access = oracleAccess(contact, contracts, s, day);
          const hasContract = contracts.some((c) => c.contactId === contact.id);
          const expectedReason = contact.archived
            ? 'ARCHIVED'
            : contact.registered
              ? 'ALREADY_REGISTERED'
              : !hasContract
                ? 'NO_CONTRACT'
                : !hasAccess(access)
                  ? 'OUTSIDE_ACCESS_WINDOW'
                  : null;
          if (expectedReason === null) expect(result).toEqual({ allowed: true, access });
          else expect(result.allowed === false && result.reason).toBe(expectedReason);

          const share = individualShareAllowed(contact, contracts, s, day);
          expect(share.allowed).toBe(hasAccess(access));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('possibleFrom is the first future day with access (checked day by day)', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        for (const c of contacts) {
          const contact = { ...c, registered: false };
          const result = inviteEligibility(contact, contracts, s, day);
          if (result.allowed || result.reason !== 'OUTSIDE_ACCESS_WINDOW') continue;
          // Every contract starts within 500 days of `day`, so nothing can open later than that.
          let first: string | null = null;
          for (let k = 1; k <= 520 && first === null; k++) {
            const d = plusDays(day, k);
            if (hasAccess(oracleAccess(contact, contracts, s, d))) first = d;
          }
          expect(result.possibleFrom).toBe(first);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('role share: recipients and skipped are disjoint, sorted, and exactly as the rules say', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, scopeArb, ({ contacts, contracts, day }, s, scope) => {
        const { recipients, skipped } = resolveRoleShare(scope, contacts, contracts, s, day);
        const inScope = contracts.filter(
          (c) =>
            c.propertyId === scope.propertyId &&
            (scope.role === 'all' || c.type === scope.role) &&
            (scope.unitIds === null || scope.unitIds.length === 0 || scope.unitIds.includes(c.unitId)),
        );
        const skippedIds = skipped.map((x) => x.contactId);
        expect(recipients.filter((id) => skippedIds.includes(id))).toEqual([]);
        expect([...recipients].sort((a, b) => a - b)).toEqual(recipients);
        expect(new Set(recipients).size).toBe(recipients.length);
        expect([...skippedIds].sort((a, b) => a - b)).toEqual(skippedIds);
        expect(new Set(skippedIds).size).toBe(skippedIds.length);

        for (const contact of contacts) {
          const own = inScope.filter((c) => c.contactId === contact.id);
          const activeInScope = own.some((c) => oracleGrant(c, s, day).grant === 'active');
          const best = oracleAccess(contact, own, s, day);
          const isRecipient = recipients.includes(contact.id);
          const skip = skipped.find((x) => x.contactId === contact.id);
          expect(isRecipient).toBe(!contact.archived && activeInScope);
          if (contact.archived || activeInScope || !hasAccess(best)) {
            expect(skip).toBeUndefined();
          } else {
            expect(skip).toEqual({
              contactId: contact.id,
              grant: best.grant,
              windowEnd: best.until,
              contractId: best.contractId,
            });
            // The contract named is in scope and really gives that grant today.
            const named = own.find((c) => c.id === skip?.contractId);
            expect(named && contractGrant(named, s, day).grant).toBe(skip?.grant);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('seat usage counts registered, non-archived contacts with access, never more', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, ({ contacts, contracts, day }, s) => {
        const eligible = contacts.filter((c) => c.registered && !c.archived);
        const usage = seatUsage(contacts, contracts, s, day);
        expect(usage.used).toBeLessThanOrEqual(eligible.length);
        expect(usage.used).toBe(eligible.filter((c) => hasAccess(oracleAccess(c, contracts, s, day))).length);
        expect(usage.quota).toBe(s.seatQuota);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('settingsImpact agrees with seatUsage under each setting', () => {
    fc.assert(
      fc.property(scenarioArb, settingsArb, settingsArb, ({ contacts, contracts, day }, before, after) => {
        const impact = settingsImpact(contacts, contracts, before, after, day);
        expect(impact.seatsBefore).toBe(seatUsage(contacts, contracts, before, day).used);
        expect(impact.seatsAfter).toBe(seatUsage(contacts, contracts, after, day).used);
        expect(impact.seatsAfter - impact.seatsBefore).toBe(impact.gained.length - impact.lost.length);
        expect(impact.gained.filter((id) => impact.lost.includes(id))).toEqual([]);
        expect(impact.quota).toBe(after.seatQuota);
        expect(impact.overage).toBe(
          after.seatQuota === null ? 0 : Math.max(0, impact.seatsAfter - after.seatQuota),
        );
        for (const id of [...impact.gained, ...impact.lost]) {
          const contact = contacts.find((c) => c.id === id);
          expect(contact?.registered).toBe(true);
          expect(contact?.archived).toBe(false);
          if (contact === undefined) continue;
          const had = hasAccess(oracleAccess(contact, contracts, before, day));
          expect(had).toBe(impact.lost.includes(id));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
