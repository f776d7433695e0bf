import type { Salutation } from '../../../../shared/ipc';
import { contactSearchText, sortNameOf, type SearchedFields } from '../contactKeys';
import type { Migration } from './migration';

/** Contacts per read of the back-fill: bounded memory at a million contacts. */
const BACKFILL_BATCH = 10_000;

export const v5: Migration = {
  version: 5,
  name: 'contact search by any word or part of it, German sort order',
  sql: `
    -- Every contact's search words (db/contactKeys.ts contactSearchText: first and last names and
    -- company in name, e-mail and reference id in address; folded: lower case, ü as ue …, two
    -- spaces before each word), rowid = contacts.id. Why FTS5 trigram: "Lüdenscheidt", "example.net", "enscheid" are
    -- substrings, and the trigram index answers a substring of 3+ characters from the index alone,
    -- exactly (case_sensitive 1: the text is folded already, so a match is a plain substring); one
    -- or two letters become a trigram with the two spaces before a word (a word prefix). A
    -- word-prefix table would need every suffix of every word for infixes (about 40 rows a contact).
    -- Contentless: the words are not stored twice; contentless_delete lets a contact's row be
    -- replaced and deleted by rowid.
    CREATE VIRTUAL TABLE contact_search USING fts5(
      name, address, tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1
    );
    -- The e-mail and reference prefixes of migration 3 are found through contact_search now.
    DROP INDEX contacts_by_email_lower;
    DROP INDEX contacts_by_reference_lower;
  `,
  backfill(db) {
    // sort_name becomes a DIN 5007-1 key (contactKeys.sortNameOf); every contact gets its search row.
    const batch = db.prepare<[number, number], SearchedFields & { id: number; salutation: Salutation }>(
      `SELECT id, salutation, first_name, last_name, company, email, reference_id
       FROM contacts WHERE id > ? ORDER BY id LIMIT ?`,
    );
    const setSortName = db.prepare<[string, number]>('UPDATE contacts SET sort_name = ? WHERE id = ?');
    const index = db.prepare<[number, string, string]>(
      'INSERT INTO contact_search (rowid, name, address) VALUES (?, ?, ?)',
    );
    for (let rows = batch.all(0, BACKFILL_BATCH); rows.length > 0;) {
      for (const c of rows) {
        const sortName = sortNameOf({
          salutation: c.salutation,
          firstName: c.first_name,
          lastName: c.last_name,
          company: c.company,
        });
        setSortName.run(sortName, c.id);
        const { name, address } = contactSearchText(c);
        index.run(c.id, name, address);
      }
      rows = batch.all(rows.at(-1)?.id ?? 0, BACKFILL_BATCH);
    }
  },
};
