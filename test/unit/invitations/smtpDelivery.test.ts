/**
 * Delivery over SMTP, against a real SMTP server (smtp-server) on 127.0.0.1: the mail is really sent
 * over a socket, received and parsed here.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../../shared/ipc';
import { ok, readDatabase, snapshotDatabase } from '../support';
import { auditRows, configureSmtp, invitationCore, invite, outboxMessages, tenant } from './support';
import { closedPort, decodeHeader, outboxItem, startServer, textPart, unfoldHeaders } from './smtpServer';

/** What "Jetzt senden" reports, nothing unless said. */
function report(part: Partial<DeliveryReport>): DeliveryReport {
  return { sent: 0, failed: 0, withdrawn: 0, stillQueued: 0, stoppedBy: null, ...part };
}

/** The invitation code in a delivered mail's text. */
function codeIn(text: string): string {
  const match = /(?:Einladungscode|invitation code): ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(text);
  if (match?.[1] === undefined) throw new Error('no code in the mail');
  return match[1];
}

// ---------------------------------------------------------------- delivery

describe('delivery over SMTP', () => {
  it('outbox.send delivers a queued invitation: recipient, subject and language as queued', async () => {
    const server = await startServer();
    const core = invitationCore();
    const { contact: c } = await tenant(core, {
      salutation: 'ms',
      lastName: 'Schmidt',
      email: 'anna.schmidt@example.com',
    });
    const created = await invite(core, c.contact.id, 'email'); // SMTP off: stays queued
    expect((await outboxItem(core, created.outboxId!)).state).toBe('queued');
    expect(server.received).toEqual([]);

    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'outbox.send')).toEqual(report({ sent: 1 }));

    const mail = await server.message(1);
    expect(mail.to).toEqual(['anna.schmidt@example.com']);
    expect(mail.from).toBe('verwaltung@example.com');
    const headers = unfoldHeaders(mail.raw);
    expect(decodeHeader(headers.get('subject')!)).toBe(
      'Ihre Einladung zum Kundenportal – Hausverwaltung Weiß',
    );
    expect(decodeHeader(headers.get('from')!)).toContain('Hausverwaltung Weiß');
    expect(headers.get('content-language')).toBe('de');
    const text = textPart(mail.raw);
    expect(text).toContain('Sehr geehrte Frau Schmidt,');
    // The code was issued when the mail was sent: only the mail holds it, and it registers.
    expect(created.code).toBeNull();
    const code = codeIn(text);
    expect(text).toContain('Gültig bis einschließlich: 27.12.2026');

    const item = await outboxItem(core, created.outboxId!);
    expect(item).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(item.sentAt).not.toBeNull();
    // Once delivered, the stored copy no longer holds the one-time code (the row; old page images
    // on disk are SQLite's to overwrite).
    expect(item.textBody).not.toContain(code);
    expect(item.htmlBody).not.toContain(code);
    expect(item.textBody).toContain('Ihr Einladungscode: ••••-••••-••••');
    const rows = readDatabase(core, (db) => JSON.stringify(db.prepare('SELECT * FROM outbox').all()));
    expect(rows).not.toContain(code);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'outbox.sent',
      entity: 'outbox',
      entity_id: String(item.id),
    });

    // Nothing more to send; the code registers its contact.
    expect(await ok(core, 'outbox.send')).toEqual(report({}));
    expect(server.received).toHaveLength(1);
    await ok(core, 'invitations.redeem', { code });
  });

  it('sends by itself after an invitation once SMTP is on, without holding up the answer (English)', async () => {
    const server = await startServer();
    const core = invitationCore();
    await configureSmtp(core, { port: server.port });
    const { contact: c } = await tenant(core, {
      salutation: 'mr',
      firstName: 'Oliver',
      lastName: 'Bennett',
      email: 'oliver.bennett@example.org',
      language: 'en',
    });
    const created = await invite(core, c.contact.id, 'email');
    // The answer came before delivery (which needs the network): the message is not sent yet.
    expect(['queued', 'sending']).toContain((await outboxItem(core, created.outboxId!)).state);

    const mail = await server.message(1);
    expect(mail.to).toEqual(['oliver.bennett@example.org']);
    const headers = unfoldHeaders(mail.raw);
    expect(decodeHeader(headers.get('subject')!)).toBe(
      'Your invitation to the customer portal – Hausverwaltung Weiß',
    );
    expect(headers.get('content-language')).toBe('en');
    const text = textPart(mail.raw);
    expect(text).toContain('Dear Mr Bennett,');
    expect(codeIn(text)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(text).toContain('Valid until (inclusive): 27 December 2026');

    await ok(core, 'outbox.send'); // waits for the background run
    expect((await outboxItem(core, created.outboxId!)).state).toBe('sent');
    expect(server.received).toHaveLength(1);
  });

  it('logs in with the user and the password from the secret store', async () => {
    const server = await startServer();
    const core = invitationCore();
    await configureSmtp(core, {
      port: server.port,
      user: 'hv-versand',
      password: 'pw-aus-dem-schluesselbund',
    });
    const { contact: c } = await tenant(core);
    await invite(core, c.contact.id, 'email');
    await ok(core, 'outbox.send');
    expect(server.logins).toEqual([{ user: 'hv-versand', password: 'pw-aus-dem-schluesselbund' }]);
    expect(server.received[0]?.user).toBe('hv-versand');
  });

  it('sends every mail of a property invitation', async () => {
    const server = await startServer();
    const core = invitationCore();
    const emails: string[] = [];
    const ids: number[] = [];
    const { building: b, contact: first } = await tenant(core, { email: 'm0@example.com' });
    ids.push(first.contact.id);
    emails.push('m0@example.com');
    for (let i = 1; i < 5; i += 1) {
      const { contact: c } = await tenant(core, { email: `m${i}@example.com` });
      await ok(core, 'contracts.create', {
        contactId: c.contact.id,
        unitId: b.units[0]!.id,
        type: 'owner',
        number: `EV-${i}`,
        start: '2020-01-01',
        end: null,
      });
      ids.push(c.contact.id);
      emails.push(`m${i}@example.com`);
    }
    await configureSmtp(core, { port: server.port });
    await ok(core, 'invitations.inviteProperty', { propertyId: b.property.id, contactIds: ids });
    await server.message(5);
    await ok(core, 'outbox.send');
    expect(server.received.flatMap((m) => m.to).sort()).toEqual(emails.sort());
    const page = await ok(core, 'outbox.list', { state: 'sent' });
    expect(page.total).toBe(5);
  });

  it('marks mail failed with attempts and the error when the server is unreachable; a later send retries', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const { contact: d } = await tenant(core);
    const first = await invite(core, c.contact.id, 'email');
    const second = await invite(core, d.contact.id, 'email');
    await configureSmtp(core, { port: await closedPort() });
    // The connection failure stops the run after one message: the other is not charged an attempt.
    expect(await ok(core, 'outbox.send')).toEqual(
      report({ failed: 1, stillQueued: 1, stoppedBy: 'SMTP_CONNECTION_REFUSED' }),
    );
    const failed = await outboxItem(core, first.outboxId!);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, sentAt: null });
    expect(failed.lastError).toBe('SMTP_CONNECTION_REFUSED');
    expect(await outboxItem(core, second.outboxId!)).toMatchObject({ state: 'queued', attempts: 0 });
    const failedAudit = auditRows(core).filter((r) => r.action === 'outbox.failed');
    expect(failedAudit).toHaveLength(1);
    expect(JSON.parse(failedAudit[0]!.after!)).toEqual({
      state: 'failed',
      attempts: 1,
      error: failed.lastError,
    });

    // The server comes back: the next send delivers both.
    const server = await startServer();
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'outbox.send')).toEqual(report({ sent: 2 }));
    expect(await outboxItem(core, first.outboxId!)).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: null,
    });
    expect(await outboxItem(core, second.outboxId!)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(server.received.flatMap((m) => m.to).sort()).toEqual([c.contact.email, d.contact.email].sort());
  });

  it('gives up after five attempts', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    const created = await invite(core, c.contact.id, 'email');
    await configureSmtp(core, { port: await closedPort() });
    for (let i = 0; i < 5; i += 1) {
      expect(await ok(core, 'outbox.send')).toEqual(
        report({ failed: 1, stoppedBy: 'SMTP_CONNECTION_REFUSED' }),
      );
    }
    expect(await outboxItem(core, created.outboxId!)).toMatchObject({ state: 'failed', attempts: 5 });
    const before = snapshotDatabase(core.dataDir);
    expect(await ok(core, 'outbox.send')).toEqual(report({}));
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });

  it('marks a message failed when the server rejects its recipient, and goes on with the next', async () => {
    const server = await startServer({ rejectRecipients: true });
    const core = invitationCore();
    await configureSmtp(core, { port: server.port });
    const { contact: c } = await tenant(core);
    const { contact: d } = await tenant(core);
    await invite(core, c.contact.id, 'email');
    await invite(core, d.contact.id, 'email');
    await ok(core, 'outbox.send');
    const messages = await outboxMessages(core);
    expect(messages.map((m) => m.state)).toEqual(['failed', 'failed']);
    for (const m of messages) expect(m.lastError).toBe('SMTP_REJECTED');
  });
});
