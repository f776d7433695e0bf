/**
 * Inviting a whole property: who of its contacts can be invited today and how (preview), and
 * inviting the selected ones in one transaction.
 */
import type { ContractFacts, IsoDate } from '../../../../shared/domain';
import { DomainError } from '../../../../shared/errors';
import { INVITATION_VALID_DAYS } from '../../../../shared/contract/invitations';
import { addDays } from '../../../../shared/dates';
import type {
  Organisation,
  PropertyInviteCandidate,
  PropertyInvitePreview,
  PropertyInviteRefusal,
  PropertyInviteResult,
} from '../../../../shared/ipc';
import { noChange, portfolioChanged, type Audit } from '../../context';
import { heldFiles, lettersFileName } from '../../exports/heldFiles';
import { toContractFacts } from '../../db/contractRepository';
import type { InviteeRow, InviteeUnitRow } from '../../db/invitationRepository';
import type { InvitationLetter } from '../../letters/invitationLetter';
import { isValidEmail } from '../../mail/address';
import { groupContractsByContact } from '../../policy/access';
import { inviteEligibility } from '../../policy/invite';
import { invitationStateOn } from '../../policy/invitationState';
import { generateInvitationCode } from '../invitationCode';
import { contactFacts, displayName, nameOfRow } from '../portfolioViews';
import type { InvitationDeps } from './deps';
import { invitationLetter, lettersPdf, writeInvitation } from './write';

/** Attempts of a batch whose letters changed while they were rendered. */
const MAX_ATTEMPTS = 3;

/** A contact of a property, judged for a bulk invitation. */
interface Judged {
  row: InviteeRow;
  verdict:
    | { allowed: true; candidate: PropertyInviteCandidate }
    | { allowed: false; refusal: PropertyInviteRefusal };
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

/** Every contact with a contract in the property, judged for an invitation today, by name. */
function judgeProperty(
  { invitations, settings }: InvitationDeps,
  propertyId: number,
  today: IsoDate,
): { propertyName: string; judged: Judged[] } {
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
    const base = {
      contactId: row.id,
      displayName: displayName(nameOfRow(row)),
      units: units.get(row.id) ?? '',
    };
    const eligibility = inviteEligibility(
      contactFacts(row, row.registered === 1),
      contracts.get(row.id) ?? none,
      current,
      today,
    );
    if (!eligibility.allowed) {
      return {
        row,
        verdict: {
          allowed: false,
          refusal: {
            ...base,
            reason: eligibility.reason,
            possibleFrom: eligibility.possibleFrom,
            window: eligibility.window ?? null,
          },
        },
      };
    }
    if (
      row.latest_state !== null &&
      row.latest_expires_on !== null &&
      invitationStateOn({ state: row.latest_state, expiresOn: row.latest_expires_on }, today) === 'pending'
    ) {
      return {
        row,
        verdict: { allowed: false, refusal: { ...base, reason: 'ALREADY_INVITED', possibleFrom: null } },
      };
    }
    const channel = row.preference === 'online' && isValidEmail(row.email) ? 'email' : 'letter';
    return { row, verdict: { allowed: true, candidate: { ...base, access: eligibility.access, channel } } };
  });
  return { propertyName: property.name, judged };
}

/** Who of the property's contacts can be invited today, how, and why the others cannot. */
export function previewPropertyInvitations(d: InvitationDeps, propertyId: number): PropertyInvitePreview {
  const { propertyName, judged } = judgeProperty(d, propertyId, d.ctx.clock.today());
  const eligible: PropertyInviteCandidate[] = [];
  const ineligible: PropertyInviteRefusal[] = [];
  for (const j of judged) {
    if (j.verdict.allowed) eligible.push(j.verdict.candidate);
    else ineligible.push(j.verdict.refusal);
  }
  return { propertyId, propertyName, eligible, ineligible };
}

/** One bulk invitation: the day, the letter head, the selection and each contact's code. */
interface Batch {
  propertyId: number;
  today: IsoDate;
  expiresOn: IsoDate;
  org: Organisation;
  selected: ReadonlySet<number>;
  /** The contact's code, made once: the letters rendered beforehand carry the code written. */
  codeOf(contactId: number): string;
}

interface Invited {
  emailed: number;
  letters: InvitationLetter[];
  refused: PropertyInviteRefusal[];
}

/** The letters of the selected contacts invited by letter, judged now (outside the transaction). */
function plannedLetters(d: InvitationDeps, batch: Batch): InvitationLetter[] {
  const letters: InvitationLetter[] = [];
  for (const j of judgeProperty(d, batch.propertyId, batch.today).judged) {
    if (!batch.selected.has(j.row.id) || !j.verdict.allowed || j.verdict.candidate.channel !== 'letter')
      continue;
    letters.push(invitationLetter(j.row, batch.codeOf(j.row.id), batch.expiresOn, batch.today, batch.org));
  }
  return letters;
}

