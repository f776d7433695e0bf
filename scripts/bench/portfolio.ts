/**
 * The benchmark's portfolio: the deterministic demo generator at a given size, written straight into
 * a fresh data dir in bulk transactions, with both access windows on (pre 30 / post 60 days).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccessSettings } from '../../shared/domain';
import { DATABASE_FILE } from '../../src-main/core/core';
import { recordOnHandle } from '../../src-main/core/db/auditRepository';
import { accessFigures } from '../../src-main/core/db/accessFigures';
import { openDatabase } from '../../src-main/core/db/connection';
import { compactContactSearch } from '../../src-main/core/db/contactSearchIndex';
import { settingsRepository } from '../../src-main/core/db/settingsRepository';
import { generatePortfolio, type DemoPortfolio } from '../../src-main/core/demo/generate';
import { DEMO_ORGANISATION } from '../../src-main/core/services/portfolioService';
import { writePortfolio } from '../../src-main/core/db/portfolioWriter';
import { timeSync } from './stats';

/** The pinned calendar day of every benchmark run (the UI tests use the same). */
export const BENCH_TODAY = '2026-11-27';
export const BENCH_SEED = 20261127;

/** "Windows on": pre-contract access 30 days, access after contract end 60 days, no quota. */
export const WINDOWS_ON: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: null,
};

/** Rows per bulk transaction: a million-contact load commits in ~30 steps. */
const CHUNK_ROWS = 100_000;

/**
 * Unit counts of the properties the generator makes large (`largeProperties`): the largest with
 * 5,000 units and one with 1,000 units for the bulk invitation. A 10,000-contact portfolio has
 * 6,667 units in all: there the largest is the 1,000-unit property.
 */
export function largePropertiesFor(contacts: number): number[] {
  if (contacts >= 50_000) return [5000, 1000];
  if (contacts >= 5_000) return [1000];
  return [];
}

export interface PortfolioFacts {
  contacts: number;
  properties: number;
  units: number;
  contracts: number;
  portalAccounts: number;
  /** Contracts per contact. */
  contractsPerContact: number;
  largestPropertyId: number;
  largestPropertyUnits: number;
  /** The property closest to 1,000 units: the bulk invitation's. */
  bulkPropertyId: number;
  bulkPropertyUnits: number;
}

export interface GeneratedDataDir {
  dataDir: string;
  facts: PortfolioFacts;
  generateMs: number;
  /** SQLite: every row in bulk transactions, the WAL checkpointed into the database file. */
  writeMs: number;
  dbBytes: number;
  /** JS heap right after generating (the portfolio as objects). */
  heapAfterGenerateBytes: number;
}

export function portfolioFacts(portfolio: DemoPortfolio): PortfolioFacts {
  const unitsOf = new Map<number, number>();
  for (const unit of portfolio.units) unitsOf.set(unit.property_id, (unitsOf.get(unit.property_id) ?? 0) + 1);
  let largest = [0, 0];
  let bulk = [0, 0];
  for (const [id, units] of unitsOf) {
    if (units > (largest[1] as number)) largest = [id, units];
    if (bulk[0] === 0 || Math.abs(units - 1000) < Math.abs((bulk[1] as number) - 1000)) bulk = [id, units];
  }
  return {
    contacts: portfolio.contacts.length,
    properties: portfolio.properties.length,
    units: portfolio.units.length,
    contracts: portfolio.contracts.length,
    portalAccounts: portfolio.portalAccounts.length,
    contractsPerContact: portfolio.contracts.length / portfolio.contacts.length,
    largestPropertyId: largest[0] as number,
    largestPropertyUnits: largest[1] as number,
    bulkPropertyId: bulk[0] as number,
    bulkPropertyUnits: bulk[1] as number,
  };
}

export function generateBenchPortfolio(contacts: number): { portfolio: DemoPortfolio; ms: number } {
  const { ms, value } = timeSync(() =>
    generatePortfolio({
      seed: BENCH_SEED,
      today: BENCH_TODAY,
      contacts,
      largeProperties: largePropertiesFor(contacts),
    }),
  );
  return { portfolio: value, ms };
}

/** Bytes of the database with its WAL and shared-memory files. */
export function databaseBytes(dataDir: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    const file = path.join(dataDir, DATABASE_FILE + suffix);
    if (fs.existsSync(file)) total += fs.statSync(file).size;
  }
  return total;
}

/** The tables a portfolio fills (writePortfolio), parents first. */
export const PORTFOLIO_TABLES = [
  'properties',
  'property_addresses',
  'units',
  'contacts',
  'contact_search',
  'contracts',
  'portal_accounts',
] as const;

