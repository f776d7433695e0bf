import { describe, expect, it } from 'vitest';
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  ContractType,
  RoleShareResolution,
  RoleShareScope,
} from '../../../shared/domain';
import { contractInScope, resolveRoleShare } from '../../../src-main/core/policy';

function settings(pre: number | null, post: number | null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

const DAY = '2026-05-15';

// Property 1 has units 11, 12, 13; property 2 has unit 21.
const PROPERTY_OF: Record<number, number> = { 11: 1, 12: 1, 13: 1, 21: 2 };
let nextId = 100;
function contract(
  contactId: number,
  unitId: number,
  type: ContractType,
  start: string,
  end: string | null,
): ContractFacts {
  const propertyId = PROPERTY_OF[unitId];
  if (propertyId === undefined) throw new Error(`unknown unit ${unitId}`);
  return { id: nextId++, contactId, unitId, propertyId, type, start, end };
}

const CONTRACTS: ContractFacts[] = [
  contract(1, 11, 'tenant', '2020-01-01', null), // 100 active tenant of 11
  contract(2, 11, 'owner', '2015-01-01', null), // 101 active owner of 11
  contract(3, 12, 'tenant', '2026-05-20', null), // 102 upcoming tenant of 12 (in 5 days)
  contract(4, 13, 'tenant', '2021-01-01', '2026-05-12'), // 103 tenant of 13, ended 3 days ago
  contract(5, 21, 'tenant', '2020-01-01', null), // 104 active tenant in property 2
  contract(6, 12, 'tenant', '2020-01-01', null), // 105 archived contact, active
  contract(7, 12, 'owner', '2018-01-01', null), // 106 active owner of 12 …
  contract(7, 13, 'tenant', '2019-01-01', '2026-05-13'), // 107 … and ended tenant of 13
  contract(8, 11, 'tenant', '2010-01-01', '2012-12-31'), // 108 ended long ago
  contract(9, 12, 'tenant', '2026-05-20', null), // 109 upcoming tenant of 12 …
  contract(9, 13, 'owner', '2016-01-01', null), // 110 … and active owner of 13
];

const CONTACTS: ContactFacts[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => ({
  id,
  archived: id === 6,
  registered: id % 2 === 0,
}));

describe('contractInScope', () => {
  const c = CONTRACTS[0] as ContractFacts; // tenant of unit 11, property 1
  it.each<[string, RoleShareScope, boolean]>([
    ['same property, all units, all roles', { propertyId: 1, unitIds: null, role: 'all' }, true],
    ['empty unit list = whole property', { propertyId: 1, unitIds: [], role: 'tenant' }, true],
    ['listed unit', { propertyId: 1, unitIds: [12, 11], role: 'tenant' }, true],
    ['unit not listed', { propertyId: 1, unitIds: [12], role: 'tenant' }, false],
    ['other role', { propertyId: 1, unitIds: null, role: 'owner' }, false],
    ['other property', { propertyId: 2, unitIds: null, role: 'all' }, false],
    ['unit id of another property', { propertyId: 2, unitIds: [11], role: 'all' }, false],
  ])('%s', (_name, scope, expected) => {
    expect(contractInScope(c, scope)).toBe(expected);
  });
});

describe('resolveRoleShare', () => {
  const pre3 = (contactId: number, contractId: number) => ({
    contactId,
    grant: 'pre' as const,
    windowEnd: '2026-05-19',
    contractId,
  });

  it.each<[string, RoleShareScope, AccessSettings, RoleShareResolution]>([
    [
      'whole property, all roles',
      { propertyId: 1, unitIds: null, role: 'all' },
      settings(10, 10),
      {
        recipients: [1, 2, 7, 9],
        skipped: [pre3(3, 102), { contactId: 4, grant: 'post', windowEnd: '2026-05-22', contractId: 103 }],
      },
    ],
    [
      'empty unit list = whole property',
      { propertyId: 1, unitIds: [], role: 'all' },
      settings(10, 10),
      {
        recipients: [1, 2, 7, 9],
        skipped: [pre3(3, 102), { contactId: 4, grant: 'post', windowEnd: '2026-05-22', contractId: 103 }],
      },
    ],
    [
      'tenants: active owners elsewhere in the property are skipped by their tenant contracts',
      { propertyId: 1, unitIds: null, role: 'tenant' },
      settings(10, 10),
      {
        recipients: [1],
        skipped: [
          pre3(3, 102),
          { contactId: 4, grant: 'post', windowEnd: '2026-05-22', contractId: 103 },
          { contactId: 7, grant: 'post', windowEnd: '2026-05-23', contractId: 107 },
          pre3(9, 109),
        ],
      },
    ],
    [
      'owners',
      { propertyId: 1, unitIds: null, role: 'owner' },
      settings(10, 10),
      { recipients: [2, 7, 9], skipped: [] },
    ],
    [
      'one unit, all roles (archived tenant excluded)',
      { propertyId: 1, unitIds: [12], role: 'all' },
      settings(10, 10),
      { recipients: [7], skipped: [pre3(3, 102), pre3(9, 109)] },
    ],
    [
      'one unit, tenants, pre window too short',
      { propertyId: 1, unitIds: [12], role: 'tenant' },
      settings(4, 10),
      { recipients: [], skipped: [] },
    ],
    [
      'one unit, tenants, pre window exactly reaching today',
      { propertyId: 1, unitIds: [12], role: 'tenant' },
      settings(5, 10),
      { recipients: [], skipped: [pre3(3, 102), pre3(9, 109)] },
    ],
    [
      'unit 13, tenants: two post windows, one on its last day',
      { propertyId: 1, unitIds: [13], role: 'tenant' },
      settings(null, 3),
      {
        recipients: [],
        skipped: [
          { contactId: 4, grant: 'post', windowEnd: '2026-05-15', contractId: 103 },
          { contactId: 7, grant: 'post', windowEnd: '2026-05-16', contractId: 107 },
        ],
      },
    ],
    [
      'unit 13, tenants: post window over for one of them',
      { propertyId: 1, unitIds: [13], role: 'tenant' },
      settings(null, 2),
      {
        recipients: [],
        skipped: [{ contactId: 7, grant: 'post', windowEnd: '2026-05-15', contractId: 107 }],
      },
    ],
    [
      'units 11 + 13',
      { propertyId: 1, unitIds: [11, 13], role: 'all' },
      settings(10, 10),
      {
        recipients: [1, 2, 9],
        skipped: [
          { contactId: 4, grant: 'post', windowEnd: '2026-05-22', contractId: 103 },
          { contactId: 7, grant: 'post', windowEnd: '2026-05-23', contractId: 107 },
        ],
      },
    ],
    [
      'windows off: nobody skipped',
      { propertyId: 1, unitIds: null, role: 'all' },
      settings(null, null),
      { recipients: [1, 2, 7, 9], skipped: [] },
    ],
    [
      'other property',
      { propertyId: 2, unitIds: null, role: 'all' },
      settings(10, 10),
      { recipients: [5], skipped: [] },
    ],
    [
      'owners of property 2',
      { propertyId: 2, unitIds: null, role: 'owner' },
      settings(10, 10),
      { recipients: [], skipped: [] },
    ],
    [
      'unknown property',
      { propertyId: 99, unitIds: null, role: 'all' },
      settings(10, 10),
      { recipients: [], skipped: [] },
    ],
  ])('%s', (_name, scope, s, expected) => {
    expect(resolveRoleShare(scope, CONTACTS, CONTRACTS, s, DAY)).toEqual(expected);
  });

  it('sorts by contact id whatever the input order', () => {
    const scope: RoleShareScope = { propertyId: 1, unitIds: null, role: 'all' };
    const sorted = resolveRoleShare(scope, CONTACTS, CONTRACTS, settings(10, 10), DAY);
    const shuffled = resolveRoleShare(
      scope,
      [...CONTACTS].reverse(),
      [...CONTRACTS].reverse(),
      settings(10, 10),
      DAY,
    );
    expect(shuffled).toEqual(sorted);
  });

  it('a tenant who moved out is no longer a recipient on the next day', () => {
    const scope: RoleShareScope = { propertyId: 1, unitIds: [13], role: 'tenant' };
    const c = contract(50, 13, 'tenant', '2020-01-01', '2026-05-15');
    const people: ContactFacts[] = [{ id: 50, archived: false, registered: true }];
    expect(resolveRoleShare(scope, people, [c], settings(null, null), '2026-05-15').recipients).toEqual([50]);
    expect(resolveRoleShare(scope, people, [c], settings(null, null), '2026-05-16')).toEqual({
      recipients: [],
      skipped: [],
    });
    expect(resolveRoleShare(scope, people, [c], settings(null, 30), '2026-05-16')).toEqual({
      recipients: [],
      skipped: [{ contactId: 50, grant: 'post', windowEnd: '2026-06-14', contractId: c.id }],
    });
  });

  it('contacts without facts in the list are ignored; duplicates appear once', () => {
    const scope: RoleShareScope = { propertyId: 1, unitIds: null, role: 'all' };
    const only = CONTACTS.filter((c) => c.id === 1 || c.id === 3);
    expect(resolveRoleShare(scope, [...only, ...only], CONTRACTS, settings(10, 10), DAY)).toEqual({
      recipients: [1],
      skipped: [pre3(3, 102)],
    });
  });
});
