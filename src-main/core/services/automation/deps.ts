import type { AutomationSettings } from '../../../../shared/contract/automation';
import { DEFAULT_NOTICE_DAYS, automationSettingsSchema } from '../../../../shared/contract/automation';
import { isoDateSchema } from '../../../../shared/contract/channel';
import type { IsoDate } from '../../../../shared/domain';
import type { Audit, CoreContext } from '../../context';
import {
  automationRepository,
  type AutomationContactRow,
  type AutomationRepository,
  type AutomationRule,
} from '../../db/automationRepository';
import { isValidEmail } from '../../mail/address';
import type { AutomationContact } from '../../policy/automation';
import { invitationDeps, type InvitationDeps, type InvitationServices } from '../invitations/deps';
import { storedSetting } from '../storedSetting';

/** Who the audit log names for everything the rules do. */
export const AUTOMATIC_ACTOR = 'automatisch';

export const AUTOMATION_KEY = 'automation';

/** The settings as stored: with the day each rule was switched on (its first day to run). */
const storedSchema = automationSettingsSchema.extend({
  inviteSince: isoDateSchema.nullable(),
  noticeSince: isoDateSchema.nullable(),
});
export type StoredAutomation = AutomationSettings & {
  inviteSince: IsoDate | null;
  noticeSince: IsoDate | null;
};

export const defaultAutomation: StoredAutomation = {
  autoInvite: false,
  notice: { enabled: false, days: DEFAULT_NOTICE_DAYS },
  inviteSince: null,
  noticeSince: null,
};

export interface AutomationDeps {
  ctx: CoreContext;
  rules: AutomationRepository;
  stored: ReturnType<typeof storedSetting<StoredAutomation>>;
  invite: InvitationDeps;
}

export function automationDeps(ctx: CoreContext, services: InvitationServices): AutomationDeps {
  return {
    ctx,
    rules: automationRepository(ctx.store),
    stored: storedSetting(ctx, AUTOMATION_KEY, storedSchema, defaultAutomation),
    invite: invitationDeps(ctx, services),
  };
}

/** A contact row as the policy reads it. */
export function automationContact(
  row: Pick<
    AutomationContactRow,
    'id' | 'archived' | 'anonymised_at' | 'registered' | 'invited' | 'email' | 'preference'
  >,
): AutomationContact {
  return {
    id: row.id,
    archived: row.archived === 1,
    anonymised: row.anonymised_at !== null,
    registered: row.registered === 1,
    invited: row.invited === 1,
    emailValid: isValidEmail(row.email),
    preference: row.preference,
  };
}

/**
 * Closes a rule's day inside its change: the run log's count and the day's one audit row (which rule,
 * which day, how many by e-mail and by letter, whom). Returns how many.
 */
export async function recordDay(
  d: AutomationDeps,
  audit: Audit,
  rule: Exclude<AutomationRule, 'welcome'>,
  day: IsoDate,
  done: readonly { contactId: number; channel: 'email' | 'letter' }[],
): Promise<number> {
  await d.rules.setRunActions(rule, day, done.length);
  const emailed = done.filter((item) => item.channel === 'email').length;
  audit({
    action: `automation.${rule}`,
    entity: 'automation',
    entityId: day,
    after: {
      rule,
      day,
      count: done.length,
      emailed,
      letters: done.length - emailed,
      contactIds: done.map((item) => item.contactId),
    },
  });
  return done.length;
}
