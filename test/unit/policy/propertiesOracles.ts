/**
 * The arbitraries and the oracles of the policy's property tests (properties.test.ts), written from
 * the rules in ARCHITECTURE.md §3 independently of the implementation.
 */
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

// ---------------------------------------------------------------- independent date oracle (UTC)

const MS_PER_DAY = 86_400_000;
function toEpochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function fromEpochDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}
export function plusDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}
function diffDays(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

// ---------------------------------------------------------------- generators

/** 2027-11-01: days 0…300 from here cover the leap day 2028-02-29. */
const BASE = '2027-11-01';
export const NUM_RUNS = 300;

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

export const settingsArb: fc.Arbitrary<AccessSettings> = fc.record({
  preContract: windowArb,
  postContract: windowArb,
  seatQuota: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
});

export const scenarioArb: fc.Arbitrary<Scenario> = fc
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

export const scopeArb: fc.Arbitrary<RoleShareScope> = fc.record({
  propertyId: fc.integer({ min: 1, max: 3 }),
  unitIds: fc.option(fc.subarray([1, 2, 3, 4, 5]), { nil: null }),
  role: fc.constantFrom('all' as const, 'tenant' as const, 'owner' as const),
});

/** s2 ⊇ s1: every window enabled in s1 is enabled in s2 and at least as long. */
export const widenedPairArb: fc.Arbitrary<[AccessSettings, AccessSettings]> = fc
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

export const STRENGTH: Record<Grant, number> = { active: 2, pre: 1, post: 1, none: 0 };

export function oracleGrant(c: ContractFacts, s: AccessSettings, day: string): Access {
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

export function oracleAccess(
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

export const hasAccess = (a: Access): boolean => a.grant !== 'none';
