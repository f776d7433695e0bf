/**
 * Every refusal the core can give. The renderer translates `errors.<code>` with `params`;
 * nothing is ever shown to the user as a raw message.
 */
export const errorCodes = [
  // transport and validation
  'UNKNOWN_CHANNEL',
  'INVALID_PAYLOAD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'INTERNAL',
  'REQUIRED',
  // settings
  'DAYS_OUT_OF_RANGE',
  'QUOTA_OUT_OF_RANGE',
  // portfolio
  'INVALID_DATE',
  'DATE_OUT_OF_RANGE',
  'END_BEFORE_START',
  'UNKNOWN_UNIT',
  'UNKNOWN_CONTACT',
  'UNKNOWN_PROPERTY',
  'DUPLICATE_REFERENCE_ID',
  'OVERLAPPING_CONTRACT',
  'INVALID_EMAIL',
  'INVALID_POSTCODE',
  'INVALID_URL',
  'DUPLICATE_UNIT_NUMBER',
  'CONTRACT_ALREADY_ENDED',
  'PORTFOLIO_NOT_EMPTY',
  // invitations and sharing
  'NO_CONTRACT',
  'OUTSIDE_ACCESS_WINDOW',
  'ARCHIVED',
  'ALREADY_REGISTERED',
  'NO_EMAIL',
  'NO_ACCESS',
  'ALREADY_INVITED',
  'INVITATION_NOT_EXPIRED',
  'INVITATION_NOT_PENDING',
  'INVALID_CODE',
  'CODE_EXPIRED',
  'SMTP_NOT_CONFIGURED',
  'SMTP_FAILED',
  'UNSUPPORTED_FILE_TYPE',
  'FILE_TOO_LARGE',
  'INVALID_TIME_RANGE',
  'UNKNOWN_PLACEHOLDER',
  'SMARTPOST_ROLE_SHARE',
  // backups (Datensicherung)
  'BACKUP_INVALID',
  'BACKUP_TOO_NEW',
  'BACKUP_FAILED',
  'RESTORE_FAILED',
  'BACKUP_DELETE_FAILED',
  // start-up faults (the data store could not be opened)
  'STARTUP_FAULT',
  'STARTUP_CHOICE_UNAVAILABLE',
  'DATA_DIR_NOT_CREATED',
  // data protection and audit log
  'RETENTION_OUT_OF_RANGE',
  'NOT_A_DELETION_CANDIDATE',
  'CONTACT_ANONYMISED',
  'INVALID_DATE_RANGE',
  // ux: the simulated portal registration exists only in the demo
  'DEMO_ONLY',
  // room harden (issue 14): full disk, restore under way, documents checked by content and name
  'DISK_FULL',
  'SECRET_NOT_SAVED',
  'CHANGED_MEANWHILE',
  'INVALID_FILE_NAME',
  'FILE_EXTENSION_MISMATCH',
  'RESTORE_IN_PROGRESS',
  // room mail: outbox, letters, SMTP transport, placeholders (issues 13 and 14)
  'ORGANISATION_PLACEHOLDER',
  'SMTP_NOT_TESTED',
  'SMTP_HOST_NOT_FOUND',
  'SMTP_CONNECTION_REFUSED',
  'SMTP_TLS',
  'SMTP_AUTH',
  'SMTP_TIMEOUT',
  'SMTP_REJECTED',
  'SMTP_INTERRUPTED',
  'OUTBOX_NOT_QUEUED',
  'OUTBOX_NOT_FAILED',
  'WITHDRAWN_BY_USER',
  'WITHDRAWN_INVITATION_REVOKED',
  'WITHDRAWN_INVITATION_EXPIRED',
  'WITHDRAWN_ADDRESS_CHANGED',
  'WITHDRAWN_CONTENT_GONE',
  // room import: Stammdaten-Import (shared/contract/imports.ts)
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_EMPTY_FILE',
  'IMPORT_UNSUPPORTED_FORMAT',
  'IMPORT_NOT_A_TABLE',
  'IMPORT_UNREADABLE_XLSX',
  'IMPORT_HEADER_ONLY',
  'IMPORT_EMPTY_HEADER',
  'IMPORT_DUPLICATE_HEADER',
  'IMPORT_CELL_TOO_LONG',
  'IMPORT_MERGED_CELLS',
  'IMPORT_NO_SHEET',
  'IMPORT_UNKNOWN_SHEET',
  'IMPORT_FILE_GONE',
  'IMPORT_MAPPING_MISMATCH',
  'IMPORT_DUPLICATE_TARGET',
  'IMPORT_REQUIRED_UNMAPPED',
  'IMPORT_NOTHING_TO_IMPORT',
  'IMPORT_BUSY',
  'IMPORT_CANCELLED',
  'IMPORT_BACKUP_GONE',
  'IMPORT_UNKNOWN_CONTRACT',
  // import room (large files): the portfolio changed while a commit was being prepared.
  'IMPORT_STORE_CHANGED',
  // teamui room: Administration › Team-Datenbank (the connection to the team's PostgreSQL server)
  'TEAM_HOST_INVALID',
  'TEAM_TLS_REQUIRED',
  'TEAM_CA_INVALID',
  'TEAM_UNREACHABLE',
  'TEAM_AUTH_FAILED',
  'TEAM_PERMISSION_DENIED',
  'TEAM_DATABASE_MISSING',
  'TEAM_TLS_FAILED',
  'TEAM_SERVER_TOO_OLD',
  'TEAM_CONNECTION_FAILED',
  // room harden (issue 14, second part): letters off the main thread, exports to a chosen file
  'TOO_MANY_LETTERS',
  'LETTERS_TOO_LARGE',
  'EXPORT_FAILED',
  // room harden2 (issue 14): letters held for saving that were dropped (app restarted, newer ones made)
  'EXPORT_GONE',
  // room teammove (issue 16 items 3, 6, 7): the move into a team database and the local copy back
  'TEAM_NOT_CONFIGURED',
  'TEAM_DATABASE_NOT_EMPTY',
  'TEAM_DATABASE_OUTDATED',
  'TEAM_DATABASE_TOO_NEW',
  'TEAM_COPY_MISMATCH',
  'TEAM_MODE_ACTIVE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number | boolean | null>;

export interface AppError {
  code: ErrorCode;
  params: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown inside the core to refuse a request; `core.invoke` turns it into `{ ok: false }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
