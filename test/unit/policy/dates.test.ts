import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  isIsoDate,
  maxIsoDate,
  minIsoDate,
  formatCalendarDate,
} from '../../../shared/dates';

/** Independent oracle: pure UTC millisecond arithmetic (no zone, no DST). */
function utcAddDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

// Zones with DST at 02:00/03:00 (Berlin), at midnight (Santiago, Havana), 30-minute DST (Lord Howe),
// and the ±13/14 h offsets of the Pacific. (Calendar days a zone skipped entirely — Apia 2011-12-30,
// Kiritimati 1994-12-31 — cannot exist as local dates; the ranges below never reach them.)
/** Zone → its UTC offset in minutes (Date#getTimezoneOffset) on 2026-07-01, to prove the switch took effect. */
const ZONES: Record<string, number> = {
  UTC: 0,
  'Europe/Berlin': -120,
  'America/Santiago': 240,
  'America/Havana': 240,
  'Australia/Lord_Howe': -630,
  'Pacific/Apia': -780,
  'Pacific/Kiritimati': -840,
};

describe('isIsoDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['2026-1-05', false],
    ['26-01-05', false],
    ['2026-01-05T00:00', false],
    [' 2026-01-05', false],
    ['2026/01/05', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([[null], [undefined], [20260105], [new Date('2026-01-05')]])('rejects non-string %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('accepts a day exactly when the UTC calendar has it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === iso;
          expect(isIsoDate(iso)).toBe(real);
        },
      ),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-28', 1, '2026-03-29'], // Berlin: summer time starts 2026-03-29
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 1, '2026-10-25'], // Berlin: winter time starts 2026-10-25
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'],
    ['2028-01-15', 365, '2029-01-14'],
    ['2027-01-01', -365, '2026-01-01'],
    ['2029-01-14', -365, '2028-01-15'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('addDays(%s, %i) = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it.each(Object.entries(ZONES))(
    'matches UTC arithmetic in time zone %s (DST, leap days)',
    (zone, offset) => {
      process.env.TZ = zone;
      expect(new Date('2026-07-01T00:00:00Z').getTimezoneOffset()).toBe(offset);
      fc.assert(
        fc.property(
          // From 2015: even 800 days back stays after Apia's skipped 2011-12-30.
          fc.integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2060, 0, 1) / 86_400_000 }),
          fc.integer({ min: -800, max: 800 }),
          (epochDay, n) => {
            const iso = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
            expect(addDays(iso, n)).toBe(utcAddDays(iso, n));
            expect(daysBetween(iso, addDays(iso, n))).toBe(n);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('walks every day of 2026–2028 one by one, forwards, in zones with odd transitions', () => {
    for (const zone of ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Apia']) {
      process.env.TZ = zone;
      for (const [from, to] of [
        ['2025-12-25', '2029-01-05'],
        ['2013-01-01', '2014-01-01'],
      ] as const) {
        let iso: string = from;
        let steps = 0;
        while (iso !== to) {
          const next = addDays(iso, 1);
          expect(next, `${zone} ${iso}`).toBe(utcAddDays(iso, 1));
          iso = next;
          steps++;
        }
        expect(steps).toBe(daysBetween(from, to));
      }
    }
  });

  it('throws on invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('comparison helpers', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
    ['2026-09-30', '2026-10-01', -1],
  ] as const)('compareIsoDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareIsoDates(a, b)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-01-02', '2026-01-01', '2026-01-02'],
    ['2026-10-01', '2026-09-30', '2026-09-30', '2026-10-01'],
    ['2028-02-29', '2028-02-29', '2028-02-29', '2028-02-29'],
  ])('min/max of %s and %s', (a, b, min, max) => {
    expect(minIsoDate(a, b)).toBe(min);
    expect(maxIsoDate(a, b)).toBe(max);
  });

  it('daysBetween counts calendar days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});

describe('formatCalendarDate', () => {
  it('writes every year in at least four digits, years below 100 included', () => {
    const german = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    expect(formatCalendarDate(german, '2026-11-27')).toBe('27.11.2026');
    expect(formatCalendarDate(german, '0026-11-27')).toBe('27.11.0026');
    expect(formatCalendarDate(german, '0001-01-01')).toBe('01.01.0001');
    expect(formatCalendarDate(german, '9997-12-31')).toBe('31.12.9997');
  });
});
