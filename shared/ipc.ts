/**
 * The IPC contract: the single source for channel names, request schemas and response types.
 * Each area declares its channels in shared/contract/<area>.ts; this file assembles them. Main
 * registers one handler file per area from it (src-main/core/handlers/), the preload allowlist is
 * derived from it, the renderer client is typed from it, and the UI test harness binds the same
 * `core.invoke`.
 */
import type { z } from 'zod';
import type { AccessSettings } from './domain';
import type { LettersProgress } from './contract/exports';
import type { ImportProgress } from './contract/imports';
import type { Result } from './errors';
import { appChannels } from './contract/app';
import { automationChannels } from './contract/automation';
import { backupChannels } from './contract/backups';
import { contentChannels } from './contract/content';
import { dataProtectionChannels } from './contract/dataProtection';
import { exportChannels } from './contract/exports';
import { importChannels } from './contract/imports';
import { invitationChannels } from './contract/invitations';
import { mailChannels } from './contract/mail';
import { organisationChannels } from './contract/organisation';
import { outboxChannels } from './contract/outbox';
import { portfolioChannels } from './contract/portfolio';
import { preferencesChannels } from './contract/preferences';
import { settingsChannels } from './contract/settings';
import { startupChannels } from './contract/startup';
import { teamChannels } from './contract/team';

export { isoDateSchema } from './contract/channel';
export { languageSchema } from './contract/preferences';
export {
  accessSettingsSchema,
  MAX_SEAT_QUOTA,
  MAX_WINDOW_DAYS,
  MIN_WINDOW_DAYS,
  windowSettingSchema,
} from './contract/settings';
export type * from './contract/app';
export type * from './contract/preferences';
export type * from './contract/settings';
export type * from './contract/portfolio';
export type * from './contract/invitations';
export type * from './contract/outbox';
export type * from './contract/mail';
export type * from './contract/organisation';
export type * from './contract/content';
export type * from './contract/backups';
export type * from './contract/startup';
export type * from './contract/dataProtection';
export type * from './contract/imports';
export type * from './contract/team';
export type * from './contract/exports';
export type * from './contract/automation';

/** One object of every area's channels; src-main/core/handlers/ answers each area in one file. */
export const contract = {
  ...appChannels,
  ...preferencesChannels,
  ...settingsChannels,
  ...portfolioChannels,
  ...invitationChannels,
  ...outboxChannels,
  ...mailChannels,
  ...organisationChannels,
  ...contentChannels,
  ...backupChannels,
  ...startupChannels,
  ...dataProtectionChannels,
  ...importChannels,
  ...teamChannels,
  ...exportChannels,
  ...automationChannels,
} as const;

export type Contract = typeof contract;
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
  /** A running import's progress (Stammdaten-Import). */
  'imports.progress': ImportProgress;
  /** A letters PDF being rendered (off the main thread): letters set so far. */
  'letters.progress': LettersProgress;
}
export type EventName = keyof EventPayloads;
export const eventNames: readonly EventName[] = [
  'settings.changed',
  'portfolio.changed',
  'imports.progress',
  'letters.progress',
];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/** What the preload (or the test harness) puts on `window.api`. */
export interface WindowApi {
  invoke(channel: string, payload?: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
