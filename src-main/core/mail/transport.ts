/**
 * The SMTP transport (nodemailer). Only used when SMTP is enabled in Administration › E-Mail-Versand;
 * otherwise mail stays in the outbox and nothing leaves the machine.
 */
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
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

/**
 * Errors after which the next message would fail the same way (no connection, TLS or login
 * failure): the outbox stops the run there instead of failing every message in turn.
 */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ECONNREFUSED', 'EPROTOCOL'].includes(
      code,
    )
  );
}

/** What the server or the network said, short enough to store and show. */
export function smtpErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(message).slice(0, 500) || 'unknown error';
}
