import type { PostgresMigration } from './migration';

export const v10: PostgresMigration = {
  version: 10,
  name: 'salutations: keine Angabe (none) and Eheleute (couple)',
  // PostgreSQL changes a CHECK in place (SQLite rebuilds the table).
  sql: `
    ALTER TABLE contacts DROP CONSTRAINT contacts_salutation_check,
      ADD CONSTRAINT contacts_salutation_check
        CHECK (salutation IN ('none', 'mr', 'ms', 'mx', 'couple', 'family', 'company'));
  `,
};
