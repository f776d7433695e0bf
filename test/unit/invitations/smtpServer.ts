/** A tiny SMTP server (smtp-server) on 127.0.0.1 for the SMTP tests, and helpers to read what it received. */
import net from 'node:net';
import { afterEach } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { OutboxMessage } from '../../../shared/ipc';
import { ok } from '../support';
import type { InvitationCore } from './support';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  user: string | null;
}

export interface TestServer {
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

export async function startServer(
  options: { rejectRecipients?: boolean; echoLogin?: boolean } = {},
): Promise<TestServer> {
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
      // A careless relay: refuses the login and quotes it back, password included.
      if (options.echoLogin) callback(new Error(`535 login ${auth.username}:${auth.password} refused`));
      else callback(null, { user: auth.username });
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
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------- reading the message

export function unfoldHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes them. */
export function decodeHeader(value: string): string {
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
export function textPart(raw: string): string {
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

export async function outboxItem(core: InvitationCore, id: number): Promise<OutboxMessage> {
  return ok(core, 'outbox.get', { id });
}
