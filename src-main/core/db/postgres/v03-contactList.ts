import type { PostgresMigration } from './migration';

export const v3: PostgresMigration = {
  version: 3,
  name: 'contact list: paging, access by contact, prefix search on e-mail and reference id',
  sql: `
    CREATE INDEX contacts_archived ON contacts (id) WHERE archived = 1;
    DROP INDEX contracts_by_contact;
    CREATE INDEX contracts_by_contact ON contracts (contact_id, start_date, end_date);
    -- As on SQLite (dropped again by migration 5, when contact_search answers these prefixes).
    CREATE INDEX contacts_by_email_lower ON contacts (lower(email));
    CREATE INDEX contacts_by_reference_lower ON contacts (lower(reference_id));
  `,
};
