/**
 * Administration › E-Mail-Versand: the SMTP settings and the test message. The settings live in the
 * settings table (key 'smtp'); the password never does: it goes to the injected SecretStore
 * (OS keychain in the app), and `getSettings` only says whether one is stored.
 *
 * Test first, then switch on: sending needs `enabled` AND a successful test of the settings as they
 * are (key 'smtp.tested'). Saving a change to the server, login or sender clears the test; a test
 * message can be sent with the saved settings whether sending is on or not.
 */
import { z } from 'zod';
import { DomainError } from '../../../shared/errors';
import { smtpSettingsSchema } from '../../../shared/contract/mail';
import type { SmtpSettings } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import { testMail } from '../mail/testMail';
import { settingsRepository } from '../db/settingsRepository';
import { smtpErrorCode, smtpTransport, type MailTransport, type SmtpConfig } from '../mail/transport';
import type { OrganisationService } from './organisationService';
import { storedSetting } from './storedSetting';

const SMTP_KEY = 'smtp';
const TESTED_KEY = 'smtp.tested';
export const SMTP_PASSWORD_KEY = 'smtp.password';

export type SmtpSettingsUpdate = z.output<typeof smtpSettingsSchema>;
type StoredSmtp = Omit<SmtpSettings, 'hasPassword' | 'tested'>;

const storedSchema = smtpSettingsSchema.omit({ password: true });

/** Off by default: nothing leaves the machine until the manager enables SMTP. */
export const defaultSmtpSettings: StoredSmtp = {
  enabled: false,
  host: '',
  port: 587,
  security: 'starttls',
  user: null,
  from: null,
  fromName: null,
};

function sameSettings(a: StoredSmtp, b: StoredSmtp, keys = Object.keys(defaultSmtpSettings)): boolean {
  return (keys as (keyof StoredSmtp)[]).every((key) => a[key] === b[key]);
}

/** Everything but the switch: a change to any of these needs a new test. */
const CONNECTION_KEYS = Object.keys(defaultSmtpSettings).filter((key) => key !== 'enabled');

export type TransportFactory = (config: SmtpConfig, options: { pooled: boolean }) => MailTransport;

export function mailService(
  ctx: CoreContext,
  organisations: OrganisationService,
  createTransport: TransportFactory = smtpTransport,
) {
  const smtp = storedSetting(ctx, SMTP_KEY, storedSchema, defaultSmtpSettings);
  const stored = smtp.get;
  const settings = settingsRepository(ctx.db);
  const tested = (): boolean => z.boolean().safeParse(settings.get(TESTED_KEY)).data === true;

  function getSettings(): SmtpSettings {
    return { ...stored(), hasPassword: ctx.secrets.get(SMTP_PASSWORD_KEY) !== null, tested: tested() };
  }

  /** Why e-mail cannot be sent now (off or incomplete; not tested), or null. */
  function sendingBlocker(): 'SMTP_NOT_CONFIGURED' | 'SMTP_NOT_TESTED' | null {
    const s = stored();
    if (!s.enabled || s.host === '' || s.from === null) return 'SMTP_NOT_CONFIGURED';
    return tested() ? null : 'SMTP_NOT_TESTED';
  }

  /** The saved settings to connect with (switched on or not), or null when incomplete. */
  function savedConfig(): SmtpConfig | null {
    const s = stored();
    if (s.host === '' || s.from === null) return null;
    return {
      host: s.host,
      port: s.port,
      security: s.security,
      user: s.user,
      password: ctx.secrets.get(SMTP_PASSWORD_KEY),
      from: s.from,
      fromName: s.fromName ?? organisations.get().name,
    };
  }

  /** Puts the password back after a failed change; a store that refuses that too is only logged. */
  function restorePassword(password: string | null): void {
    try {
      ctx.secrets.set(SMTP_PASSWORD_KEY, password);
    } catch (error) {
      console.error('mail: the previous SMTP password could not be put back', error);
    }
  }

  return {
    getSettings,
    sendingBlocker,
    /** The settings to send with, or null while sending is off, incomplete or untested. */
    smtpConfig: (): SmtpConfig | null => (sendingBlocker() === null ? savedConfig() : null),
    createTransport,

    /**
     * Saves the settings. `password`: undefined or '' keeps the stored one, null removes it, any
     * other text replaces it. Enabled settings need a host and a sender address (REQUIRED, field).
     */
    async updateSettings(input: SmtpSettingsUpdate): Promise<SmtpSettings> {
      const { password, ...next } = input;
      if (next.enabled && next.host === '') throw new DomainError('REQUIRED', { field: 'host' });
      if (next.enabled && next.from === null) throw new DomainError('REQUIRED', { field: 'from' });
      const before = getSettings();
      const oldPassword = ctx.secrets.get(SMTP_PASSWORD_KEY);
      const newPassword = password === undefined || password === '' ? oldPassword : password;
      const passwordChanged = newPassword !== oldPassword;
      if (!passwordChanged && sameSettings(stored(), next)) return before;
      const retest = passwordChanged || !sameSettings(stored(), next, CONNECTION_KEYS);

      // The secret store is not part of the transaction: write it first, put it back if the change fails.
      if (passwordChanged) ctx.secrets.set(SMTP_PASSWORD_KEY, newPassword);
      try {
        // Never the password itself: only whether there is one and whether it changed.
        await ctx.change(
          async (audit) => {
            settings.set(SMTP_KEY, next);
            if (retest) settings.set(TESTED_KEY, false);
            audit({
              action: 'mail.updateSettings',
              entity: 'settings',
              entityId: SMTP_KEY,
              before,
              after: {
                ...next,
                hasPassword: newPassword !== null,
                passwordChanged,
                tested: !retest && before.tested,
              },
            });
          },
          { emits: {} },
        );
      } catch (error) {
        if (passwordChanged) restorePassword(oldPassword);
        throw error;
      }
      return getSettings();
    },

    /**
     * Sends a short message straight away (not through the outbox), in the app's language, with
     * the saved settings. SMTP_NOT_CONFIGURED when they are incomplete; a transport error code
     * (SMTP_AUTH, SMTP_TLS …) when it fails. The attempt is recorded in the audit log either way;
     * success marks the settings tested, so sending (when switched on) can start.
     */
    async sendTest(to: string): Promise<{ delivered: true }> {
      const config = savedConfig();
      if (config === null) throw new DomainError('SMTP_NOT_CONFIGURED');
      const language = ctx.preferences.read().language ?? 'de';
      const content = testMail(language, organisations.get().name);
      const transport = createTransport(config, { pooled: false });
      let failure: ReturnType<typeof smtpErrorCode> | null = null;
      try {
        await transport.send({ to, language, ...content });
      } catch (error) {
        failure = smtpErrorCode(error);
      } finally {
        transport.close();
      }
      if (ctx.db.open) {
        await ctx.change(
          async (audit) => {
            settings.set(TESTED_KEY, failure === null);
            audit({
              action: 'mail.sendTest',
              entity: 'mail',
              after: { to, host: config.host, delivered: failure === null, error: failure },
            });
          },
          { emits: {} },
        );
      }
      if (failure !== null) throw new DomainError(failure);
      return { delivered: true };
    },
  };
}
export type MailService = ReturnType<typeof mailService>;
