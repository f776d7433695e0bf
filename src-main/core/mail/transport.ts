/**
 * The SMTP transport (nodemailer). Only used when SMTP is enabled in Administration › E-Mail-Versand;
 * otherwise mail stays in the outbox and nothing leaves the machine.
 */
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { ErrorCode } from '../../../shared/errors';
import type { Language } from '../../../shared/ipc';
import { oneLine } from './format';

export interface SmtpConfig {
  host: string;
  port: number;
  /** 'tls' = implicit TLS (465), 'starttls' = TLS required after STARTTLS, 'none' = plain text. */
  security: 'none' | 'starttls' | 'tls';
  user: string | null;
  password: string | null;
  from: string;
  fromName: string | null;
}

export interface OutgoingMail {
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Bounded waits: a dead server fails a send within seconds instead of hanging the outbox. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

function connectionOptions(config: SmtpConfig): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    ...TIMEOUTS,
  };
}

/**
 * A transport for the given settings. `pooled` keeps one connection open for a batch (the outbox);
 * otherwise each send opens its own (the test message).
 */
export function smtpTransport(config: SmtpConfig, options: { pooled: boolean }): MailTransport {
  const transporter = options.pooled
    ? createTransport({ ...connectionOptions(config), pool: true, maxConnections: 1 } as SMTPPool.Options)
    : createTransport(connectionOptions(config));
  const from = config.fromName ? { name: oneLine(config.fromName), address: config.from } : config.from;
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.language },
      });
    },
    close() {
      transporter.close();
    },
  };
}

type SmtpFailure = Extract<
  ErrorCode,
  | 'SMTP_HOST_NOT_FOUND'
  | 'SMTP_CONNECTION_REFUSED'
  | 'SMTP_TLS'
  | 'SMTP_AUTH'
  | 'SMTP_TIMEOUT'
  | 'SMTP_REJECTED'
  | 'SMTP_FAILED'
>;

/**
 * What went wrong, as an error code the app translates. Only nodemailer's and the network's codes
 * are read: never the server's words, which may echo what was sent (a relay quoting the login puts
 * the password in its reply), so nothing a server says reaches the outbox, the audit log or a CSV.
 */
export function smtpErrorCode(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const text = typeof e.message === 'string' ? e.message : '';
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'SMTP_AUTH';
  if (code === 'ETLS' || /\b(TLS|SSL|certificate|wrong version number)\b/i.test(text)) return 'SMTP_TLS';
  if (code === 'EDNS' || /\b(ENOTFOUND|EAI_AGAIN)\b/.test(text)) return 'SMTP_HOST_NOT_FOUND';
  if (/\bECONNREFUSED\b/.test(text) || code === 'ECONNREFUSED') return 'SMTP_CONNECTION_REFUSED';
  if (code === 'ETIMEDOUT' || /\b(ETIMEDOUT|timeout)\b/i.test(text)) return 'SMTP_TIMEOUT';
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return 'SMTP_REJECTED';
  if (code === 'ECONNECTION' || code === 'ESOCKET') return 'SMTP_CONNECTION_REFUSED';
  return 'SMTP_FAILED';
}

/**
 * Failures after which the next message would fail the same way (no connection, TLS or login
 * failure): the outbox stops the run there instead of failing every message in turn.
 */
export function isConnectionFailure(code: ErrorCode): boolean {
  return code !== 'SMTP_REJECTED' && code !== 'SMTP_FAILED';
}
