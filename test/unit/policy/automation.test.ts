import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContractFacts } from '../../../shared/domain';
import {
  daysToRun,
  invitationsDue,
  MAX_CATCH_UP_DAYS,
  noticesDue,
  type AutomationContact,
} from '../../../src-main/core/policy/automation';

function settings(pre: number | null, post: number | null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

function contract(id: number, contactId: number, start: string, end: string | null = null): ContractFacts {
  return { id, contactId, unitId: id, propertyId: 1, type: 'tenant', start, end };
}

function contact(id: number, extra: Partial<AutomationContact> = {}): AutomationContact {
  return {
    id,
    archived: false,
    anonymised: false,
    registered: false,
    invited: false,
    emailValid: true,
    preference: 'online',
    ...extra,
  };
}

describe('invitationsDue', () => {
  const startsJune1 = contract(1, 1, '2026-06-01');

  it('invites on the day the pre-contract window opens, not the day before or after', () => {
    const rules = settings(30, null);
    expect(invitationsDue([contact(1)], [startsJune1], rules, '2026-05-02')).toEqual([
      { contactId: 1, contractId: 1, channel: 'email', occasion: 'pre' },
    ]);
    expect(invitationsDue([contact(1)], [startsJune1], rules, '2026-05-01')).toEqual([]);
    expect(invitationsDue([contact(1)], [startsJune1], rules, '2026-05-03')).toEqual([]);
  });

  it('invites on the start day of a new contract (without pre-contract access, or when still not invited)', () => {
    expect(invitationsDue([contact(1)], [startsJune1], settings(null, null), '2026-06-01')).toEqual([
      { contactId: 1, contractId: 1, channel: 'email', occasion: 'start' },
    ]);
    expect(invitationsDue([contact(1)], [startsJune1], settings(30, null), '2026-06-01')).toEqual([
      { contactId: 1, contractId: 1, channel: 'email', occasion: 'start' },
    ]);
  });

  it('leaves out the registered, the invited, the archived and the anonymised', () => {
    const contacts = [
      contact(1, { registered: true }),
      contact(2, { invited: true }),
      contact(3, { archived: true }),
      contact(4, { archived: true, anonymised: true }),
      contact(5),
    ];
    const contracts = [1, 2, 3, 4, 5].map((id) => contract(id, id, '2026-06-01'));
    expect(
      invitationsDue(contacts, contracts, settings(null, null), '2026-06-01').map((d) => d.contactId),
    ).toEqual([5]);
  });

  it('sends a letter to a contact who prefers post or has no valid address', () => {
    const contacts = [contact(1, { preference: 'postal' }), contact(2, { emailValid: false }), contact(3)];
    const contracts = [1, 2, 3].map((id) => contract(id, id, '2026-06-01'));
    expect(
      invitationsDue(contacts, contracts, settings(null, null), '2026-06-01').map((d) => d.channel),
    ).toEqual(['letter', 'letter', 'email']);
  });

  it('names one occasion per contact when two contracts fall on the day (the lower contract id)', () => {
    const contracts = [contract(7, 1, '2026-06-01'), contract(3, 1, '2026-06-01')];
    expect(invitationsDue([contact(1)], contracts, settings(null, null), '2026-06-01')).toEqual([
      { contactId: 1, contractId: 3, channel: 'email', occasion: 'start' },
    ]);
  });

  it("gives a contact no occasion through another contact's contract", () => {
    expect(invitationsDue([contact(2)], [startsJune1], settings(null, null), '2026-06-01')).toEqual([]);
  });
});

describe('noticesDue', () => {
  // Ends 2026-06-30; post window 60 days: last day of access 2026-08-29.
  const ended = contract(1, 1, '2020-01-01', '2026-06-30');
  const registered = contact(1, { registered: true });

  it('tells a registered contact N days before the last day of access after contract end', () => {
    expect(noticesDue([registered], [ended], settings(null, 60), '2026-08-15', 14)).toEqual([
      { contactId: 1, contractId: 1, accessEnds: '2026-08-29' },
    ]);
    expect(noticesDue([registered], [ended], settings(null, 60), '2026-08-14', 14)).toEqual([]);
    expect(noticesDue([registered], [ended], settings(null, 60), '2026-08-16', 14)).toEqual([]);
  });

  it('tells on the first day after contract end when the window is shorter than the notice period', () => {
    expect(noticesDue([registered], [ended], settings(null, 10), '2026-07-01', 14)).toEqual([
      { contactId: 1, contractId: 1, accessEnds: '2026-07-10' },
    ]);
  });

  it('tells nobody whose access goes on (a new contract), who never registered, or without the window', () => {
    const next = contract(2, 1, '2026-09-01');
    expect(noticesDue([registered], [ended, next], settings(30, 60), '2026-08-15', 14)).toEqual([]);
    expect(noticesDue([contact(1)], [ended], settings(null, 60), '2026-08-15', 14)).toEqual([]);
    expect(noticesDue([registered], [ended], settings(null, null), '2026-06-16', 14)).toEqual([]);
  });
});

describe('daysToRun', () => {
  it('runs from the day the rule was switched on, then each day after the last run through today', () => {
    expect(daysToRun('2026-05-10', null, '2026-05-12')).toEqual(['2026-05-10', '2026-05-11', '2026-05-12']);
    expect(daysToRun('2026-05-10', '2026-05-11', '2026-05-12')).toEqual(['2026-05-12']);
  });

  it('runs nothing when today ran already or the clock was set back', () => {
    expect(daysToRun('2026-05-10', '2026-05-12', '2026-05-12')).toEqual([]);
    expect(daysToRun('2026-05-10', '2026-05-12', '2026-05-11')).toEqual([]);
    expect(daysToRun('2026-05-10', null, '2026-05-09')).toEqual([]);
  });

  it(`catches up at most ${MAX_CATCH_UP_DAYS} days`, () => {
    const days = daysToRun('2026-01-01', null, '2026-05-12');
    expect(days).toHaveLength(MAX_CATCH_UP_DAYS);
    expect(days.at(-1)).toBe('2026-05-12');
  });
});
