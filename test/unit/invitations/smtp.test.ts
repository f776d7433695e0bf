/**
 * SMTP settings and delivery, against a real SMTP server (smtp-server) on 127.0.0.1: the mail is
 * really sent over a socket, received and parsed here.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { OutboxMessage } from '../../../shared/ipc';
import { ok, readDatabase, refused, snapshotDatabase } from '../support';
import {
  auditRows,
  configureSmtp,
  dataStoreBytes,
  expectRefused,
  invitationCore,
  invite,
  outboxMessages,
  tenant,
  type InvitationCore,
} from './support';

// ---------------------------------------------------------------- a tiny mail server

interface Received {
  from: string;
  to: string[];
  raw: string;
  user: string | null;
}

interface TestServer {
  port: number;
  received: Received[];
  logins: { user: string; password: string }[];
  /** Resolves with the n-th message (1-based) once it has arrived. */
  message(n: number): Promise<Received>;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

async function startServer(options: { rejectRecipients?: boolean } = {}): Promise<TestServer> {
  const received: Received[] = [];
  const logins: { user: string; password: string }[] = [];
  const waiting: { n: number; resolve: (r: Received) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients) callback(new Error('550 mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: (session.user as string | undefined) ?? null,
        });
        for (const w of waiting.filter((w) => w.n <= received.length)) w.resolve(received[w.n - 1]!);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  const handle: TestServer = {
    port,
    received,
    logins,
    message: (n) =>
      new Promise((resolve, reject) => {
        const existing = received[n - 1];
        if (existing) return resolve(existing);
        const timer = setTimeout(() => reject(new Error(`no message ${n} within 10 s`)), 10_000);
        waiting.push({
          n,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  servers.push(handle);
  return handle;
}

/** A port nobody listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------- reading the message

function unfoldHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes them. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text/plain part, decoded from quoted-printable or base64. */
function textPart(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p));
  if (part === undefined) throw new Error('no text/plain part');
  const [head = '', ...body] = part.split(/\r?\n\r?\n/);
  const content = body.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
  if (/content-transfer-encoding:\s*base64/i.test(head)) {
    return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = content
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return content.replace(/\r\n/g, '\n');
}

async function outboxItem(core: InvitationCore, id: number): Promise<OutboxMessage> {
  return ok(core, 'outbox.get', { id });
}

// ---------------------------------------------------------------- settings

describe('mail settings', () => {
  it('are off by default and never return a password', async () => {
    const core = invitationCore();
    expect(await ok(core, 'mail.getSettings')).toEqual({
      enabled: false,
      host: '',
      port: 587,
      security: 'starttls',
      user: null,
      hasPassword: false,
      from: null,
      fromName: null,
    });
  });

  it('keep the password in the secret store only: not in the data store, not in the audit', async () => {
    const core = invitationCore();
    const saved = await ok(core, 'mail.updateSettings', {
      enabled: true,
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      user: 'verwaltung',
      password: 'Geheimnis-4711',
      from: 'verwaltung@example.com',
      fromName: null,
    });
    expect(saved).toMatchObject({
      enabled: true,
      host: 'smtp.example.com',
      user: 'verwaltung',
      hasPassword: true,
    });
    expect(saved).not.toHaveProperty('password');
    expect(core.secrets.get('smtp.password')).toBe('Geheimnis-4711');
    expect(dataStoreBytes(core).includes('Geheimnis-4711')).toBe(false);
    expect(JSON.stringify(auditRows(core))).not.toContain('Geheimnis-4711');
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'mail.updateSettings', entity_id: 'smtp' });

    // undefined and '' keep it, null removes it, a new text replaces it.
    const base = {
      enabled: true,
      host: 'smtp.example.com',
      port: 465,
      security: 'tls' as const,
      user: 'verwaltung',
      from: 'verwaltung@example.com',
      fromName: 'HV',
    };
    expect((await ok(core, 'mail.updateSettings', base)).hasPassword).toBe(true);
    expect((await ok(core, 'mail.updateSettings', { ...base, password: '' })).hasPassword).toBe(true);
    expect(core.secrets.get('smtp.password')).toBe('Geheimnis-4711');
    await ok(core, 'mail.updateSettings', { ...base, password: 'neu' });
    expect(core.secrets.get('smtp.password')).toBe('neu');
    expect((await ok(core, 'mail.updateSettings', { ...base, password: null })).hasPassword).toBe(false);
    expect(core.secrets.get('smtp.password')).toBeNull();
  });

  it('need a host and a sender when enabled (REQUIRED with the field), and write nothing otherwise', async () => {
    const core = invitationCore();
    const input = {
      enabled: true,
      host: ' ',
      port: 25,
      security: 'none' as const,
      user: null,
      password: 'x',
      from: 'a@example.com',
      fromName: null,
    };
    await expectRefused(core, 'mail.updateSettings', input, 'REQUIRED', { field: 'host' });
    await expectRefused(core, 'mail.updateSettings', { ...input, host: 'h', from: null }, 'REQUIRED', {
      field: 'from',
    });
    await expectRefused(core, 'mail.updateSettings', { ...input, from: 'no-address' }, 'INVALID_EMAIL');
    await expectRefused(core, 'mail.updateSettings', { ...input, port: 0 }, 'INVALID_PAYLOAD');
    expect(core.secrets.get('smtp.password')).toBeNull();
    // Disabled settings may be incomplete.
    await ok(core, 'mail.updateSettings', { ...input, enabled: false, host: '', password: undefined });
  });

  it('answer mail.sendTest with SMTP_NOT_CONFIGURED while SMTP is off', async () => {
    const core = invitationCore();
    await expectRefused(core, 'mail.sendTest', { to: 'test@example.com' }, 'SMTP_NOT_CONFIGURED');
  });
});

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
    expect(await ok(core, 'outbox.send')).toEqual({ sent: 1, failed: 0 });

    const mail = await server.message(1);
    expect(mail.to).toEqual(['anna.schmidt@example.com']);
    expect(mail.from).toBe('verwaltung@example.com');
    const headers = unfoldHeaders(mail.raw);
    expect(decodeHeader(headers.get('subject')!)).toBe('Ihre Einladung zum Kundenportal – Hausverwaltung');
    expect(decodeHeader(headers.get('from')!)).toContain('Hausverwaltung Weiß');
    expect(headers.get('content-language')).toBe('de');
    const text = textPart(mail.raw);
    expect(text).toContain('Sehr geehrte Frau Schmidt,');
    expect(text).toContain(`Ihr Einladungscode: ${created.code}`);
    expect(text).toContain('Gültig bis einschließlich: 27.12.2026');

    const item = await outboxItem(core, created.outboxId!);
    expect(item).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(item.sentAt).not.toBeNull();
    // Once delivered, the stored copy no longer holds the one-time code (the row; old page images
    // on disk are SQLite's to overwrite).
    expect(item.textBody).not.toContain(created.code);
    expect(item.htmlBody).not.toContain(created.code);
    expect(item.textBody).toContain('Ihr Einladungscode: ••••-••••-••••');
    const rows = readDatabase(core, (db) => JSON.stringify(db.prepare('SELECT * FROM outbox').all()));
    expect(rows).not.toContain(created.code);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'outbox.sent',
      entity: 'outbox',
      entity_id: String(item.id),
    });

    // Nothing more to send.
    expect(await ok(core, 'outbox.send')).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
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
    // The answer came before delivery (which needs the network): the message is still queued.
    expect((await outboxItem(core, created.outboxId!)).state).toBe('queued');

    const mail = await server.message(1);
    expect(mail.to).toEqual(['oliver.bennett@example.org']);
    const headers = unfoldHeaders(mail.raw);
    expect(decodeHeader(headers.get('subject')!)).toBe(
      'Your invitation to the customer portal – Hausverwaltung',
    );
    expect(headers.get('content-language')).toBe('en');
    const text = textPart(mail.raw);
    expect(text).toContain('Dear Mr Bennett,');
    expect(text).toContain(created.code);
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
    expect(await ok(core, 'outbox.send')).toEqual({ sent: 0, failed: 1 });
    const failed = await outboxItem(core, first.outboxId!);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
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
    expect(await ok(core, 'outbox.send')).toEqual({ sent: 2, failed: 0 });
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
    for (let i = 0; i < 5; i += 1) expect(await ok(core, 'outbox.send')).toEqual({ sent: 0, failed: 1 });
    expect(await outboxItem(core, created.outboxId!)).toMatchObject({ state: 'failed', attempts: 5 });
    const before = snapshotDatabase(core.dataDir);
    expect(await ok(core, 'outbox.send')).toEqual({ sent: 0, failed: 0 });
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
    for (const m of messages) expect(m.lastError).toMatch(/550|mailbox unavailable/);
  });
});

describe('mail.sendTest', () => {
  it('sends a test message in the app language and audits it', async () => {
    const server = await startServer();
    const core = invitationCore();
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'mail.sendTest', { to: 'admin@example.com' })).toEqual({ delivered: true });
    const mail = await server.message(1);
    expect(mail.to).toEqual(['admin@example.com']);
    expect(decodeHeader(unfoldHeaders(mail.raw).get('subject')!)).toBe(
      'Test-E-Mail von Portal Access Admin – Hausverwaltung',
    );
    expect(JSON.parse(auditRows(core).at(-1)!.after!)).toMatchObject({
      to: 'admin@example.com',
      delivered: true,
    });
    // Not through the outbox.
    expect((await ok(core, 'outbox.list', {})).total).toBe(0);
  });

  it('answers SMTP_FAILED with what went wrong', async () => {
    const core = invitationCore();
    await configureSmtp(core, { port: await closedPort() });
    const error = await refused(core, 'mail.sendTest', { to: 'admin@example.com' });
    expect(error.code).toBe('SMTP_FAILED');
    expect(String(error.params.message)).toMatch(/ECONNREFUSED|connect/i);
    expect(JSON.parse(auditRows(core).at(-1)!.after!)).toMatchObject({ delivered: false });
  });
});
