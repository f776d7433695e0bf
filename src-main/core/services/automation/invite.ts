/**
 * Automatische Einladung: one day of the rule is one change — the day claimed in the run log, the
 * contacts the policy names invited through the invitation service's own writer (an e-mail queued
 * in the Postausgang, or a letter in its print batch whose code is issued when it is printed), each
 * recorded once per contract, and one audit row for the day. A day claimed already (a restart,
 * another desktop, a clock set back) changes nothing.
 */
import { INVITATION_VALID_DAYS } from '../../../../shared/contract/invitations';
import type { AutomationPreview, PlannedInvitation } from '../../../../shared/contract/automation';
import { addDays } from '../../../../shared/dates';
import type { AccessSettings, ContractFacts, IsoDate } from '../../../../shared/domain';
import { noChange, portfolioChanged, type Audit } from '../../context';
import type { AutomationContactRow } from '../../db/automationRepository';
import { invitationsDue, type DueInvitation } from '../../policy/automation';
import { inviteEligibility } from '../../policy/invite';
import { writeInvitation } from '../invitations/write';
import { contactFacts, displayName, nameOfRow } from '../portfolioViews';
import { letterRecipient } from '../sharing/share';
import { AUTOMATIC_ACTOR, automationContact, recordDay, type AutomationDeps } from './deps';

/** The subject an automatic invitation is recorded under: once per contract. */
const subjectOf = (due: DueInvitation) => `contract:${due.contractId}`;

/** The contacts and contracts whose invitation occasions may fall in [from, to], read on `day`. */
async function factsFor(d: AutomationDeps, access: AccessSettings, from: IsoDate, to: IsoDate, day: IsoDate) {
  const preDays = access.preContract.enabled ? access.preContract.days : 0;
  const ids = await d.rules.contactsStarting(from, addDays(to, preDays));
  const rows = await d.rules.contacts(ids, day);
  const contracts = await d.rules.contractsOf(ids);
  return { rows, contracts };
}

/** Invites one due contact inside the day's change; false when it is no longer invitable today. */
async function inviteOne(
  d: AutomationDeps,
  audit: Audit,
  due: DueInvitation,
  day: IsoDate,
  contracts: readonly ContractFacts[],
): Promise<boolean> {
  const { invite, ctx } = d;
  const today = ctx.clock.today();
  if (await d.rules.hasAction('invite', due.contactId, subjectOf(due))) return false;
  const row = invite.invitations.invitee(due.contactId);
  if (row === undefined) return false;
  const own = contracts.filter((c) => c.contactId === due.contactId);
  if (
    !inviteEligibility(contactFacts(row, row.registered === 1), own, invite.settings.getAccess(), today)
      .allowed
  )
    return false;
  const now = ctx.clock.now();
  const written = writeInvitation(invite, audit, {
    row,
    channel: due.channel,
    code: null,
    expiresOn: addDays(today, INVITATION_VALID_DAYS),
    supersedes: invite.invitations.openOf(due.contactId).map((open) => open.id),
    propertyId: null,
  });
  const letterId =
    due.channel === 'letter'
      ? invite.outbox.queue({
          contact_id: row.id,
          channel: 'letter',
          kind: 'invitation',
          invitation_id: written.summary.id,
          content_id: null,
          recipient: letterRecipient(row),
          language: row.language,
          created_at: now,
        })
      : null;
  await d.rules.recordAction({
    rule: 'invite',
    day,
    contact_id: row.id,
    subject: subjectOf(due),
    channel: due.channel,
    invitation_id: written.summary.id,
    outbox_id: written.outboxId ?? letterId,
    content_id: null,
    at: now,
  });
  return true;
}

/** Runs the rule for `day` (today, or a day missed): the number invited, 0 when claimed before. */
export async function runInvitationsOn(d: AutomationDeps, day: IsoDate): Promise<number> {
  const { ctx } = d;
  return ctx.change(
    async (audit) => {
      if (!(await d.rules.claimRun('invite', day, ctx.clock.now()))) return noChange(0);
      const access = d.invite.settings.getAccess();
      const { rows, contracts } = await factsFor(d, access, day, day, ctx.clock.today());
      const invited: DueInvitation[] = [];
      for (const due of invitationsDue(rows.map(automationContact), contracts, access, day)) {
        if (await inviteOne(d, audit, due, day, contracts)) invited.push(due);
      }
      // A day with nobody to invite leaves no trace (it is looked at again, and finds nobody).
      if (invited.length === 0) return noChange(0);
      return recordDay(d, audit, 'invite', day, invited);
    },
    { emits: portfolioChanged, actor: AUTOMATIC_ACTOR },
  );
}

const PREVIEW_DAYS = 7;

function planned(row: AutomationContactRow, due: DueInvitation): PlannedInvitation {
  return {
    contactId: row.id,
    displayName: displayName(nameOfRow(row)),
    channel: due.channel,
    occasion: due.occasion,
  };
}

/** Who the rule will invite tomorrow and on the 6 days after, as the facts stand now. */
export async function previewInvitations(d: AutomationDeps): Promise<AutomationPreview> {
  const today = d.ctx.clock.today();
  const access = d.invite.settings.getAccess();
  const from = addDays(today, 1);
  const to = addDays(today, PREVIEW_DAYS);
  const { rows, contracts } = await factsFor(d, access, from, to, from);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const facts = rows.map(automationContact);
  const days: AutomationPreview['days'] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const invitations: PlannedInvitation[] = [];
    for (const due of invitationsDue(facts, contracts, access, day)) {
      const row = byId.get(due.contactId);
      if (row === undefined || (await d.rules.hasAction('invite', due.contactId, subjectOf(due)))) continue;
      invitations.push(planned(row, due));
      // Invited that day: not again on a later one of the preview.
      const contact = facts.find((f) => f.id === due.contactId);
      if (contact !== undefined) contact.invited = true;
    }
    days.push({ day, invitations });
  }
  return { enabled: d.stored.get().autoInvite, days };
}
