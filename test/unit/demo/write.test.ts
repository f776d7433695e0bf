import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { generatePortfolio } from '../../../src-main/core/demo/generate';
import { writePortfolio } from '../../../src-main/core/db/portfolioWriter';

describe('writePortfolio', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-write-'));
    db = openDatabase(path.join(dir, 'data.db'));
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function count(table: string): number {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  it('writes every row into a fresh database with foreign keys on', () => {
    const portfolio = generatePortfolio({ seed: 7, today: '2026-05-15' });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.transaction(() => writePortfolio(db, portfolio))();

    expect(count('properties')).toBe(portfolio.properties.length);
    expect(count('property_addresses')).toBe(portfolio.propertyAddresses.length);
    expect(count('units')).toBe(portfolio.units.length);
    expect(count('contacts')).toBe(portfolio.contacts.length);
    expect(count('contracts')).toBe(portfolio.contracts.length);
    expect(count('portal_accounts')).toBe(portfolio.portalAccounts.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const planted = portfolio.situations.activeTenant.contactId;
    const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(planted);
    // Demo contacts are never anonymised: the stamp stays empty.
    expect(row).toEqual({ ...portfolio.contacts[planted - 1], anonymised_at: null });
    const contract = portfolio.contracts[0];
    expect(db.prepare('SELECT * FROM contracts WHERE id = ?').get(contract?.id)).toEqual(contract);
  });

  it('is atomic with the caller: a failure later in the transaction leaves nothing behind', () => {
    const portfolio = generatePortfolio({ seed: 7, today: '2026-05-15' });
    expect(() =>
      db.transaction(() => {
        writePortfolio(db, portfolio);
        throw new Error('audit failed');
      })(),
    ).toThrow('audit failed');
    expect(count('contacts')).toBe(0);
    expect(count('properties')).toBe(0);
  });

  it('refuses to run outside a transaction', () => {
    const portfolio = generatePortfolio({ seed: 7, today: '2026-05-15' });
    expect(() => writePortfolio(db, portfolio)).toThrow(/transaction/);
    expect(count('properties')).toBe(0);
  });

  it('writes a large portfolio', () => {
    const portfolio = generatePortfolio({ seed: 7, today: '2026-05-15', contacts: 20_000 });
    db.transaction(() => writePortfolio(db, portfolio))();
    expect(count('contacts')).toBe(20_000);
    expect(count('contracts')).toBe(portfolio.contracts.length);
  });
});
