import { auditSubjectsStatementPostgres } from './auditSubjects';
import { TEXT, type PostgresMigration } from './migration';

export const v9: PostgresMigration = {
  version: 9,
  name: 'audit log by contact, property and content; contents withdrawn',
  sql: `
    CREATE TABLE audit_subject (
      kind       ${TEXT} NOT NULL CHECK (kind IN ('contact', 'property', 'content')),
      subject_id bigint NOT NULL,
      audit_id   bigint NOT NULL REFERENCES audit (id),
      PRIMARY KEY (kind, subject_id, audit_id)
    );
    ALTER TABLE contents ADD COLUMN deleted_at ${TEXT};
  `,
  backfill: async (client) => {
    await client.query(auditSubjectsStatementPostgres, [0]);
  },
};
