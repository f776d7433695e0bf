import { recordAuditSubjects } from '../auditSubjects';
import type { Migration } from './migration';

export const v9: Migration = {
  version: 9,
  name: 'audit log by contact, property and content; contents withdrawn',
  sql: `
    -- The contacts, properties and contents each audit row is about (db/auditSubjects.ts): the
    -- Protokoll's filters by contact and by object read one range of this table.
    CREATE TABLE audit_subject (
      kind       TEXT NOT NULL CHECK (kind IN ('contact', 'property', 'content')),
      subject_id INTEGER NOT NULL,
      audit_id   INTEGER NOT NULL REFERENCES audit (id),
      PRIMARY KEY (kind, subject_id, audit_id)
    ) WITHOUT ROWID;
    -- When a content was withdrawn (deleted): its shares are revoked, its text and file reference
    -- cleared; title, kind and property stay so that the Protokoll can still name it.
    ALTER TABLE contents ADD COLUMN deleted_at TEXT;
  `,
  backfill: (db) => recordAuditSubjects(db, 0),
};
