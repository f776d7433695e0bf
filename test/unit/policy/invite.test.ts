import { describe, expect, it } from 'vitest';
import type {
  AccessSettings,
  ContactFacts,
  ContractFacts,
  IndividualShareEligibility,
  InviteEligibility,
} from '../../../shared/domain';
import { individualShareAllowed, inviteEligibility, nextAccessDay } from '../../../src-main/core/policy';

function settings(pre: number | null, post: number | null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

function contract(id: number, start: string, end: string | null, contactId = 1): ContractFacts {
  return { id, contactId, unitId: id, propertyId: 1, type: 'tenant', start, end };
}

function contact(archived = false, registered = false): ContactFacts {
  return { id: 1, archived, registered };
}

const DAY = '2026-05-15';
const active = contract(1, '2020-01-01', null);
const endedYesterday = contract(2, '2020-01-01', '2026-05-14');
const endedLongAgo = contract(3, '2010-01-01', '2015-12-31');
const startsIn10 = contract(4, '2026-05-25', null);
const startsIn20 = contract(5, '2026-06-04', '2027-06-03');
const startsTomorrow = contract(6, '2026-05-16', null);

describe('inviteEligibility', () => {
  it.each<[string, ContactFacts, ContractFacts[], AccessSettings, InviteEligibility]>([
    [
      'archived comes first (even registered, with an active contract)',
      contact(true, true),
      [active],
      settings(30, 30),
      { allowed: false, reason: 'ARCHIVED', possibleFrom: null },
    ],
    [
      'archived without contracts',
      contact(true, false),
      [],
      settings(null, null),
      { allowed: false, reason: 'ARCHIVED', possibleFrom: null },
    ],
    [
      'registered comes before NO_CONTRACT',
      contact(false, true),
      [],
      settings(null, null),
      { allowed: false, reason: 'ALREADY_REGISTERED', possibleFrom: null },
    ],
    [
      'registered with an active contract',
      contact(false, true),
      [active],
      settings(null, null),
      { allowed: false, reason: 'ALREADY_REGISTERED', possibleFrom: null },
    ],
    [
      'no contract at all',
      contact(),
      [],
      settings(30, 30),
      { allowed: false, reason: 'NO_CONTRACT', possibleFrom: null },
    ],
    [
      'only contracts of other contacts',
      contact(),
      [contract(9, '2020-01-01', null, 2)],
      settings(30, 30),
      { allowed: false, reason: 'NO_CONTRACT', possibleFrom: null },
    ],
    [
      'active contract',
      contact(),
      [active],
      settings(null, null),
      { allowed: true, access: { grant: 'active', until: null, contractId: 1 } },
    ],
    [
      'inside the post window',
      contact(),
      [endedYesterday],
      settings(null, 7),
      { allowed: true, access: { grant: 'post', until: '2026-05-21', contractId: 2 } },
    ],
    [
      'inside the pre window',
      contact(),
      [startsIn10],
      settings(10, null),
      { allowed: true, access: { grant: 'pre', until: '2026-05-24', contractId: 4 } },
    ],
    [
      'ended, post off: never again',
      contact(),
      [endedYesterday],
      settings(30, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: null },
    ],
    [
      'ended past the post window: never again',
      contact(),
      [endedLongAgo],
      settings(30, 365),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: null },
    ],
    [
      'upcoming, pre off: from the start',
      contact(),
      [startsIn20],
      settings(null, 30),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-06-04' },
    ],
    [
      'upcoming, pre 7: from start − 7',
      contact(),
      [startsIn20],
      settings(7, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-28' },
    ],
    [
      'upcoming, pre 19: from tomorrow',
      contact(),
      [startsIn20],
      settings(19, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-16' },
    ],
    [
      'upcoming, pre 20: today already',
      contact(),
      [startsIn20],
      settings(20, null),
      { allowed: true, access: { grant: 'pre', until: '2026-06-03', contractId: 5 } },
    ],
    [
      'starts tomorrow, pre off: from tomorrow',
      contact(),
      [startsTomorrow],
      settings(null, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-16' },
    ],
    [
      'move: old ended yesterday, new starts in 10 days, windows off',
      contact(),
      [endedYesterday, startsIn10],
      settings(null, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-25' },
    ],
    [
      'move with pre 3: from start − 3',
      contact(),
      [endedYesterday, startsIn10],
      settings(3, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-22' },
    ],
    [
      'several upcoming contracts: the earliest opening',
      contact(),
      [startsIn20, endedLongAgo, startsIn10],
      settings(null, null),
      { allowed: false, reason: 'OUTSIDE_ACCESS_WINDOW', possibleFrom: '2026-05-25' },
    ],
  ])('%s', (_name, c, contracts, s, expected) => {
    // The deciding window a refusal also names is decidingWindow.test.ts's.
    expect(inviteEligibility(c, contracts, s, DAY)).toMatchObject(expected);
  });

  it('possibleFrom across the leap day', () => {
    const c = contract(1, '2028-03-01', null);
    expect(inviteEligibility(contact(), [c], settings(2, null), '2028-02-20')).toMatchObject({
      allowed: false,
      reason: 'OUTSIDE_ACCESS_WINDOW',
      possibleFrom: '2028-02-28',
    });
    expect(inviteEligibility(contact(), [c], settings(1, null), '2028-02-20')).toMatchObject({
      allowed: false,
      reason: 'OUTSIDE_ACCESS_WINDOW',
      possibleFrom: '2028-02-29',
    });
  });

  it('on possibleFrom the invitation is allowed, the day before it is not', () => {
    const s = settings(7, null);
    const refused = inviteEligibility(contact(), [startsIn20], s, DAY);
    expect(refused.allowed).toBe(false);
    const from = refused.allowed ? null : refused.possibleFrom;
    expect(from).toBe('2026-05-28');
    expect(inviteEligibility(contact(), [startsIn20], s, '2026-05-27').allowed).toBe(false);
    expect(inviteEligibility(contact(), [startsIn20], s, '2026-05-28')).toEqual({
      allowed: true,
      access: { grant: 'pre', until: '2026-06-03', contractId: 5 },
    });
  });
});

describe('nextAccessDay', () => {
  it.each<[string, ContractFacts[], AccessSettings, string | null]>([
    ['access continues tomorrow', [active], settings(null, null), '2026-05-16'],
    ['post window continues tomorrow', [endedYesterday], settings(null, 2), '2026-05-16'],
    ['post window ends today, nothing after', [endedYesterday], settings(null, 1), null],
    ['post ends today, new contract later', [endedYesterday, startsIn20], settings(null, 1), '2026-06-04'],
    ['no future contract', [endedLongAgo], settings(365, 365), null],
  ])('%s', (_name, contracts, s, expected) => {
    expect(nextAccessDay(contact(), contracts, s, DAY)).toBe(expected);
  });

  it('archived contacts never get access', () => {
    expect(nextAccessDay(contact(true), [startsIn20], settings(null, null), DAY)).toBeNull();
  });
});

describe('individualShareAllowed', () => {
  it.each<[string, ContactFacts, ContractFacts[], AccessSettings, IndividualShareEligibility]>([
    ['archived', contact(true, true), [active], settings(30, 30), { allowed: false, reason: 'ARCHIVED' }],
    ['no contract', contact(), [], settings(30, 30), { allowed: false, reason: 'NO_ACCESS' }],
    [
      'ended, windows off',
      contact(),
      [endedYesterday],
      settings(null, null),
      { allowed: false, reason: 'NO_ACCESS' },
    ],
    [
      'upcoming, windows off',
      contact(),
      [startsIn10],
      settings(null, null),
      { allowed: false, reason: 'NO_ACCESS' },
    ],
    [
      'active',
      contact(false, true),
      [active],
      settings(null, null),
      { allowed: true, access: { grant: 'active', until: null, contractId: 1 } },
    ],
    [
      'pre window',
      contact(),
      [startsIn10],
      settings(10, null),
      { allowed: true, access: { grant: 'pre', until: '2026-05-24', contractId: 4 } },
    ],
    [
      'post window',
      contact(),
      [endedYesterday],
      settings(null, 1),
      { allowed: true, access: { grant: 'post', until: '2026-05-15', contractId: 2 } },
    ],
  ])('%s', (_name, c, contracts, s, expected) => {
    expect(individualShareAllowed(c, contracts, s, DAY)).toEqual(expected);
  });
});
