/**
 * Invitations (Kontakt einladen, ARCHITECTURE.md §3 "Invite"): create one by e-mail, letter or bare
 * code; reactivate, revoke, redeem; preview and invite a whole property.
 *
 * - Eligibility is the policy's `inviteEligibility` over the contact's facts from the data store
 *   (archived; registered = has a portal account) and all its contracts, on today's date from the
 *   clock, under the access settings in force. Every refusal is a DomainError and writes nothing.
 * - The code is shown once and stored only as its SHA-256 (services/invitationCode.ts). It is valid
 *   through `expiresOn` = today + INVITATION_VALID_DAYS (inclusive).
 * - A new invitation revokes the contact's open older ones (pending, expired or not), so at most one
 *   code per contact can ever be redeemed.
 * - E-mail: the message (contact's language) is queued in the outbox in the same transaction;
 *   delivery happens after the commit (services/outboxService.ts). Letter: the PDF is rendered before
 *   the transaction (rendering is asynchronous; a transaction is not), so a failure writes nothing.
 */
import type { ContractFacts, InviteEligibility, IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { INVITATION_VALID_DAYS } from '../../../shared/contract/invitations';
import type {
  ContactDetail,
  CreatedInvitation,
  InvitationChannel,
  InvitationSummary,
  Organisation,
  PropertyInviteCandidate,
  PropertyInvitePreview,
  PropertyInviteRefusal,
  PropertyInviteResult,
} from '../../../shared/ipc';
import type { AuditEntry } from '../db/auditRepository';
import type { ContactService } from './contactService';
import { noChange, portfolioChanged, type CoreContext } from '../context';
import { accessRepository } from '../db/accessRepository';
import { toContractFacts } from '../db/contractRepository';
import { invitationRepository, type InviteeRow, type InviteeUnitRow } from '../db/invitationRepository';
import { renderInvitationLetters, type InvitationLetter } from '../letters/invitationLetter';
import { isValidEmail } from '../mail/address';
import { invitationMail } from '../mail/invitationMail';
import { groupContractsByContact } from '../policy/access';
import { addDays } from '../../../shared/dates';
import { inviteEligibility } from '../policy/invite';
import { canonicalCode, generateInvitationCode, hashInvitationCode } from './invitationCode';
import { invitationStateOn } from '../policy/invitationState';
import type { OrganisationService } from './organisationService';
import type { OutboxService } from './outboxService';
import { contactFacts, displayName, nameOfRow, postalAddressee } from './portfolioViews';
import type { SettingsService } from './settingsService';

type Audit = (entry: AuditEntry) => void;
type Refusal = Extract<InviteEligibility, { allowed: false }>;

/** A contact of a property, judged for a bulk invitation. */
interface Judged {
  row: InviteeRow;
  displayName: string;
  units: string;
  verdict:
    | { allowed: true; candidate: PropertyInviteCandidate }
    | { allowed: false; refusal: PropertyInviteRefusal };
}

function refusalError(refusal: Refusal): DomainError {
  return new DomainError(
    refusal.reason,
    refusal.reason === 'OUTSIDE_ACCESS_WINDOW' ? { possibleFrom: refusal.possibleFrom } : {},
  );
}

/** "Whg. 1, EG links; Whg. 4, 1. OG rechts": the contact's units in the property, by unit number. */
function unitsByContact(rows: readonly InviteeUnitRow[]): Map<number, string> {
  const byContact = new Map<number, InviteeUnitRow[]>();
  for (const row of rows) {
    const list = byContact.get(row.contact_id);
    if (list === undefined) byContact.set(row.contact_id, [row]);
    else list.push(row);
  }
  const collator = new Intl.Collator('de', { numeric: true });
  const out = new Map<number, string>();
  for (const [contactId, units] of byContact) {
    units.sort((a, b) => collator.compare(a.number, b.number));
    out.set(contactId, units.map((unit) => unit.name).join('; '));
  }
  return out;
}

export function invitationService(
  ctx: CoreContext,
  {
    settings,
    organisation: organisations,
    outbox,
    contacts,
  }: {
    settings: SettingsService;
    organisation: OrganisationService;
    outbox: OutboxService;
    contacts: ContactService;
  },
) {
  const invitations = invitationRepository(ctx.db);
  const access = accessRepository(ctx.db);

  /** The contact, if it may be invited over `channel` today; else the refusal is thrown. */
  function invitable(contactId: number, channel: InvitationChannel, today: IsoDate): InviteeRow {
    const row = invitations.invitee(contactId);
    if (row === undefined) throw new DomainError('UNKNOWN_CONTACT', { contactId });
    const eligibility = inviteEligibility(
      contactFacts(row, row.registered === 1),
      access.contractsOf(contactId),
      settings.getAccess(),
      today,
    );
    if (!eligibility.allowed) throw refusalError(eligibility);
    if (channel === 'email' && !isValidEmail(row.email)) throw new DomainError('NO_EMAIL');
    return row;
  }

  function letterOf(row: InviteeRow, code: string, expiresOn: IsoDate, today: IsoDate, org: Organisation) {
    const letter: InvitationLetter = {
      language: row.language,
      addressee: postalAddressee(row),
      code,
      expiresOn,
      date: today,
      organisation: org,
    };
    return letter;
  }

  async function lettersPdf(letters: readonly InvitationLetter[]): Promise<string | null> {
    if (letters.length === 0) return null;
    return Buffer.from(await renderInvitationLetters(letters)).toString('base64');
  }

  /**
   * Writes one invitation (inside the caller's change): revokes the open older ones given, stores
   * the code's hash, queues the e-mail for channel 'email', and audits each step.
   */
  function writeInvitation(
    audit: Audit,
    invitation: {
      row: InviteeRow;
      channel: InvitationChannel;
      code: string;
      expiresOn: IsoDate;
      /** Open older invitations of the contact, revoked by this one. */
      supersedes: readonly number[];
      org: Organisation;
      /** Set when invited with the rest of a property. */
      propertyId: number | null;
    },
  ): { summary: InvitationSummary; outboxId: number | null } {
    const { row, channel, code, expiresOn, supersedes, org, propertyId } = invitation;
    const now = ctx.clock.now();
    for (const older of supersedes) {
      invitations.revoke(older, now);
      audit({
        action: 'invitations.revoke',
        entity: 'invitation',
        entityId: older,
        before: { state: 'pending' },
        after: { state: 'revoked', reason: 'superseded' },
      });
    }
    const id = invitations.insert({
      contact_id: row.id,
      code_hash: hashInvitationCode(code),
      created_at: now,
      expires_on: expiresOn,
      channel,
    });
    let outboxId: number | null = null;
    if (channel === 'email' && isValidEmail(row.email)) {
      const mail = invitationMail({
        language: row.language,
        addressee: nameOfRow(row),
        code,
        expiresOn,
        organisation: org,
      });
      outboxId = outbox.queue({
        contact_id: row.id,
        recipient: row.email,
        language: row.language,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        created_at: now,
      });
    }
    audit({
      action: 'invitations.create',
      entity: 'invitation',
      entityId: id,
      // Never the code, not even its hash.
      after: { contactId: row.id, channel, expiresOn, outboxId, propertyId },
    });
    return { summary: { id, state: 'pending', channel, createdAt: now, expiresOn }, outboxId };
  }

  /** Every contact with a contract in the property, judged for an invitation today. */
  function judgeProperty(propertyId: number, today: IsoDate): { propertyName: string; judged: Judged[] } {
    const property = invitations.property(propertyId);
    if (property === undefined) throw new DomainError('UNKNOWN_PROPERTY', { propertyId });
    const current = settings.getAccess();
    const rows = invitations.inviteesOfProperty(propertyId);
    const contracts = groupContractsByContact(
      invitations.contractsOfPropertyContacts(propertyId).map(toContractFacts),
    );
    const units = unitsByContact(invitations.unitsOfProperty(propertyId));
    const none: ContractFacts[] = [];
    const judged = rows.map((row): Judged => {
      const name = displayName(nameOfRow(row));
      const unitNames = units.get(row.id) ?? '';
      const base = { contactId: row.id, displayName: name, units: unitNames };
      const eligibility = inviteEligibility(
        contactFacts(row, row.registered === 1),
        contracts.get(row.id) ?? none,
        current,
        today,
      );
      let verdict: Judged['verdict'];
      if (!eligibility.allowed) {
        verdict = {
          allowed: false,
          refusal: { ...base, reason: eligibility.reason, possibleFrom: eligibility.possibleFrom },
        };
      } else if (
        row.latest_state !== null &&
        row.latest_expires_on !== null &&
        invitationStateOn({ state: row.latest_state, expiresOn: row.latest_expires_on }, today) === 'pending'
      ) {
        verdict = { allowed: false, refusal: { ...base, reason: 'ALREADY_INVITED', possibleFrom: null } };
      } else {
        const channel = row.preference === 'online' && isValidEmail(row.email) ? 'email' : 'letter';
        verdict = { allowed: true, candidate: { ...base, access: eligibility.access, channel } };
      }
      return { row, displayName: name, units: unitNames, verdict };
    });
    return { propertyName: property.name, judged };
  }

  return {
    async create(contactId: number, channel: InvitationChannel): Promise<CreatedInvitation> {
      const today = ctx.clock.today();
      const expiresOn = addDays(today, INVITATION_VALID_DAYS);
      const code = generateInvitationCode();
      const org = organisations.get();
      // Checked before rendering the letter, and again inside the transaction.
      const checked = invitable(contactId, channel, today);
      const letterPdf =
        channel === 'letter' ? await lettersPdf([letterOf(checked, code, expiresOn, today, org)]) : null;
      const written = ctx.change(
        (audit) => {
          const row = invitable(contactId, channel, today);
          const supersedes = invitations.openOf(contactId).map((open) => open.id);
          return writeInvitation(audit, { row, channel, code, expiresOn, supersedes, org, propertyId: null });
        },
        { emits: portfolioChanged },
      );
      if (written.outboxId !== null) outbox.deliverSoon();
      return {
        invitation: written.summary,
        code,
        outboxId: written.outboxId,
        letterPdf,
        contact: contacts.detail(contactId),
      };
    },

    /** A new expiry (today + validity) for an expired invitation; the code stays the same. */
    reactivate(id: number): ContactDetail {
      const today = ctx.clock.today();
      const contactId = ctx.change(
        (audit) => {
          const invitation = invitations.get(id);
          if (invitation === undefined) throw new DomainError('NOT_FOUND', { entity: 'invitation', id });
          const state = invitationStateOn(
            { state: invitation.state, expiresOn: invitation.expires_on },
            today,
          );
          if (state !== 'expired') throw new DomainError('INVITATION_NOT_EXPIRED', { state });
          invitable(invitation.contact_id, 'code', today);
          const expiresOn = addDays(today, INVITATION_VALID_DAYS);
          invitations.reopen(id, expiresOn);
          audit({
            action: 'invitations.reactivate',
            entity: 'invitation',
            entityId: id,
            before: { state, expiresOn: invitation.expires_on },
            after: { state: 'pending', expiresOn },
          });
          return invitation.contact_id;
        },
        { emits: portfolioChanged },
      );
      return contacts.detail(contactId);
    },

    /** Revokes a pending (or expired) invitation: its code no longer registers anyone. */
    revoke(id: number): ContactDetail {
      const today = ctx.clock.today();
      const contactId = ctx.change(
        (audit) => {
          const invitation = invitations.get(id);
          if (invitation === undefined) throw new DomainError('NOT_FOUND', { entity: 'invitation', id });
          const state = invitationStateOn(
            { state: invitation.state, expiresOn: invitation.expires_on },
            today,
          );
          if (state !== 'pending' && state !== 'expired') {
            throw new DomainError('INVITATION_NOT_PENDING', { state });
          }
          invitations.revoke(id, ctx.clock.now());
          audit({
            action: 'invitations.revoke',
            entity: 'invitation',
            entityId: id,
            before: { state },
            after: { state: 'revoked' },
          });
          return invitation.contact_id;
        },
        { emits: portfolioChanged },
      );
      return contacts.detail(contactId);
    },

    /**
     * Registration in the portal with a code (in the app: a marked simulation). INVALID_CODE for an
     * unknown, revoked or used code; CODE_EXPIRED after its last valid day; the invite rules are
     * checked again (a contact archived or out of access since cannot register).
     */
    redeem(typed: string): { contactId: number; displayName: string } {
      const canonical = canonicalCode(typed);
      if (canonical === null) throw new DomainError('INVALID_CODE');
      const today = ctx.clock.today();
      const result = ctx.change(
        (audit) => {
          const invitation = invitations.byCodeHash(hashInvitationCode(canonical));
          if (invitation === undefined || invitation.state === 'revoked' || invitation.state === 'redeemed') {
            throw new DomainError('INVALID_CODE');
          }
          if (
            invitationStateOn({ state: invitation.state, expiresOn: invitation.expires_on }, today) !==
            'pending'
          ) {
            throw new DomainError('CODE_EXPIRED', { expiresOn: invitation.expires_on });
          }
          const row = invitable(invitation.contact_id, 'code', today);
          const now = ctx.clock.now();
          invitations.createAccount(row.id, now);
          invitations.markRedeemed(invitation.id, now);
          audit({
            action: 'invitations.redeem',
            entity: 'invitation',
            entityId: invitation.id,
            before: { state: 'pending' },
            after: { state: 'redeemed', contactId: row.id, registeredAt: now },
          });
          return { contactId: row.id, displayName: displayName(nameOfRow(row)) };
        },
        { emits: portfolioChanged },
      );
      return result;
    },

    /** Who of the property's contacts can be invited today, how, and why the others cannot. */
    previewProperty(propertyId: number): PropertyInvitePreview {
      const { propertyName, judged } = judgeProperty(propertyId, ctx.clock.today());
      const eligible: PropertyInviteCandidate[] = [];
      const ineligible: PropertyInviteRefusal[] = [];
      for (const j of judged) {
        if (j.verdict.allowed) eligible.push(j.verdict.candidate);
        else ineligible.push(j.verdict.refusal);
      }
      return { propertyId, propertyName, eligible, ineligible };
    },

    /**
     * Invites the selected contacts of a property in one transaction: everything is judged again
     * inside it; selected contacts that cannot be invited (any more) come back in `refused` (a
     * contact without a contract in the property as NO_CONTRACT). E-mails go to the outbox; letters
     * come back as one PDF, one page per letter, in name order. Audit: one row per invitation (and
     * per superseded one) plus one summary row. When nobody could be invited, nothing is written.
     */
    async inviteProperty(propertyId: number, contactIds: readonly number[]): Promise<PropertyInviteResult> {
      const today = ctx.clock.today();
      const expiresOn = addDays(today, INVITATION_VALID_DAYS);
      const org = organisations.get();
      const selected = new Set(contactIds);
      const codes = new Map<number, string>();
      const codeOf = (contactId: number) => {
        let code = codes.get(contactId);
        if (code === undefined) {
          code = generateInvitationCode();
          codes.set(contactId, code);
        }
        return code;
      };

      // 1. Judge outside the transaction to render the letters (asynchronous) beforehand.
      const planned: InvitationLetter[] = [];
      const plannedIds: number[] = [];
      for (const j of judgeProperty(propertyId, today).judged) {
        if (!selected.has(j.row.id) || !j.verdict.allowed || j.verdict.candidate.channel !== 'letter')
          continue;
        planned.push(letterOf(j.row, codeOf(j.row.id), expiresOn, today, org));
        plannedIds.push(j.row.id);
      }
      const plannedPdf = await lettersPdf(planned);

      // 2. Judge again and write, in one transaction.
      const outcome = ctx.change(
        (audit) => {
          const { judged } = judgeProperty(propertyId, today);
          const byId = new Map(judged.map((j) => [j.row.id, j]));
          const open = new Map<number, number[]>();
          for (const row of invitations.openOfPropertyContacts(propertyId)) {
            const list = open.get(row.contact_id);
            if (list === undefined) open.set(row.contact_id, [row.id]);
            else list.push(row.id);
          }
          const refused: PropertyInviteRefusal[] = [];
          const letters: InvitationLetter[] = [];
          const letterIds: number[] = [];
          let emailed = 0;
          // In name order (the order of `judged`), so that the letters come out sorted.
          for (const j of judged) {
            if (!selected.has(j.row.id)) continue;
            if (!j.verdict.allowed) {
              refused.push(j.verdict.refusal);
              continue;
            }
            const { channel } = j.verdict.candidate;
            const code = codeOf(j.row.id);
            const supersedes = open.get(j.row.id) ?? [];
            writeInvitation(audit, { row: j.row, channel, code, expiresOn, supersedes, org, propertyId });
            if (channel === 'email') emailed += 1;
            else {
              letters.push(letterOf(j.row, code, expiresOn, today, org));
              letterIds.push(j.row.id);
            }
          }
          for (const contactId of selected) {
            if (byId.has(contactId)) continue;
            const row = invitations.invitee(contactId);
            refused.push({
              contactId,
              displayName: row === undefined ? '' : displayName(nameOfRow(row)),
              units: '',
              reason: 'NO_CONTRACT',
              possibleFrom: null,
            });
          }
          if (emailed + letters.length === 0) return noChange({ emailed, letters, letterIds, refused });
          audit({
            action: 'invitations.inviteProperty',
            entity: 'property',
            entityId: propertyId,
            after: { selected: selected.size, emailed, letters: letters.length, refused: refused.length },
          });
          return { emailed, letters, letterIds, refused };
        },
        { emits: portfolioChanged },
      );

      if (outcome.emailed > 0) outbox.deliverSoon();
      // The letters written are nearly always those rendered beforehand; re-render if not.
      const same =
        outcome.letterIds.length === plannedIds.length &&
        outcome.letterIds.every((id, i) => id === plannedIds[i]);
      const pdf = same ? plannedPdf : await lettersPdf(outcome.letters);
      return {
        emailed: outcome.emailed,
        letters: outcome.letters.length,
        lettersPdf: pdf,
        refused: outcome.refused,
      };
    },
  };
}
export type InvitationService = ReturnType<typeof invitationService>;
