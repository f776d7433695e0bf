/** Which window a refusal names (issue 13 item 14): the next contract's pre window, else the last ended's post window. */
import { describe, expect, it } from 'vitest';
import { decidingWindow } from '../../../src-main/core/policy/decidingWindow';
import { inviteEligibility } from '../../../src-main/core/policy/invite';
import { CONTACT, contract, settings } from './accessFixtures';

const DAY = '2026-11-27';

describe('decidingWindow', () => {
  it('names the pre-contract window of the earliest future contract, with its first day when on', () => {
    const contracts = [contract(1, '2027-03-01', null), contract(2, '2027-02-01', null)];
    expect(decidingWindow(1, contracts, settings(30, 60), DAY)).toEqual({
      window: 'pre',
      enabled: true,
      days: 30,
      contractDay: '2027-02-01',
      windowDay: '2027-01-02',
    });
    expect(decidingWindow(1, contracts, settings(null, 60), DAY)).toMatchObject({
      window: 'pre',
      enabled: false,
      windowDay: null,
    });
  });

  it('else names the post-contract window of the contract that ended last, with its last day when on', () => {
    const contracts = [contract(1, '2020-01-01', '2025-12-31'), contract(2, '2026-01-01', '2026-08-31')];
    expect(decidingWindow(1, contracts, settings(30, 60), DAY)).toEqual({
      window: 'post',
      enabled: true,
      days: 60,
      contractDay: '2026-08-31',
      windowDay: '2026-10-30',
    });
    expect(decidingWindow(1, contracts, settings(30, null), DAY)).toMatchObject({
      enabled: false,
      windowDay: null,
    });
  });

  it('names none without a future or ended contract, and another contact’s contracts do not count', () => {
    expect(decidingWindow(1, [], settings(30, 60), DAY)).toBeNull();
    expect(
      decidingWindow(1, [contract(1, '2027-01-01', null, { contactId: 2 })], settings(30, 60), DAY),
    ).toBeNull();
  });

  it('is what an invitation refused outside the windows names', () => {
    const refusal = inviteEligibility(CONTACT, [contract(1, '2027-03-01', null)], settings(null, null), DAY);
    expect(refusal).toMatchObject({
      allowed: false,
      reason: 'OUTSIDE_ACCESS_WINDOW',
      window: { window: 'pre', enabled: false },
    });
  });
});
