/**
 * Hinweis vor Ende des Zugangs: one day of the rule is one change, as the invitations' (invite.ts):
 * the day claimed, each registered contact the policy names told once per last day of access — by
 * e-mail, or by letter in the print batch — with the documents it can still see that day.
 */
import { addDays, maxIsoDate, minIsoDate } from '../../../../shared/dates';
import type { IsoDate } from '../../../../shared/domain';
import { noChange, portfolioChanged, type Audit } from '../../context';
import { accessEndNoticeMail } from '../../mail/accessEndNotice';
import { automaticChannel, noticesDue, type DueNotice } from '../../policy/automation';
import type { PortalPreviewService } from '../portalPreviewService';
import { postalAddressee } from '../portfolioViews';
import { letterRecipient } from '../sharing/share';
import { AUTOMATIC_ACTOR, automationContact, recordDay, type AutomationDeps } from './deps';

const subjectOf = (due: DueNotice) => `ends:${due.accessEnds}`;

/** Queues one contact's notice inside the day's change; the channel, or null when told before. */
async function noticeOne(
  d: AutomationDeps,
  portal: PortalPreviewService,
  due: DueNotice,
  day: IsoDate,
): Promise<'email' | 'letter' | null> {
  if (await d.rules.hasAction('notice', due.contactId, subjectOf(due))) return null;
  const row = d.invite.invitations.invitee(due.contactId);
  if (row === undefined) return null;
  const channel = automaticChannel(automationContact({ ...row, invited: 0 }));
  const seen = await portal.preview(due.contactId, day);
  const mail = accessEndNoticeMail({
    language: row.language,
    addressee: postalAddressee(row),
    accessEnds: due.accessEnds,
    documents: seen.items.filter((item) => item.kind === 'document').map((item) => item.title),
    organisation: d.invite.organisation.get(),
  });
  const now = d.ctx.clock.now();
  const outboxId = await d.rules.queueStored({
    contactId: row.id,
    channel,
    recipient: channel === 'email' ? (row.email ?? '') : letterRecipient(row),
    language: row.language,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    createdAt: now,
  });
  await d.rules.recordAction({
    rule: 'notice',
    day,
    contact_id: row.id,
    subject: subjectOf(due),
    channel,
    invitation_id: null,
    outbox_id: outboxId,
    content_id: null,
    at: now,
  });
  return channel;
}

/** Runs the rule for `day`: the number of notices, 0 when claimed before or nobody was due. */
export async function runNoticesOn(
  d: AutomationDeps,
  portal: PortalPreviewService,
  day: IsoDate,
  noticeDays: number,
): Promise<number> {
  const { ctx } = d;
  return ctx.change(
    async (audit: Audit) => {
      if (!(await d.rules.claimRun('notice', day, ctx.clock.now()))) return noChange(0);
      const access = d.invite.settings.getAccess();
      if (!access.postContract.enabled) return noChange(0);
      // The notice falls on end + days − N, or on end + 1 when the window is shorter than N days.
      const ends = [addDays(day, -1), addDays(day, noticeDays - access.postContract.days)];
      const ids = await d.rules.registeredEnding(
        minIsoDate(ends[0]!, ends[1]!),
        maxIsoDate(ends[0]!, ends[1]!),
      );
      const rows = await d.rules.contacts(ids, day);
      const contracts = await d.rules.contractsOf(ids);
      const told: { contactId: number; channel: 'email' | 'letter' }[] = [];
      for (const due of noticesDue(rows.map(automationContact), contracts, access, day, noticeDays)) {
        const channel = await noticeOne(d, portal, due, day);
        if (channel !== null) told.push({ contactId: due.contactId, channel });
      }
      if (told.length === 0) return noChange(0);
      return recordDay(d, audit, 'notice', day, told);
    },
    { emits: portfolioChanged, actor: AUTOMATIC_ACTOR },
  );
}
