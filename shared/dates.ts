import type { IsoDate } from './domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date `YYYY-MM-DD` (rejects 2026-02-30, 2027-13-01). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps the years 0–99 to 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The calendar date `n` days after `iso` (n may be negative or 0). Calendar arithmetic in UTC, where
 * every day has 24 hours, so no time zone or DST can shift it. Throws RangeError on an invalid date.
 */
export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  if (!Number.isInteger(n)) throw new RangeError(`Day offset must be an integer: ${n}`);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + n);
  return date.toISOString().slice(0, 10);
}

/** Today's calendar date in Europe/Berlin, the time zone all contract dates are meant in. */
export function berlinToday(now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
