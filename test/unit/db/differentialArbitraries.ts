/** The differential test's random portfolios and settings (fast-check arbitraries); see differential.test.ts. */
import fc from 'fast-check';
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractType,
  IsoDate,
  ShareRole,
  WindowSetting,
} from '../../../shared/domain';
import { addDays } from '../../../src-main/core/policy';

/** DIFFERENTIAL_RUNS=20000 npx vitest run test/unit/db/differential.test.ts searches deeper. */
/** Days 0…500 from here cross the year ends 2027/28 and 2028/29 and the leap day 2028-02-29. */
const BASE: IsoDate = '2027-10-15';
export const ROLES: readonly ShareRole[] = ['all', 'tenant', 'owner'];

// ---------------------------------------------------------------- portfolio model

interface Unit {
  id: number;
  propertyId: number;
}

export interface Portfolio {
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

export const portfolioArb: fc.Arbitrary<Portfolio> = fc
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
