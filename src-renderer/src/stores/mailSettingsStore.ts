import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { Organisation, SmtpSettings, SmtpSettingsInput } from '../../../shared/ipc';
import { api } from '../api/client';

interface MailSettingsState {
  /** Saved SMTP settings (the password only as `hasPassword`); null until loaded. */
  smtp: SmtpSettings | null;
  /** Saved organisation (Hausverwaltung); null until loaded. */
  organisation: Organisation | null;
  loadError: AppError | null;
  /** Reads SMTP settings and organisation together. */
  load(): Promise<void>;
  /** Reads only the SMTP settings (the outbox asks whether SMTP is on). */
  loadSmtp(): Promise<void>;
  saveSmtp(input: SmtpSettingsInput): Promise<Result<SmtpSettings>>;
  saveOrganisation(input: Organisation): Promise<Result<Organisation>>;
  /** Sends a test message with the saved settings. */
  sendTest(to: string): Promise<Result<{ delivered: true }>>;
}

export const useMailSettingsStore = create<MailSettingsState>((set) => ({
  smtp: null,
  organisation: null,
  loadError: null,

  async load() {
    const [smtp, organisation] = await Promise.all([api.mail.getSettings(), api.organisation.get()]);
    if (!smtp.ok) return set({ loadError: smtp.error });
    if (!organisation.ok) return set({ loadError: organisation.error });
    set({ smtp: smtp.value, organisation: organisation.value, loadError: null });
  },

  async loadSmtp() {
    const result = await api.mail.getSettings();
    if (result.ok) set({ smtp: result.value });
  },

  async saveSmtp(input) {
    const result = await api.mail.updateSettings(input);
    if (result.ok) set({ smtp: result.value });
    return result;
  },

  async saveOrganisation(input) {
    const result = await api.organisation.update(input);
    if (result.ok) set({ organisation: result.value });
    return result;
  },

  sendTest: (to) => api.mail.sendTest({ to }),
}));
