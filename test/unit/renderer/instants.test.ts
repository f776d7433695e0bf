/** The renderer's reading of instants: a Berlin calendar day, never the UTC one. */
import { describe, expect, it } from 'vitest';
import { berlinDayOf, parseInstant } from '../../../src-renderer/src/i18n/instants';

const dayOf = (timestamp: string) => berlinDayOf(parseInstant(timestamp)!);

describe('berlinDayOf', () => {
  it('puts an invitation made at 00:30 Berlin time on the Berlin day, not the UTC day before', () => {
    // 23:30 UTC on 2 December is 00:30 on 3 December in Berlin (CET, UTC+1); .slice(0, 10) said the 2nd.
    expect(dayOf('2026-12-02T23:30:00.000Z')).toBe('2026-12-03');
    // Summer time (CEST, UTC+2): 22:30 UTC is already the next day.
    expect(dayOf('2026-07-14T22:30:00.000Z')).toBe('2026-07-15');
  });

  it('keeps the day when Berlin and UTC agree, and reads SQLite timestamps as UTC', () => {
    expect(dayOf('2026-12-02T22:59:59.000Z')).toBe('2026-12-02');
    expect(dayOf('2026-12-02 23:30:00')).toBe('2026-12-03');
  });

  it('gives null for what is not an instant', () => {
    expect(parseInstant('gestern')).toBeNull();
  });
});
