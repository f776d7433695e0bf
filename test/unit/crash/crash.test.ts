/**
 * Crash safety (issue 7, ARCHITECTURE.md §5 "Durability"): the core runs in a child process and is
 * killed with SIGKILL at random moments of bulk work — loading the demo, inviting a 1,000-unit
 * property, creating a document and sharing it with everyone of that property. After every kill the
 * data dir must pass `PRAGMA integrity_check`, open again, hold each transaction of the operation
 * either completely or not at all (and completely once the child had seen its commit return),
 * have an audit row for every change and no audit row without its change, and every document row
 * must find its file, whole. Document files without a row (written before a transaction that never
 * committed) and the temporary file of a write cut short are harmless by design
 * (storage/documentStore.ts) and allowed here; a file under a hash name must match its hash.
 * Invitation and SmartPost letters are not written to disk (they come back as PDF in the answer).
 *
 * Half of the kills fall anywhere between the start of the operation and the end of the process,
 * half inside one of its transactions (the child reports their begin and commit). The moments come
 * from a seeded generator; a failure names the seed: `CRASH_SEED=<seed> npx vitest run test/unit/crash`
 * plans the same kills again (the child's own speed still varies from run to run).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PropertyInvitePreview, SharePreview, ShareResult } from '../../../shared/ipc';
import { PORTFOLIO_TABLES, writeBenchDataDir, portfolioFacts } from '../../../scripts/bench/portfolio';
import { pinnedClock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { generatePortfolio } from '../../../src-main/core/demo/generate';
import { Random } from '../../../src-main/core/demo/random';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { DEMO_SEED } from '../../../src-main/core/services/portfolioService';
import { ok } from '../support';
import { bundleWorker, startChild, type Child, type KillPlan, type Observed } from './child';
import type { Operation } from './protocol';

const TODAY = '2026-11-27';
/** Kills per operation, after one run that is left to finish (it measures the operation). */
const KILLS = 7;
const seed = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);

/** Rows per table and audit rows per action: what an operation adds shows up here. */
type Footprint = Record<string, number>;

function openCore(dataDir: string): Core {
  return createCore({
    dataDir,
    clock: pinnedClock(TODAY),
    actor: 'crash-test',
    preferences: memoryPreferenceStore(),
  });
}

