import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { IsoDate } from '../../../shared/domain';

/**
 * An instant as the core stores it (ISO 8601, or SQLite's "YYYY-MM-DD HH:MM:SS", which is UTC), or
 * null when it is not one.
 */
export function parseInstant(timestamp: string): Date | null {
  const normalised = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(timestamp)
    ? `${timestamp.replace(' ', 'T')}Z`
    : timestamp;
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The Europe/Berlin calendar day of an instant: an invitation made at 00:30 Berlin time (23:30 UTC
 * the day before) belongs to the Berlin day, not to the UTC one that `.slice(0, 10)` would give.
 */
export function berlinDayOf(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', { in: tz('Europe/Berlin') });
}
