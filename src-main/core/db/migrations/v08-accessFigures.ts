import type { Migration } from './migration';

/** Marks a contact whose access figures must be recomputed before the transaction commits. */
const mark = (id: string) => `INSERT OR IGNORE INTO access_dirty (contact_id) VALUES (${id});`;

/** Adds `by` to a row of table_counts. */
const count = (name: string, by: string) => `UPDATE table_counts SET n = n + (${by}) WHERE name = '${name}';`;

/** Keeps table_counts' row of `table` equal to its COUNT(*). */
const counted = (table: string) => `
    CREATE TRIGGER table_counts_${table}_insert AFTER INSERT ON ${table} BEGIN ${count(table, '1')} END;
    CREATE TRIGGER table_counts_${table}_delete AFTER DELETE ON ${table} BEGIN ${count(table, '-1')} END;`;

export const v8: Migration = {
  version: 8,
  name: 'access figures: per-contact access spans, day-indexed events, counts on a base day; row counts',
  sql: `
    -- The overview's totals without counting a million rows: kept by the triggers below.
    CREATE TABLE table_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
    INSERT INTO table_counts (name, n) VALUES
      ('properties', (SELECT COUNT(*) FROM properties)), ('units', (SELECT COUNT(*) FROM units)),
      ('contacts', (SELECT COUNT(*) FROM contacts)), ('contracts', (SELECT COUNT(*) FROM contracts)),
      ('archived_contacts', (SELECT COUNT(*) FROM contacts WHERE archived = 1));
    ${counted('properties')}
    ${counted('units')}
    ${counted('contracts')}
    CREATE TRIGGER table_counts_contacts_insert AFTER INSERT ON contacts
      BEGIN ${count('contacts', '1')} ${count('archived_contacts', 'NEW.archived')} END;
    CREATE TRIGGER table_counts_contacts_delete AFTER DELETE ON contacts
      BEGIN ${count('contacts', '-1')} ${count('archived_contacts', '-OLD.archived')} END;
    CREATE TRIGGER table_counts_contacts_archive AFTER UPDATE OF archived ON contacts
      BEGIN ${count('archived_contacts', 'NEW.archived - OLD.archived')} END;

    -- db/accessFigures.ts keeps these equal to the pure policy (policy/accessSpans.ts) under the
    -- current access settings: each contact's spans [from_day, until_day) per kind ('all' = not
    -- archived, 'active', 'pre', 'post', 'seat' = registered with access), until_day NULL = open.
    CREATE TABLE access_spans (
      contact_id INTEGER NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('all', 'active', 'pre', 'post', 'seat')),
      from_day   TEXT NOT NULL,
      until_day  TEXT,
      PRIMARY KEY (contact_id, kind, from_day)
    ) WITHOUT ROWID;
    -- The spans as +1 (from_day) / −1 (until_day) per kind and day, summed.
    CREATE TABLE access_deltas (
      kind  TEXT NOT NULL,
      day   TEXT NOT NULL,
      delta INTEGER NOT NULL,
      PRIMARY KEY (kind, day)
    ) WITHOUT ROWID;
    -- Per kind: n = the sum of its deltas up to and including day (one day for all kinds), so the
    -- count on day d is n plus the deltas between day and d: advanced when the day turns.
    CREATE TABLE access_base (
      kind TEXT PRIMARY KEY,
      day  TEXT NOT NULL,
      n    INTEGER NOT NULL
    );
    INSERT INTO access_base (kind, day, n) VALUES
      ('all', '0000-01-01', 0), ('active', '0000-01-01', 0), ('pre', '0000-01-01', 0),
      ('post', '0000-01-01', 0), ('seat', '0000-01-01', 0);
    -- Contacts changed by the current transaction; -1 = all (the access settings changed).
    -- Written by the triggers below, emptied by accessFigures.settle before the commit.
    CREATE TABLE access_dirty (contact_id INTEGER PRIMARY KEY);
    INSERT INTO access_dirty (contact_id) VALUES (-1);

    CREATE TRIGGER access_dirty_contract_insert AFTER INSERT ON contracts
      BEGIN ${mark('NEW.contact_id')} END;
    CREATE TRIGGER access_dirty_contract_update AFTER UPDATE OF contact_id, start_date, end_date ON contracts
      BEGIN ${mark('OLD.contact_id')} ${mark('NEW.contact_id')} END;
    CREATE TRIGGER access_dirty_contract_delete AFTER DELETE ON contracts
      BEGIN ${mark('OLD.contact_id')} END;
    CREATE TRIGGER access_dirty_contact_insert AFTER INSERT ON contacts
      BEGIN ${mark('NEW.id')} END;
    CREATE TRIGGER access_dirty_contact_archive AFTER UPDATE OF archived ON contacts
      WHEN OLD.archived IS NOT NEW.archived BEGIN ${mark('NEW.id')} END;
    CREATE TRIGGER access_dirty_contact_delete AFTER DELETE ON contacts
      BEGIN ${mark('OLD.id')} END;
    CREATE TRIGGER access_dirty_account_insert AFTER INSERT ON portal_accounts
      BEGIN ${mark('NEW.contact_id')} END;
    CREATE TRIGGER access_dirty_account_delete AFTER DELETE ON portal_accounts
      BEGIN ${mark('OLD.contact_id')} END;
    CREATE TRIGGER access_dirty_settings_insert AFTER INSERT ON settings
      WHEN NEW.key = 'access' BEGIN ${mark('-1')} END;
    CREATE TRIGGER access_dirty_settings_update AFTER UPDATE ON settings
      WHEN NEW.key = 'access' AND OLD.value IS NOT NEW.value BEGIN ${mark('-1')} END;
  `,
};
