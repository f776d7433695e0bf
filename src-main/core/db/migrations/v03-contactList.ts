import type { Migration } from './migration';

export const v3: Migration = {
  version: 3,
  name: 'contact list: paging, access by contact, prefix search on e-mail and reference id',
  sql: `
    -- The list walks contacts_by_sort_name skipping the archived: tested against this small set
    -- (c.id NOT IN …), paging to a far offset reads the index only, not a table row per contact.
    CREATE INDEX contacts_archived ON contacts (id) WHERE archived = 1;
    -- A contact's grant (active / pre / post) is decided on start and end date alone: covering.
    DROP INDEX contracts_by_contact;
    CREATE INDEX contracts_by_contact ON contracts (contact_id, start_date, end_date);
    -- Case-insensitive prefix search: lower(column) >= :prefix AND lower(column) < :prefix || U+10FFFF.
    CREATE INDEX contacts_by_email_lower ON contacts (lower(email));
    CREATE INDEX contacts_by_reference_lower ON contacts (lower(reference_id));
  `,
};
