/**
 * What the crash test checks after every kill (see crash.test.ts): the footprint of rows per table and
 * audit rows per action, audit rows against changes, whole document files, and each transaction of an
 * operation either complete or absent.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { pinnedClock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { ok } from '../support';
import { type Observed } from './child';
import type { Operation } from './protocol';

export const TODAY = '2026-11-27';

/** Rows per table and audit rows per action: what an operation adds shows up here. */
export type Footprint = Record<string, number>;

export function openCore(dataDir: string): Core {
  return createCore({
    dataDir,
    clock: pinnedClock(TODAY),
    actor: 'crash-test',
    preferences: memoryPreferenceStore(),
  });
}

export function withDatabase<T>(dataDir: string, work: (db: Database.Database) => T): T {
  // Read-write: opening is what recovers (or discards) what a killed process left in the WAL.
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export function footprint(db: Database.Database): Footprint {
  const counts: Footprint = {};
  const tables = db
    .prepare<[], { name: string }>(
      // A full-text index counts by its rows, not by its shadow tables' (their layout is SQLite's).
      // Derived tables are left out: audit_subject indexes the audit rows counted below, and the
      // access figures (migration 8) are checked against the policy by their own property test.
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite%'
         AND name NOT IN ('audit', 'migrations', 'audit_subject', 'table_counts')
         AND name NOT LIKE 'access\\_%' ESCAPE '\\'`,
    )
    .all();
  for (const { name } of tables) {
    counts[name] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()!.n;
  }
  const actions = db
    .prepare<[], { action: string; n: number }>('SELECT action, count(*) AS n FROM audit GROUP BY action')
    .all();
  for (const { action, n } of actions) counts[`audit:${action}`] = n;
  // Anonymising changes rows in place: the anonymised contacts count as rows of their own.
  counts['contacts:anonymised'] = db
    .prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts WHERE anonymised_at IS NOT NULL')
    .get()!.n;
  return counts;
}

/** The entries in which `after` differs from `before`, as differences. */
export function delta(before: Footprint, after: Footprint): Footprint {
  const out: Footprint = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

export function pick(footprint: Footprint, keys: readonly string[]): Footprint {
  return Object.fromEntries(keys.map((key) => [key, footprint[key] ?? 0]));
}

const auditedTables = {
  contact: 'contacts',
  invitation: 'invitations',
  share: 'shares',
  content: 'contents',
  property: 'properties',
  unit: 'units',
  contract: 'contracts',
  import: 'imports',
};
const createdBy = { invitations: 'invitations.create', shares: 'sharing.share', contents: 'content.create' };

/**
 * Audit rows and changes that do not belong together: an audit row whose entity does not exist, an
 * invitation, share or content without its creating audit row, an outbox message no audit row
 * names (invitations and shares record the outbox rows they queued) or a named one that is missing.
 */
function auditMismatches(db: Database.Database): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare<
      [],
      { id: number; action: string; entity: string; entity_id: string | null; after: string | null }
    >('SELECT id, action, entity, entity_id, after FROM audit')
    .all();
  const named = new Set<number>();
  for (const row of rows) {
    const after = JSON.parse(row.after ?? 'null') as {
      outboxId?: number | null;
      outboxIds?: number[];
    } | null;
    if (typeof after?.outboxId === 'number') named.add(after.outboxId);
    for (const id of after?.outboxIds ?? []) named.add(id);
    if (row.entity === 'portfolio') {
      if (db.prepare('SELECT 1 FROM properties LIMIT 1').get() === undefined) {
        problems.push(`audit ${row.id} ${row.action}: no portfolio`);
      }
      continue;
    }
    // A settings row (the organisation's letterhead) is named by its key, a backup by its file name.
    if (row.entity === 'settings' || row.entity === 'backup') continue;
    const table = auditedTables[row.entity as keyof typeof auditedTables] as string | undefined;
    if (table === undefined) problems.push(`audit ${row.id} ${row.action}: unexpected entity ${row.entity}`);
    else if (db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(Number(row.entity_id)) === undefined) {
      problems.push(`audit ${row.id} ${row.action}: ${row.entity} ${row.entity_id} does not exist`);
    }
  }
  for (const [table, action] of Object.entries(createdBy)) {
    const unaudited = db
      .prepare<[string], { id: number }>(
        `SELECT id FROM ${table}
         WHERE id NOT IN (SELECT CAST(entity_id AS INTEGER) FROM audit WHERE action = ?)`,
      )
      .all(action);
    for (const { id } of unaudited) problems.push(`${table} ${id} has no ${action} audit row`);
  }
  const outbox = new Set(
    db
      .prepare<[], { id: number }>('SELECT id FROM outbox')
      .all()
      .map((row) => row.id),
  );
  for (const id of outbox) if (!named.has(id)) problems.push(`outbox ${id} is named by no audit row`);
  for (const id of named)
    if (!outbox.has(id)) problems.push(`outbox ${id} is named by an audit row but missing`);
  return problems;
}

/** Files under documents/ whose bytes do not match the hash they are named by (a torn write). */
function tornDocuments(dataDir: string): string[] {
  const folder = path.join(dataDir, 'documents');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => !name.startsWith('.')) // temporary files of a write that never finished
    .filter(
      (name) =>
        createHash('sha256')
          .update(fs.readFileSync(path.join(folder, name)))
          .digest('hex') !== name,
    );
}

export interface Scenario {
  name: string;
  baseDir: string;
  operation: Operation;
  /**
   * The footprint entries each transaction of the operation changes, in order. Each group must be
   * all-or-nothing; entries outside them never change.
   */
  transactions: string[][];
  /**
   * Entries changed by ordinary changes that follow those transactions (the demo's showcase): each
   * such change is atomic (its audit rows match its rows), so after a kill every entry lies between
   * before and complete.
   */
  laterChanges?: string[];
  /** What the transactions add, worked out independently of the run (and its answer). */
  expectedDelta(value: unknown[]): Footprint;
}

/** Everything in the data dir that must hold after a run, however it ended. */
export async function verify(
  scenario: Scenario,
  base: Footprint,
  complete: Footprint,
  dataDir: string,
  observed: Observed,
  where: string,
): Promise<void> {
  const { found, mismatches, documents } = withDatabase(dataDir, (db) => {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    expect(db.pragma('foreign_key_check'), where).toEqual([]);
    return {
      found: footprint(db),
      mismatches: auditMismatches(db),
      documents: db
        .prepare<[], { id: number; size: number }>(
          "SELECT id, data ->> '$.size' AS size FROM contents WHERE kind = 'document'",
        )
        .all(),
    };
  });
  expect(mismatches, where).toEqual([]);

  const later = scenario.laterChanges ?? [];
  const touched = [...scenario.transactions.flat(), ...later];
  for (const key of later) {
    expect(found[key] ?? 0, `${where}: ${key} after the transactions`).toBeGreaterThanOrEqual(base[key] ?? 0);
    expect(found[key] ?? 0, `${where}: ${key} after the transactions`).toBeLessThanOrEqual(
      complete[key] ?? 0,
    );
  }
  const untouched = Object.keys({ ...base, ...found }).filter((key) => !touched.includes(key));
  expect(pick(found, untouched), `${where}: outside the operation`).toEqual(pick(base, untouched));
  for (const [index, keys] of scenario.transactions.entries()) {
    const committed = observed.done || (observed.transactions[index]?.committed ?? null) !== null;
    const state = pick(found, keys);
    const label = `${where}: transaction ${index} (${keys.join(', ')})`;
    if (committed) expect(state, `${label} had committed`).toEqual(pick(complete, keys));
    else expect([pick(base, keys), pick(complete, keys)], `${label} is half-written`).toContainEqual(state);
  }

  // Every document row finds its file, whole; a file under a hash name matches the hash.
  expect(tornDocuments(dataDir), where).toEqual([]);
  const core = openCore(dataDir);
  try {
    // A demo load that did not happen leaves the first-start choice to be made again.
    const status = await ok(core, 'app.status');
    expect(status.needsFirstStartChoice, where).toBe(found.properties === 0);
    for (const document of documents) {
      const file = await ok(core, 'content.documentFile', { id: document.id });
      expect(Buffer.from(file.dataBase64, 'base64').length, `${where}: document ${document.id}`).toBe(
        document.size,
      );
    }
  } finally {
    core.close();
  }
}
