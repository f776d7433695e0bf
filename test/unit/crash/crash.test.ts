/**
 * Crash safety (issue 7, ARCHITECTURE.md §5 "Durability"): the core runs in a child process and is
 * killed with SIGKILL at random moments of bulk work — loading the demo, inviting a 1,000-unit
 * property, creating a document and sharing it with everyone of that property, anonymising deletion
 * candidates, restoring a backup, committing a Stammdaten-Import. After every kill the
 * data dir must pass `PRAGMA integrity_check`, open again, hold each transaction of the operation
 * either completely or not at all (and completely once the child had seen its commit return),
 * have an audit row for every change and no audit row without its change, and every document row
 * must find its file, whole. Document files without a row (written before a transaction that never
 * committed) and the temporary file of a write cut short are harmless by design
 * (storage/documentStore.ts) and allowed here; a file under a hash name must match its hash.
 * Invitation and SmartPost letters are not written to disk (held in memory until the user saves them).
 *
 * Half of the kills fall anywhere between the start of the operation and the end of the process,
 * half inside one of its transactions (the child reports their begin and commit). The moments come
 * from a seeded generator; a failure names the seed: `CRASH_SEED=<seed> npx vitest run test/unit/crash`
 * plans the same kills again (the child's own speed still varies from run to run); `CRASH_KILLS=<n>`
 * sets the kills per operation (7 by default).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary, PropertyInvitePreview, SharePreview, ShareResult } from '../../../shared/ipc';
import { PORTFOLIO_TABLES, writeBenchDataDir, portfolioFacts } from '../../../scripts/bench/portfolio';
import { generatePortfolio } from '../../../src-main/core/demo/generate';
import { Random } from '../../../src-main/core/demo/random';
import { DEMO_SEED } from '../../../src-main/core/services/portfolioService';
import { TEST_ORGANISATION } from '../invitations/support';
import { ok } from '../support';
import { bundleWorker, startChild, type Child, type KillPlan, type Observed } from './child';
import {
  delta,
  footprint,
  pick,
  openCore,
  TODAY,
  verify,
  withDatabase,
  type Footprint,
  type Scenario,
} from './crashCheck';

/**
 * Kills per operation, after one run that is left to finish (it measures the operation): few by
 * default, for CI; `CRASH_KILLS=70 npx vitest run test/unit/crash` for a long run.
 */
