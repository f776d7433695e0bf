import type { Migration } from './migration';

export const v4: Migration = {
  version: 4,
  name: 'data protection: anonymised contacts, audit log by time',
  sql: `
    -- When the contact's personal data was removed (services/dataProtectionService.ts); null = never.
    ALTER TABLE contacts ADD COLUMN anonymised_at TEXT;
    -- The audit log (Protokoll) is read newest first, within a range of days.
    CREATE INDEX audit_by_at ON audit (at, id);
  `,
};
