/**
 * The IPC contract: the single source for channel names, request schemas and response types.
 * Main registers handlers from it, the preload allowlist is derived from it, the renderer client
 * is typed from it, and the UI test harness binds the same `core.invoke`.
 */
import { z } from 'zod';
import type { AccessSettings, Grant, IsoDate, SeatUsage, SettingsImpact } from './domain';
import type { Result } from './errors';
import { backupChannels } from './contract/backups';
import { channel, noPayload } from './contract/channel';
import { contentChannels } from './contract/content';
import { dataProtectionChannels } from './contract/dataProtection';
import { invitationChannels } from './contract/invitations';
import { portfolioChannels } from './contract/portfolio';
import { startupChannels } from './contract/startup';

export { isoDateSchema } from './contract/channel';
export type * from './contract/portfolio';
export type * from './contract/invitations';
export type * from './contract/content';
export type * from './contract/backups';
export type * from './contract/startup';
export type * from './contract/dataProtection';

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

export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

export interface Preferences {
  language: Language;
}

export interface AppStatus {
  today: IsoDate;
  /** True until the user chose "Demo-Daten laden" or "Leer starten" on an empty data dir. */
  needsFirstStartChoice: boolean;
}

export interface PortfolioOverview {
  properties: number;
  units: number;
  contacts: number;
  contracts: number;
  /** Non-archived contacts by their access today. */
  contactsByAccess: Record<Grant, number>;
  seats: SeatUsage;
}

export const contract = {
  'app.status': channel<AppStatus>()(noPayload),
  'app.chooseFirstStart': channel<AppStatus>()(z.enum(['demo', 'empty'])),
  'preferences.get': channel<Preferences>()(noPayload),
  'preferences.update': channel<Preferences>()(z.strictObject({ language: languageSchema })),
  'settings.getAccess': channel<AccessSettings>()(noPayload),
  'settings.updateAccess': channel<AccessSettings>()(accessSettingsSchema),
  'settings.previewAccessImpact': channel<SettingsImpact>()(accessSettingsSchema),
  'portfolio.overview': channel<PortfolioOverview>()(noPayload),
  ...portfolioChannels,
  ...invitationChannels,
  ...contentChannels,
  ...backupChannels,
  ...startupChannels,
  ...dataProtectionChannels,
} as const;

export type Contract = typeof contract;
export type PortfolioChannelName = keyof typeof portfolioChannels;
export type InvitationChannelName = keyof typeof invitationChannels;
export type ContentChannelName = keyof typeof contentChannels;
export type BackupChannelName = keyof typeof backupChannels;
export type StartupChannelName = keyof typeof startupChannels;
export type Channel = keyof Contract;
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
export type Response<C extends Channel> = Contract[C]['response'];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events pushed from the core to the renderer. */
export interface EventPayloads {
  'settings.changed': AccessSettings;
  'portfolio.changed': Record<string, never>;
}
export type EventName = keyof EventPayloads;
export const eventNames: readonly EventName[] = ['settings.changed', 'portfolio.changed'];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/** What the preload (or the test harness) puts on `window.api`. */
export interface WindowApi {
  invoke(channel: string, payload?: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
