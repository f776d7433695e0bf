import type Database from 'better-sqlite3';
import type { Salutation } from '../../../shared/ipc';
import { contactSearchText, sortNameOf, type SearchedFields } from './contactKeys';

/**
 * Numbered migrations, applied in order inside one transaction each. Never edit a released
 * migration: add the next number. SQL stays portable to PostgreSQL where that costs nothing
 * (TEXT dates as ISO strings, INTEGER booleans, no SQLite-only functions in queries).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rows the SQL cannot derive (keys computed in TypeScript), written after it in its transaction. */
  backfill?: (db: Database.Database) => void;
}

/** Contacts per read of migration 5's back-fill: bounded memory at a million contacts. */
const BACKFILL_BATCH = 10_000;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings and audit',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE audit (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        before    TEXT,
        after     TEXT
      );
      CREATE INDEX audit_by_entity ON audit (entity, entity_id);
    `,
  },
  {
    version: 2,
    name: 'portfolio: properties, units, contacts, contracts, portal accounts, invitations, content, outbox',
    sql: `
      CREATE TABLE properties (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        reference_id TEXT UNIQUE,
        created_at   TEXT NOT NULL
      );
      CREATE TABLE property_addresses (
        id          INTEGER PRIMARY KEY,
        property_id INTEGER NOT NULL REFERENCES properties (id) ON DELETE CASCADE,
        street      TEXT NOT NULL,
        house_no    TEXT NOT NULL,
        postcode    TEXT NOT NULL,
        city        TEXT NOT NULL
      );
      CREATE INDEX property_addresses_by_property ON property_addresses (property_id);

      CREATE TABLE units (
        id           INTEGER PRIMARY KEY,
        property_id  INTEGER NOT NULL REFERENCES properties (id),
        name         TEXT NOT NULL,
        number       TEXT NOT NULL,
        usage        TEXT NOT NULL CHECK (usage IN ('private', 'commercial')),
        reference_id TEXT UNIQUE,
        UNIQUE (property_id, number)
      );

      CREATE TABLE contacts (
        id            INTEGER PRIMARY KEY,
        salutation    TEXT NOT NULL CHECK (salutation IN ('mr', 'ms', 'mx', 'company', 'family')),
        title         TEXT,
        first_name    TEXT,
        last_name     TEXT NOT NULL,
        company       TEXT,
        email         TEXT,
        phone         TEXT,
        language      TEXT NOT NULL CHECK (language IN ('de', 'en')),
        preference    TEXT NOT NULL CHECK (preference IN ('postal', 'online')),
        reference_id  TEXT NOT NULL UNIQUE,
        note          TEXT,
        archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        -- lower-cased "last first" for prefix search by name
        sort_name     TEXT NOT NULL,
        street        TEXT,
        house_no      TEXT,
        postcode      TEXT,
        city          TEXT
      );
      CREATE INDEX contacts_by_sort_name ON contacts (sort_name, id);
      CREATE INDEX contacts_by_email ON contacts (email);

      CREATE TABLE contracts (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contacts (id),
        unit_id     INTEGER NOT NULL REFERENCES units (id),
        -- denormalised from units so that property-wide questions need one index range
        property_id INTEGER NOT NULL REFERENCES properties (id),
        type        TEXT NOT NULL CHECK (type IN ('tenant', 'owner')),
        number      TEXT NOT NULL,
        start_date  TEXT NOT NULL,
        end_date    TEXT,
        CHECK (end_date IS NULL OR end_date >= start_date)
      );
      CREATE INDEX contracts_by_contact ON contracts (contact_id, start_date);
      CREATE INDEX contracts_by_unit ON contracts (unit_id, start_date);
      CREATE INDEX contracts_by_property ON contracts (property_id, type, contact_id);
      CREATE INDEX contracts_by_start ON contracts (start_date, contact_id);
      CREATE INDEX contracts_by_end ON contracts (end_date, contact_id);

      CREATE TABLE portal_accounts (
        contact_id    INTEGER PRIMARY KEY REFERENCES contacts (id),
        registered_at TEXT NOT NULL
      );

      CREATE TABLE invitations (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contacts (id),
        code_hash   TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        expires_on  TEXT NOT NULL,
        channel     TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'code')),
        state       TEXT NOT NULL CHECK (state IN ('pending', 'redeemed', 'expired', 'revoked')),
        redeemed_at TEXT,
        revoked_at  TEXT
      );
      CREATE INDEX invitations_by_contact ON invitations (contact_id, created_at);

      CREATE TABLE contents (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('announcement', 'appointment', 'document', 'smartpost', 'process')),
        title       TEXT NOT NULL,
        body        TEXT,
        property_id INTEGER REFERENCES properties (id),
        data        TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX contents_by_kind ON contents (kind, created_at);

      CREATE TABLE shares (
        id          INTEGER PRIMARY KEY,
        content_id  INTEGER NOT NULL REFERENCES contents (id),
        -- exactly one target: a contact (individual) or a role over a property or units
        contact_id  INTEGER REFERENCES contacts (id),
        role        TEXT CHECK (role IN ('all', 'tenant', 'owner')),
        property_id INTEGER REFERENCES properties (id),
        unit_ids    TEXT,
        created_at  TEXT NOT NULL,
        revoked_at  TEXT,
        CHECK ((contact_id IS NOT NULL AND role IS NULL) OR (contact_id IS NULL AND role IS NOT NULL AND property_id IS NOT NULL))
      );
      CREATE INDEX shares_by_content ON shares (content_id);
      CREATE INDEX shares_by_contact ON shares (contact_id);
      CREATE INDEX shares_by_property ON shares (property_id, role);

      CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER REFERENCES contacts (id),
        recipient   TEXT NOT NULL,
        language    TEXT NOT NULL CHECK (language IN ('de', 'en')),
        subject     TEXT NOT NULL,
        text_body   TEXT NOT NULL,
        html_body   TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        created_at  TEXT NOT NULL,
        sent_at     TEXT
      );
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `,
  },
  {
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
  },
  {
    version: 4,
    name: 'data protection: anonymised contacts, audit log by time',
    sql: `
      -- When the contact's personal data was removed (services/dataProtectionService.ts); null = never.
      ALTER TABLE contacts ADD COLUMN anonymised_at TEXT;
      -- The audit log (Protokoll) is read newest first, within a range of days.
      CREATE INDEX audit_by_at ON audit (at, id);
    `,
  },
  {
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
  },
];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;

/** Thrown when the data store was written by a newer version of the app: we never downgrade it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than this app supports (${supported})`);
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the stored `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, upTo: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION);
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.backfill?.(db);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
