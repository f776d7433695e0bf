/**
 * Administration › Stammdaten-Import: an ERP export (.csv, .txt, .xlsx) is opened, its columns are
 * mapped to the fields of property, unit, contact and contract, a dry run shows what the import
 * would do (and what it does to portal access today), and the valid rows are committed all or
 * nothing after a backup. Every level is matched by its Referenz-ID; nothing is ever deleted.
 *
 * The core keeps an opened file by `fileId` until it is committed, cancelled or another file is
 * opened; preview, rejected rows and commit all work on that file with the mapping sent along.
 */
import { z } from 'zod';
import type { Grant, IsoDate } from '../domain';
import type { BackupInfo, RestoredBackup } from './backups';
import { channel, contractDateSchema, idSchema, noPayload } from './channel';
import type { SavedExport } from './exports';
import { contactListQuerySchema } from './portfolio';

/** The largest file accepted (about 300,000 rows of a typical export). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** The longest cell accepted; longer cells refuse the file (IMPORT_CELL_TOO_LONG). */
export const MAX_IMPORT_CELL = 10_000;
/** How many mappings are kept and offered again (the newest first). */
export const KEPT_IMPORT_MAPPINGS = 5;
/** Lists in a preview show at most this many entries; their totals are always complete. */
export const IMPORT_PREVIEW_LIMIT = 200;
/** One flat ERP row names up to this many persons (Mieter 1 … Mieter 4) per tenancy. */
export const MAX_IMPORT_PERSONS = 4;

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const importEncodings = ['utf-8', 'utf-8-bom', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

/** The fields a column can be mapped to, by level. `contact.*` fields take a person slot 1–4. */
export const importFields = [
  'property.referenceId',
  'property.name',
  'property.street',
  'property.houseNo',
  'property.postcode',
  'property.city',
  'unit.referenceId',
  'unit.number',
  'unit.name',
  'unit.usage',
  'contract.type',
  'contract.number',
  'contract.start',
  'contract.end',
  'contact.referenceId',
  'contact.salutation',
  'contact.title',
  'contact.firstName',
  'contact.lastName',
  'contact.company',
  'contact.email',
  'contact.phone',
  'contact.language',
  'contact.preference',
  'contact.street',
  'contact.houseNo',
  'contact.postcode',
  'contact.city',
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportLevel = 'property' | 'unit' | 'contact' | 'contract';

/** The fields whose values are translated (M → tenant, Frau → ms, …); the manager may add his own. */
export const importValueFields = [
  'contract.type',
  'contact.salutation',
  'contact.language',
  'contact.preference',
  'unit.usage',
] as const;
export type ImportValueField = (typeof importValueFields)[number];

export const importTargetSchema = z.strictObject({
  /** null = "Nicht importieren". */
  field: z.enum(importFields).nullable(),
  /** Which person of the row (1–4); only for contact fields, 1 otherwise. */
  person: z.number().int().min(1).max(MAX_IMPORT_PERSONS).default(1),
});
export type ImportTarget = z.output<typeof importTargetSchema>;

/**
 * One entry per column of the file, in its order: the field it fills (or none, "Nicht
 * importieren"). Two columns may not fill the same field of the same person.
 */
export const importMappingSchema = z.array(importTargetSchema).max(500);
export type ImportMapping = z.output<typeof importMappingSchema>;

/** The app's values of each translated field. */
export const importAppValues = {
  'contract.type': ['tenant', 'owner'],
  'contact.salutation': ['none', 'mr', 'ms', 'mx', 'couple', 'family', 'company'],
  'contact.language': ['de', 'en'],
  'contact.preference': ['postal', 'online'],
  'unit.usage': ['private', 'commercial'],
} as const satisfies Record<ImportValueField, readonly string[]>;

const translations = <V extends readonly [string, ...string[]]>(values: V) =>
  z.record(z.string().max(100), z.enum(values)).optional();

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Extra value translations per field, on top of the built-in synonyms: file value → app value. Plain
 * objects only (an object schema whose keys are all optional would take a Date or a Map as {}).
 */
export const importValueMapSchema = z
  .unknown()
  .refine(isPlainObject)
  .pipe(
    z.strictObject({
      'contract.type': translations(importAppValues['contract.type']),
      'contact.salutation': translations(importAppValues['contact.salutation']),
      'contact.language': translations(importAppValues['contact.language']),
      'contact.preference': translations(importAppValues['contact.preference']),
      'unit.usage': translations(importAppValues['unit.usage']),
    }),
  );
export type ImportValueMap = z.output<typeof importValueMapSchema>;

export const fileIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'IMPORT_FILE_GONE' });

