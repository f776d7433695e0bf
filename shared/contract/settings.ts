/** Administration › Kundenportal › Rollen & Zugriffsrechte: the access windows and the seat quota. */
import { z } from 'zod';
import type { AccessSettings, IsoDate, SettingsImpact } from '../domain';
import { channel, integerIn, noPayload } from './channel';

export const MIN_WINDOW_DAYS = 1;
export const MAX_WINDOW_DAYS = 365;
export const MAX_SEAT_QUOTA = 10_000_000;

export const windowSettingSchema = z.strictObject({
  enabled: z.boolean(),
  days: integerIn(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS, 'DAYS_OUT_OF_RANGE'),
});

export const accessSettingsSchema = z.strictObject({
  preContract: windowSettingSchema,
  postContract: windowSettingSchema,
  seatQuota: integerIn(0, MAX_SEAT_QUOTA, 'QUOTA_OUT_OF_RANGE').nullable(),
}) satisfies z.ZodType<AccessSettings>;

/** Portal seats in use per day for the next 12 months, against the quota (the seat forecast chart). */
export interface SeatForecast {
  quota: number | null;
  /** The quota of the proposed settings; null without a proposal or without a quota. */
  proposedQuota: number | null;
  /** From today, one entry a day; `proposed` is null without a proposal. */
  days: { day: IsoDate; current: number; proposed: number | null }[];
}

export const settingsChannels = {
  'settings.getAccess': channel<AccessSettings>()(noPayload),
  'settings.updateAccess': channel<AccessSettings>()(accessSettingsSchema),
  'settings.previewAccessImpact': channel<SettingsImpact>()(accessSettingsSchema),
  /** The seat forecast under the current settings. */
  'settings.seatForecast': channel<SeatForecast>()(noPayload),
  /** The seat forecast under the current settings and, beside it, under the given ones. */
  'settings.previewSeatForecast': channel<SeatForecast>()(accessSettingsSchema),
} as const;
