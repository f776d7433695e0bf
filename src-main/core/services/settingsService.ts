import type { AccessSettings, IsoDate, SettingsImpact } from '../../../shared/domain';
import type { SeatForecast } from '../../../shared/contract/settings';
import { addDays, addMonths, daysBetween } from '../../../shared/dates';
import { accessSpans, addSpanToSeries } from '../policy/accessSpans';
import { accessSettingsSchema } from '../../../shared/ipc';
import { settingsRepository } from '../db/settingsRepository';
import type { CoreContext } from '../context';
import { accessRepository } from '../db/accessRepository';
import type { SettingsRepository } from '../db/settingsRepository';
import { readStoredSetting, storedSetting } from './storedSetting';

export const ACCESS_KEY = 'access';

/** Both windows off by default (the portal then only serves active contracts). */
export const defaultAccessSettings: AccessSettings = {
  preContract: { enabled: false, days: 30 },
  postContract: { enabled: false, days: 30 },
  seatQuota: null,
};

/** The current access settings as stored (what the maintained access figures are kept under). */
export function storedAccessSettings(settings: SettingsRepository): AccessSettings {
  return readStoredSetting(settings, ACCESS_KEY, accessSettingsSchema, defaultAccessSettings);
}

function sameSettings(a: AccessSettings, b: AccessSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Administration › Kundenportal › Rollen & Zugriffsrechte. */
export function settingsService(ctx: CoreContext) {
  const stored = storedSetting(ctx, ACCESS_KEY, accessSettingsSchema, defaultAccessSettings);
  const access = accessRepository(ctx.db);
  const getAccess = stored.get;

  /**
   * The seat forecast under `proposed`: the current one plus the difference of the contacts whose
   * changed windows reach the period (their stored seat spans against the policy's under `proposed`).
   */
  async function proposedSeries(
    current: AccessSettings,
    proposed: AccessSettings,
    today: IsoDate,
    length: number,
    seats: readonly number[],
  ): Promise<number[]> {
    const until = addDays(today, length);
    const diff = new Array<number>(length + 1).fill(0);
    for (const id of access.forecastCandidates(current, proposed, today, until)) {
      const facts = { id, archived: false, registered: true };
      for (const span of (await ctx.figures()).spansOf(id)) {
        if (span.kind === 'seat') addSpanToSeries(diff, span, today, -1);
      }
      for (const span of accessSpans(facts, access.contractsOf(id), proposed)) {
        if (span.kind === 'seat') addSpanToSeries(diff, span, today, 1);
      }
    }
    let running = 0;
    return seats.map((n, i) => {
      running += diff[i] ?? 0;
      return n + running;
    });
  }

  return {
    getAccess,

    /** Whether Rollen & Zugriffsrechte were ever saved (the first-start checklist). */
    accessSaved: (): boolean => settingsRepository(ctx.db).get(ACCESS_KEY) !== undefined,

    /** Takes effect immediately: every later question about access uses the new settings. */
    async updateAccess(next: AccessSettings): Promise<AccessSettings> {
      const before = getAccess();
      if (sameSettings(before, next)) return before;
      await stored.save('settings.updateAccess', before, next, { emits: { 'settings.changed': next } });
      return next;
    },

    async seatForecast(proposed: AccessSettings | null): Promise<SeatForecast> {
      const today = ctx.clock.today();
      const current = getAccess();
      const length = daysBetween(today, addMonths(today, 12)) + 1;
      const seats = (await ctx.figures()).seriesOf('seat', today, length);
      const proposedSeats =
        proposed === null ? null : await proposedSeries(current, proposed, today, length, seats);
      let day = today;
      const days: SeatForecast['days'] = seats.map((n, i) => {
        const entry = { day, current: n, proposed: proposedSeats?.[i] ?? null };
        day = addDays(day, 1);
        return entry;
      });
      return { quota: current.seatQuota, proposedQuota: proposed?.seatQuota ?? null, days };
    },

    /** What saving `next` would change today: contacts regaining or losing access, seats. */
    async previewAccessImpact(next: AccessSettings): Promise<SettingsImpact> {
      const today = ctx.clock.today();
      return access.settingsImpact(getAccess(), next, today, (await ctx.figures()).accessOn(today).seats);
    },
  };
}
export type SettingsService = ReturnType<typeof settingsService>;
