/**
 * Property-based invariants of the policy engine over small random portfolios (fast-check).
 * The oracles here are written from the rules in ARCHITECTURE.md §3, independently of the
 * implementation (UTC millisecond arithmetic instead of date-fns, sorting instead of a running best).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type {
  Access,
  AccessSettings,
  ContactFacts,
  ContractFacts,
  Grant,
  RoleShareScope,
  WindowSetting,
} from '../../../shared/domain';
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

// ---------------------------------------------------------------- independent date oracle (UTC)

const MS_PER_DAY = 86_400_000;
function toEpochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function fromEpochDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}
function plusDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}
function diffDays(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

// ---------------------------------------------------------------- generators

/** 2027-11-01: days 0…300 from here cover the leap day 2028-02-29. */
const BASE = '2027-11-01';
const NUM_RUNS = 300;

interface Scenario {
  contacts: ContactFacts[];
  contracts: ContractFacts[];
  day: string;
}

const propertyOfUnit = (unitId: number): number => (unitId <= 2 ? 1 : unitId <= 4 ? 2 : 3);

const windowArb: fc.Arbitrary<WindowSetting> = fc.record({
  enabled: fc.boolean(),
  days: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 365 })),
});

const settingsArb: fc.Arbitrary<AccessSettings> = fc.record({
  preContract: windowArb,
  postContract: windowArb,
  seatQuota: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
});

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    dayOffset: fc.integer({ min: 0, max: 300 }),
    n: fc.integer({ min: 1, max: 8 }),
  })
  .chain(({ dayOffset, n }) =>
    fc.record({
      day: fc.constant(plusDays(BASE, dayOffset)),
      flags: fc.array(
        fc.record({
          archived: fc.oneof(
            { arbitrary: fc.constant(false), weight: 4 },
            { arbitrary: fc.constant(true), weight: 1 },
          ),
          registered: fc.boolean(),
        }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      specs: fc.array(
        fc.record({
          contactId: fc.integer({ min: 1, max: n }),
          unitId: fc.integer({ min: 1, max: 5 }),
          owner: fc.boolean(),
          // Starts mostly near the day (window boundaries), sometimes far away.
          startFromDay: fc.oneof(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -500, max: 500 })),
          length: fc.option(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 })), {
            nil: null,
          }),
        }),
        { maxLength: 16 },
      ),
    }),
  )
  .map(({ day, flags, specs }) => ({
    day,
    contacts: flags.map((f, i) => ({ id: i + 1, archived: f.archived, registered: f.registered })),
    contracts: specs.map((s, i) => {
      const start = plusDays(day, s.startFromDay);
      return {
        id: i + 1,
        contactId: s.contactId,
        unitId: s.unitId,
        propertyId: propertyOfUnit(s.unitId),
        type: s.owner ? ('owner' as const) : ('tenant' as const),
        start,
        end: s.length === null ? null : plusDays(start, s.length),
      };
    }),
  }));

const scopeArb: fc.Arbitrary<RoleShareScope> = fc.record({
  propertyId: fc.integer({ min: 1, max: 3 }),
  unitIds: fc.option(fc.subarray([1, 2, 3, 4, 5]), { nil: null }),
  role: fc.constantFrom('all' as const, 'tenant' as const, 'owner' as const),
});

/** s2 ⊇ s1: every window enabled in s1 is enabled in s2 and at least as long. */
const widenedPairArb: fc.Arbitrary<[AccessSettings, AccessSettings]> = fc
  .tuple(
    settingsArb,
    fc.boolean(),
    fc.boolean(),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
  )
  .map(([s1, enablePre, enablePost, morePre, morePost]) => [
    s1,
    {
      preContract: {
        enabled: s1.preContract.enabled || enablePre,
        days: Math.min(365, s1.preContract.days + morePre),
      },
      postContract: {
        enabled: s1.postContract.enabled || enablePost,
        days: Math.min(365, s1.postContract.days + morePost),
      },
      seatQuota: s1.seatQuota,
    },
  ]);

// ---------------------------------------------------------------- oracles from the rules

const STRENGTH: Record<Grant, number> = { active: 2, pre: 1, post: 1, none: 0 };

function oracleGrant(c: ContractFacts, s: AccessSettings, day: string): Access {
  if (c.start <= day && (c.end === null || day <= c.end)) {
    return { grant: 'active', until: c.end, contractId: c.id };
  }
  const toStart = diffDays(day, c.start); // > 0 when upcoming
  if (s.preContract.enabled && toStart >= 1 && toStart <= s.preContract.days) {
    return { grant: 'pre', until: plusDays(c.start, -1), contractId: c.id };
  }
  if (c.end !== null) {
    const sinceEnd = diffDays(c.end, day);
    if (s.postContract.enabled && sinceEnd >= 1 && sinceEnd <= s.postContract.days) {
      return { grant: 'post', until: plusDays(c.end, s.postContract.days), contractId: c.id };
    }
  }
  return { grant: 'none', until: null, contractId: null };
}

function oracleAccess(
  contact: ContactFacts,
  contracts: ContractFacts[],
  s: AccessSettings,
  day: string,
): Access {
  const none: Access = { grant: 'none', until: null, contractId: null };
  if (contact.archived) return none;
  const grants = contracts
    .filter((c) => c.contactId === contact.id)
    .map((c) => oracleGrant(c, s, day))
    .filter((a) => a.grant !== 'none');
  grants.sort(
    (a, b) =>
      STRENGTH[b.grant] - STRENGTH[a.grant] ||
      (a.grant === 'pre' ? 0 : 1) - (b.grant === 'pre' ? 0 : 1) ||
      (a.until === null ? -1 : 0) - (b.until === null ? -1 : 0) ||
      (b.until ?? '').localeCompare(a.until ?? '') ||
      (a.contractId ?? 0) - (b.contractId ?? 0),
  );
  return grants[0] ?? none;
}

const hasAccess = (a: Access): boolean => a.grant !== 'none';

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
