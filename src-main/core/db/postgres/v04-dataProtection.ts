import { TEXT, type PostgresMigration } from './migration';

export const v4: PostgresMigration = {
  version: 4,
  name: 'data protection: anonymised contacts, audit log by time',
  sql: `
    ALTER TABLE contacts ADD COLUMN anonymised_at ${TEXT};
    CREATE INDEX audit_by_at ON audit (at, id);
  `,
};
