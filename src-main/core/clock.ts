import { TZDate } from '@date-fns/tz';
import type { IsoDate } from '../../shared/domain';
import { berlinToday } from '../../shared/dates';

/** The only source of "today" and "now" in the core. The demo, tests and the benchmark pin it. */
export interface Clock {
  /** Today's calendar date in Europe/Berlin. */
  today(): IsoDate;
  /** The current instant as an ISO timestamp (audit rows, outbox, created at). */
  now(): string;
}

export const systemClock: Clock = {
  today: () => berlinToday(),
  now: () => new Date().toISOString(),
};

/** The instant a Berlin calendar day starts, as an ISO timestamp in UTC (what `audit.at` holds). */
export function dayStartInstant(day: IsoDate): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 'Europe/Berlin').getTime()).toISOString();
}

/**
 * How far the instants of a clock pinned to `day` lie from the real ones: the real time of day
 * moved onto the pinned day, so that "erstellt am", the Protokoll and export names agree with "Heute".
 */
export function pinnedOffset(day: IsoDate, real: Date = new Date()): number {
  return Date.parse(dayStartInstant(day)) - Date.parse(dayStartInstant(berlinToday(real)));
}

/**
 * A clock whose calendar day is pinned (the demo's and the tests' `--today`). Its instants lie on
 * that day at the real time of day and keep moving, so that audit rows stay ordered.
 */
export function pinnedClock(today: IsoDate): Clock {
  const offset = pinnedOffset(today);
  return { today: () => today, now: () => new Date(Date.now() + offset).toISOString() };
}
