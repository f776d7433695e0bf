/**
 * Automatic rules (Administration › Kundenportal › Rollen & Zugriffsrechte): the automatic
 * invitation of contacts whose access window opens, the notice before access after contract end
 * ends; the preview of the next days and a run on demand.
 */
import { z } from 'zod';
import type { IsoDate } from '../domain';
import { channel, integerIn, noPayload } from './channel';
import { MAX_WINDOW_DAYS, MIN_WINDOW_DAYS } from './settings';

export const DEFAULT_NOTICE_DAYS = 14;

export const automationSettingsSchema = z.strictObject({
  /** Automatische Einladung: off by default. */
  autoInvite: z.boolean(),
  /** Hinweis vor Ende des Zugangs: N days before access after contract end ends. */
  notice: z.strictObject({
    enabled: z.boolean(),
    days: integerIn(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS, 'DAYS_OUT_OF_RANGE'),
  }),
});
export type AutomationSettings = z.infer<typeof automationSettingsSchema>;

export type AutomaticChannel = 'email' | 'letter';

/** One contact the automatic invitation will invite on a day (as the facts stand now). */
export interface PlannedInvitation {
  contactId: number;
  displayName: string;
  channel: AutomaticChannel;
  /** The pre-contract window opens ('pre') or the contract starts ('start'). */
  occasion: 'pre' | 'start';
}

/** Tomorrow and the 7 days after it, each with whom it will invite (empty while switched off). */
export interface AutomationPreview {
  enabled: boolean;
  days: { day: IsoDate; invitations: PlannedInvitation[] }[];
}

/** What a run did: the days it ran and how many invitations and notices went out. */
export interface AutomationRun {
  days: IsoDate[];
  invited: number;
  notices: number;
}

export const automationChannels = {
  'automation.getSettings': channel<AutomationSettings>()(noPayload),
  'automation.updateSettings': channel<AutomationSettings>()(automationSettingsSchema),
  'automation.preview': channel<AutomationPreview>()(noPayload),
  /** Runs every day due now (as the hourly check does); nothing twice. */
  'automation.run': channel<AutomationRun>()(noPayload),
} as const;
