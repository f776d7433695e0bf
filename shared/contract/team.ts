/**
 * Administration › Team-Datenbank: this desktop's connection to the team's PostgreSQL server (team
 * mode). The settings belong to the desktop, not to a portfolio; the password is write-only.
 */
import { z } from 'zod';
import { channel, noPayload, requiredText } from './channel';
import type { SavedExport } from './exports';

export const teamTlsModes = ['require', 'verify-full', 'disable'] as const;
export type TeamTls = (typeof teamTlsModes)[number];

export const TEAM_DEFAULT_PORT = 5432;
/** A CA certificate file of a few certificates; a PEM certificate is about 2 KB. */
export const MAX_CA_CERTIFICATE_CHARS = 65_536;

const hostName =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const ipv6 = /^[0-9A-Fa-f:.]{2,45}$/;

/** A host name, an IPv4 or an IPv6 address (without brackets). */
export function isHostName(host: string): boolean {
  return hostName.test(host) || (host.includes(':') && ipv6.test(host));
}

/** localhost, 127.0.0.0/8 or ::1: a connection that never leaves this computer. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === 'localhost') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (octets) return octets.slice(1).every((octet) => Number(octet) <= 255);
  return /^(?:0{0,4}:){2,7}0{0,3}1$/.test(name) && name.split(':').length <= 8;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export const teamSettingsSchema = z
  .strictObject({
    host: requiredText(253).refine(isHostName, { error: 'TEAM_HOST_INVALID' }),
    port: z.number().int().min(1).max(65535),
    database: requiredText(63),
    user: requiredText(63),
    /** Write-only: undefined or '' = the stored password. */
    password: z.string().max(500).optional(),
    tls: z.enum(teamTlsModes),
    /** The CA certificate (PEM text) for `verify-full`: undefined = the stored one, null = none. */
    caCertificate: z
      .string()
      .max(MAX_CA_CERTIFICATE_CHARS, { error: 'TEAM_CA_INVALID' })
      .regex(PEM_CERTIFICATE, { error: 'TEAM_CA_INVALID' })
      .nullable()
      .optional(),
  })
  .superRefine((settings, ctx) => {
    // Without TLS only on this computer: the password and the portfolio would cross the network in clear.
    if (settings.tls === 'disable' && !isLoopbackHost(settings.host)) {
      ctx.addIssue({ code: 'custom', message: 'TEAM_TLS_REQUIRED', path: ['tls'] });
    }
  });
export type TeamSettingsInput = z.input<typeof teamSettingsSchema>;

/** Who a CA certificate names and until when it is valid (ISO calendar day). */
export interface CaCertificateInfo {
  subject: string;
  validTo: string;
}

export interface TeamSettings {
  /** A connection has been saved on this desktop. */
  configured: boolean;
  host: string;
  port: number;
  database: string;
  user: string;
  /** Whether a password is stored; the password itself is never answered. */
  hasPassword: boolean;
  tls: TeamTls;
  caCertificate: CaCertificateInfo | null;
  /**
   * When this desktop's data store was moved into the team database and checked (ISO instant): from
   * then on the desktop is in team mode (it uses the team database from its next start). null: not.
   */
  teamModeSince: string | null;
}

/** A verified move into the team database: rows copied in all and of the contacts. */
export interface TeamMoveResult {
  tables: number;
  rows: number;
  contacts: number;
  teamModeSince: string;
}

/** What the database holds: nothing yet, Portal Access Admin's tables (schema version), or other tables. */
export type TeamDatabaseState =
  | { state: 'empty' }
  | { state: 'portal'; schemaVersion: number | null }
  | { state: 'foreign'; tables: number };

export interface TeamConnectionReport {
  /** The server's PostgreSQL version, e.g. "15.8". */
  serverVersion: string;
  /** The connection is encrypted (TLS). */
  encrypted: boolean;
  database: TeamDatabaseState;
  /** May the login read and write the app's tables (in an empty database: create them)? */
  rights: { read: boolean; write: boolean };
}

export const teamChannels = {
  'team.getSettings': channel<TeamSettings>()(noPayload),
  'team.saveSettings': channel<TeamSettings>()(teamSettingsSchema),
  /** Tests the given settings (saved or not); no password = the stored one. Changes nothing. */
  'team.testConnection': channel<TeamConnectionReport>()(teamSettingsSchema),
  /**
   * "In Team-Datenbank übernehmen": this desktop's whole data store into the saved, empty team database,
   * checked by counts and checksums before team mode is recorded. Refused: TEAM_NOT_CONFIGURED,
   * TEAM_MODE_ACTIVE, TEAM_DATABASE_NOT_EMPTY, TEAM_DATABASE_OUTDATED / TOO_NEW, TEAM_COPY_MISMATCH, TEAM_*.
   */
  'team.moveIntoTeamDatabase': channel<TeamMoveResult>()(noPayload),
  /**
   * "Lokale Kopie exportieren": the team database into a new, self-contained SQLite file the user
   * chooses in the save dialog (count: the contacts in it), checked like the move.
   */
  'team.exportLocalCopy': channel<SavedExport>()(noPayload),
} as const;
