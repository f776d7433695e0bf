import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContactFacts, ContractFacts, SettingsImpact } from '../../../shared/domain';
import { seatUsage, settingsImpact } from '../../../src-main/core/policy';

function settings(pre: number | null, post: number | null, seatQuota: number | null = null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota,
  };
}

const DAY = '2026-05-15';

function contract(id: number, contactId: number, start: string, end: string | null): ContractFacts {
  return { id, contactId, unitId: id, propertyId: 1, type: 'tenant', start, end };
}

const CONTACTS: ContactFacts[] = [
  { id: 1, archived: false, registered: true }, // active
  { id: 2, archived: false, registered: true }, // pre window (starts in 5 days)
  { id: 3, archived: false, registered: true }, // ended 10 days ago
  { id: 4, archived: false, registered: false }, // active, not registered
  { id: 5, archived: true, registered: true }, // archived, active
  { id: 6, archived: false, registered: true }, // no contract
  { id: 7, archived: false, registered: true }, // ended 100 days ago
];
const CONTRACTS: ContractFacts[] = [
  contract(1, 1, '2020-01-01', null),
  contract(2, 2, '2026-05-20', null),
  contract(3, 3, '2020-01-01', '2026-05-05'),
  contract(4, 4, '2020-01-01', null),
  contract(5, 5, '2020-01-01', null),
  contract(7, 7, '2020-01-01', '2026-02-04'),
];

describe('seatUsage', () => {
  it.each<[string, AccessSettings, number]>([
    ['windows off: only the active registered contact', settings(null, null), 1],
    ['pre 5 adds the upcoming contact', settings(5, null), 2],
    ['pre 4 is one day short', settings(4, null), 1],
    ['post 10 adds the contact who left 10 days ago', settings(null, 10), 2],
    ['post 9 is one day short', settings(null, 9), 1],
    ['both windows', settings(5, 10), 3],
    ['post 100 reaches the contact who left 100 days ago', settings(5, 100), 4],
    ['post 365', settings(365, 365), 4],
  ])('%s', (_name, s, used) => {
    expect(seatUsage(CONTACTS, CONTRACTS, s, DAY)).toEqual({ used, quota: null });
  });

  it('reports the quota of the settings', () => {
    expect(seatUsage(CONTACTS, CONTRACTS, settings(null, null, 50), DAY)).toEqual({ used: 1, quota: 50 });
  });

  it('counts a contact with several contracts once', () => {
    const cs = [...CONTRACTS, contract(8, 1, '2021-01-01', null), contract(9, 1, '2026-05-20', null)];
    expect(seatUsage(CONTACTS, cs, settings(5, null), DAY).used).toBe(2);
  });

  it('counts nothing without contacts', () => {
    expect(seatUsage([], CONTRACTS, settings(365, 365, 1), DAY)).toEqual({ used: 0, quota: 1 });
  });
});

describe('settingsImpact', () => {
  it.each<[string, AccessSettings, AccessSettings, SettingsImpact]>([
    [
      'turning post-contract access on restores access',
      settings(null, null),
      settings(null, 10),
      { gained: [3], lost: [], seatsBefore: 1, seatsAfter: 2, quota: null, overage: 0 },
    ],
    [
      'turning both on, with a quota that is exceeded',
      settings(null, null, 1),
      settings(5, 100, 2),
      { gained: [2, 3, 7], lost: [], seatsBefore: 1, seatsAfter: 4, quota: 2, overage: 2 },
    ],
    [
      'quota exactly met: no overage',
      settings(null, null),
      settings(5, 10, 3),
      { gained: [2, 3], lost: [], seatsBefore: 1, seatsAfter: 3, quota: 3, overage: 0 },
    ],
    [
      'turning both off takes access away',
      settings(5, 100, 10),
      settings(null, null, 10),
      { gained: [], lost: [2, 3, 7], seatsBefore: 4, seatsAfter: 1, quota: 10, overage: 0 },
    ],
    [
      'shortening the post window',
      settings(null, 100),
      settings(null, 10),
      { gained: [], lost: [7], seatsBefore: 3, seatsAfter: 2, quota: null, overage: 0 },
    ],
    [
      'swapping windows: gains and losses at once',
      settings(null, 10),
      settings(5, null),
      { gained: [2], lost: [3], seatsBefore: 2, seatsAfter: 2, quota: null, overage: 0 },
    ],
    [
      'only the quota changes',
      settings(5, 10, null),
      settings(5, 10, 1),
      { gained: [], lost: [], seatsBefore: 3, seatsAfter: 3, quota: 1, overage: 2 },
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(settingsImpact(CONTACTS, CONTRACTS, before, after, DAY)).toEqual(expected);
  });

  it('ignores unregistered and archived contacts even when their access changes', () => {
    const contacts: ContactFacts[] = [
      { id: 1, archived: false, registered: false },
      { id: 2, archived: true, registered: true },
    ];
    const contracts = [contract(1, 1, '2026-05-20', null), contract(2, 2, '2026-05-20', null)];
    expect(settingsImpact(contacts, contracts, settings(null, null), settings(30, null), DAY)).toEqual({
      gained: [],
      lost: [],
      seatsBefore: 0,
      seatsAfter: 0,
      quota: null,
      overage: 0,
    });
  });

  it('lists ids ascending whatever the input order', () => {
    const result = settingsImpact(
      [...CONTACTS].reverse(),
      CONTRACTS,
      settings(null, null),
      settings(5, 100),
      DAY,
    );
    expect(result.gained).toEqual([2, 3, 7]);
  });
});
