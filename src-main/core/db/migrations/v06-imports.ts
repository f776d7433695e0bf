import type { Migration } from './migration';

export const v6: Migration = {
  version: 6,
  name: 'Stammdaten-Import: the imports made, their audit rows, the last mappings per header',
  sql: `
    -- One row per committed import (services/importService.ts). Its record changes are the audit
    -- rows first_audit_id … last_audit_id, written in the same transaction (the Protokoll filter).
    CREATE TABLE imports (
      id             INTEGER PRIMARY KEY,
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      file_name      TEXT NOT NULL,
      sha256         TEXT NOT NULL,
      summary        TEXT NOT NULL,
      backup_name    TEXT,
      first_audit_id INTEGER,
      last_audit_id  INTEGER
    );
    -- The mappings kept (the newest KEPT_IMPORT_MAPPINGS per header), offered again.
    CREATE TABLE import_mappings (
      id      INTEGER PRIMARY KEY,
      name    TEXT NOT NULL,
      headers TEXT NOT NULL,
      mapping TEXT NOT NULL,
      used_at TEXT NOT NULL
    );
    CREATE INDEX import_mappings_by_headers ON import_mappings (headers, used_at);
  `,
};
