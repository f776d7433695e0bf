/**
 * The outbox rules of issues 13 and 14 against a real SMTP server on 127.0.0.1: withdrawn mail is
 * never sent, codes are issued at sending, SMTP is tested before it sends, placeholders make no
 * letter or e-mail, transport errors are codes without the server's words, an interrupted attempt
 * is not repeated, and share letters wait in the print batch.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { ok, readDatabase, refused } from '../support';
import {
  auditRows,
  configureSmtp,
  expectRefused,
  invitationCore,
  invite,
  pdfTextLines,
  tenant,
  type InvitationCore,
} from './support';
import { outboxItem, startServer } from './smtpServer';

function setOutboxState(core: InvitationCore, id: number, state: string): void {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE));
  try {
    db.prepare('UPDATE outbox SET state = ? WHERE id = ?').run(state, id);
  } finally {
    db.close();
  }
}

describe('withdrawn mail is never sent', () => {
  it('revoking an invitation withdraws its queued e-mail', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    await ok(core, 'invitations.revoke', { id: created.invitation.id });
    expect(await outboxItem(core, created.outboxId!)).toMatchObject({
      state: 'withdrawn',
      lastError: 'WITHDRAWN_INVITATION_REVOKED',
    });
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'outbox.send')).toMatchObject({ sent: 0, stillQueued: 0 });
    expect(server.received).toEqual([]);
    expect(auditRows(core).some((r) => r.action === 'outbox.withdrawn')).toBe(true);
  });

  it('a new invitation withdraws the mail of the one it supersedes: one mail, one live code', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const first = await invite(core, c.contact.id, 'email');
    const second = await invite(core, c.contact.id, 'email');
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'outbox.send')).toMatchObject({ sent: 1 });
    expect(server.received).toHaveLength(1);
    expect((await outboxItem(core, first.outboxId!)).state).toBe('withdrawn');
    expect((await outboxItem(core, second.outboxId!)).state).toBe('sent');
  });

  it('a corrected e-mail address withdraws the mail queued to the old one', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core, { email: 'alt@example.com' });
    const created = await invite(core, c.contact.id, 'email');
    await ok(core, 'contacts.update', {
      id: c.contact.id,
      salutation: 'ms',
      title: null,
      firstName: 'Anna',
      lastName: 'Schmidt',
      company: null,
      email: 'neu@example.com',
      phone: null,
      language: 'de',
      preference: 'online',
      referenceId: c.contact.referenceId,
      note: null,
      street: 'Lindenallee',
      houseNo: '1',
      postcode: '10115',
      city: 'Berlin',
    });
    expect(await outboxItem(core, created.outboxId!)).toMatchObject({
      state: 'withdrawn',
      lastError: 'WITHDRAWN_ADDRESS_CHANGED',
    });
    await configureSmtp(core, { port: server.port });
    await ok(core, 'outbox.send');
    expect(server.received).toEqual([]);
  });

  it('deleting a queued invitation mail in the Postausgang revokes its invitation', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    expect(await ok(core, 'outbox.withdraw', { id: created.outboxId! })).toMatchObject({
      state: 'withdrawn',
      lastError: 'WITHDRAWN_BY_USER',
    });
    expect((await ok(core, 'contacts.get', { id: c.contact.id })).invitationState).toBe('revoked');
    await expectRefused(core, 'outbox.withdraw', { id: created.outboxId! }, 'OUTBOX_NOT_QUEUED', {
      state: 'withdrawn',
    });
  });
});

describe('an attempt left in flight by a crash', () => {
  it('is marked failed (SMTP_INTERRUPTED) and not sent again by itself; "Erneut senden" sends it', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    setOutboxState(core, created.outboxId!, 'sending');
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'outbox.send')).toMatchObject({ sent: 0, failed: 0 });
    expect(await outboxItem(core, created.outboxId!)).toMatchObject({
      state: 'failed',
      lastError: 'SMTP_INTERRUPTED',
    });
    expect(await ok(core, 'outbox.send')).toMatchObject({ sent: 0 });
    expect(server.received).toEqual([]);
    await ok(core, 'outbox.requeue', { id: created.outboxId! });
    await ok(core, 'outbox.send');
    expect(server.received).toHaveLength(1);
  });
});

describe('SMTP: test first, then switch on', () => {
  it('saving switched-on settings sends nothing until a test message went through', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await invite(core, c.contact.id, 'email');
    await configureSmtp(core, { port: server.port }, { tested: false });
    expect((await ok(core, 'mail.getSettings')).tested).toBe(false);
    await expectRefused(core, 'outbox.send', undefined, 'SMTP_NOT_TESTED');
    expect((await ok(core, 'outbox.list', {})).waiting).toBe('SMTP_NOT_TESTED');
    expect(server.received).toEqual([]);

    await ok(core, 'mail.sendTest', { to: 'admin@example.com' });
    expect((await ok(core, 'mail.getSettings')).tested).toBe(true);
    expect(await ok(core, 'outbox.send')).toMatchObject({ sent: 1 });

    // Another server: tested no more.
    await configureSmtp(core, { port: server.port, host: 'localhost' }, { tested: false });
    expect((await ok(core, 'mail.getSettings')).tested).toBe(false);
  });

  it('keeps what a server echoes (the password) out of the outbox, the audit log and the answer', async () => {
    const server = await startServer({ echoLogin: true });
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    await configureSmtp(core, { port: server.port, user: 'hv', password: 'geheim-123' });
    const report = await ok(core, 'outbox.send');
    expect(report).toMatchObject({ failed: 1, stoppedBy: 'SMTP_AUTH' });
    expect((await outboxItem(core, created.outboxId!)).lastError).toBe('SMTP_AUTH');
    // The failed test is audited (with the code only) and answers the code.
    expect(await refused(core, 'mail.sendTest', { to: 'admin@example.com' })).toEqual({
      code: 'SMTP_AUTH',
      params: {},
    });
    const stored = readDatabase(core, (db) =>
      JSON.stringify([db.prepare('SELECT * FROM outbox').all(), db.prepare('SELECT * FROM audit').all()]),
    );
    expect(stored).not.toContain('geheim-123');
  });
});

describe('placeholders make no letter and no e-mail', () => {
  it('refuses invitations by e-mail and letter with ORGANISATION_PLACEHOLDER until the sender is set', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await ok(core, 'organisation.update', {
      name: 'Hausverwaltung',
      street: null,
      postcode: null,
      city: null,
      portalUrl: 'https://portal.hv-weiss.de',
    });
    for (const channel of ['email', 'letter'] as const) {
      await expectRefused(
        core,
        'invitations.create',
        { contactId: c.contact.id, channel },
        'ORGANISATION_PLACEHOLDER',
      );
    }
    // A bare code names no sender.
    await invite(core, c.contact.id, 'code');
    expect(await ok(core, 'organisation.checklist')).toEqual({
      senderSet: false,
      portalSet: true,
      smtpTested: false,
      accessReviewed: false,
    });
  });
});

describe('notification letters in the print batch', () => {
  it('are rendered with the letterhead as it is now, and marked printed', async () => {
    const core = invitationCore();
    const { contact: c, building: b } = await tenant(core, {
      email: null,
      preference: 'postal',
      lastName: 'Brenner',
    });
    const content = await ok(core, 'content.create', {
      kind: 'announcement',
      title: 'Wasser abgestellt',
      propertyId: b.property.id,
      text: 'Am Montag.',
    });
    const result = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [c.contact.id] },
    });
    expect(result).toMatchObject({ notifications: 0, letters: 1 });
    const batch = await ok(core, 'outbox.printLetters');
    expect(batch).toMatchObject({ saved: true, fileName: 'Briefe_2026-11-27.pdf', count: 1 });
    expect(batch.ids).toHaveLength(1);
    const { lines } = await pdfTextLines(fs.readFileSync(core.saved.chosen[0]!));
    expect(lines).toEqual(expect.arrayContaining(['Neu im Kundenportal: Wasser abgestellt']));
    expect(lines.join('\n')).toContain('Brenner');
    expect(await ok(core, 'outbox.markPrinted', { ids: batch.ids })).toEqual({ printed: 1 });
    expect(await ok(core, 'outbox.printLetters')).toEqual({ saved: false, ids: [] });
    expect(core.saved.chosen).toHaveLength(1);
    expect((await ok(core, 'outbox.list', {})).lettersQueued).toBe(0);
  });
});