/** Judges again and writes the invitations of the selected contacts (inside the change). */
function writeBatch(d: InvitationDeps, audit: Audit, batch: Batch): Invited {
  const { propertyId, today, expiresOn, org, selected } = batch;
  const { judged } = judgeProperty(d, propertyId, today);
  const byId = new Map(judged.map((j) => [j.row.id, j]));
  const open = new Map<number, number[]>();
  for (const row of d.invitations.openOfPropertyContacts(propertyId)) {
    const list = open.get(row.contact_id);
    if (list === undefined) open.set(row.contact_id, [row.id]);
    else list.push(row.id);
  }
  const invited: Invited = { emailed: 0, letters: [], refused: [] };
  // In name order (the order of `judged`), so that the letters come out sorted.
  for (const j of judged) {
    if (!selected.has(j.row.id)) continue;
    if (!j.verdict.allowed) {
      invited.refused.push(j.verdict.refusal);
      continue;
    }
    const { channel } = j.verdict.candidate;
    const code = channel === 'email' ? null : batch.codeOf(j.row.id);
    const supersedes = open.get(j.row.id) ?? [];
    writeInvitation(d, audit, { row: j.row, channel, code, expiresOn, supersedes, propertyId });
    if (code === null) invited.emailed += 1;
    else {
      invited.letters.push(invitationLetter(j.row, code, expiresOn, today, org));
    }
  }
  for (const contactId of selected) {
    if (byId.has(contactId)) continue;
    const row = d.invitations.invitee(contactId);
    invited.refused.push({
      contactId,
      displayName: row === undefined ? '' : displayName(nameOfRow(row)),
      units: '',
      reason: 'NO_CONTRACT',
      possibleFrom: null,
    });
  }
  return invited;
}

/**
 * Invites the selected contacts of a property in one transaction: everything is judged again
 * inside it; selected contacts that cannot be invited (any more) come back in `refused` (a
 * contact without a contract in the property as NO_CONTRACT). E-mails go to the outbox; letters
 * come back as one PDF, one page per letter, in name order. Audit: one row per invitation (and
 * per superseded one) plus one summary row. When nobody could be invited, nothing is written.
 */
export async function inviteProperty(
  d: InvitationDeps,
  propertyId: number,
  contactIds: readonly number[],
): Promise<PropertyInviteResult> {
  const today = d.ctx.clock.today();
  const codes = new Map<number, string>();
  const batch: Batch = {
    propertyId,
    today,
    expiresOn: addDays(today, INVITATION_VALID_DAYS),
    org: d.organisation.get(),
    selected: new Set(contactIds),
    codeOf(contactId) {
      let code = codes.get(contactId);
      if (code === undefined) {
        code = generateInvitationCode();
        codes.set(contactId, code);
      }
      return code;
    },
  };

  const stale = Symbol('stale');
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // 1. Judge outside the transaction to render the letters (asynchronous) beforehand.
    const letters = plannedLetters(d, batch);
    // No letter and no e-mail with the placeholder sender (an unknown property is refused first).
    d.organisation.requireOwn();
    const planned = JSON.stringify(letters);
    const plannedPdf = await lettersPdf(d.ctx, letters);

    // 2. Judge again and write, in one transaction — only the letters rendered: when a contact or
    //    its contracts changed meanwhile, nothing is written and the batch starts over.
    const invited = await d.ctx.change<Invited | typeof stale>(
      async (audit) => {
        const outcome = writeBatch(d, audit, batch);
        const { emailed, letters, refused } = outcome;
        if (emailed + letters.length === 0) return noChange(outcome);
        if (JSON.stringify(letters) !== planned) return noChange(stale);
        audit({
          action: 'invitations.inviteProperty',
          entity: 'property',
          entityId: propertyId,
          after: { selected: batch.selected.size, emailed, letters: letters.length, refused: refused.length },
        });
        return outcome;
      },
      { emits: portfolioChanged },
    );
    if (invited === stale) continue;

    if (invited.emailed > 0) d.outbox.deliverSoon();
    return {
      emailed: invited.emailed,
      letters: invited.letters.length,
      lettersFile:
        invited.letters.length === 0 || plannedPdf === null
          ? null
          : heldFiles(d.ctx).hold({
              fileName: lettersFileName(d.ctx, 'invitations', d.invitations.property(propertyId)?.name ?? ''),
              kind: 'pdf',
              count: invited.letters.length,
              bytes: plannedPdf,
            }),
      refused: invited.refused,
    };
  }
  throw new DomainError('CHANGED_MEANWHILE');
}
