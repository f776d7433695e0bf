/** invitations.create through `core.invoke` (ARCHITECTURE.md §3 "Invite"): refusals and the code. The lifecycle after creation is in invitationLifecycle.test.ts. */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invalidPayload, ok, readDatabase } from '../support';
import {
  auditRows,
  building,
  contact,
  contract,
  dataStoreBytes,
  expectRefused,
  invitationCore,
  invite,
  setAccess,
  tenant,
} from './support';

const CODE_FORMAT = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** The store's random code key (migration 7), as hex. */
function codeKey(core: { dataDir: string }): string {
  return readDatabase(core, (db) => {
    const row = db
      .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'invitation.codeKey'")
      .get();
    return JSON.parse(row!.value) as string;
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('invitations.create: refusals', () => {
  it('refuses an archived contact with ARCHIVED and writes nothing', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await ok(core, 'contacts.setArchived', { id: c.contact.id, archived: true });
    for (const channel of ['email', 'letter', 'code'] as const) {
      await expectRefused(core, 'invitations.create', { contactId: c.contact.id, channel }, 'ARCHIVED', {});
    }
  });

  it('refuses a registered contact with ALREADY_REGISTERED and writes nothing', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    await ok(core, 'invitations.redeem', { code: created.code });
    await expectRefused(
      core,
      'invitations.create',
      { contactId: c.contact.id, channel: 'code' },
      'ALREADY_REGISTERED',
    );
  });

  it('refuses a contact without any contract with NO_CONTRACT and writes nothing', async () => {
    const core = invitationCore();
    const c = await contact(core);
    await expectRefused(
      core,
      'invitations.create',
      { contactId: c.contact.id, channel: 'letter' },
      'NO_CONTRACT',
    );
  });

  it('refuses outside the access window with OUTSIDE_ACCESS_WINDOW and the first possible day', async () => {
    const core = invitationCore();
    const b = await building(core, 1);
    const c = await contact(core);
    await contract(core, { contactId: c.contact.id, unitId: b.units[0]!.id, start: '2027-03-01' });
    const payload = { contactId: c.contact.id, channel: 'code' as const };
    await expectRefused(core, 'invitations.create', payload, 'OUTSIDE_ACCESS_WINDOW', {
      possibleFrom: '2027-03-01',
    });
    // With pre-contract access (30 days) it becomes possible 30 days before the start …
    await setAccess(core, { preContract: { enabled: true, days: 30 } });
    await expectRefused(core, 'invitations.create', payload, 'OUTSIDE_ACCESS_WINDOW', {
      possibleFrom: '2027-01-30',
    });
    // … and on that day it is allowed.
    core.clock.set('2027-01-30');
    expect((await invite(core, c.contact.id, 'code')).code).toMatch(CODE_FORMAT);
  });

  it('refuses an ended contract with no way back: possibleFrom null', async () => {
    const core = invitationCore();
    const b = await building(core, 1);
    const c = await contact(core);
    await contract(core, {
      contactId: c.contact.id,
      unitId: b.units[0]!.id,
      start: '2020-01-01',
      end: '2025-12-31',
    });
    await expectRefused(
      core,
      'invitations.create',
      { contactId: c.contact.id, channel: 'code' },
      'OUTSIDE_ACCESS_WINDOW',
      {
        possibleFrom: null,
      },
    );
  });

  it('refuses channel e-mail without an address with NO_EMAIL; letter and code still work', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, { email: null, preference: 'postal' });
    await expectRefused(
      core,
      'invitations.create',
      { contactId: c.contact.id, channel: 'email' },
      'NO_EMAIL',
    );
    expect((await invite(core, c.contact.id, 'letter')).letter).not.toBeNull();
  });

  it('checks the policy before the e-mail address: an archived contact without e-mail is ARCHIVED', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, { email: null });
    await ok(core, 'contacts.setArchived', { id: c.contact.id, archived: true });
    await expectRefused(
      core,
      'invitations.create',
      { contactId: c.contact.id, channel: 'email' },
      'ARCHIVED',
    );
  });

  it('refuses an unknown contact with UNKNOWN_CONTACT', async () => {
    const core = invitationCore();
    await expectRefused(core, 'invitations.create', { contactId: 4711, channel: 'code' }, 'UNKNOWN_CONTACT', {
      contactId: 4711,
    });
  });

  it('refuses a malformed request with INVALID_PAYLOAD', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await expectRefused(
      core,
      'invitations.create',
      invalidPayload({ contactId: c.contact.id, channel: 'fax' }),
      'INVALID_PAYLOAD',
    );
    await expectRefused(core, 'invitations.create', { contactId: -1, channel: 'code' }, 'INVALID_PAYLOAD');
  });
});

