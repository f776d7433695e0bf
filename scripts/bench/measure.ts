/**
 * Asks one data dir the benchmark's questions three ways, in one process:
 *
 * 1. app: through `core.invoke` — validation (zod), service, policy, repositories — plus
 *    `v8.serialize` of the answer (Electron's IPC sends it with V8's structured clone), as the
 *    renderer would receive it; then the main-process memory (RSS) after those questions;
 * 2. floor: the bare prepared SQL statements that answer alone, on a second connection to the same
 *    file (no validation, no policy, no serialisation);
 * 3. baseline: the plain electron-store design (baseline.ts), loaded last so that its gigabytes do not
 *    count in the app's RSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pinnedClock } from '../../src-main/core/clock';
import { createCore, DATABASE_FILE } from '../../src-main/core/core';
import { renderInvitationLetters, type InvitationLetter } from '../../src-main/core/letters/invitationLetter';
import { addDays } from '../../shared/dates';
import { defaultOrganisation } from '../../src-main/core/services/organisationService';
import { baselineStore, readDocument, type BaselineStore } from './baseline';
import { BENCH_TODAY, WINDOWS_ON, type PortfolioFacts } from './portfolio';
import { askContactAccess, askRoleShare, askSeats } from './readQuestions';
import { askSearchesAndLists } from './searchQuestions';
import { ACCESS_SAMPLES, gc, OFF_POST, openSession, STATES, type Row } from './session';
import { measure, single, timeOnce, timeSync, type Timing } from './stats';
import { askBulkInvite, askChange, askImpact } from './writeQuestions';

export interface MeasureInput {
  dataDir: string;
  facts: PortfolioFacts;
  /** The baseline's JSON document, or null to skip the baseline. */
  baselineFile: string | null;
  /** Baseline: time budget per question (ms); at least 3 runs are made. */
  baselineBudgetMs: number;
}

export interface MeasureOutput {
  openMs: number;
  rows: Row[];
  /** RSS of the process with all its code loaded (Node, tsx, the core's modules), before opening. */
  rssBeforeOpenBytes: number;
  rssAfterOpenBytes: number;
  /** RSS after the app's questions (after a GC). */
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory outside the JS heap that V8 knows of (Buffers …); SQLite's own is not counted here. */
  externalBytes: number;
  /** Search times by prefix length (app, p50/p99). */
  searchByLength: Record<string, Timing>;
  baselineLoadMs: number | null;
  /** RSS with the baseline document loaded. */
  baselineRssBytes: number | null;
  notes: string[];
}

/**
 * Each question is asked of the app and then, right after, of its floor, so that both see the same
 * machine (the load of a shared 2-core machine drifts); the JSON baseline comes last.
 */
export async function measureDataDir(input: MeasureInput): Promise<MeasureOutput> {
  const dbFile = path.join(input.dataDir, DATABASE_FILE);
  const today = BENCH_TODAY;

  gc();
  const rssBeforeOpenBytes = process.memoryUsage().rss;
  const opened = timeSync(() =>
    createCore({ dataDir: input.dataDir, clock: pinnedClock(today), actor: 'bench' }),
  );
  const core = opened.value;
  const rssAfterOpenBytes = process.memoryUsage().rss;

  // The floor's connection: same file, same pragmas as the app's, its own default page cache.
  const db = new Database(dbFile);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const m = openSession(core, db, input.facts);
  const { rows, at, notes, contactIds, largest, bulk } = m;

  await askSeats(m);
  await askContactAccess(m);
  await askRoleShare(m);
  const { prefixes, searchByLength } = await askSearchesAndLists(m);
  await askImpact(m);
  const letterCount = await askBulkInvite(m);
  await askChange(m);

  // The main process's memory after all questions, without the floor's connection.
  db.close();
  gc();
  const memory = process.memoryUsage();
  core.close();

  // The letters' share of the bulk invitation: the same number of pages rendered alone.
  if (letterCount > 0) {
    const letters: InvitationLetter[] = Array.from({ length: letterCount }, (_, i) => ({
      language: 'de',
      addressee: {
        salutation: 'ms',
        title: null,
        firstName: 'Erika',
        lastName: `Mustermann ${i}`,
        company: null,
        street: 'Musterstraße',
        houseNo: '12',
        postcode: '10115',
        city: 'Berlin',
      },
      code: 'ABCD-EFGH-JKLM',
      expiresOn: addDays(today, 30),
      date: today,
      organisation: defaultOrganisation,
    }));
    const pdf = await timeOnce(() => renderInvitationLetters(letters));
    at('invite').info += `; rendering ${letterCount} letter pages alone takes ${pdf.ms.toFixed(0)} ms`;
  }

  // ── the JSON baseline, in the same process, after the app's memory was measured
  let baselineLoadMs: number | null = null;
  let baselineRssBytes: number | null = null;
  if (input.baselineFile !== null && fs.existsSync(input.baselineFile)) {
    gc();
    const loaded = timeSync(() => readDocument(input.baselineFile as string));
    baselineLoadMs = loaded.ms;
    const doc = loaded.value;
    const store: BaselineStore = baselineStore(input.baselineFile, doc, today);
    const budget = { budgetMs: input.baselineBudgetMs, warmup: 1 };
    at('overviewFirst').baseline = single(timeSync(() => store.overview()).ms);
    at('overview').baseline = await measure(10, () => store.overview(), budget);
    at('seatCount').baseline = await measure(10, () => store.seats(), budget);
    const baseAccess = await measure(ACCESS_SAMPLES, (i) => store.access(contactIds[i] as number), budget);
    at('contactGet').baseline = baseAccess;
    at('access').baseline = baseAccess;
    const baseRole = await measure(20, () => store.roleShare(largest, 'tenant'), budget);
    at('roleShare').baseline = baseRole;
    if (rows.has('sharingPreview')) at('sharingPreview').baseline = baseRole;
    at('search').baseline = await measure(
      prefixes.length,
      (i) => store.search(prefixes[i] as string),
      budget,
    );
    at('listFirst').baseline = single(timeSync(() => store.listPage('post')).ms);
    for (const state of STATES) {
      at(`list:${state}`).baseline = await measure(50, () => store.listPage(state), budget);
    }
    doc.settings = OFF_POST;
    at('impact').baseline = await measure(20, () => store.impact(WINDOWS_ON), budget);
    doc.settings = WINDOWS_ON;
    at('invitePreview').baseline = await measure(10, () => store.invitePreview(bulk), budget);
    at('invite').baseline = single(timeSync(() => store.inviteProperty(bulk)).ms);
    at('change').baseline = await measure(
      20,
      (i) => store.updateContact(contactIds[0] as number, `bench-${i}@example.org`),
      { budgetMs: input.baselineBudgetMs, warmup: 0 },
    );
    gc();
    baselineRssBytes = process.memoryUsage().rss;
  }

  return {
    openMs: opened.ms,
    rows: [...rows.values()],
    rssBeforeOpenBytes,
    rssAfterOpenBytes,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    searchByLength,
    baselineLoadMs,
    baselineRssBytes,
    notes,
  };
}
