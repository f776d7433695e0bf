import { ID, TEXT, type PostgresMigration } from './migration';

export const v6: PostgresMigration = {
  version: 6,
  name: 'Stammdaten-Import: the imports made, their audit rows, the last mappings per header',
  sql: `
    CREATE TABLE imports (
      id             ${ID},
      at             ${TEXT} NOT NULL,
      actor          ${TEXT} NOT NULL,
      file_name      ${TEXT} NOT NULL,
      sha256         ${TEXT} NOT NULL,
      summary        ${TEXT} NOT NULL,
      backup_name    ${TEXT},
      first_audit_id bigint,
      last_audit_id  bigint
    );
    CREATE TABLE import_mappings (
      id      ${ID},
      name    ${TEXT} NOT NULL,
      headers ${TEXT} NOT NULL,
      mapping ${TEXT} NOT NULL,
      used_at ${TEXT} NOT NULL
    );
    CREATE INDEX import_mappings_by_headers ON import_mappings (headers, used_at);
  `,
};
