/** Invitations after creation through `core.invoke` (ARCHITECTURE.md §3 "Invite"): expiry, reactivation, revocation, redemption and events. */
import { describe, expect, it } from 'vitest';
import { ok, refused, snapshotDatabase, withDatabase } from '../support';
import {
  auditRows,
  building,
  contact,
  contract,
  expectRefused,
  invitationCore,
  invite,
  setAccess,
  tenant,
} from './support';

describe('expiry and reactivation', () => {
  it('is pending through its expiry day, expired the day after; the code then fails with CODE_EXPIRED', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    core.clock.set('2026-12-27');
    expect((await ok(core, 'contacts.get', { id: c.contact.id })).invitationState).toBe('pending');
    core.clock.set('2026-12-28');
    const detail = await ok(core, 'contacts.get', { id: c.contact.id });
    expect(detail.invitationState).toBe('expired');
    expect(detail.invitation?.state).toBe('expired');
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'CODE_EXPIRED', {
      expiresOn: '2026-12-27',
    });
  });

  it('reactivates an expired invitation from today on; the same code works again', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    core.clock.set('2027-01-10');
    const detail = await ok(core, 'invitations.reactivate', { id: created.invitation.id });
    expect(detail.invitationState).toBe('pending');
    expect(detail.invitation).toMatchObject({ id: created.invitation.id, expiresOn: '2027-02-09' });
    const row = auditRows(core).at(-1)!;
    expect(row.action).toBe('invitations.reactivate');
    expect(JSON.parse(row.before!)).toEqual({ state: 'expired', expiresOn: '2026-12-27' });
    expect(JSON.parse(row.after!)).toEqual({ state: 'pending', expiresOn: '2027-02-09' });
    await ok(core, 'invitations.redeem', { code: created.code });
  });

  it('refuses to reactivate a pending, revoked or redeemed invitation (INVITATION_NOT_EXPIRED)', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const pending = await invite(core, c.contact.id, 'code');
    await expectRefused(
      core,
      'invitations.reactivate',
      { id: pending.invitation.id },
      'INVITATION_NOT_EXPIRED',
      {
        state: 'pending',
      },
    );
    await ok(core, 'invitations.revoke', { id: pending.invitation.id });
    await expectRefused(
      core,
      'invitations.reactivate',
      { id: pending.invitation.id },
      'INVITATION_NOT_EXPIRED',
      {
        state: 'revoked',
      },
    );
    const redeemed = await invite(core, c.contact.id, 'code');
    await ok(core, 'invitations.redeem', { code: redeemed.code });
    await expectRefused(
      core,
      'invitations.reactivate',
      { id: redeemed.invitation.id },
      'INVITATION_NOT_EXPIRED',
      {
        state: 'redeemed',
      },
    );
    await expectRefused(core, 'invitations.reactivate', { id: 999 }, 'NOT_FOUND', {
      entity: 'invitation',
      id: 999,
    });
  });

  it('re-checks the invite rules when reactivating', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    core.clock.set('2027-01-10');
    await ok(core, 'contacts.setArchived', { id: c.contact.id, archived: true });
    await expectRefused(core, 'invitations.reactivate', { id: created.invitation.id }, 'ARCHIVED');
  });
});

describe('revocation', () => {
  it('revokes a pending invitation: state revoked, code invalid, audited', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    const detail = await ok(core, 'invitations.revoke', { id: created.invitation.id });
    expect(detail.invitationState).toBe('revoked');
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'invitations.revoke',
      entity_id: String(created.invitation.id),
    });
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'INVALID_CODE');
  });

  it('revokes an expired invitation too', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    core.clock.set('2027-02-01');
    expect((await ok(core, 'invitations.revoke', { id: created.invitation.id })).invitationState).toBe(
      'revoked',
    );
  });

  it('refuses to revoke a revoked or redeemed invitation (INVITATION_NOT_PENDING), or an unknown one', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const first = await invite(core, c.contact.id, 'code');
    await ok(core, 'invitations.revoke', { id: first.invitation.id });
    await expectRefused(core, 'invitations.revoke', { id: first.invitation.id }, 'INVITATION_NOT_PENDING', {
      state: 'revoked',
    });
    const second = await invite(core, c.contact.id, 'code');
    await ok(core, 'invitations.redeem', { code: second.code });
    await expectRefused(core, 'invitations.revoke', { id: second.invitation.id }, 'INVITATION_NOT_PENDING', {
      state: 'redeemed',
    });
    await expectRefused(core, 'invitations.revoke', { id: 12345 }, 'NOT_FOUND');
  });
});

