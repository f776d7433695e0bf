import { TEXT, type PostgresMigration } from './migration';

/**
 * The trigger functions run as the schema owner (SECURITY DEFINER, search_path pinned to the schema the
 * migration ran in, see migratePostgres): a desktop role needs no write grant on table_counts to keep it
 * true, and cannot change it by hand.
 */
const DEFINER = 'LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT';

/**
 * Inserts and deletes are counted per statement over its transition table (one update of the row of
 * table_counts per statement, not per row: a bulk insert of a million rows stays one update); updates of
 * named columns fire per row, as SQLite's "AFTER UPDATE OF" (PostgreSQL allows no transition table with a
 * column list) — the effects are the same as SQLite's row triggers of migration 8.
 */
const counted = (table: string) => `
    CREATE TRIGGER table_counts_${table}_insert AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION table_counts_add('1');
    CREATE TRIGGER table_counts_${table}_delete AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION table_counts_add('-1');`;

/** Marks the contacts of column `column` of a statement's inserted or deleted rows. */
const marking = (name: string, event: 'INSERT' | 'DELETE', table: string, column: string) => `
    CREATE TRIGGER access_dirty_${name} AFTER ${event} ON ${table}
      REFERENCING ${event === 'INSERT' ? 'NEW' : 'OLD'} TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION access_dirty_mark_changed('${column}');`;

export const v8: PostgresMigration = {
  version: 8,
  name: 'access figures: per-contact access spans, day-indexed events, counts on a base day; row counts',
  sql: `
    CREATE TABLE table_counts (name ${TEXT} PRIMARY KEY, n bigint NOT NULL);
    INSERT INTO table_counts (name, n) VALUES
      ('properties', (SELECT COUNT(*) FROM properties)), ('units', (SELECT COUNT(*) FROM units)),
      ('contacts', (SELECT COUNT(*) FROM contacts)), ('contracts', (SELECT COUNT(*) FROM contracts)),
      ('archived_contacts', (SELECT COUNT(*) FROM contacts WHERE archived = 1));

    -- Adds TG_ARGV[0] × the rows of the statement (transition table "changed") to the table's count,
    -- and for contacts the archived ones among them to archived_contacts.
    CREATE FUNCTION table_counts_add() RETURNS trigger ${DEFINER} AS $$
    DECLARE
      direction bigint := TG_ARGV[0]::bigint;
      added bigint;
      added_archived bigint;
    BEGIN
      IF TG_TABLE_NAME = 'contacts' THEN
        SELECT COUNT(*), COALESCE(SUM(c.archived), 0) INTO added, added_archived FROM changed c;
        IF added_archived <> 0 THEN
          UPDATE table_counts SET n = n + direction * added_archived WHERE name = 'archived_contacts';
        END IF;
      ELSE
        SELECT COUNT(*) INTO added FROM changed;
      END IF;
      IF added <> 0 THEN
        UPDATE table_counts SET n = n + direction * added WHERE name = TG_TABLE_NAME;
      END IF;
      RETURN NULL;
    END $$;
    ${counted('properties')}
    ${counted('units')}
    ${counted('contracts')}
    ${counted('contacts')}
    CREATE FUNCTION table_counts_archive() RETURNS trigger ${DEFINER} AS $$
    BEGIN
      UPDATE table_counts SET n = n + NEW.archived - OLD.archived WHERE name = 'archived_contacts';
      RETURN NULL;
    END $$;
    CREATE TRIGGER table_counts_contacts_archive AFTER UPDATE OF archived ON contacts
      FOR EACH ROW WHEN (OLD.archived IS DISTINCT FROM NEW.archived) EXECUTE FUNCTION table_counts_archive();

    -- db/accessFigures.ts keeps these equal to the pure policy (policy/accessSpans.ts).
    CREATE TABLE access_spans (
      contact_id bigint NOT NULL,
      kind       ${TEXT} NOT NULL CHECK (kind IN ('all', 'active', 'pre', 'post', 'seat')),
      from_day   ${TEXT} NOT NULL,
      until_day  ${TEXT},
      PRIMARY KEY (contact_id, kind, from_day)
    );
    CREATE TABLE access_deltas (
      kind  ${TEXT} NOT NULL,
      day   ${TEXT} NOT NULL,
      delta integer NOT NULL,
      PRIMARY KEY (kind, day)
    );
    CREATE TABLE access_base (
      kind ${TEXT} PRIMARY KEY,
      day  ${TEXT} NOT NULL,
      n    integer NOT NULL
    );
    INSERT INTO access_base (kind, day, n) VALUES
      ('all', '0000-01-01', 0), ('active', '0000-01-01', 0), ('pre', '0000-01-01', 0),
      ('post', '0000-01-01', 0), ('seat', '0000-01-01', 0);
    -- Contacts changed by a transaction; -1 = all (the access settings changed). Written by the
    -- triggers below, emptied by accessFigures.settle before the commit. Unlike SQLite's one writer,
    -- several transactions may mark at once here: a mark is visible to others after its commit only.
    CREATE TABLE access_dirty (contact_id bigint PRIMARY KEY);
    INSERT INTO access_dirty (contact_id) VALUES (-1);

    CREATE FUNCTION access_dirty_mark_changed() RETURNS trigger ${DEFINER} AS $$
    BEGIN
      EXECUTE format('INSERT INTO access_dirty (contact_id) SELECT DISTINCT %I FROM changed
        ON CONFLICT DO NOTHING', TG_ARGV[0]);
      RETURN NULL;
    END $$;
    ${marking('contract_insert', 'INSERT', 'contracts', 'contact_id')}
    ${marking('contract_delete', 'DELETE', 'contracts', 'contact_id')}
    ${marking('contact_insert', 'INSERT', 'contacts', 'id')}
    ${marking('contact_delete', 'DELETE', 'contacts', 'id')}
    ${marking('account_insert', 'INSERT', 'portal_accounts', 'contact_id')}
    ${marking('account_delete', 'DELETE', 'portal_accounts', 'contact_id')}

    -- Per row, fired when a named column is assigned (whether or not its value changes), as SQLite's.
    CREATE FUNCTION access_dirty_contract_update() RETURNS trigger ${DEFINER} AS $$
    BEGIN
      INSERT INTO access_dirty (contact_id) VALUES (OLD.contact_id), (NEW.contact_id) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER access_dirty_contract_update AFTER UPDATE OF contact_id, start_date, end_date ON contracts
      FOR EACH ROW EXECUTE FUNCTION access_dirty_contract_update();
    CREATE FUNCTION access_dirty_contact_archive() RETURNS trigger ${DEFINER} AS $$
    BEGIN
      INSERT INTO access_dirty (contact_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER access_dirty_contact_archive AFTER UPDATE OF archived ON contacts
      FOR EACH ROW WHEN (OLD.archived IS DISTINCT FROM NEW.archived)
      EXECUTE FUNCTION access_dirty_contact_archive();
    CREATE FUNCTION access_dirty_settings() RETURNS trigger ${DEFINER} AS $$
    BEGIN
      INSERT INTO access_dirty (contact_id) VALUES (-1) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER access_dirty_settings_insert AFTER INSERT ON settings
      FOR EACH ROW WHEN (NEW.key = 'access') EXECUTE FUNCTION access_dirty_settings();
    CREATE TRIGGER access_dirty_settings_update AFTER UPDATE ON settings
      FOR EACH ROW WHEN (NEW.key = 'access' AND OLD.value IS DISTINCT FROM NEW.value)
      EXECUTE FUNCTION access_dirty_settings();
  `,
};
