/**
 * Inviting a whole property (invitations.previewProperty / inviteProperty) on the demo portfolio.
 * The expected answer is worked out here from the raw rows and the policy function, independently
 * of the service's SQL.
 */
import { describe, expect, it } from 'vitest';
import type { AccessSettings, ContractFacts, InviteRefusal } from '../../../shared/domain';
import { inviteEligibility } from '../../../src-main/core/policy/invite';
import { ok, readDatabase, savedHeld, snapshotDatabase, writeDemoPortfolio } from '../support';
import {
  auditRows,
  building,
  contact,
  contract,
  expectRefused,
  invitationCore,
  pdfTextLines,
  setAccess,
  type InvitationCore,
  TODAY,
} from './support';

const SHOWCASE = 1;

interface Expected {
  eligible: Map<number, 'email' | 'letter'>;
  ineligible: Map<number, InviteRefusal | 'ALREADY_INVITED'>;
}

/** Who of the property's contacts may be invited on `today`, from the raw rows. */
function expected(core: InvitationCore, propertyId: number, settings: AccessSettings): Expected {
  const today = core.clock.today();
  return readDatabase(core, (db) => {
    const contacts = db
      .prepare<
        [number],
        {
          id: number;
          archived: 0 | 1;
          email: string | null;
          preference: string;
          registered: 0 | 1;
          pending: 0 | 1;
        }
      >(
        `SELECT c.id, c.archived, c.email, c.preference,
           EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered,
           EXISTS (SELECT 1 FROM invitations i WHERE i.contact_id = c.id AND i.state = 'pending'
                   AND i.expires_on >= '${today}') AS pending
         FROM contacts c WHERE c.id IN (SELECT contact_id FROM contracts WHERE property_id = ?)`,
      )
      .all(propertyId);
    const contracts = db
      .prepare<
        [],
        {
          id: number;
          contact_id: number;
          unit_id: number;
          property_id: number;
          type: 'tenant' | 'owner';
          start_date: string;
          end_date: string | null;
        }
      >('SELECT * FROM contracts')
      .all()
      .map((k): ContractFacts => ({
        id: k.id,
        contactId: k.contact_id,
        unitId: k.unit_id,
        propertyId: k.property_id,
        type: k.type,
        start: k.start_date,
        end: k.end_date,
      }));
    const result: Expected = { eligible: new Map(), ineligible: new Map() };
    for (const c of contacts) {
      const own = contracts.filter((k) => k.contactId === c.id);
      const e = inviteEligibility(
        { id: c.id, archived: c.archived === 1, registered: c.registered === 1 },
        own,
        settings,
        today,
      );
      if (!e.allowed) result.ineligible.set(c.id, e.reason);
      else if (c.pending) result.ineligible.set(c.id, 'ALREADY_INVITED');
      else result.eligible.set(c.id, c.preference === 'online' && c.email ? 'email' : 'letter');
    }
    return result;
  });
}

async function demo(): Promise<InvitationCore> {
  const core = invitationCore();
  writeDemoPortfolio(core, TODAY);
  return core;
}

const noWindows: AccessSettings = {
  preContract: { enabled: false, days: 30 },
  postContract: { enabled: false, days: 30 },
  seatQuota: null,
};

