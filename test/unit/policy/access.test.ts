import { describe, expect, it } from 'vitest';
import type {
  Access,
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractPhase,
  Grant,
} from '../../../shared/domain';
import {
  addDays,
  contactAccess,
  contractGrant,
  contractPhase,
  contractWindows,
  grantStrength,
  groupContractsByContact,
} from '../../../src-main/core/policy';

import { CONTACT, contract, NONE, settings } from './accessFixtures';

describe('contractPhase', () => {
  const march = contract(1, '2026-03-01', '2026-03-31');
  it.each<[string, ContractFacts, string, ContractPhase]>([
    ['day before start', march, '2026-02-28', 'upcoming'],
    ['first day', march, '2026-03-01', 'active'],
    ['middle', march, '2026-03-15', 'active'],
    ['last day', march, '2026-03-31', 'active'],
    ['day after end', march, '2026-04-01', 'ended'],
    ['open-ended, far future', contract(2, '2020-01-01', null), '2099-12-31', 'active'],
    ['open-ended, before start', contract(2, '2020-01-01', null), '2019-12-31', 'upcoming'],
    ['one-day contract, that day', contract(3, '2028-02-29', '2028-02-29'), '2028-02-29', 'active'],
    ['one-day contract, day before', contract(3, '2028-02-29', '2028-02-29'), '2028-02-28', 'upcoming'],
    ['one-day contract, day after', contract(3, '2028-02-29', '2028-02-29'), '2028-03-01', 'ended'],
    ['across a year boundary', contract(4, '2026-12-31', '2027-01-01'), '2027-01-01', 'active'],
  ])('%s', (_name, c, day, expected) => {
    expect(contractPhase(c, day)).toBe(expected);
  });
});

describe('contractWindows', () => {
  const june = contract(7, '2026-06-10', '2026-06-20');

  it.each<[string, ContractFacts, AccessSettings, string | null, string | null]>([
    ['both off', june, settings(null, null), null, null],
    ['pre on', june, settings(30, null), '2026-05-11', null],
    ['post on', june, settings(null, 14), null, '2026-07-04'],
    ['both on', june, settings(30, 14), '2026-05-11', '2026-07-04'],
    ['one day each', june, settings(1, 1), '2026-06-09', '2026-06-21'],
    [
      'open-ended: no window after an end it does not have',
      contract(8, '2026-06-10', null),
      settings(30, 14),
      '2026-05-11',
      null,
    ],
    ['pre onto the leap day', contract(9, '2028-03-01', null), settings(1, 1), '2028-02-29', null],
    [
      'post onto the leap day',
      contract(10, '2027-03-01', '2028-02-28'),
      settings(null, 1),
      null,
      '2028-02-29',
    ],
  ])('%s', (_name, c, s, preFrom, postUntil) => {
    expect(contractWindows(c, s)).toEqual({ preFrom, postUntil });
  });

  it('start and end where contractGrant starts and stops granting', () => {
    const s = settings(30, 14);
    const { preFrom, postUntil } = contractWindows(june, s);
    expect(contractGrant(june, s, addDays(preFrom!, -1)).grant).toBe('none');
    expect(contractGrant(june, s, preFrom!).grant).toBe('pre');
    expect(contractGrant(june, s, postUntil!).grant).toBe('post');
    expect(contractGrant(june, s, addDays(postUntil!, 1)).grant).toBe('none');
  });
});

describe('grantStrength', () => {
  it('orders active > pre = post > none', () => {
    expect(grantStrength('active')).toBeGreaterThan(grantStrength('pre'));
    expect(grantStrength('pre')).toBe(grantStrength('post'));
    expect(grantStrength('post')).toBeGreaterThan(grantStrength('none'));
  });
});