const KILLS = Math.max(1, Math.floor(Number(process.env.CRASH_KILLS) || 7));
/** Each operation's time limit: a minute, and more for more kills. */
const TIMEOUT = { timeout: 60_000 + Math.max(0, KILLS - 7) * 10_000 };
const seed = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);

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
        const keys = scenario.transactions.flat();
        const later = scenario.laterChanges ?? [];
        const added = delta(base, complete);
        expect(pick(added, keys), where).toEqual(scenario.expectedDelta(observed.value ?? []));
        expect(Object.keys(added).sort(), where).toEqual([...keys, ...later].sort());
        if (later.length === 0)
          expect(observed.transactions, where).toHaveLength(scenario.transactions.length);
        else expect(observed.transactions.length, where).toBeGreaterThan(scenario.transactions.length);
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
  let candidates: number[] = [];
  let restoreDir = '';
  let restoreBackup = '';
  let restoreDelta: Footprint = {};

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
      // Letters and e-mails need a real sender and portal address (no placeholder goes out).
      await ok(core, 'organisation.update', TEST_ORGANISATION);
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
      const page = await ok(core, 'dataProtection.candidates', { limit: 200 });
      candidates = page.items.map((candidate) => candidate.id);
    } finally {
      core.close();
    }

    // The same portfolio, backed up, then its deletion candidates anonymised: restoring the backup
    // brings them back (and with them every row the anonymisation changed).
    restoreDir = tempDir();
    writeBenchDataDir(restoreDir, portfolio);
    let backedUp: Footprint = {};
    const restoring = openCore(restoreDir);
    try {
      await ok(restoring, 'organisation.update', TEST_ORGANISATION);
      backedUp = withDatabase(restoreDir, footprint);
      restoreBackup = (await ok(restoring, 'backups.create')).name;
      await ok(restoring, 'dataProtection.anonymise', { contactIds: candidates });
    } finally {
      restoring.close();
    }
    // The backup lacks its own 'backup.created' row (written after the file); the restore adds its
    // 'backup.restored' row.
    restoreDelta = {
      ...delta(withDatabase(restoreDir, footprint), backedUp),
      'audit:backup.restored': 1,
    };
  }, 90_000);

  afterAll(() => {
    worker?.remove();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  // Twice the time: the demo's showcase (content, shares, letters, invitations) follows the load.
  it('loading the demo portfolio is all-or-nothing', { timeout: 2 * TIMEOUT.timeout }, async () => {
    const demo = generatePortfolio({ seed: DEMO_SEED, today: TODAY });
    await survivesKills(
      worker.file,
      {
        name: 'demo',
        baseDir: emptyDir,
        operation: { kind: 'demo' },
        transactions: [[...PORTFOLIO_TABLES, 'settings', 'audit:demo.load']],
        // The showcase after the load: content, shares, their messages, invitations.
        laterChanges: [
          'contents',
          'shares',
          'outbox',
          'invitations',
          'audit:content.create',
          'audit:sharing.share',
          'audit:invitations.create',
        ],
        expectedDelta: () => ({
          properties: demo.properties.length,
          property_addresses: demo.propertyAddresses.length,
          units: demo.units.length,
          contacts: demo.contacts.length,
          contact_search: demo.contacts.length,
          contracts: demo.contracts.length,
          portal_accounts: demo.portalAccounts.length,
          settings: 3, // the first-start choice, the demo's letterhead (organisation) and access windows
          'audit:demo.load': 1,
        }),
      },
      seed,
    );
  });

  it('inviting a 1,000-unit property is all-or-nothing', TIMEOUT, async () => {
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

  it('a document shared with a whole property is all-or-nothing', TIMEOUT, async () => {
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
          // Everybody is told: by e-mail, or by a letter in the Postausgang's print batch.
          expect(result.notifications + result.letters).toBe(result.sharedWith);
          return {
            contents: 1,
            'audit:content.create': 1,
            // One role share plus one individual share per skipped contact.
            shares: 1 + skipped.length,
            'audit:sharing.share': 1 + skipped.length,
            outbox: result.notifications + result.letters,
          };
        },
      },
      seed + 2,
    );
  });

  it('anonymising deletion candidates is all-or-nothing, audited per contact', TIMEOUT, async () => {
    expect(candidates.length).toBeGreaterThan(20);
    await survivesKills(
      worker.file,
      {
        name: 'anonymise',
        baseDir: portfolioDir,
        operation: { kind: 'anonymise', contactIds: candidates },
        transactions: [['contacts:anonymised', 'audit:dataProtection.anonymise']],
        expectedDelta: () => ({
          'contacts:anonymised': candidates.length,
          'audit:dataProtection.anonymise': candidates.length,
        }),
      },
      seed + 3,
    );
  });

  it('restoring a backup is all-or-nothing, with its audit row', TIMEOUT, async () => {
    expect(restoreDelta['contacts:anonymised']).toBe(-candidates.length);
    await survivesKills(
      worker.file,
      {
        name: 'restore',
        baseDir: restoreDir,
        operation: { kind: 'restore', name: restoreBackup },
        transactions: [Object.keys(restoreDelta)],
        expectedDelta: () => restoreDelta,
      },
      seed + 4,
    );
  });

  it('committing a Stammdaten-Import is all-or-nothing, audited per record', TIMEOUT, async () => {
    const rows = 2000;
    await survivesKills(
      worker.file,
      {
        name: 'import',
        baseDir: portfolioDir,
        operation: { kind: 'import', rows },
        transactions: [
          // The backup "Vor Import" is made and recorded first.
          ['audit:backup.created'],
          [
            'properties',
            'units',
            'contacts',
            'contact_search',
            'contracts',
            'imports',
            'import_mappings',
            'audit:import.commit',
            'audit:property.create',
            'audit:unit.create',
            'audit:contact.create',
            'audit:contract.create',
          ],
        ],
        expectedDelta: (value) => {
          const { counts, rows: counted } = value[0] as ImportSummary;
          // The file's rows: 100 units a property, one tenant each and a second in every other row.
          expect(counted).toMatchObject({ total: rows, imported: rows, rejected: 0 });
          return {
            'audit:backup.created': 1,
            properties: rows / 100,
            units: rows,
            contacts: rows * 1.5,
            contact_search: rows * 1.5,
            contracts: counts.contract.created,
            imports: 1,
            import_mappings: 1,
            'audit:import.commit': 1,
            'audit:property.create': rows / 100,
            'audit:unit.create': rows,
            'audit:contact.create': rows * 1.5,
            'audit:contract.create': counts.contract.created,
          };
        },
      },
      seed + 5,
    );
  });
});
