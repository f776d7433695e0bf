import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/connection';
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

  it('build the whole schema from an empty file, with durable pragmas', () => {
    const db = openDatabase(path.join(tempDir(), 'data.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['settings', 'audit', 'contacts', 'contracts', 'migrations']),
    );
    expect(db.prepare('SELECT version FROM migrations ORDER BY version').all()).toHaveLength(LATEST_VERSION);
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
