/**
 * Calendar-date helpers over `YYYY-MM-DD` strings (ISO calendar dates, no time, no zone).
 *
 * Arithmetic goes through date-fns on a local Date pinned to 12:00, so it is exact whatever the
 * process time zone: noon exists on every day in every zone (DST switches happen at night), and
 * date-fns `addDays` moves the calendar day, not a fixed number of milliseconds. (The one thing a
 * local Date cannot represent is a calendar day a zone skipped entirely — Apia 2011-12-30 — which
 * concerns no zone since 2012 and never Europe/Berlin, the app's zone.)
 *
 * Canonical ISO dates compare correctly as strings, so comparisons need no parsing.
 */
import { addMonths as addMonthsFns, differenceInCalendarDays, lightFormat } from 'date-fns';
import type { IsoDate } from '../../../shared/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` calendar date to a local Date at noon, or null when invalid. */
function parseIso(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(2000, 0, 1, 12, 0, 0, 0);
  // setFullYear avoids the 0–99 → 1900–1999 mapping of the Date constructor.
  date.setFullYear(year, month - 1, day);
  // Day overflow (2026-02-30 → 2026-03-02) shows up as a different month or day.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

function toDate(iso: IsoDate): Date {
  const date = parseIso(iso);
  if (date === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return date;
}

function toIso(date: Date): IsoDate {
  return lightFormat(date, 'yyyy-MM-dd');
}

/**
 * Validation and day arithmetic live in shared/ so that the IPC contract, the renderer (the portal
 * preview's day steps) and the policy agree on what a date is.
 */
export { addDays, isIsoDate } from '../../../shared/dates';

/**
 * The calendar date `n` months after `iso` (n may be negative): the same day of the month, or the
 * month's last day when it has no such day (2026-03-31 − 1 month = 2026-02-28).
 */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Month offset must be an integer: ${n}`);
  return toIso(addMonthsFns(toDate(iso), n));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** −1, 0 or 1, like a sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return a > b;
}

/** The earlier of two dates. */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
