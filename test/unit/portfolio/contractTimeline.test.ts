/**
 * The contract timeline of the contact page, laid out by the core (the renderer only draws it):
 * positions are day counts from the axis start, spans end at the start of the day after.
 */
import { describe, expect, it } from 'vitest';
import type { AccessSettings } from '../../../shared/domain';
import { contractWindows } from '../../../src-main/core/policy';
import { contractTimeline } from '../../../src-main/core/services/portfolioViews';

function settings(pre: number | null, post: number | null): AccessSettings {
  return {
    preContract: { enabled: pre !== null, days: pre ?? 30 },
    postContract: { enabled: post !== null, days: post ?? 30 },
    seatQuota: null,
  };
}

function timeline(start: string, end: string | null, s: AccessSettings, today: string) {
  return contractTimeline({ start, end }, contractWindows({ start, end }, s), today);
}

describe('contract timeline', () => {
  it('windows off: the contract with 20 days either side, no windows', () => {
    expect(timeline('2026-06-10', '2026-06-20', settings(null, null), '2026-06-15')).toEqual({
      from: '2026-05-21',
      until: '2026-07-10',
      days: 50,
      pre: null,
      contract: { from: 20, to: 31 },
      post: null,
      today: 25,
    });
  });

  it('windows on: pre-contract access up to the start, access after the end up to its last day', () => {
    // Pre 2026-05-11 … 06-09, contract 06-10 … 06-20, post 06-21 … 07-04.
    expect(timeline('2026-06-10', '2026-06-20', settings(30, 14), '2026-06-15')).toEqual({
      from: '2026-04-21',
      until: '2026-07-24',
      days: 94,
      pre: { from: 20, to: 50 },
      contract: { from: 50, to: 61 },
      post: { from: 61, to: 75 },
      today: 55,
    });
  });

  it('open-ended: drawn for a year and on to the end of the axis, no window after it', () => {
    const open = timeline('2026-06-10', null, settings(null, 14), '2026-06-15');
    expect(open).toMatchObject({ from: '2026-05-21', until: '2027-08-09', pre: null, post: null });
    expect(open.contract).toEqual({ from: 20, to: open.days });
  });

  it('the axis reaches today when today lies before or after everything else', () => {
    const before = timeline('2026-06-10', '2026-06-20', settings(30, null), '2026-04-01');
    expect(before).toMatchObject({ from: '2026-03-12', today: 20, pre: { from: 60, to: 90 } });
    const after = timeline('2026-06-10', '2026-06-20', settings(null, 14), '2027-01-01');
    expect(after).toMatchObject({ until: '2027-01-21', today: after.days - 20, post: { from: 31, to: 45 } });
  });
});
