/**
 * Calendar dates `YYYY-MM-DD` (no time, no zone): the one date module of the contract, the renderer
 * and the core's policy. Arithmetic is calendar arithmetic in UTC, where every day has 24 hours, so
 * no process time zone or DST switch can shift a result. Canonical ISO dates compare correctly as
 * strings, so comparisons need no parsing.
 */
import type { IsoDate } from './domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a calendar date (setUTCFullYear, not Date.UTC, which maps the years 0–99 to 1900–1999). */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** True for a real calendar date `YYYY-MM-DD` (rejects 2026-02-30, 2027-13-01). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcDate(year, month - 1, day);
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

function partsOf(iso: IsoDate): [year: number, month: number, day: number] {
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return iso.split('-').map(Number) as [number, number, number];
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} offset must be an integer: ${n}`);
}

const toIso = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** The calendar date `n` days after `iso` (n may be negative or 0). Throws RangeError on an invalid date. */
export function addDays(iso: IsoDate, n: number): IsoDate {
  const [year, month, day] = partsOf(iso);
  requireInteger(n, 'Day');
  return toIso(utcDate(year, month - 1, day + n));
}

/**
 * The calendar date `n` months after `iso` (n may be negative): the same day of the month, or the
 * month's last day when it has no such day (2026-03-31 − 1 month = 2026-02-28).
 */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const [year, month, day] = partsOf(iso);
  requireInteger(n, 'Month');
  // Day 0 of the month after the target month is the target month's last day.
  const lastOfMonth = utcDate(year, month + n, 0);
  return toIso(utcDate(year, month - 1 + n, Math.min(day, lastOfMonth.getUTCDate())));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth, fromDay] = partsOf(from);
  const [toYear, toMonth, toDay] = partsOf(to);
  const ms =
    utcDate(toYear, toMonth - 1, toDay).getTime() - utcDate(fromYear, fromMonth - 1, fromDay).getTime();
  return Math.round(ms / DAY_MS);
}

/** −1, 0 or 1, like a sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates. */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
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
