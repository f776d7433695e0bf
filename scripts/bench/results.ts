/** bench/results.json: what a run measured, per size and for the UI, read, written and merged. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MeasureOutput } from './measure';
import type { PortfolioFacts } from './portfolio';
import type { Row } from './session';
import type { Timing } from './stats';
import type { BaselineWrite } from './worker';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  sqlite: string;
}

export interface SizeResult {
  contacts: number;
  measuredAt: string;
  machine: Machine;
  facts: PortfolioFacts;
  generation: {
    generateMs: number;
    writeMs: number;
    dbBytes: number;
    heapAfterGenerateBytes: number;
    baseline: BaselineWrite | null;
  };
  open: { appMs: number; baselineLoadMs: number | null };
  memory: {
    rssBeforeOpenBytes: number;
    rssAfterOpenBytes: number;
    rssBytes: number;
    heapUsedBytes: number;
    heapTotalBytes: number;
    externalBytes: number;
    baselineRssBytes: number | null;
  };
  /** 1-minute load average before generating and after measuring (other work on the machine). */
  loadAverage: { before: number; after: number };
  rows: Row[];
  /** The letters' process (absent in results from before issue 14). */
  letters?: { batch: number; peakRssBytes: number };
  searchByLength: MeasureOutput['searchByLength'];
  targets: TargetCheck[];
  notes: string[];
}

/** A UI timing: event → DOM shows the answer, and → the next animation frame (painted). */
export interface UiTiming {
  dom: Timing;
  frame: Timing;
  /** The requests to the core in the median run: sent and answered, ms after the event. */
  requests: { channel: string; sentMs: number; answeredMs: number }[];
}

/** What `npm run bench:ui` measured (scripts/bench-ui.ts). */
export interface UiResults {
  measuredAt: string;
  machine: Machine;
  contacts: number;
  runs: number;
  search: UiTiming | null;
  openContact: UiTiming | null;
  shareDialog: UiTiming | null;
  notes: string[];
}

export interface ResultsFile {
  about: string;
  machine: Machine;
  /** By number of contacts; a run replaces the sizes it measured and keeps the others. */
  sizes: Record<string, SizeResult>;
  ui?: UiResults;
}

export function readResults(file: string): ResultsFile | null {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

export function writeResults(file: string, results: ResultsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const ABOUT =
  'npm run bench (scripts/bench.ts) and npm run bench:ui (scripts/bench-ui.ts): times in milliseconds, sizes in bytes; see README "Performance".';

export function machineInfo(): Machine {
  const cpus = os.cpus();
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
  };
}

export interface TargetCheck {
  target: string;
  limit: string;
  value: string;
  met: boolean;
  /** For a miss: how many times over the limit. */
  over: string | null;
}

export function mergeResults(file: string, machine: Machine, results: readonly SizeResult[]): ResultsFile {
  const previous = readResults(file);
  const sizes: Record<string, SizeResult> = { ...(previous?.sizes ?? {}) };
  for (const result of results) sizes[String(result.contacts)] = result;
  return { ...previous, about: ABOUT, machine, sizes };
}

export function mergeUiResults(file: string, ui: UiResults): ResultsFile {
  const previous = readResults(file);
  return { about: ABOUT, machine: ui.machine, sizes: {}, ...previous, ui };
}