describe('invitations.create: the code', () => {
  it('is random, formatted without look-alikes, valid for 30 days, and shown once', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'code');
    expect(created.code).toMatch(CODE_FORMAT);
    expect(created.invitation).toMatchObject({ state: 'pending', channel: 'code', expiresOn: '2026-12-27' });
    expect(created.outboxId).toBeNull();
    expect(created.letter).toBeNull();
    expect(created.contact.invitationState).toBe('pending');
    expect(created.contact.invitation).toMatchObject({ id: created.invitation.id, state: 'pending' });

    const codes = new Set([created.code]);
    for (let i = 0; i < 20; i += 1) codes.add((await invite(core, c.contact.id, 'code')).code);
    expect(codes.size).toBe(21);
  });

  it.each(['code', 'letter'] as const)(
    'channel %s: only a keyed hash (HMAC-SHA-256, random key per store) is stored; the code is nowhere else',
    async (channel) => {
      const core = invitationCore();
      const { contact: c } = await tenant(core);
      const created = await invite(core, c.contact.id, channel);
      const canonical = created.code.replaceAll('-', '');
      const stored = readDatabase(core, (db) =>
        db.prepare<[], { code_hash: string }>('SELECT code_hash FROM invitations').all(),
      );
      const key = codeKey(core);
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(key).not.toBe(codeKey(invitationCore()));
      expect(stored).toEqual([
        { code_hash: createHmac('sha256', key).update(sha256(canonical)).digest('hex') },
      ]);

      const bytes = dataStoreBytes(core);
      expect(bytes.includes(created.code)).toBe(false);
      expect(bytes.includes(canonical)).toBe(false);
      const audit = JSON.stringify(auditRows(core));
      expect(audit).not.toContain(created.code);
      expect(audit).not.toContain(canonical);
      expect(audit).not.toContain(sha256(canonical));
    },
  );

  it('channel email: no code is shown or stored; the queued mail shows it masked (issued when sent)', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    expect(created.code).toBeNull();
    expect(created.outboxId).not.toBeNull();
    const queued = readDatabase(core, (db) =>
      db.prepare('SELECT subject, text_body, html_body FROM outbox').all(),
    );
    expect(queued).toEqual([{ subject: null, text_body: null, html_body: null }]);
    const message = await ok(core, 'outbox.get', { id: created.outboxId! });
    expect(message.textBody).toContain('Ihr Einladungscode: ••••-••••-••••');
    expect(dataStoreBytes(core).toString('latin1')).not.toMatch(
      /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/,
    );
  });

  it('audits the creation with contact, channel and expiry', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    const row = auditRows(core).at(-1)!;
    expect(row).toMatchObject({
      action: 'invitations.create',
      entity: 'invitation',
      entity_id: String(created.invitation.id),
    });
    expect(JSON.parse(row.after!)).toEqual({
      contactId: c.contact.id,
      channel: 'email',
      expiresOn: '2026-12-27',
      outboxId: created.outboxId,
      propertyId: null,
    });
  });

  it('a new invitation revokes the pending older one: its code no longer works', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const first = await invite(core, c.contact.id, 'code');
    const second = await invite(core, c.contact.id, 'letter');
    const states = readDatabase(core, (db) =>
      db.prepare<[], { id: number; state: string }>('SELECT id, state FROM invitations ORDER BY id').all(),
    );
    expect(states).toEqual([
      { id: first.invitation.id, state: 'revoked' },
      { id: second.invitation.id, state: 'pending' },
    ]);
    expect(
      auditRows(core)
        .filter((r) => r.action === 'invitations.revoke')
        .map((r) => r.entity_id),
    ).toEqual([String(first.invitation.id)]);
    await expectRefused(core, 'invitations.redeem', { code: first.code }, 'INVALID_CODE');
    expect(await ok(core, 'invitations.redeem', { code: second.code })).toEqual({
      contactId: c.contact.id,
      displayName: 'Anna Schmidt',
    });
  });

  it('also supersedes an expired one (which could otherwise be reactivated)', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const first = await invite(core, c.contact.id, 'code');
    core.clock.set('2027-01-15');
    await invite(core, c.contact.id, 'code');
    await expectRefused(
      core,
      'invitations.reactivate',
      { id: first.invitation.id },
      'INVITATION_NOT_EXPIRED',
      {
        state: 'revoked',
      },
    );
  });
});