/**
 * Writes the portfolio into a new data store in `dataDir` the way the app opens it (migrations, WAL,
 * synchronous=FULL, foreign keys on) in bulk transactions of CHUNK_ROWS rows, parents first, plus the
 * access settings (windows on), the demo's letterhead and the first-start choice with its audit row, as
 * "Demo-Daten laden" records them. Returns the milliseconds until everything is checkpointed into the database file.
 *
 * The usual bulk-load order: the secondary indexes and the triggers of the migrations are dropped
 * first and created again, from their own SQL, after the rows (sorting once beats a million random
 * B-tree inserts: 21 s instead of 34 s at a million contacts; a trigger per row marks what one pass
 * recomputes anyway). The row counts are then counted and the access figures computed in one pass.
 * The schema ends up exactly as the migrations made it.
 */
export function writeBenchDataDir(dataDir: string, portfolio: DemoPortfolio): number {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  if (fs.existsSync(file)) throw new Error(`${file} exists: the benchmark writes into a fresh data dir`);
  const start = performance.now();
  const db = openDatabase(file);
  try {
    // A larger page cache for this loading connection only (the app's connection keeps the default).
    db.pragma('cache_size = -262144');
    const none = {
      ...portfolio,
      properties: [],
      propertyAddresses: [],
      units: [],
      contacts: [],
      contracts: [],
      portalAccounts: [],
    };
    // The secondary indexes and the triggers (row counts, access marks) of the portfolio's tables.
    const dropped = db
      .prepare<[string], { type: 'index' | 'trigger'; name: string; sql: string }>(
        `SELECT type, name, sql FROM sqlite_master
         WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(PORTFOLIO_TABLES));
    db.transaction(() => {
      for (const item of dropped) db.exec(`DROP ${item.type.toUpperCase()} "${item.name}"`);
    })();
    const write = db.transaction((part: DemoPortfolio) => writePortfolio(db, part));
    db.transaction(() => {
      writePortfolio(db, {
        ...none,
        properties: portfolio.properties,
        propertyAddresses: portfolio.propertyAddresses,
        units: portfolio.units,
      });
      const settings = settingsRepository(db);
      settings.set('access', WINDOWS_ON);
      settings.set('firstStart', 'demo');
      // The demo's letterhead: invitations by e-mail and letter refuse the placeholder sender.
      settings.set('organisation', DEMO_ORGANISATION);
      recordOnHandle(db, {
        at: new Date().toISOString(),
        actor: 'bench',
        entry: {
          action: 'demo.load',
          entity: 'portfolio',
          after: { seed: portfolio.seed, today: portfolio.today, contacts: portfolio.contacts.length },
        },
      });
    })();
    const tables = ['contacts', 'contracts', 'portalAccounts'] as const;
    for (const table of tables) {
      const rows = portfolio[table];
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        write({ ...none, [table]: rows.slice(i, i + CHUNK_ROWS) });
      }
    }
    db.transaction(() => {
      for (const item of dropped) db.exec(item.sql);
      // What the dropped triggers would have kept: the row counts, and every contact to recompute.
      db.exec(`UPDATE table_counts SET n = CASE name
          WHEN 'properties' THEN (SELECT COUNT(*) FROM properties) WHEN 'units' THEN (SELECT COUNT(*) FROM units)
          WHEN 'contacts' THEN (SELECT COUNT(*) FROM contacts) WHEN 'contracts' THEN (SELECT COUNT(*) FROM contracts)
          WHEN 'archived_contacts' THEN (SELECT COUNT(*) FROM contacts WHERE archived = 1) ELSE n END`);
      db.exec('INSERT OR IGNORE INTO access_dirty (contact_id) VALUES (-1)');
      // The access figures of the written rows (one pass), as the demo load computes them in its change.
      accessFigures(db).settle(WINDOWS_ON, portfolio.today);
    })();
    // The search index merged into one segment (as data protection's erasure compacts it): the bulk
    // load leaves many, and asking the index about one contact looks into each. The app's own bulk
    // writes (import, demo load) do not compact yet: README, issue 15.
    compactContactSearch(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return performance.now() - start;
}

/** Generates `contacts` contacts and writes them into `dataDir` (which must not hold a database yet). */
export function createBenchDataDir(
  dataDir: string,
  contacts: number,
): GeneratedDataDir & { portfolio: DemoPortfolio } {
  const generated = generateBenchPortfolio(contacts);
  const heapAfterGenerateBytes = process.memoryUsage().heapUsed;
  const writeMs = writeBenchDataDir(dataDir, generated.portfolio);
  return {
    dataDir,
    portfolio: generated.portfolio,
    facts: portfolioFacts(generated.portfolio),
    generateMs: generated.ms,
    writeMs,
    dbBytes: databaseBytes(dataDir),
    heapAfterGenerateBytes,
  };
}
