/**
 * One step of the benchmark in its own process (started by scripts/bench.ts), so that each size
 * starts from a fresh heap and the RSS measured is that of a process which only opened the data
 * store and answered the questions:
 *
 *   worker.ts generate <input.json> <output.json>   portfolio → data dir (+ the baseline's JSON file)
 *   worker.ts measure  <input.json> <output.json>   app, floor and baseline answers of that data dir
 *   worker.ts letters  <input.json> <output.json>   letter rendering (scripts/bench/letters.ts)
 *   worker.ts import   <input.json> <output.json>   Stammdaten-Import of an ERP file (scripts/bench/importRows.ts)
 *   worker.ts auditExport <input.json> <output.json> the Protokoll's CSV export (scripts/bench/auditExport.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureAuditExport, type AuditExportInput, type AuditExportOutput } from './auditExport';
import { buildDocument, writeDocument } from './baseline';
import { measureImport, type ImportInput, type ImportOutput } from './importRows';
import { measureLetters, type LettersInput, type LettersOutput } from './letters';
import { measureDataDir, type MeasureInput, type MeasureOutput } from './measure';
import type { DemoPortfolio } from '../../src-main/core/demo/generate';
import { readCached, writeCached } from './cache';
import { createBenchDataDir, generateBenchPortfolio, WINDOWS_ON, type GeneratedDataDir } from './portfolio';
import { timeSync } from './stats';

export interface GenerateInput {
  contacts: number;
  dataDir: string;
  /** Where to write the baseline's JSON document, or null for none. */
  baselineFile: string | null;
  /** `--cache`: where the data dir of this size and code is kept (copied from, or to after writing). */
  cacheDir: string | null;
}

export interface BaselineWrite {
  bytes: number;
  writeMs: number;
  /** True when the full document did not fit in a JavaScript string and the reduced one was written. */
  reduced: boolean;
  note: string | null;
}

export type GenerateOutput = GeneratedDataDir & { baseline: BaselineWrite | null };

function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** The data dir from the cache (and the portfolio again when the baseline needs it), or a new one. */
function dataDirOf(input: GenerateInput): GeneratedDataDir & { portfolio: DemoPortfolio | null } {
  const cached = input.cacheDir === null ? null : readCached(input.cacheDir);
  if (cached !== null && input.cacheDir !== null) {
    log(
      `data dir from the cache ${input.cacheDir} (written in ${(cached.writeMs / 1000).toFixed(1)} s then)`,
    );
    fs.cpSync(path.join(input.cacheDir, 'data'), input.dataDir, { recursive: true });
    const portfolio = input.baselineFile === null ? null : generateBenchPortfolio(input.contacts).portfolio;
    return { ...cached, dataDir: input.dataDir, portfolio };
  }
  log(`generating ${input.contacts.toLocaleString('en')} contacts into ${input.dataDir}`);
  const generated = createBenchDataDir(input.dataDir, input.contacts);
  if (input.cacheDir !== null) writeCached(input.cacheDir, generated);
  return generated;
}

function generate(input: GenerateInput): GenerateOutput {
  const { portfolio, ...generated } = dataDirOf(input);
  log(
    `generated in ${(generated.generateMs / 1000).toFixed(1)} s, written in ${(generated.writeMs / 1000).toFixed(1)} s`,
  );
  let baseline: BaselineWrite | null = null;
  if (input.baselineFile !== null && portfolio !== null) {
    const file = input.baselineFile;
    let note: string | null = null;
    let reduced = false;
    let written: { ms: number; value: number };
    try {
      written = timeSync(() => writeDocument(file, buildDocument(portfolio, WINDOWS_ON, false)));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // JSON.stringify cannot build a string above V8's limit (2^29 − 24 characters).
      note = `the full JSON document does not fit in one JavaScript string (${error.message}); the baseline uses a reduced one without phone, note, postal address and units`;
      reduced = true;
      written = timeSync(() => writeDocument(file, buildDocument(portfolio, WINDOWS_ON, true)));
    }
    baseline = { bytes: fs.statSync(file).size, writeMs: written.ms, reduced, note };
    log(`baseline JSON: ${(baseline.bytes / 2 ** 20).toFixed(0)} MiB in ${(written.ms / 1000).toFixed(1)} s`);
  }
  return { ...generated, baseline };
}

async function main(): Promise<void> {
  const [phase, inputFile, outputFile] = process.argv.slice(2);
  if (inputFile === undefined || outputFile === undefined)
    throw new Error('usage: worker.ts <phase> <in> <out>');
  const input: unknown = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  let output: GenerateOutput | MeasureOutput | LettersOutput | ImportOutput | AuditExportOutput;
  if (phase === 'generate') output = generate(input as GenerateInput);
  else if (phase === 'measure') output = await measureDataDir(input as MeasureInput);
  else if (phase === 'letters') output = await measureLetters(input as LettersInput);
  else if (phase === 'import') output = await measureImport(input as ImportInput);
  else if (phase === 'auditExport') output = await measureAuditExport(input as AuditExportInput);
  else throw new Error(`unknown phase ${phase}`);
  fs.writeFileSync(outputFile, JSON.stringify(output));
}

await main();
process.exit(0);
