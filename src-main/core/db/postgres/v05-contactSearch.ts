import type { Salutation } from '../../../../shared/ipc';
import { contactSearchText, sortNameOf, type SearchedFields } from '../contactKeys';
import { TEXT, type PostgresMigration } from './migration';

/** Contacts per read of the back-fill: bounded memory at a million contacts. */
const BACKFILL_BATCH = 10_000;

export const v5: PostgresMigration = {
  version: 5,
  name: 'contact search by any word or part of it, German sort order',
  sql: `
    -- SQLite's FTS5 trigram table as a plain table with a pg_trgm GIN index per column (see
    -- postgres/contactSearch.ts): the same folded words, the same substring matches. pg_trgm ships with
    -- Debian's postgresql package and is a trusted extension; npm run team:setup creates it as the
    -- administrator, so for the schema owner this is a no-op.
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE contact_search (
      contact_id bigint PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
      name       ${TEXT} NOT NULL,
      address    ${TEXT} NOT NULL
    );
    CREATE INDEX contact_search_name ON contact_search USING gin (name gin_trgm_ops);
    CREATE INDEX contact_search_address ON contact_search USING gin (address gin_trgm_ops);
    DROP INDEX contacts_by_email_lower;
    DROP INDEX contacts_by_reference_lower;
  `,
  async backfill(client) {
    // sort_name becomes a DIN 5007-1 key (contactKeys.sortNameOf); every contact gets its search row.
    type Row = SearchedFields & { id: string; salutation: Salutation };
    const batch = (after: string) =>
      client.query<Row>(
        `SELECT id, salutation, first_name, last_name, company, email, reference_id
         FROM contacts WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, BACKFILL_BATCH],
      );
    for (let { rows } = await batch('0'); rows.length > 0;) {
      const ids = rows.map((c) => c.id);
      const sortNames = rows.map((c) =>
        sortNameOf({
          salutation: c.salutation,
          firstName: c.first_name,
          lastName: c.last_name,
          company: c.company,
        }),
      );
      const texts = rows.map((c) => contactSearchText(c));
      await client.query(
        `UPDATE contacts SET sort_name = v.sort_name
         FROM unnest($1::bigint[], $2::text[]) AS v (id, sort_name) WHERE contacts.id = v.id`,
        [ids, sortNames],
      );
      await client.query(
        `INSERT INTO contact_search (contact_id, name, address)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
        [ids, texts.map((t) => t.name), texts.map((t) => t.address)],
      );
      ({ rows } = await batch(rows.at(-1)?.id ?? '0'));
    }
  },
};
