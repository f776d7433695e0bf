/**
 * The maintained figures through the app's own write paths, and across midnight with the core open:
 * the clock moves, nothing is written, and the overview, the seats and the list's chips are those
 * of the new day.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/domain';
import { addDays } from '../../../shared/dates';
import { createCore } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { markAsDemo, ok, tempDir } from '../support';
import {
  createContact,
  createContract,
  createProperty,
  createUnit,
  setAccess,
  type TestCore,
} from '../portfolio/fixtures';

/** A core whose calendar day the test turns. */
function coreWithMovableDay(start: IsoDate): { core: TestCore; turnDay(): IsoDate } {
  let today = start;
  const dataDir = tempDir('paa-midnight-');
  const core = createCore({
    dataDir,
    clock: { today: () => today, now: () => `${today}T12:00:00.000Z` },
    actor: 'unit-test',
    preferences: memoryPreferenceStore(),
  });
  // Registrations are simulated, which only the demo store allows.
  markAsDemo({ dataDir });
  return {
    core: Object.assign(core, { dataDir }),
    turnDay: () => {
      today = addDays(today, 1);
      return today;
    },
  };
}

describe('access figures over midnight', () => {
  it('the overview, the seats and the chips are the new day’s after the clock turns, with no write', async () => {
    const day: IsoDate = '2027-03-31';
    const { core, turnDay } = coreWithMovableDay(day);
    try {
      await setAccess(core, { postContract: { enabled: true, days: 1 }, seatQuota: 5 });
      const property = await createProperty(core);
      const unit = await createUnit(core, property.id);
      const leaving = await createContact(core, { referenceId: 'K-1' });
      const arriving = await createContact(core, { referenceId: 'K-2', lastName: 'Schulz' });
      await createContract(core, {
        contactId: leaving.contact.id,
        unitId: unit.id,
        start: '2026-01-01',
        end: day,
      });
      await createContract(core, {
        contactId: arriving.contact.id,
        unitId: unit.id,
        number: 'MV-2',
        start: addDays(day, 1),
      });
      // The leaving tenant registers in the portal: a seat.
      const invitation = await ok(core, 'invitations.create', {
        contactId: leaving.contact.id,
        channel: 'code',
      });
      await ok(core, 'invitations.redeem', { code: invitation.code! });

      const before = await ok(core, 'portfolio.overview');
      expect(before.contactsByAccess).toEqual({ active: 1, pre: 0, post: 0, none: 1 });
      expect(before.seats).toEqual({ used: 1, quota: 5 });

      turnDay(); // the leaving tenant's last day is over: after contract end for one day
      const next = await ok(core, 'portfolio.overview');
      expect(next.contactsByAccess).toEqual({ active: 1, pre: 0, post: 1, none: 0 });
      expect(next.seats.used).toBe(1);
      expect((await ok(core, 'contacts.list', {})).countsByAccess).toEqual(next.contactsByAccess);

      turnDay(); // the window of one day has passed: the seat is free
      const later = await ok(core, 'portfolio.overview');
      expect(later.contactsByAccess).toEqual({ active: 1, pre: 0, post: 0, none: 1 });
      expect(later.seats.used).toBe(0);

      // Archiving goes through the same maintenance: the archived contact leaves every figure.
      await ok(core, 'contacts.setArchived', { id: arriving.contact.id, archived: true });
      const archived = await ok(core, 'contacts.list', { includeArchived: true });
      expect(archived.countsByAccess).toEqual({ active: 0, pre: 0, post: 0, none: 2 });
      expect((await ok(core, 'portfolio.overview')).contacts).toBe(1);
    } finally {
      core.close();
    }
  });

  it('the seat forecast under proposed settings is the one saving them gives', async () => {
    const day: IsoDate = '2027-03-31';
    const { core } = coreWithMovableDay(day);
    try {
      await setAccess(core, { preContract: { enabled: true, days: 10 }, seatQuota: 2 });
      const property = await createProperty(core);
      const unit = await createUnit(core, property.id);
      const dates: [number, number | null][] = [
        [-400, 20],
        [-30, 100],
        [15, 200],
        [60, null],
        [-800, -5],
      ];
      for (const [i, [start, end]] of dates.entries()) {
        const { contact } = await createContact(core, { referenceId: `K-${i}`, lastName: `N${i}` });
        await createContract(core, {
          contactId: contact.id,
          unitId: unit.id,
          number: `MV-${i}`,
          start: addDays(day, start),
          end: end === null ? null : addDays(day, end),
        });
        if (start > 10 || (end !== null && end < 0)) continue; // no access today: cannot register
        const invitation = await ok(core, 'invitations.create', { contactId: contact.id, channel: 'code' });
        await ok(core, 'invitations.redeem', { code: invitation.code! });
      }
      const proposed = {
        preContract: { enabled: true, days: 90 },
        postContract: { enabled: true, days: 45 },
        seatQuota: 3,
      };
      const forecast = await ok(core, 'settings.previewSeatForecast', proposed);
      expect(forecast.days).toHaveLength(367); // 2027-03-31 … 2028-03-31, over a leap day
      expect(forecast.days[0]).toMatchObject({
        day,
        current: (await ok(core, 'portfolio.overview')).seats.used,
      });
      expect(forecast.quota).toBe(2);
      expect(forecast.proposedQuota).toBe(3);
      await ok(core, 'settings.updateAccess', proposed);
      const saved = await ok(core, 'settings.seatForecast');
      expect(saved.days.map((d) => d.current)).toEqual(forecast.days.map((d) => d.proposed));
      expect(new Set(saved.days.map((d) => d.current)).size).toBeGreaterThan(1);
    } finally {
      core.close();
    }
  });

  it('a search counts exactly up to the bound and says so', async () => {
    const { core } = coreWithMovableDay('2027-03-31');
    try {
      await createContact(core, { referenceId: 'K-1' });
      await createContact(core, { referenceId: 'K-2', lastName: 'Schulz' });
      const searched = await ok(core, 'contacts.list', { search: 'Schulz' });
      expect(searched.total).toBe(1);
      expect(searched.countsByAccess).toEqual({ active: 0, pre: 0, post: 0, none: 1 });
      expect(searched.countBound).toBe(1000);
      expect((await ok(core, 'contacts.list', {})).countBound).toBeNull();
    } finally {
      core.close();
    }
  });
});
