import type Database from 'better-sqlite3';
import { contactSearchText, type SearchedFields } from './contactKeys';

/**
 * Writes a contact's row of the search index (migration 5) from its searched fields, replacing the
 * one it had: call it in the transaction that writes the contact.
 */
export function contactSearchIndex(
  db: Database.Database,
): (contactId: number, fields: SearchedFields) => void {
  const write = db.prepare<[number, string, string]>(
    'INSERT OR REPLACE INTO contact_search (rowid, name, address) VALUES (?, ?, ?)',
  );
  return (contactId, fields) => {
    const { name, address } = contactSearchText(fields);
    write.run(contactId, name, address);
  };
}

/**
 * Merges the search index into one segment: a replaced or deleted row's words stay in the older
 * segments until then (for erasing personal data; rewrites the whole index).
 */
export function compactContactSearch(db: Database.Database): void {
  db.exec("INSERT INTO contact_search (contact_search) VALUES ('optimize')");
}
