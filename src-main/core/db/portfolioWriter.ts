/**
 * Writes a generated demo portfolio into the data store with prepared statements, rows bound
 * positionally (about a million rows per few seconds).
 *
 * Opens NO transaction of its own: call it inside the caller's `db.transaction(...)` together with
 * the audit row, so that the demo load is one atomic change (ARCHITECTURE.md §3 "Audit"). Outside a
 * transaction every row would be its own commit, which is both slow and not atomic. Expects empty
 * portfolio tables (the rows carry their ids) and works with foreign keys on: parents go first.
 */
import type Database from 'better-sqlite3';
import type { DemoPortfolio } from '../demo/types';
import { contactSearchIndex } from './contactSearchIndex';

export function writePortfolio(db: Database.Database, portfolio: DemoPortfolio): void {
  if (!db.inTransaction) {
    throw new Error('writePortfolio must run inside a transaction (wrap it in db.transaction)');
  }
  const property = db.prepare(
    'INSERT INTO properties (id, name, reference_id, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const p of portfolio.properties) property.run(p.id, p.name, p.reference_id, p.created_at);

  const address = db.prepare(
    'INSERT INTO property_addresses (id, property_id, street, house_no, postcode, city) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const a of portfolio.propertyAddresses) {
    address.run(a.id, a.property_id, a.street, a.house_no, a.postcode, a.city);
  }

  const unit = db.prepare(
    'INSERT INTO units (id, property_id, name, number, usage, reference_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const u of portfolio.units) unit.run(u.id, u.property_id, u.name, u.number, u.usage, u.reference_id);

  const contact = db.prepare(
    `INSERT INTO contacts (id, salutation, title, first_name, last_name, company, email, phone, language,
       preference, reference_id, note, archived, sort_name, street, house_no, postcode, city)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indexSearchText = contactSearchIndex(db);
  for (const c of portfolio.contacts) {
    contact.run(
      c.id,
      c.salutation,
      c.title,
      c.first_name,
      c.last_name,
      c.company,
      c.email,
      c.phone,
      c.language,
      c.preference,
      c.reference_id,
      c.note,
      c.archived,
      c.sort_name,
      c.street,
      c.house_no,
      c.postcode,
      c.city,
    );
    indexSearchText(c.id, c);
  }

  const contract = db.prepare(
    `INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of portfolio.contracts) {
    contract.run(c.id, c.contact_id, c.unit_id, c.property_id, c.type, c.number, c.start_date, c.end_date);
  }

  const account = db.prepare('INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)');
  for (const a of portfolio.portalAccounts) account.run(a.contact_id, a.registered_at);
}
