import i18next from 'i18next';
import { teamSettingsSchema } from '../../../../shared/contract/team';
import type { TeamSettings, TeamSettingsInput, TeamTls } from '../../../../shared/ipc';
import { fieldErrors } from '../common/fieldErrors';
import { isPort } from '../common/PortInput';

export interface TeamDraft {
  host: string;
  /** As NumberInput gives it: a number, or '' while empty. */
  port: number | string;
  database: string;
  user: string;
  /** A new password; '' keeps the stored one. */
  password: string;
  tls: TeamTls;
  /** A newly chosen CA certificate (its name and PEM text); null keeps the stored one. */
  caFile: { name: string; pem: string } | null;
}

export function toTeamDraft(settings: TeamSettings): TeamDraft {
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: '',
    tls: settings.tls,
    caFile: null,
  };
}

export function toTeamInput(draft: TeamDraft): TeamSettingsInput {
  return {
    host: draft.host.trim(),
    port: Number(draft.port),
    database: draft.database.trim(),
    user: draft.user.trim(),
    password: draft.password === '' ? undefined : draft.password,
    tls: draft.tls,
    caCertificate: draft.tls !== 'verify-full' ? null : (draft.caFile?.pem ?? undefined),
  };
}

/**
 * The contract's schema checks the form before it is sent (no TLS to another computer is refused at
 * the field at once); `verify-full` needs a certificate, chosen now or saved before.
 */
export function validateTeam(draft: TeamDraft, saved: TeamSettings): Record<string, string> {
  const errors = fieldErrors(teamSettingsSchema, toTeamInput(draft));
  if (!isPort(draft.port)) errors.port = i18next.t('team.portInvalid');
  if (draft.tls === 'verify-full' && draft.caFile === null && saved.caCertificate === null) {
    errors.caCertificate = i18next.t('errors.REQUIRED');
  }
  return errors;
}
