/** The renderer's reading of instants: a Berlin calendar day, never the UTC one. */
import { describe, expect, it } from 'vitest';
import { berlinDayOf, parseInstant } from '../../../src-renderer/src/i18n/instants';

describe('berlinDayOf', () => {
  it.each([
    // 23:30 UTC on 2 December is 00:30 on 3 December in Berlin (CET, UTC+1); .slice(0, 10) said the 2nd.
    ['an invitation made at 00:30 Berlin time', '2026-12-02T23:30:00.000Z', '2026-12-03'],
    ['summer time (CEST, UTC+2), 00:30 in Berlin', '2026-07-14T22:30:00.000Z', '2026-07-15'],
    ['the last second Berlin and UTC agree on', '2026-12-02T22:59:59.000Z', '2026-12-02'],
    ['a SQLite timestamp, which is UTC', '2026-12-02 23:30:00', '2026-12-03'],
  ])('%s: %s is the Berlin day %s', (_case, timestamp, day) => {
    expect(berlinDayOf(parseInstant(timestamp)!)).toBe(day);
  });

  it('has nothing to read in what is not an instant', () => {
    expect(parseInstant('gestern')).toBeNull();
  });
});
