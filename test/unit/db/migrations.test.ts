import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accessBounds } from '../../../src-main/core/db/accessRepository';
import { openDatabase } from '../../../src-main/core/db/connection';
import { contactRepository } from '../../../src-main/core/db/contactRepository';
import {
  DatabaseTooNewError,
  LATEST_VERSION,
  migrate,
  migrations,
  schemaVersion,
} from '../../../src-main/core/db/migrations';
import { tableNames, tempDir } from '../support';

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('10 allows the salutations keine Angabe and Eheleute, keeping every contact, its contracts and indexes', () => {
    const file = path.join(tempDir(), 'data.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, 5);
    old.exec(`INSERT INTO properties (name, created_at) VALUES ('Lindenhof', '2020-01-01T00:00:00Z');
      INSERT INTO units (property_id, name, number, usage) VALUES (1, '1. OG', 'WE 1', 'private');
      INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
        VALUES ('ms', 'Weber', 'de', 'online', 'K-1', 'weber');
      INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date)
        VALUES (1, 1, 1, 'tenant', 'MV-1', '2020-01-01');`);
    const indexes = () =>
      old
        .prepare(
          "SELECT name FROM sqlite_master WHERE tbl_name = 'contacts' AND type = 'index' ORDER BY name",
        )
        .all();
    const before = indexes();
    expect(() => old.prepare("UPDATE contacts SET salutation = 'couple'").run()).toThrow(/CHECK/);
    migrate(old);
    expect(indexes()).toEqual(before);
    old.prepare("UPDATE contacts SET salutation = 'couple' WHERE id = 1").run();
    old
      .prepare(
        `INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
       VALUES ('none', 'Albers', 'de', 'online', 'K-2', 'albers')`,
      )
      .run();
    expect(() => old.prepare("UPDATE contacts SET salutation = 'sir'").run()).toThrow(/CHECK/);
    expect(
      old
        .prepare('SELECT c.salutation, k.number FROM contracts k JOIN contacts c ON c.id = k.contact_id')
        .all(),
    ).toEqual([{ salutation: 'couple', number: 'MV-1' }]);
    // The contracts still reference contacts: an unknown contact is refused.
    expect(() =>
      old
        .prepare(
          "INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date) VALUES (99, 1, 1, 'tenant', 'X', '2020-01-01')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    old.close();
  });

  it('build the whole schema from an empty file, with durable pragmas', () => {
    const db = openDatabase(path.join(tempDir(), 'data.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['settings', 'audit', 'contacts', 'contracts', 'migrations']),
    );
    expect(db.prepare('SELECT version FROM migrations ORDER BY version').all()).toHaveLength(
      migrations.length,
    );
    db.close();
  });

  it.each(migrations.slice(0, -1).map((m) => m.version))(
    'upgrade a data store of version %i to the latest, keeping its rows',
    (version) => {
      const file = path.join(tempDir(), 'data.db');
      const old = new Database(file);
      migrate(old, version);
      expect(schemaVersion(old)).toBe(version);
      old.prepare("INSERT INTO settings (key, value) VALUES ('access', '{}')").run();
      old.close();

      const db = openDatabase(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'access'").get()).toEqual({ value: '{}' });
      db.close();
    },
  );

  it('4 adds anonymised_at to existing contacts (none anonymised) and the audit index by time', () => {
    const file = path.join(tempDir(), 'data.db');
    const old = new Database(file);
    migrate(old, 3);
    old
      .prepare(
        `INSERT INTO contacts (salutation, last_name, language, preference, reference_id, sort_name)
         VALUES ('ms', 'Weber', 'de', 'online', 'K-1', 'weber')`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT last_name, anonymised_at FROM contacts').all()).toEqual([
      { last_name: 'Weber', anonymised_at: null },
    ]);
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' ORDER BY name")
        .all(),
    ).toEqual([{ name: 'audit_by_at' }, { name: 'audit_by_entity' }]);
    db.close();
  });

  it('5 back-fills the search index and the German sort keys of existing contacts', () => {
    const file = path.join(tempDir(), 'data.db');
    const old = new Database(file);
    migrate(old, 4);
    const insert = old.prepare(
      `INSERT INTO contacts (salutation, first_name, last_name, company, email, language, preference, reference_id, sort_name)
       VALUES (?, ?, ?, ?, ?, 'de', 'online', ?, lower(? || ' ' || coalesce(?, '')))`,
    );
    const rows: [string, string | null, string, string | null, string | null, string][] = [
      ['mr', 'Hans', 'Müller-Lüdenscheidt', null, 'hans@example.net', 'K-1'],
      ['ms', 'Ayla', 'Öztürk', null, null, 'K-2'],
      ['mr', 'Otto', 'Otto', null, null, 'K-3'],
      ['company', null, 'Hausbau GmbH', 'Hausbau GmbH', 'info@hausbau.example.com', 'K-4'],
      ['ms', 'Paula', 'Paul', null, null, 'K-5'],
    ];
    for (const [salutation, first, last, company, email, reference] of rows) {
      insert.run(salutation, first, last, company, email, reference, last, first);
    }
    old.close();

    const db = openDatabase(file);
    const bySortName = db
      .prepare<[], { last_name: string }>('SELECT last_name FROM contacts ORDER BY sort_name, id')
      .all()
      .map((row) => row.last_name);
    expect(bySortName).toEqual(['Hausbau GmbH', 'Müller-Lüdenscheidt', 'Otto', 'Öztürk', 'Paul']);
    const contacts = contactRepository(db);
    const bounds = accessBounds(
      {
        preContract: { enabled: false, days: 30 },
        postContract: { enabled: false, days: 30 },
        seatQuota: null,
      },
      '2026-11-27',
    );
    const found = (search: string) =>
      contacts
        .listPage(
          {
            search,
            access: null,
            propertyId: null,
            contractType: null,
            invitation: null,
            includeArchived: false,
          },
          bounds,
          0,
          50,
        )
        .map((row) => row.reference_id);
    expect(found('lüdenscheidt')).toEqual(['K-1']);
    expect(found('Oeztuerk')).toEqual(['K-2']);
    expect(found('gmbh')).toEqual(['K-4']);
    expect(found('example.net')).toEqual(['K-1']);
    expect(found('pa')).toEqual(['K-5']);
    db.close();
  });

  it('refuse a data store written by a newer app and leave it untouched', () => {
    const file = path.join(tempDir(), 'data.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    const again = new Database(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 1);
    expect(tableNames(again)).toEqual([]);
    again.close();
  });

  it('enforce end ≥ start and known units in the schema itself', () => {
    const db = openDatabase(path.join(tempDir(), 'data.db'));
    expect(() =>
      db
        .prepare(
          "INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date, end_date) VALUES (1, 1, 1, 'tenant', 'X', '2026-01-01', '2025-01-01')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});