describe('contactAccess', () => {
  const day = '2026-05-15';
  // A move inside one property: the old contract ended yesterday, the new one starts in 10 days.
  const moveOld = contract(21, '2020-01-01', '2026-05-14', { unitId: 1 });
  const moveNew = contract(22, '2026-05-25', null, { unitId: 2 });
  const move = [moveOld, moveNew];

  it.each<[string, ContractFacts[], AccessSettings, Access]>([
    ['no contracts', [], settings(30, 30), NONE],
    [
      'owner of one unit (active) + tenant of another (ended long ago)',
      [
        contract(1, '2010-01-01', '2020-12-31', { unitId: 5, type: 'tenant' }),
        contract(2, '2021-01-01', null, { unitId: 6, type: 'owner' }),
      ],
      settings(30, 365),
      { grant: 'active', until: null, contractId: 2 },
    ],
    [
      'owner (upcoming) + tenant (active until a date)',
      [
        contract(3, '2026-06-01', null, { unitId: 6, type: 'owner' }),
        contract(4, '2025-01-01', '2026-12-31', { unitId: 5, type: 'tenant' }),
      ],
      settings(30, 30),
      { grant: 'active', until: '2026-12-31', contractId: 4 },
    ],
    ['move, windows off: no access in between', move, settings(null, null), NONE],
    [
      'move, post 30: old contract',
      move,
      settings(null, 30),
      { grant: 'post', until: '2026-06-13', contractId: 21 },
    ],
    [
      'move, post 1: yesterday + 1 = today',
      move,
      settings(null, 1),
      { grant: 'post', until: '2026-05-15', contractId: 21 },
    ],
    [
      'move, pre 10: new contract',
      move,
      settings(10, null),
      { grant: 'pre', until: '2026-05-24', contractId: 22 },
    ],
    ['move, pre 9: not yet', move, settings(9, null), NONE],
    [
      'move, pre 10 + post 30: pre wins although post lasts longer',
      move,
      settings(10, 30),
      { grant: 'pre', until: '2026-05-24', contractId: 22 },
    ],
    [
      'move, pre 30 + post 5: pre wins',
      move,
      settings(30, 5),
      { grant: 'pre', until: '2026-05-24', contractId: 22 },
    ],
    [
      'move, pre 10 + post 10: pre wins over post',
      move,
      settings(10, 10),
      { grant: 'pre', until: '2026-05-24', contractId: 22 },
    ],
    [
      'pre wins over post regardless of contract order',
      [
        contract(30, '2020-01-01', '2026-05-14', { unitId: 1 }),
        contract(20, '2026-05-25', null, { unitId: 2 }),
      ],
      settings(10, 10),
      { grant: 'pre', until: '2026-05-24', contractId: 20 },
    ],
    [
      'successive contracts on one unit: last day of the first',
      [contract(51, '2025-01-01', '2026-05-15'), contract(52, '2026-05-16', null)],
      settings(30, 30),
      { grant: 'active', until: '2026-05-15', contractId: 51 },
    ],
    [
      'successive contracts on one unit: first day of the second',
      [contract(51, '2025-01-01', '2026-05-14'), contract(52, '2026-05-15', null)],
      settings(30, 30),
      { grant: 'active', until: null, contractId: 52 },
    ],
    [
      'two active contracts: the open-ended one lasts longest',
      [contract(61, '2025-01-01', '2027-12-31'), contract(62, '2026-01-01', null, { unitId: 2 })],
      settings(null, null),
      { grant: 'active', until: null, contractId: 62 },
    ],
    [
      'two active contracts: the later end lasts longest',
      [contract(63, '2025-01-01', '2028-12-31'), contract(64, '2026-01-01', '2027-12-31', { unitId: 2 })],
      settings(null, null),
      { grant: 'active', until: '2028-12-31', contractId: 63 },
    ],
    [
      'two active open-ended contracts: lowest id',
      [contract(66, '2025-01-01', null), contract(65, '2026-01-01', null, { unitId: 2 })],
      settings(null, null),
      { grant: 'active', until: null, contractId: 65 },
    ],
    [
      'active beats a longer post window',
      [contract(71, '2026-01-01', '2026-05-15'), contract(72, '2020-01-01', '2026-05-10', { unitId: 2 })],
      settings(null, 365),
      { grant: 'active', until: '2026-05-15', contractId: 71 },
    ],
    [
      'two post windows: the later one',
      [contract(81, '2020-01-01', '2026-05-01'), contract(82, '2020-01-01', '2026-05-10', { unitId: 2 })],
      settings(null, 30),
      { grant: 'post', until: '2026-06-09', contractId: 82 },
    ],
    [
      'contracts of other contacts are ignored',
      [contract(91, '2020-01-01', null, { contactId: 2 }), contract(92, '2020-01-01', '2026-05-01')],
      settings(null, null),
      NONE,
    ],
  ])('%s', (_name, contracts, s, expected) => {
    expect(contactAccess(CONTACT, contracts, s, day)).toEqual(expected);
  });

  it('archived contacts have no access, even with an active contract', () => {
    const archived: ContactFacts = { id: 1, archived: true, registered: true };
    expect(contactAccess(archived, [contract(1, '2020-01-01', null)], settings(30, 30), day)).toEqual(NONE);
    expect(contactAccess(archived, move, settings(30, 30), day)).toEqual(NONE);
  });

  it('the move gives access all the way through when both windows cover the gap', () => {
    const s = settings(10, 1);
    const grants: Grant[] = [];
    for (const d of ['2026-05-14', '2026-05-15', '2026-05-16', '2026-05-24', '2026-05-25']) {
      grants.push(contactAccess(CONTACT, move, s, d).grant);
    }
    expect(grants).toEqual(['active', 'pre', 'pre', 'pre', 'active']);
  });
});

describe('groupContractsByContact', () => {
  it('groups in input order', () => {
    const cs = [
      contract(1, '2020-01-01', null, { contactId: 2 }),
      contract(2, '2020-01-01', null, { contactId: 1 }),
      contract(3, '2020-01-01', null, { contactId: 2 }),
    ];
    const byContact = groupContractsByContact(cs);
    expect(byContact.get(2)?.map((c) => c.id)).toEqual([1, 3]);
    expect(byContact.get(1)?.map((c) => c.id)).toEqual([2]);
    expect(byContact.get(3)).toBeUndefined();
  });
});
