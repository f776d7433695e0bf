/** Administration › Kundenportal › Rollen & Zugriffsrechte: the access windows and the seat quota. */
import { z } from 'zod';
import type { AccessSettings, SettingsImpact } from '../domain';
import { channel, noPayload } from './channel';

export const MIN_WINDOW_DAYS = 1;
export const MAX_WINDOW_DAYS = 365;
export const MAX_SEAT_QUOTA = 10_000_000;

const windowDays = z
  .number({ error: 'DAYS_OUT_OF_RANGE' })
  .int({ error: 'DAYS_OUT_OF_RANGE' })
  .min(MIN_WINDOW_DAYS, { error: 'DAYS_OUT_OF_RANGE' })
  .max(MAX_WINDOW_DAYS, { error: 'DAYS_OUT_OF_RANGE' });

export const windowSettingSchema = z.strictObject({ enabled: z.boolean(), days: windowDays });

export const accessSettingsSchema = z.strictObject({
  preContract: windowSettingSchema,
  postContract: windowSettingSchema,
  seatQuota: z
    .number({ error: 'QUOTA_OUT_OF_RANGE' })
    .int({ error: 'QUOTA_OUT_OF_RANGE' })
    .min(0, { error: 'QUOTA_OUT_OF_RANGE' })
    .max(MAX_SEAT_QUOTA, { error: 'QUOTA_OUT_OF_RANGE' })
    .nullable(),
}) satisfies z.ZodType<AccessSettings>;

export const settingsChannels = {
  'settings.getAccess': channel<AccessSettings>()(noPayload),
  'settings.updateAccess': channel<AccessSettings>()(accessSettingsSchema),
  'settings.previewAccessImpact': channel<SettingsImpact>()(accessSettingsSchema),
} as const;