/** What a dry run, the rejected-rows download and the commit are computed from. */
export const importRunSchema = z.strictObject({
  fileId: fileIdSchema,
  mapping: importMappingSchema,
  values: importValueMapSchema,
  /** "Nur aktualisieren": change existing records only, create nothing new. */
  updateOnly: z.boolean().default(false),
  /**
   * Contracts of the file's properties that are in the app but not in the file: null leaves them
   * as they are; otherwise the listed ones (from the preview's `missingContracts`) end on `end`.
   */
  endMissing: z
    .strictObject({ contractIds: z.array(idSchema).max(1_000_000), end: contractDateSchema })
    .nullable()
    .default(null),
});
export type ImportRun = z.input<typeof importRunSchema>;
export type ImportRunValue = z.output<typeof importRunSchema>;

/** A mapping kept from an earlier import, offered again for a file with the same header. */
export interface SavedImportMapping {
  name: string;
  headers: string[];
  mapping: ImportMapping;
  values: ImportValueMap;
  /** ISO instant of its last use. */
  usedAt: string;
}

export interface ImportFileView {
  fileId: string;
  fileName: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  format: ImportFormat;
  /** csv/txt: how the text was decoded; null for xlsx. */
  encoding: ImportEncoding | null;
  /** csv/txt: the detected delimiter; null for xlsx. */
  delimiter: string | null;
  /** xlsx: the visible worksheets; the chosen one is `sheet`. Empty for csv. */
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** The first rows (at most 10), one text per column. */
  sample: string[][];
  /** Data rows (without the header). */
  rowCount: number;
  /** Suggested from the header names and their usual ERP synonyms. */
  suggested: ImportMapping;
  /** Kept mappings whose header equals this file's first, then the others; newest first. */
  savedMappings: SavedImportMapping[];
}

/** Why a row (or one person of it) is not imported. Texts: errors.json `importRejections`. */
export const importRejectionCodes = [
  'MISSING_REFERENCE_ID',
  'MISSING_VALUE',
  'UNREADABLE_DATE',
  'DATE_OUT_OF_RANGE',
  'END_BEFORE_START',
  'INVALID_EMAIL',
  'INVALID_POSTCODE',
  'UNKNOWN_VALUE',
  'TOO_LONG',
  /** Two rows give one Referenz-ID different values (names, addresses …). */
  'CONFLICTING_ROWS',
  /** The unit's Referenz-ID belongs to another property in the app or in the file. */
  'UNIT_IN_OTHER_PROPERTY',
  'OVERLAPPING_CONTRACT',
  /** Another unit of the property (in the app or in the file) has this number. */
  'UNIT_NUMBER_TAKEN',
  /** The contact is archived in the app; an import does not revive it. */
  'CONTACT_ARCHIVED',
  'CONTACT_ANONYMISED',
  /** "Nur aktualisieren" and the record does not exist yet. */
  'NOT_IN_APP',
] as const;
export type ImportRejectionCode = (typeof importRejectionCodes)[number];

export interface ImportRejection {
  /** Line (csv) or row (xlsx) number in the file, the header being 1. */
  line: number;
  code: ImportRejectionCode;
  /** E.g. { field: 'contract.start', value: '31.02.2026' } or { otherLine: 17 }. */
  params: Record<string, string | number | null>;
}

export interface ImportLevelCounts {
  created: number;
  changed: number;
  unchanged: number;
}

export interface ImportFieldChange {
  field: ImportField;
  before: string | null;
  after: string | null;
}

export interface ImportRecordChange {
  level: ImportLevel;
  /** The record's Referenz-ID (a contract: its number). */
  key: string;
  /** What the manager recognises: a name, "WE 3 · Lindenhof", "Mietvertrag M-17". */
  label: string;
  kind: 'created' | 'changed';
  /** For 'changed': old → new per field; for 'created': the new values. */
  fields: ImportFieldChange[];
}

/** One contact whose portal access today the import changes. */
export interface ImportAccessEffect {
  /** null for a contact the import creates. */
  contactId: number | null;
  referenceId: string;
  displayName: string;
  before: Grant;
  after: Grant;
  /** Last day of the access after the import (inclusive); null when open-ended or none. */
  until: IsoDate | null;
  registered: boolean;
}

export interface ImportEffectList {
  total: number;
  /** The first IMPORT_PREVIEW_LIMIT, by name. */
  items: ImportAccessEffect[];
}

export interface ImportMissingContract {
  contractId: number;
  contactName: string;
  propertyName: string;
  unitLabel: string;
  number: string;
  start: IsoDate;
  end: IsoDate | null;
}

