/**
 * Data protection (Datenschutz): deletion candidates (Löschkandidaten), their anonymisation, the
 * retention period, and the audit log (Protokoll) with its CSV export.
 */
import { z } from 'zod';
import type { ContractType, IsoDate } from '../domain';
import { channel, idSchema, integerIn, isoDateSchema, noPayload, optionalText } from './channel';
import type { SavedExport } from './exports';

export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;
/** Most anonymised in one request: a page of the candidate list and then some. */
export const MAX_ANONYMISE_BATCH = 500;

const retentionMonths = integerIn(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS, 'RETENTION_OUT_OF_RANGE');

export const dataProtectionSettingsSchema = z.strictObject({
  /** Aufbewahrungsfrist (Monate): how long after its last access ends a contact is kept. */
  retentionMonths,
});
export type DataProtectionSettings = z.output<typeof dataProtectionSettingsSchema>;

export interface DeletionCandidate {
  id: number;
  displayName: string;
  referenceId: string;
  archived: boolean;
  /** The contract that ended last (its unit and property name the contact for the manager). */
  lastContract: {
    id: number;
    type: ContractType;
    number: string;
    unitName: string;
    propertyName: string;
    end: IsoDate;
  };
  /** Last day of portal access: the last contract end, plus the post-contract window when it is on. */
  accessEnd: IsoDate;
}

export interface DeletionCandidatePage {
  total: number;
  items: DeletionCandidate[];
  retentionMonths: number;
  /** Candidates' access ended before this day (today − retention months). */
  cutoff: IsoDate;
}

export interface AnonymiseResult {
  anonymised: number;
  invitationsRevoked: number;
  sharesRevoked: number;
  outboxRemoved: number;
  auditRowsRedacted: number;
}

/** One row of the Protokoll, read in the requested language (services/auditLog/sentences.ts). */
export interface AuditLogEntry {
  id: number;
  /** ISO timestamp (UTC). */
  at: string;
  /** Who did it (Person). */
  actor: string;
  /** The action's code, e.g. "sharing.share" (for filters, never shown). */
  action: string;
  entity: string;
  entityId: string | null;
  /** What was done, e.g. "Freigabe erteilt". */
  actionLabel: string;
  /** To whom or what, e.g. "Katharina Böhm". */
  object: string;
  /** The sentence: "Freigabe ‚Heizungswartung‘ einzeln für Katharina Böhm (vor Vertragsbeginn)". */
  description: string;
}

/** The choices of the Protokoll's filters by action and by person. */
export interface AuditLogFacets {
  actions: { value: string; label: string }[];
  actors: string[];
}

export interface AuditLogPage {
  total: number;
  items: AuditLogEntry[];
}

/** A range of calendar days (Europe/Berlin), both ends inclusive; null = open. */
const dayRange = {
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
};

const language = { language: z.enum(['de', 'en']) };

/** What the Protokoll is narrowed to beside the days; null = any. */
const auditFilter = {
  /** Rows about this contact: its data, contracts, invitations, shares, mail. */
  contactId: idSchema.nullable().default(null),
  propertyId: idSchema.nullable().default(null),
  contentId: idSchema.nullable().default(null),
  action: optionalText(80).default(null),
  /** Who did it. */
  actor: optionalText(200).default(null),
  /** Only the rows one Stammdaten-Import wrote. */
  importId: idSchema.nullable().default(null),
};

const paging = (maxLimit: number) => ({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(maxLimit).default(50),
});

export const dataProtectionChannels = {
  'dataProtection.getSettings': channel<DataProtectionSettings>()(noPayload),
  'dataProtection.updateSettings': channel<DataProtectionSettings>()(dataProtectionSettingsSchema),
  /** Deletion candidates today under the retention period and access settings in force, oldest first. */
  'dataProtection.candidates': channel<DeletionCandidatePage>()(z.strictObject(paging(200))),
  /** Anonymises candidates, all or none: a contact that is not a candidate refuses the whole request. */
  'dataProtection.anonymise': channel<AnonymiseResult>()(
    z.strictObject({ contactIds: z.array(idSchema).min(1).max(MAX_ANONYMISE_BATCH) }),
  ),
  /** Audit entries, newest first. */
  'auditLog.list': channel<AuditLogPage>()(
    z.strictObject({ ...dayRange, ...auditFilter, ...language, ...paging(200) }),
  ),
  /** The CSV file (UTF-8 with BOM), written where the user chooses in the save dialog. */
  'auditLog.export': channel<SavedExport>()(z.strictObject({ ...dayRange, ...auditFilter, ...language })),
  'auditLog.facets': channel<AuditLogFacets>()(z.strictObject(language)),
} as const;
