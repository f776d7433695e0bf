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
 * The contract dates the app accepts. ERPs write `9999-12-31` for "open-ended"; what the app derives
 * from a contract date (access windows of up to 365 days, the contact page's timeline up to 425 days
 * on) has to stay a four-digit year, so the last accepted day is two years short of 9999-12-31.
 */
export const CONTRACT_DATES = { from: '1900-01-01', to: '9997-12-31' } as const;

/** True for a calendar date inside CONTRACT_DATES. */
export function isContractDate(iso: IsoDate): boolean {
  return iso >= CONTRACT_DATES.from && iso <= CONTRACT_DATES.to;
}

/**
 * A calendar date written by `format` (an Intl.DateTimeFormat in UTC) with a year of at least four
 * digits: year 26 is "0026", neither 1926 (what Date.UTC makes of it) nor "26" (what Intl writes).
 */
export function formatCalendarDate(format: Intl.DateTimeFormat, iso: IsoDate): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'year' ? part.value.padStart(4, '0') : part.value))
    .join('');
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
