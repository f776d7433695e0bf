import { describe, expect, it } from 'vitest';
import type { Access, AccessSettings, ContractFacts, Grant } from '../../../shared/domain';
import { contractGrant } from '../../../src-main/core/policy';
import { contract, NONE, settings } from './accessFixtures';

describe('contractGrant', () => {
  // Runs 2026-06-10 … 2026-06-20.
  const june = contract(7, '2026-06-10', '2026-06-20');
  const open = contract(8, '2026-06-10', null);

  it.each<[string, ContractFacts, AccessSettings, string, Grant, string | null]>([
    // pre-contract window of 5 days: 06-05 … 06-09
    ['pre 5: day before the window', june, settings(5, null), '2026-06-04', 'none', null],
    ['pre 5: first window day', june, settings(5, null), '2026-06-05', 'pre', '2026-06-09'],
    ['pre 5: last window day', june, settings(5, null), '2026-06-09', 'pre', '2026-06-09'],
    ['pre 5: contract starts today', june, settings(5, null), '2026-06-10', 'active', '2026-06-20'],
    ['pre disabled: day before start', june, settings(null, 5), '2026-06-09', 'none', null],
    ['pre 1: day before start', june, settings(1, null), '2026-06-09', 'pre', '2026-06-09'],
    ['pre 1: two days before start', june, settings(1, null), '2026-06-08', 'none', null],
    // post-contract window of 5 days: 06-21 … 06-25
    ['post 5: contract ends today', june, settings(null, 5), '2026-06-20', 'active', '2026-06-20'],
    ['post 5: first window day', june, settings(null, 5), '2026-06-21', 'post', '2026-06-25'],
    ['post 5: last window day', june, settings(null, 5), '2026-06-25', 'post', '2026-06-25'],
    ['post 5: day after the window', june, settings(null, 5), '2026-06-26', 'none', null],
    ['post disabled: day after end', june, settings(5, null), '2026-06-21', 'none', null],
    ['post 1: day after end', june, settings(null, 1), '2026-06-21', 'post', '2026-06-21'],
    ['post 1: two days after end', june, settings(null, 1), '2026-06-22', 'none', null],
    // both windows
    ['both: pre day', june, settings(3, 3), '2026-06-08', 'pre', '2026-06-09'],
    ['both: post day', june, settings(3, 3), '2026-06-22', 'post', '2026-06-23'],
    ['both off: before start', june, settings(null, null), '2026-06-09', 'none', null],
    ['both off: after end', june, settings(null, null), '2026-06-21', 'none', null],
    // days = 365
    [
      'pre 365: first day',
      contract(9, '2027-01-01', null),
      settings(365, null),
      '2026-01-01',
      'pre',
      '2026-12-31',
    ],
    ['pre 365: day before', contract(9, '2027-01-01', null), settings(365, null), '2025-12-31', 'none', null],
    ['post 365: last day', june, settings(null, 365), '2027-06-20', 'post', '2027-06-20'],
    ['post 365: day after', june, settings(null, 365), '2027-06-21', 'none', null],
    [
      'post 365 across leap year 2028',
      contract(10, '2027-01-01', '2028-01-15'),
      settings(null, 365),
      '2029-01-14',
      'post',
      '2029-01-14',
    ],
    [
      'post 365 across leap year 2028, day after',
      contract(10, '2027-01-01', '2028-01-15'),
      settings(null, 365),
      '2029-01-15',
      'none',
      null,
    ],
    [
      'pre 365 across leap year 2028',
      contract(11, '2029-01-14', null),
      settings(365, null),
      '2028-01-15',
      'pre',
      '2029-01-13',
    ],
    [
      'pre 365 across leap year 2028, day before',
      contract(11, '2029-01-14', null),
      settings(365, null),
      '2028-01-14',
      'none',
      null,
    ],
    // windows crossing 2028-02-29
    [
      'leap pre 3: 02-28 … 03-01, day before',
      contract(12, '2028-03-02', null),
      settings(3, null),
      '2028-02-27',
      'none',
      null,
    ],
    [
      'leap pre 3: first day 02-28',
      contract(12, '2028-03-02', null),
      settings(3, null),
      '2028-02-28',
      'pre',
      '2028-03-01',
    ],
    [
      'leap pre 3: on 02-29',
      contract(12, '2028-03-02', null),
      settings(3, null),
      '2028-02-29',
      'pre',
      '2028-03-01',
    ],
    [
      'leap pre 1: start 03-01 → window is 02-29',
      contract(13, '2028-03-01', null),
      settings(1, null),
      '2028-02-29',
      'pre',
      '2028-02-29',
    ],
    [
      'leap pre 1: start 03-01, day 02-28',
      contract(13, '2028-03-01', null),
      settings(1, null),
      '2028-02-28',
      'none',
      null,
    ],
    [
      'leap post 3: 02-28 … 03-01, last day',
      contract(14, '2028-01-01', '2028-02-27'),
      settings(null, 3),
      '2028-03-01',
      'post',
      '2028-03-01',
    ],
    [
      'leap post 3: day after',
      contract(14, '2028-01-01', '2028-02-27'),
      settings(null, 3),
      '2028-03-02',
      'none',
      null,
    ],
    [
      'non-leap post 3 for comparison',
      contract(15, '2027-01-01', '2027-02-27'),
      settings(null, 3),
      '2027-03-02',
      'post',
      '2027-03-02',
    ],
    [
      'ends on leap day, post 1',
      contract(16, '2028-01-01', '2028-02-29'),
      settings(null, 1),
      '2028-03-01',
      'post',
      '2028-03-01',
    ],
    [
      'ends on leap day, active that day',
      contract(16, '2028-01-01', '2028-02-29'),
      settings(null, 1),
      '2028-02-29',
      'active',
      '2028-02-29',
    ],
    // open-ended
    ['open-ended: active for ever', open, settings(5, 5), '2090-01-01', 'active', null],
    ['open-ended: pre window still applies', open, settings(5, 5), '2026-06-09', 'pre', '2026-06-09'],
  ])('%s', (_name, c, s, day, grant, until) => {
    const expected: Access = grant === 'none' ? NONE : { grant, until, contractId: c.id };
    expect(contractGrant(c, s, day)).toEqual(expected);
  });
});