describe('invitations.redeem', () => {
  it('is refused outside the demo (DEMO_ONLY): in real data contacts register themselves', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    expect(await ok(core, 'app.status')).toMatchObject({ demo: true });
    withDatabase(core, (db) =>
      db.prepare("UPDATE settings SET value = '\"empty\"' WHERE key = 'firstStart'").run(),
    );
    expect(await ok(core, 'app.status')).toMatchObject({ demo: false });
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'DEMO_ONLY');
    expect((await ok(core, 'contacts.get', { id: c.contact.id })).invitationState).toBe('pending');
  });

  it('registers the contact, marks the invitation redeemed and uses a portal seat', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, {
      salutation: 'mr',
      title: 'Dr.',
      firstName: 'Jürgen',
      lastName: 'Müller',
    });
    const seatsBefore = (await ok(core, 'portfolio.overview')).seats.used;
    const created = await invite(core, c.contact.id, 'letter');
    expect(await ok(core, 'invitations.redeem', { code: created.code })).toEqual({
      contactId: c.contact.id,
      displayName: 'Dr. Jürgen Müller',
    });
    const detail = await ok(core, 'contacts.get', { id: c.contact.id });
    expect(detail.invitationState).toBe('redeemed');
    expect(detail.registeredAt).not.toBeNull();
    expect(detail.invitation?.state).toBe('redeemed');
    expect(detail.eligibility).toEqual({ allowed: false, reason: 'ALREADY_REGISTERED', possibleFrom: null });
    expect((await ok(core, 'portfolio.overview')).seats.used).toBe(seatsBefore + 1);
    const row = auditRows(core).at(-1)!;
    expect(row).toMatchObject({ action: 'invitations.redeem', entity_id: String(created.invitation.id) });
    expect(row.after).not.toContain(created.code);
  });

  it('accepts the code typed loosely: lower case, spaces instead of dashes', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    const typed = ` ${created.code.toLowerCase().replaceAll('-', ' ')} `;
    await ok(core, 'invitations.redeem', { code: typed });
  });

  it.each([
    ['an unknown code', 'ABCD-EFGH-JKLM'],
    ['a code with a look-alike letter', 'ABCD-EFGH-JKL0'],
    ['text that is no code at all', 'hello'],
  ])('refuses %s with INVALID_CODE and writes nothing', async (_name, code) => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await invite(core, c.contact.id, 'code');
    await expectRefused(core, 'invitations.redeem', { code }, 'INVALID_CODE', {});
  });

  it('refuses a used code with INVALID_CODE', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    await ok(core, 'invitations.redeem', { code: created.code });
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'INVALID_CODE');
  });

  it('re-checks the invite rules: a contact archived since the invitation cannot register', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    await ok(core, 'contacts.setArchived', { id: c.contact.id, archived: true });
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'ARCHIVED');
  });

  it('re-checks the access window: after the contract ended (no post-contract access) it is refused', async () => {
    const core = invitationCore();
    const b = await building(core, 1);
    const c = await contact(core);
    await contract(core, {
      contactId: c.contact.id,
      unitId: b.units[0]!.id,
      start: '2020-01-01',
      end: '2026-12-01',
    });
    const created = await invite(core, c.contact.id, 'code');
    core.clock.set('2026-12-05');
    await expectRefused(core, 'invitations.redeem', { code: created.code }, 'OUTSIDE_ACCESS_WINDOW', {
      possibleFrom: null,
    });
    // With post-contract access the same code registers the contact.
    await setAccess(core, { postContract: { enabled: true, days: 30 } });
    await ok(core, 'invitations.redeem', { code: created.code });
  });
});

describe('events', () => {
  it('announces portfolio.changed after each invitation change, not after a refusal', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    let changes = 0;
    core.events.on('portfolio.changed', () => (changes += 1));
    const created = await ok(core, 'invitations.create', {
      contactId: c.contact.id,
      channel: 'code',
    });
    await ok(core, 'invitations.revoke', { id: created.invitation.id });
    expect(changes).toBe(2);
    const before = snapshotDatabase(core.dataDir);
    expect(await refused(core, 'invitations.revoke', { id: created.invitation.id })).toMatchObject({
      code: 'INVITATION_NOT_PENDING',
    });
    expect(changes).toBe(2);
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });
});