describe('invitations.previewProperty on the demo portfolio', () => {
  it('lists exactly the invitable contacts of every property, with channel, and the others with their reason', async () => {
    const core = await demo();
    const properties = await ok(core, 'properties.list');
    expect(properties.length).toBeGreaterThan(3);
    for (const settings of [
      noWindows,
      { ...noWindows, preContract: { enabled: true, days: 60 }, postContract: { enabled: true, days: 90 } },
    ]) {
      await setAccess(core, settings);
      for (const property of properties) {
        const preview = await ok(core, 'invitations.previewProperty', {
          propertyId: property.id,
        });
        const want = expected(core, property.id, settings);
        expect(preview.propertyName).toBe(property.name);
        expect(new Map(preview.eligible.map((e) => [e.contactId, e.channel]))).toEqual(want.eligible);
        expect(new Map(preview.ineligible.map((e) => [e.contactId, e.reason]))).toEqual(want.ineligible);
        for (const e of preview.eligible) {
          expect(e.access.grant).not.toBe('none');
          expect(e.units).not.toBe('');
        }
      }
    }
  });

  it('shows the planted showcase situations: registered, archived, not yet possible (with the day)', async () => {
    const core = await demo();
    const preview = await ok(core, 'invitations.previewProperty', {
      propertyId: SHOWCASE,
    });
    const reasons = new Set(preview.ineligible.map((r) => r.reason));
    expect(reasons).toEqual(new Set(['ALREADY_REGISTERED', 'ARCHIVED', 'OUTSIDE_ACCESS_WINDOW']));
    const later = preview.ineligible.filter(
      (r) => r.reason === 'OUTSIDE_ACCESS_WINDOW' && r.possibleFrom !== null,
    );
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.possibleFrom! > '2026-11-27').toBe(true);
    expect(preview.eligible.some((e) => e.channel === 'email')).toBe(true);
    expect(preview.eligible.some((e) => e.channel === 'letter')).toBe(true);
  });

  it('refuses an unknown property with UNKNOWN_PROPERTY', async () => {
    const core = invitationCore();
    await expectRefused(core, 'invitations.previewProperty', { propertyId: 99 }, 'UNKNOWN_PROPERTY', {
      propertyId: 99,
    });
    await expectRefused(
      core,
      'invitations.inviteProperty',
      { propertyId: 99, contactIds: [1] },
      'UNKNOWN_PROPERTY',
    );
  });
});

describe('invitations.inviteProperty on the demo portfolio', () => {
  it('invites exactly the eligible contacts: e-mails to the outbox, letters in one PDF, the rest refused', async () => {
    const core = await demo();
    const want = expected(core, SHOWCASE, noWindows);
    const everyone = [...want.eligible.keys(), ...want.ineligible.keys()];
    const auditBefore = auditRows(core).length;

    const result = await ok(core, 'invitations.inviteProperty', {
      propertyId: SHOWCASE,
      contactIds: everyone,
    });
    const emails = [...want.eligible.values()].filter((channel) => channel === 'email').length;
    const letters = want.eligible.size - emails;
    expect(result.emailed).toBe(emails);
    expect(result.letters).toBe(letters);
    expect(new Map(result.refused.map((r) => [r.contactId, r.reason]))).toEqual(want.ineligible);

    // One pending invitation for each eligible contact, with the channel chosen.
    const rows = readDatabase(core, (db) =>
      db
        .prepare<[], { contact_id: number; channel: string; state: string; expires_on: string }>(
          'SELECT contact_id, channel, state, expires_on FROM invitations ORDER BY contact_id',
        )
        .all(),
    );
    expect(new Map(rows.map((r) => [r.contact_id, r.channel]))).toEqual(want.eligible);
    expect(rows.every((r) => r.state === 'pending' && r.expires_on === '2026-12-27')).toBe(true);

    // E-mails queued for the e-mail contacts, in their language.
    const outbox = await ok(core, 'outbox.list', { limit: 200 });
    expect(outbox.total).toBe(emails);
    expect(new Set(outbox.items.map((item) => item.contactId))).toEqual(
      new Set([...want.eligible].filter(([, channel]) => channel === 'email').map(([id]) => id)),
    );
    for (const item of outbox.items) {
      const detail = await ok(core, 'contacts.get', { id: item.contactId! });
      expect(item.recipient).toBe(detail.contact.email);
      expect(item.language).toBe(detail.contact.language);
      expect(detail.invitationState).toBe('pending');
    }

    // One page per letter.
    // Held for saving: written where the user chooses, named after the property.
    expect(result.lettersFile).toMatchObject({
      count: letters,
      fileName: expect.stringMatching(/^Einladungsbriefe-.+\.pdf$/),
    });
    const pdf = await pdfTextLines(await savedHeld(core, result.lettersFile));
    expect(pdf.pages).toBe(letters);

    // Audit: one row per invitation plus the summary, all in the one change.
    const audit = auditRows(core).slice(auditBefore);
    expect(audit.filter((r) => r.action === 'invitations.create')).toHaveLength(want.eligible.size);
    const summary = audit.filter((r) => r.action === 'invitations.inviteProperty');
    expect(summary).toHaveLength(1);
    expect(JSON.parse(summary[0]!.after!)).toEqual({
      selected: everyone.length,
      emailed: emails,
      letters,
      refused: want.ineligible.size,
    });

    // Afterwards everyone invited is ALREADY_INVITED, and inviting again writes nothing.
    const again = await ok(core, 'invitations.previewProperty', {
      propertyId: SHOWCASE,
    });
    expect(again.eligible).toEqual([]);
    expect(
      again.ineligible
        .filter((r) => r.reason === 'ALREADY_INVITED')
        .map((r) => r.contactId)
        .sort(),
    ).toEqual([...want.eligible.keys()].sort());
    const before = snapshotDatabase(core.dataDir);
    const second = await ok(core, 'invitations.inviteProperty', {
      propertyId: SHOWCASE,
      contactIds: everyone,
    });
    expect(second).toMatchObject({ emailed: 0, letters: 0, lettersFile: null });
    expect(second.refused).toHaveLength(everyone.length);
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });

  it('invites only the selected contacts', async () => {
    const core = await demo();
    const want = expected(core, SHOWCASE, noWindows);
    const [first, second] = [...want.eligible.keys()];
    const result = await ok(core, 'invitations.inviteProperty', {
      propertyId: SHOWCASE,
      contactIds: [first!, second!, first!],
    });
    expect(result.emailed + result.letters).toBe(2);
    expect(result.refused).toEqual([]);
    const invited = readDatabase(core, (db) =>
      db.prepare<[], { contact_id: number }>('SELECT contact_id FROM invitations ORDER BY contact_id').all(),
    );
    expect(invited.map((r) => r.contact_id)).toEqual([first, second].sort((a, b) => a! - b!));
  });
});

