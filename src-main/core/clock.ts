import type { IsoDate } from '../../shared/domain';
import { berlinToday } from '../../shared/dates';

/** The only source of "today" and "now" in the core. The demo, tests and the benchmark pin it. */
export interface Clock {
  /** Today's calendar date in Europe/Berlin. */
  today(): IsoDate;
  /** The current instant as an ISO timestamp (audit rows, outbox). */
  now(): string;
}

export const systemClock: Clock = {
  today: () => berlinToday(),
  now: () => new Date().toISOString(),
};

/** A clock whose calendar day is pinned; instants still move so that audit rows stay ordered. */
export function pinnedClock(today: IsoDate): Clock {
  return { today: () => today, now: () => new Date().toISOString() };
}
