/**
 * The automatic rules (issue 18), switched in Administration › Kundenportal › Rollen & Zugriffsrechte:
 * at start and then hourly (`startAutomation`, the backups' schedule), and on demand, every day of a
 * rule not run yet through today is run (policy `daysToRun`), each in its own change that claims the
 * day first (invite.ts). Nothing while the sender is still a placeholder (no letter, no e-mail then):
 * the days wait, up to 31 of them.
 */
import type { AutomationRun, AutomationSettings } from '../../../../shared/contract/automation';
import { portfolioChanged, type CoreContext } from '../../context';
import { daysToRun } from '../../policy/automation';
import type { InvitationServices } from '../invitations/deps';
import type { PortalPreviewService } from '../portalPreviewService';
import { automationDeps } from './deps';
import { previewInvitations, runInvitationsOn } from './invite';
import { runNoticesOn } from './notice';

export function automationService(
  ctx: CoreContext,
  services: InvitationServices & { portal: PortalPreviewService },
) {
  const d = automationDeps(ctx, services);
  let running: Promise<AutomationRun> | null = null;

  const settingsOf = (): AutomationSettings => {
    const { autoInvite, notice } = d.stored.get();
    return { autoInvite, notice };
  };

  async function runDue(): Promise<AutomationRun> {
    const result: AutomationRun = { days: [], invited: 0, notices: 0 };
    const stored = d.stored.get();
    if (services.organisation.isPlaceholder()) return result;
    const today = ctx.clock.today();
    if (stored.autoInvite && stored.inviteSince !== null) {
      for (const day of daysToRun(stored.inviteSince, await d.rules.lastRun('invite'), today)) {
        const invited = await runInvitationsOn(d, day);
        result.invited += invited;
        if (invited > 0) result.days.push(day);
      }
    }
    if (stored.notice.enabled && stored.noticeSince !== null) {
      for (const day of daysToRun(stored.noticeSince, await d.rules.lastRun('notice'), today)) {
        const notices = await runNoticesOn(d, services.portal, day, stored.notice.days);
        result.notices += notices;
        if (notices > 0 && !result.days.includes(day)) result.days.push(day);
      }
    }
    result.days.sort();
    if (result.invited + result.notices > 0) services.outbox.deliverSoon();
    return result;
  }

  return {
    getSettings: settingsOf,

    /** Switching a rule on makes today its first day (nothing is caught up from before). */
    async updateSettings(next: AutomationSettings): Promise<AutomationSettings> {
      const before = d.stored.get();
      const today = ctx.clock.today();
      const stored = {
        ...next,
        inviteSince: next.autoInvite ? (before.autoInvite ? before.inviteSince : today) : null,
        noticeSince: next.notice.enabled ? (before.notice.enabled ? before.noticeSince : today) : null,
      };
      if (JSON.stringify(stored) === JSON.stringify(before)) return settingsOf();
      await d.stored.save('automation.updateSettings', settingsOf(), stored, {
        emits: portfolioChanged,
        after: next,
      });
      return settingsOf();
    },

    preview: () => previewInvitations(d),

    /** Runs what is due now; a run asked for while one is under way answers with that one. */
    run(): Promise<AutomationRun> {
      running ??= runDue().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
export type AutomationService = ReturnType<typeof automationService>;
