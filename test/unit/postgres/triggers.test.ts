/**
 * Migration 8's triggers have the same effects on both engines: the same writes leave the same
 * access_dirty marks (contacts whose access must be recomputed; -1 = all) and the same table_counts.
 */
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src-main/core/db/migrations';
import { migratePostgres } from '../../../src-main/core/db/postgres';
import { scratchClient, sqliteAt } from './support';

/** Each step: what is written (plain SQL both engines run) and the marks it must leave. */
const steps: { write: string; marks: number[] }[] = [
  {
    write: `INSERT INTO properties (id, name, created_at) VALUES (1, 'Lindenhof', '2026-01-01'), (2, 'Markt', '2026-01-01');
      INSERT INTO units (id, property_id, name, number, usage) VALUES
        (1, 1, 'WE 1', '1', 'private'), (2, 1, 'WE 2', '2', 'private'), (3, 2, 'GE', '3', 'commercial')`,
    marks: [],
  },
  {
    write: `INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, sort_name, archived) VALUES
        (1, 'ms', 'Weber', 'de', 'online', 'K-1', 'weber', 0), (2, 'mr', 'Kaya', 'de', 'online', 'K-2', 'kaya', 1),
        (3, 'mr', 'Brandt', 'de', 'online', 'K-3', 'brandt', 0), (4, 'ms', 'Roth', 'en', 'postal', 'K-4', 'roth', 0)`,
    marks: [1, 2, 3, 4],
  },
  {
    write: `INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date) VALUES
        (1, 1, 1, 1, 'tenant', 'MV-1', '2024-01-01', NULL), (2, 3, 2, 1, 'tenant', 'MV-2', '2020-01-01', '2025-12-31'),
        (3, 3, 3, 2, 'owner', 'EV-1', '2020-01-01', NULL)`,
    marks: [1, 3],
  },
  { write: "UPDATE contracts SET end_date = '2026-06-30' WHERE id = 1", marks: [1] },
  // Assigned but unchanged: marked all the same (SQLite's UPDATE OF fires on the column being set).
  { write: 'UPDATE contracts SET start_date = start_date WHERE id = 2', marks: [3] },
  { write: 'UPDATE contracts SET contact_id = 4 WHERE id = 2', marks: [3, 4] },
  { write: "UPDATE contracts SET number = 'MV-2a' WHERE id = 2", marks: [] },
  { write: 'UPDATE contacts SET archived = 1 WHERE id IN (1, 3)', marks: [1, 3] },
  { write: 'UPDATE contacts SET archived = 1 WHERE id = 2', marks: [] },
  { write: "UPDATE contacts SET archived = 0, note = 'zurück' WHERE id = 2", marks: [2] },
  { write: "UPDATE contacts SET email = 'weber@example.net' WHERE id = 1", marks: [] },
  {
    write:
      "INSERT INTO portal_accounts (contact_id, registered_at) VALUES (1, '2026-02-01'), (4, '2026-02-01')",
    marks: [1, 4],
  },
  { write: 'DELETE FROM portal_accounts WHERE contact_id = 4', marks: [4] },
  { write: `INSERT INTO settings (key, value) VALUES ('access', '{"a":1}')`, marks: [-1] },
  { write: `UPDATE settings SET value = '{"a":1}' WHERE key = 'access'`, marks: [] },
  { write: `UPDATE settings SET value = '{"a":2}' WHERE key = 'access'`, marks: [-1] },
  { write: `INSERT INTO settings (key, value) VALUES ('organisation', '{}')`, marks: [] },
  { write: `UPDATE settings SET value = '{"b":1}' WHERE key = 'organisation'`, marks: [] },
  { write: 'DELETE FROM contracts WHERE contact_id = 3', marks: [3] },
  { write: 'DELETE FROM contracts WHERE id = 999', marks: [] },
  { write: 'DELETE FROM contacts WHERE id IN (2, 3)', marks: [2, 3] },
  { write: 'DELETE FROM units WHERE id = 3; DELETE FROM properties WHERE id = 2', marks: [] },
];

describe('the triggers of migration 8 on both engines', () => {
  it('leave the same access_dirty marks and table_counts after every write', async () => {
    const db = sqliteAt(LATEST_VERSION);
    const client = await scratchClient();
    await migratePostgres(client);
    const sqliteState = () => ({
      marks: db
        .prepare<[], { contact_id: number }>('SELECT contact_id FROM access_dirty ORDER BY contact_id')
        .all()
        .map((row) => row.contact_id),
      counts: db.prepare('SELECT name, n FROM table_counts ORDER BY name').all(),
    });
    const postgresState = async () => ({
      marks: (
        await client.query<{ contact_id: number }>('SELECT contact_id FROM access_dirty ORDER BY contact_id')
      ).rows.map((row) => row.contact_id),
      counts: (await client.query('SELECT name, n FROM table_counts ORDER BY name')).rows,
    });
    // A fresh schema marks everyone (the first fill).
    expect(sqliteState().marks).toEqual([-1]);
    expect(await postgresState()).toEqual(sqliteState());

    for (const { write, marks } of steps) {
      db.exec('DELETE FROM access_dirty');
      await client.query('DELETE FROM access_dirty');
      db.exec(write);
      await client.query(write);
      expect(sqliteState().marks, write).toEqual(marks);
      expect(await postgresState(), write).toEqual(sqliteState());
    }
    const counts = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(sqliteState().counts).toEqual([
      { name: 'archived_contacts', n: 1 },
      { name: 'contacts', n: counts('contacts') },
      { name: 'contracts', n: counts('contracts') },
      { name: 'properties', n: counts('properties') },
      { name: 'units', n: counts('units') },
    ]);
    db.close();
  });

  it('keep the counts as the schema owner: a role that may write contracts needs no grant on table_counts', async () => {
    const client = await scratchClient();
    await migratePostgres(client);
    const role = `clerk_${Math.random().toString(36).slice(2, 8)}`;
    await client.query(`CREATE ROLE ${role}`);
    await client.query(`GRANT SELECT, INSERT ON properties, units, contacts, contracts TO ${role}`);
    await client.query(`SET ROLE ${role}`);
    await client.query(`INSERT INTO properties (id, name, created_at) VALUES (1, 'Lindenhof', '2026-01-01');
      INSERT INTO units (id, property_id, name, number, usage) VALUES (1, 1, 'WE 1', '1', 'private');
      INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, sort_name)
        VALUES (1, 'ms', 'Weber', 'de', 'online', 'K-1', 'weber');
      INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date)
        VALUES (1, 1, 1, 'tenant', 'MV-1', '2024-01-01')`);
    await expect(client.query("UPDATE table_counts SET n = 0 WHERE name = 'contracts'")).rejects.toThrow(
      /permission denied/,
    );
    await client.query('RESET ROLE');
    expect((await client.query("SELECT n FROM table_counts WHERE name = 'contracts'")).rows).toEqual([
      { n: 1 },
    ]);
    expect((await client.query('SELECT contact_id FROM access_dirty ORDER BY 1')).rows).toEqual([
      { contact_id: -1 },
      { contact_id: 1 },
    ]);
    await client.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
  });
});