export interface ImportPreview {
  fileId: string;
  today: IsoDate;
  rows: { total: number; imported: number; rejected: number };
  counts: Record<ImportLevel, ImportLevelCounts>;
  changes: { total: number; items: ImportRecordChange[] };
  /** `byLevel`: every rejected row counted at the level it failed at (property, unit, contact, contract). */
  rejected: { total: number; byLevel: Record<ImportLevel, number>; items: ImportRejection[] };
  /** The access consequences today, by the same policy as every screen. */
  access: {
    /** none → active/pre/post. */
    gained: ImportEffectList;
    /** active/pre/post → none. */
    lost: ImportEffectList;
    /** Into a pre- or post-contract window (from none or from active). */
    enteredWindow: ImportEffectList;
    /** Registered contacts who lose access (their portal account stops working). */
    registeredLost: ImportEffectList;
    /** Not registered: could not be invited before, can be after. */
    invitePossible: ImportEffectList;
    /** Could be invited before, cannot after. */
    inviteImpossible: ImportEffectList;
  };
  seats: { before: number; after: number; quota: number | null };
  /** Contracts of the file's properties that the file does not name (see ImportRun.endMissing). */
  missingContracts: { total: number; items: ImportMissingContract[] };
  /** Archived contacts the file names; they stay archived and their rows are rejected. */
  archivedContacts: number;
}

export interface ImportSummary {
  id: number;
  /** ISO instant. */
  at: string;
  actor: string;
  fileName: string;
  sha256: string;
  rows: { total: number; imported: number; rejected: number };
  counts: Record<ImportLevel, ImportLevelCounts>;
  endedContracts: number;
  /** The backup made just before ("Vor Import"); null once it has been deleted. */
  backup: BackupInfo | null;
}

/**
 * Kontakte › Exportieren: the contacts list as filtered (its search and filters, not its paging),
 * one row per contract in the columns the import reads (so the file imports again without
 * remapping), plus each contact's access today, its end and the invitation state (read-only).
 */
export const contactsExportSchema = contactListQuerySchema
  .omit({ offset: true, limit: true })
  .extend({ format: z.enum(importFormats), language: z.enum(['de', 'en']) });
export type ContactsExportQuery = z.output<typeof contactsExportSchema>;

export type ImportPhase = 'reading' | 'checking' | 'writing';

/**
 * Event `imports.progress` while a file is read, checked (the dry run, and the commit's plan) or
 * written: `done` of `total` (reading: characters of the file; checking: rows; writing: records),
 * and `rows` read or checked so far. A run can be cancelled until it writes.
 */
export interface ImportProgress {
  fileId: string;
  phase: ImportPhase;
  done: number;
  total: number;
  rows: number;
}

export const importChannels = {
  /** Reads and keeps a file; refuses an unreadable one (IMPORT_* codes) and keeps nothing then. */
  'imports.open': channel<ImportFileView>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      dataBase64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: 'IMPORT_FILE_TOO_LARGE' }),
      /** xlsx: the worksheet to read; null = the first visible one. */
      sheet: z.string().max(200).nullable().default(null),
    }),
  ),
  /** The dry run: nothing is written. */
  'imports.preview': channel<ImportPreview>()(importRunSchema),
  /**
   * The rejected rows with their original columns and a "Fehler" column, in the input's format
   * ("<name>-abgelehnt.csv" / "<name>-rejected.xlsx"), written where the user chooses.
   */
  'imports.rejectedRows': channel<SavedExport>()(importRunSchema.extend({ language: z.enum(['de', 'en']) })),
  /** Backup "Vor Import", then the valid rows as one change; the mapping is kept under `mappingName`. */
  'imports.commit': channel<ImportSummary>()(
    importRunSchema.extend({ mappingName: z.string().trim().min(1).max(80).nullable().default(null) }),
  ),
  /** Stops a running preview or commit of that file (a commit rolls back) and forgets the file. */
  'imports.cancel': channel<null>()(z.strictObject({ fileId: fileIdSchema })),
  /** Past imports, newest first. */
  'imports.history': channel<ImportSummary[]>()(noPayload),
  /**
   * The contacts list as filtered, as .csv or .xlsx (see contactsExportSchema), written where the
   * user chooses; the count is the contacts (a contact with several contracts has several rows). A read.
   */
  'contacts.export': channel<SavedExport>()(contactsExportSchema),
  /** Restores the backup made before that import ("Zustand vor diesem Import wiederherstellen"). */
  'imports.restoreBefore': channel<RestoredBackup>()(z.strictObject({ id: idSchema })),
} as const;
