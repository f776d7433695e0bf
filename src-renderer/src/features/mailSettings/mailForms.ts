import i18next from 'i18next';
import { z } from 'zod';
import { smtpSettingsSchema } from '../../../../shared/contract/mail';
import { organisationSchema } from '../../../../shared/contract/organisation';
import type { AppError } from '../../../../shared/errors';
import type { Organisation, SmtpSettings, SmtpSettingsInput } from '../../../../shared/ipc';
import { fieldErrors } from '../common/fieldErrors';
import { isPort } from '../common/PortInput';

/** Field → translated message shown at that field. */
export type FieldErrors = Record<string, string>;

const emailSchema = z.email();

/** The same check as the contract's e-mail fields. */
export function isEmail(text: string): boolean {
  return emailSchema.safeParse(text.trim()).success;
}

// ---------------------------------------------------------------- organisation (Hausverwaltung)

export interface OrganisationDraft {
  name: string;
  street: string;
  postcode: string;
  city: string;
  portalUrl: string;
}

export function toOrganisationDraft(organisation: Organisation): OrganisationDraft {
  return {
    name: organisation.name,
    street: organisation.street ?? '',
    postcode: organisation.postcode ?? '',
    city: organisation.city ?? '',
    portalUrl: organisation.portalUrl,
  };
}

/** The contract's schema checks the form before sending, so the rules exist once. */
export function validateOrganisation(draft: OrganisationDraft): FieldErrors {
  const errors = fieldErrors(organisationSchema, toOrganisationInput(draft));
  if (!draft.portalUrl.trim()) errors.portalUrl = i18next.t('errors.REQUIRED');
  return errors;
}

export function toOrganisationInput(draft: OrganisationDraft): Organisation {
  return {
    name: draft.name.trim(),
    street: draft.street.trim() || null,
    postcode: draft.postcode.trim() || null,
    city: draft.city.trim() || null,
    portalUrl: draft.portalUrl.trim(),
  };
}

// ---------------------------------------------------------------- SMTP

export type SmtpSecurity = SmtpSettings['security'];

/** The usual port for each kind of connection security. */
export const defaultPorts: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };

export interface SmtpDraft {
  enabled: boolean;
  host: string;
  /** As NumberInput gives it: a number, or '' while empty. */
  port: number | string;
  security: SmtpSecurity;
  user: string;
  /** A new password; '' keeps the stored one. */
  password: string;
  /** Remove the stored password on save. */
  removePassword: boolean;
  from: string;
  fromName: string;
}

export function toSmtpDraft(settings: SmtpSettings): SmtpDraft {
  return {
    enabled: settings.enabled,
    host: settings.host,
    port: settings.port,
    security: settings.security,
    user: settings.user ?? '',
    password: '',
    removePassword: false,
    from: settings.from ?? '',
    fromName: settings.fromName ?? '',
  };
}

/** Changing the security moves a standard port along (587 → 465 for TLS); a custom port stays. */
export function withSecurity(draft: SmtpDraft, security: SmtpSecurity): SmtpDraft {
  const standard = Object.values(defaultPorts).includes(Number(draft.port)) || draft.port === '';
  return { ...draft, security, port: standard ? defaultPorts[security] : draft.port };
}

/** The contract's schema, plus what sending needs once SMTP is switched on: a server and a sender. */
export function validateSmtp(draft: SmtpDraft): FieldErrors {
  const errors = fieldErrors(smtpSettingsSchema, toSmtpInput(draft));
  if (!isPort(draft.port)) errors.port = i18next.t('mail.smtp.portInvalid');
  if (draft.enabled && !draft.host.trim()) errors.host = i18next.t('errors.REQUIRED');
  if (draft.enabled && !draft.from.trim()) errors.from = i18next.t('errors.REQUIRED');
  return errors;
}

export function toSmtpInput(draft: SmtpDraft): SmtpSettingsInput {
  return {
    enabled: draft.enabled,
    host: draft.host.trim(),
    port: Number(draft.port),
    security: draft.security,
    user: draft.user.trim() || null,
    password: draft.removePassword ? null : draft.password === '' ? undefined : draft.password,
    from: draft.from.trim() || null,
    fromName: draft.fromName.trim() || null,
  };
}

/** The field a refusal from the core names in `params.field`, when the form has it. */
export function fieldOfError(error: AppError, fields: readonly string[]): string | null {
  const field = error.params.field;
  return typeof field === 'string' && fields.includes(field) ? field : null;
}