describe('invitations.inviteProperty on a small property', () => {
  it('refuses a contact without a contract in the property as NO_CONTRACT and supersedes expired invitations', async () => {
    const core = invitationCore();
    const b = await building(core, 2);
    const inside = await contact(core, { lastName: 'Innen' });
    await contract(core, { contactId: inside.contact.id, unitId: b.units[0]!.id });
    await contract(core, { contactId: inside.contact.id, unitId: b.units[1]!.id, type: 'owner' });
    const outside = await contact(core, { lastName: 'Außen' });
    const earlier = await ok(core, 'invitations.create', {
      contactId: inside.contact.id,
      channel: 'code',
    });
    core.clock.set('2027-01-05'); // the earlier invitation has expired

    const preview = await ok(core, 'invitations.previewProperty', {
      propertyId: b.property.id,
    });
    expect(preview.eligible).toMatchObject([
      {
        contactId: inside.contact.id,
        displayName: 'Anna Innen',
        units: 'Whg. 1, 0. OG; Whg. 2, 1. OG',
        channel: 'email',
      },
    ]);

    const result = await ok(core, 'invitations.inviteProperty', {
      propertyId: b.property.id,
      contactIds: [inside.contact.id, outside.contact.id],
    });
    expect(result).toMatchObject({ emailed: 1, letters: 0, lettersFile: null });
    expect(result.refused).toEqual([
      {
        contactId: outside.contact.id,
        displayName: 'Anna Außen',
        units: '',
        reason: 'NO_CONTRACT',
        possibleFrom: null,
      },
    ]);
    const states = readDatabase(core, (db) =>
      db.prepare<[], { id: number; state: string }>('SELECT id, state FROM invitations ORDER BY id').all(),
    );
    expect(states).toEqual([
      { id: earlier.invitation.id, state: 'revoked' },
      { id: earlier.invitation.id + 1, state: 'pending' },
    ]);
  });

  it('writes nothing when nobody selected can be invited', async () => {
    const core = invitationCore();
    const b = await building(core, 1);
    const later = await contact(core);
    await contract(core, { contactId: later.contact.id, unitId: b.units[0]!.id, start: '2027-06-01' });
    const before = snapshotDatabase(core.dataDir);
    const result = await ok(core, 'invitations.inviteProperty', {
      propertyId: b.property.id,
      contactIds: [later.contact.id],
    });
    expect(result).toEqual({
      emailed: 0,
      letters: 0,
      lettersFile: null,
      refused: [
        {
          contactId: later.contact.id,
          displayName: 'Anna Schmidt',
          units: 'Whg. 1, 0. OG',
          reason: 'OUTSIDE_ACCESS_WINDOW',
          possibleFrom: '2027-06-01',
          // The refusal names the window that would allow it: pre-contract access, switched off.
          window: { window: 'pre', enabled: false, days: 30, contractDay: '2027-06-01', windowDay: null },
        },
      ],
    });
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });
});