function withDatabase<T>(dataDir: string, work: (db: Database.Database) => T): T {
  // Read-write: opening is what recovers (or discards) what a killed process left in the WAL.
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function footprint(db: Database.Database): Footprint {
  const counts: Footprint = {};
  const tables = db
    .prepare<[], { name: string }>(
      // A full-text index counts by its rows, not by its shadow tables' (their layout is SQLite's).
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite%'
         AND name NOT IN ('audit', 'migrations')`,
    )
    .all();
  for (const { name } of tables) {
    counts[name] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()!.n;
  }
  const actions = db
    .prepare<[], { action: string; n: number }>('SELECT action, count(*) AS n FROM audit GROUP BY action')
    .all();
  for (const { action, n } of actions) counts[`audit:${action}`] = n;
  return counts;
}

/** The entries in which `after` differs from `before`, as differences. */
function delta(before: Footprint, after: Footprint): Footprint {
  const out: Footprint = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

function pick(footprint: Footprint, keys: readonly string[]): Footprint {
  return Object.fromEntries(keys.map((key) => [key, footprint[key] ?? 0]));
}

const auditedTables = {
  invitation: 'invitations',
  share: 'shares',
  content: 'contents',
  property: 'properties',
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

interface Scenario {
  name: string;
  baseDir: string;
  operation: Operation;
  /**
   * The footprint entries each transaction of the operation changes, in order. Each group must be
   * all-or-nothing; entries outside them never change.
   */
  transactions: string[][];
  /** What the complete operation adds, worked out independently of the run (and its answer). */
  expectedDelta(value: unknown[]): Footprint;
}

/** Everything in the data dir that must hold after a run, however it ended. */
async function verify(
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

  const touched = scenario.transactions.flat();
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

/**
 * How long the operation and each of its transactions take: the shortest seen so far, so that a
 * slow first run on a busy machine does not push later kills past the end of the work.
 */
interface Durations {
  operation: number;
  transactions: number[];
}

function shortest(durations: Durations | null, observed: Observed): Durations {
  const count = Math.max(observed.transactions.length, durations?.transactions.length ?? 0);
  const transactions = Array.from({ length: count }, (_, i) => {
    const tx = observed.transactions[i];
    const seen = tx?.committed == null ? Infinity : tx.committed - tx.begin;
    return Math.min(seen, durations?.transactions[i] ?? Infinity);
  });
  const operation = observed.killed ? Infinity : observed.endedMs;
  return { operation: Math.min(operation, durations?.operation ?? Infinity), transactions };
}

/** A kill anywhere in the operation (even runs) or inside one of its transactions (odd runs). */
function planKill(random: Random, run: number, durations: Durations): KillPlan {
  if (run % 2 === 0) return { after: 'start', ms: random.next() * durations.operation * 1.1 };
  const tx = random.int(0, durations.transactions.length - 1);
  return { after: 'tx', tx, ms: random.next() * durations.transactions[tx]! };
}

async function survivesKills(worker: string, scenario: Scenario, scenarioSeed: number): Promise<void> {
  const random = new Random(scenarioSeed);
  const base = withDatabase(scenario.baseDir, footprint);
  let complete: Footprint | null = null;
  let durations: Durations | null = null;
  const outcomes: string[] = [];
  const children: Promise<Child>[] = [];
  const start = () => {
    const child = startChild(worker, scenario.baseDir);
    children.push(child.catch(() => child));
    return child;
  };
  try {
    let next = start();
    for (let run = 0; run <= KILLS; run += 1) {
      const child = await next;
      if (run < KILLS) next = start();
      const plan = durations === null ? null : planKill(random, run, durations);
      const where = `${scenario.name} run ${run} (CRASH_SEED=${seed}, kill ${JSON.stringify(plan)})`;
      const observed = await child.run(scenario.operation, plan);
      if (durations === null) {
        // The first run finishes: it measures the operation and shows what "complete" looks like.
        expect(observed.done, where).toBe(true);
        complete = withDatabase(child.dataDir, footprint);
        expect(delta(base, complete), where).toEqual(scenario.expectedDelta(observed.value ?? []));
        expect(Object.keys(delta(base, complete)).sort(), where).toEqual(scenario.transactions.flat().sort());
        expect(observed.transactions, where).toHaveLength(scenario.transactions.length);
      }
      durations = shortest(durations, observed);
      await verify(scenario, base, complete!, child.dataDir, observed, where);
      const open = observed.transactions.findIndex((tx) => tx.committed === null);
      outcomes.push(observed.killed ? (open >= 0 ? `in tx ${open}` : 'between') : 'finished');
      child.dispose();
    }
  } finally {
    for (const settled of await Promise.allSettled(children)) {
      if (settled.status === 'fulfilled') settled.value.dispose();
    }
  }
  console.info(`crash ${scenario.name} (CRASH_SEED=${seed}): ${outcomes.join(', ')}`);
  expect(outcomes.filter((outcome) => outcome !== 'finished').length).toBeGreaterThan(0);
}

describe('crash safety: SIGKILL during bulk work', () => {
  const tempDirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-base-'));
    tempDirs.push(dir);
    return dir;
  };
  let worker: Awaited<ReturnType<typeof bundleWorker>>;
  let emptyDir = '';
  let portfolioDir = '';
  let propertyId = 0;
  let invitePreview: PropertyInvitePreview;
  let sharePreview: SharePreview;

  beforeAll(async () => {
    worker = await bundleWorker();
    emptyDir = tempDir();
    openCore(emptyDir).close();

    // 2,000 contacts with one property of 1,000 units; pre/post access windows on.
    portfolioDir = tempDir();
    const portfolio = generatePortfolio({ seed: 7, today: TODAY, contacts: 2000, largeProperties: [1000] });
    writeBenchDataDir(portfolioDir, portfolio);
    propertyId = portfolioFacts(portfolio).bulkPropertyId;
    const core = openCore(portfolioDir);
    try {
      invitePreview = await ok(core, 'invitations.previewProperty', { propertyId });
      const notice = await ok(core, 'content.create', {
        kind: 'announcement',
        title: 'Wasserabsperrung',
        propertyId,
        text: 'Am Montag ist das Wasser von 8 bis 12 Uhr abgestellt.',
      });
      sharePreview = await ok(core, 'sharing.preview', {
        contentId: notice.id,
        target: { mode: 'role', role: 'all', propertyId, unitIds: null },
      });
    } finally {
      core.close();
    }
  }, 60_000);

  afterAll(() => {
    worker?.remove();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loading the demo portfolio is all-or-nothing', { timeout: 60_000 }, async () => {
    const demo = generatePortfolio({ seed: DEMO_SEED, today: TODAY });
    await survivesKills(
      worker.file,
      {
        name: 'demo',
        baseDir: emptyDir,
        operation: { kind: 'demo' },
        transactions: [[...PORTFOLIO_TABLES, 'settings', 'audit:demo.load']],
        expectedDelta: () => ({
          properties: demo.properties.length,
          property_addresses: demo.propertyAddresses.length,
          units: demo.units.length,
          contacts: demo.contacts.length,
          contact_search: demo.contacts.length,
          contracts: demo.contracts.length,
          portal_accounts: demo.portalAccounts.length,
          settings: 1,
          'audit:demo.load': 1,
        }),
      },
      seed,
    );
  });

  it('inviting a 1,000-unit property is all-or-nothing', { timeout: 60_000 }, async () => {
    const { eligible } = invitePreview;
    expect(eligible.length).toBeGreaterThan(500);
    await survivesKills(
      worker.file,
      {
        name: 'invite',
        baseDir: portfolioDir,
        operation: { kind: 'invite', propertyId, contactIds: eligible.map((c) => c.contactId) },
        transactions: [
          ['invitations', 'outbox', 'audit:invitations.create', 'audit:invitations.inviteProperty'],
        ],
        expectedDelta: () => ({
          invitations: eligible.length,
          outbox: eligible.filter((c) => c.channel === 'email').length,
          'audit:invitations.create': eligible.length,
          'audit:invitations.inviteProperty': 1,
        }),
      },
      seed + 1,
    );
  });

  it('a document shared with a whole property is all-or-nothing', { timeout: 60_000 }, async () => {
    const { recipientCount, skipped } = sharePreview;
    expect(recipientCount).toBeGreaterThan(1000);
    await survivesKills(
      worker.file,
      {
        name: 'share',
        baseDir: portfolioDir,
        operation: {
          kind: 'share',
          propertyId,
          documentBytes: 4 * 1024 * 1024,
          alsoIndividually: skipped.map((s) => s.contactId),
        },
        transactions: [
          ['contents', 'audit:content.create'],
          ['shares', 'outbox', 'audit:sharing.share'],
        ],
        expectedDelta: (value) => {
          const result = value[1] as ShareResult;
          expect(result.sharedWith).toBe(recipientCount + skipped.length);
          expect(result.notifications).toBe(result.sharedWith - result.needsPost.length);
          return {
            contents: 1,
            'audit:content.create': 1,
            // One role share plus one individual share per skipped contact.
            shares: 1 + skipped.length,
            'audit:sharing.share': 1 + skipped.length,
            outbox: result.notifications,
          };
        },
      },
      seed + 2,
    );
  });
});
