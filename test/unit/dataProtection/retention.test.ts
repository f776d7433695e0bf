import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContractFacts, IsoDate } from '../../../shared/domain';
import { addDays } from '../../../src-main/core/policy';
import {
  candidateEndLimit,
  deletionVerdict,
  retentionCutoff,
  type DeletionVerdict,
} from '../../../src-main/core/policy/retention';

/** Settings with a post-contract window of `post` days (null = off) and an unrelated pre window. */
function settings(post: number | null): AccessSettings {
  return {
    preContract: { enabled: true, days: 90 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

function contract(id: number, start: IsoDate, end: IsoDate | null, contactId = 1): ContractFacts {
  return { id, contactId, unitId: 1, propertyId: 1, type: 'tenant', start, end };
}

const TODAY = '2026-11-27';
// 24 months before TODAY: an access that ended on this day ended exactly 24 months ago.
const CUTOFF = '2024-11-27';

const candidate = (
  lastContractId: number,
  lastContractEnd: IsoDate,
  accessEnd: IsoDate,
): DeletionVerdict => ({
  candidate: true,
  lastContractId,
  lastContractEnd,
  accessEnd,
});
const not = (reason: Extract<DeletionVerdict, { candidate: false }>['reason']): DeletionVerdict => ({
  candidate: false,
  reason,
});

describe('retentionCutoff', () => {
  it.each([
    ['2026-11-27', 24, '2024-11-27'],
    ['2026-11-27', 1, '2026-10-27'],
    ['2026-11-27', 120, '2016-11-27'],
    // A month without the day: its last day (date-fns).
    ['2026-03-31', 1, '2026-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2027-02-28'],
  ])('%s − %i months = %s', (today, months, expected) => {
    expect(retentionCutoff(today, months)).toBe(expected);
  });
});

describe('deletionVerdict (today 2026-11-27, 24 months)', () => {
  it.each<[string, ContractFacts[], number | null, DeletionVerdict]>([
    [
      'ended the day before the cutoff',
      [contract(1, '2015-01-01', '2024-11-26')],
      null,
      candidate(1, '2024-11-26', '2024-11-26'),
    ],
    ['ended exactly 24 months ago', [contract(1, '2015-01-01', CUTOFF)], null, not('WITHIN_RETENTION')],
    [
      'ended the day after the cutoff',
      [contract(1, '2015-01-01', '2024-11-28')],
      null,
      not('WITHIN_RETENTION'),
    ],
    ['ended yesterday', [contract(1, '2015-01-01', '2026-11-26')], null, not('WITHIN_RETENTION')],
    // The post-contract window lengthens access: 30 days after the end.
    [
      'post window on, access ended the day before the cutoff',
      [contract(1, '2015-01-01', '2024-10-27')],
      30,
      candidate(1, '2024-10-27', '2024-11-26'),
    ],
    [
      'post window on, access ended exactly 24 months ago',
      [contract(1, '2015-01-01', '2024-10-28')],
      30,
      not('WITHIN_RETENTION'),
    ],
    [
      'post window off, the same contract',
      [contract(1, '2015-01-01', '2024-10-28')],
      null,
      candidate(1, '2024-10-28', '2024-10-28'),
    ],
    ['ends today', [contract(1, '2015-01-01', TODAY)], null, not('CONTRACT_OPEN')],
    ['open-ended', [contract(1, '2015-01-01', null)], null, not('CONTRACT_OPEN')],
    [
      'an old contract and a future one',
      [contract(1, '2010-01-01', '2012-12-31'), contract(2, '2027-01-01', null)],
      null,
      not('CONTRACT_OPEN'),
    ],
    [
      'an old contract and a future one with an end',
      [contract(1, '2010-01-01', '2012-12-31'), contract(2, '2027-01-01', '2027-12-31')],
      null,
      not('CONTRACT_OPEN'),
    ],
    [
      'the latest of several ended contracts counts',
      [contract(1, '2010-01-01', '2012-12-31'), contract(2, '2013-01-01', '2025-06-30')],
      null,
      not('WITHIN_RETENTION'),
    ],
    [
      'several ended long ago: the latest is named',
      [contract(1, '2013-01-01', '2020-06-30'), contract(2, '2010-01-01', '2012-12-31')],
      null,
      candidate(1, '2020-06-30', '2020-06-30'),
    ],
    [
      'two ending on the same day: the higher id',
      [contract(3, '2013-01-01', '2020-06-30'), contract(4, '2014-01-01', '2020-06-30')],
      10,
      candidate(4, '2020-06-30', '2020-07-10'),
    ],
    ['no contract at all', [], null, not('NO_CONTRACT')],
    [
      'contracts of other contacts do not count',
      [contract(1, '2010-01-01', null, 2), contract(2, '2010-01-01', '2012-12-31')],
      null,
      candidate(2, '2012-12-31', '2012-12-31'),
    ],
    [
      'only contracts of other contacts',
      [contract(1, '2010-01-01', '2012-12-31', 2)],
      null,
      not('NO_CONTRACT'),
    ],
  ])('%s', (_name, contracts, post, expected) => {
    expect(deletionVerdict({ id: 1, anonymised: false }, contracts, settings(post), 24, TODAY)).toEqual(
      expected,
    );
  });

  it('never lists an anonymised contact again', () => {
    const contracts = [contract(1, '2010-01-01', '2012-12-31')];
    expect(deletionVerdict({ id: 1, anonymised: true }, contracts, settings(null), 24, TODAY)).toEqual(
      not('ANONYMISED'),
    );
  });

  it('counts calendar months at a month end (today 2026-03-31, 1 month: cutoff 2026-02-28)', () => {
    const ended = (end: IsoDate) =>
      deletionVerdict(
        { id: 1, anonymised: false },
        [contract(1, '2020-01-01', end)],
        settings(null),
        1,
        '2026-03-31',
      );
    expect(ended('2026-02-27').candidate).toBe(true);
    expect(ended('2026-02-28').candidate).toBe(false);
  });
});

describe('candidateEndLimit: the same rule as one bound on contract ends (what the SQL uses)', () => {
  const day = fc.integer({ min: -2000, max: 400 }).map((offset) => addDays(TODAY, offset));
  it('a contact is a candidate ⟺ it has contracts, all ending before the limit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(day, fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }))
            .map(([start, length]) => ({
              start,
              end: length === null ? null : addDays(start, length),
            })),
          { maxLength: 4 },
        ),
        fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
        fc.integer({ min: 1, max: 120 }),
        (spans, post, months) => {
          const contracts = spans.map((span, i) => contract(i + 1, span.start, span.end));
          const limit = candidateEndLimit(settings(post), months, TODAY);
          const bySql = contracts.length > 0 && contracts.every((c) => c.end !== null && c.end < limit);
          const verdict = deletionVerdict(
            { id: 1, anonymised: false },
            contracts,
            settings(post),
            months,
            TODAY,
          );
          expect(verdict.candidate).toBe(bySql);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
