/**
 * `npm run bench [-- --sizes 10000,100000] [--no-baseline] [--keep] [--markdown]`: the benchmark of issue 6.
 *
 * For each size (default 10,000 and 100,000 contacts; 1,000,000 with `--sizes 1000000`):
 * 1. a child process generates the demo portfolio at that size (largest property 5,000 units, one of
 *    1,000 units, both access windows on) and writes it into a fresh temporary data dir in bulk
 *    transactions, and writes the same portfolio as the plain electron-store baseline's JSON file;
 * 2. a second child process opens the data dir with `createCore` and asks every question through
 *    `core.invoke`, then as bare SQL (the floor), then the JSON baseline (scripts/bench/measure.ts);
 *    a third renders letters: one with 20,000 unspaced characters, and a SmartPost batch of
 *    min(size, 10,000) letters (scripts/bench/letters.ts); a fourth imports an ERP export of as many
 *    rows as the size has contacts (at most 100,000) into an empty store (scripts/bench/importRows.ts);
 * 3. the table is printed and bench/results.json is updated (sizes not measured keep their figures).
 *
 * `--no-baseline` skips the JSON baseline; `--keep` keeps the data dirs (their paths are printed);
 * `--cache` keeps each size's written data dir and copies it for the next run (scripts/bench/cache.ts);
 * `--questions-only` leaves out the letters' and the import's rows;
 * `--import-only` runs only the import's rows (printed, bench/results.json left as it is);
 * `--markdown` runs nothing and prints bench/results.json as the README's tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDirFor } from './bench/cache';
import { AUDIT_EXPORT_ROWS, type AuditExportInput, type AuditExportOutput } from './bench/auditExport';
import { runWorker } from './bench/child';
import type { LettersInput, LettersOutput } from './bench/letters';
import type { MeasureInput, MeasureOutput } from './bench/measure';
import { formatMarkdown, formatTable } from './bench/report';
import { formatMs } from './bench/stats';
import { machineInfo, mergeResults, readResults, writeResults, type SizeResult } from './bench/results';
import { checkTargets } from './bench/targets';
import type { ImportInput, ImportOutput } from './bench/importRows';
import type { GenerateInput, GenerateOutput } from './bench/worker';

const root = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(root, 'bench', 'results.json');
/** The SmartPost batch of issue 14: 10,000 letters (fewer at smaller sizes). */
const LETTER_BATCH = 10_000;
/** The import file of issue 12 item 7: 100,000 rows (fewer at smaller sizes). */
const IMPORT_ROWS = 100_000;

interface Options {
  sizes: number[];
  baseline: boolean;
  keep: boolean;
  /** Only print bench/results.json as the README's Markdown tables. */
  markdown: boolean;
  /** Only the import's rows, printed. */
  importOnly: boolean;
  /** Keep the written data dir of each size and reuse it while its sources are unchanged (cache.ts). */
  cache: boolean;
  /** Only the questions: no letters' and no import's rows (a long size measured sooner). */
  questionsOnly: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    sizes: [10_000, 100_000],
    baseline: true,
    keep: false,
    markdown: false,
    importOnly: false,
    cache: false,
    questionsOnly: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(i += 1)];
      const sizes = (value ?? '').split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
      if (sizes.length === 0 || sizes.some((n) => !Number.isSafeInteger(n) || n < 100)) {
        throw new Error(`--sizes takes numbers of contacts ≥ 100, comma-separated: ${value}`);
      }
      options.sizes = sizes;
    } else if (arg === '--no-baseline') options.baseline = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--import-only') options.importOnly = true;
    else if (arg === '--cache') options.cache = true;
    else if (arg === '--questions-only') options.questionsOnly = true;
    else
      throw new Error(
        `unknown argument ${arg} (use --sizes N,M, --no-baseline, --keep, --cache, --questions-only, --markdown, --import-only)`,
      );
  }
  return options;
}

function importRows(contacts: number, tmp: string): ImportOutput {
  return runWorker<ImportInput, ImportOutput>(
    'import',
    { rows: Math.min(contacts, IMPORT_ROWS) },
    contacts,
    tmp,
  );
}

function benchSize(contacts: number, options: Options, machine: SizeResult['machine']): SizeResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `portal-bench-${contacts}-`));
  const dataDir = path.join(tmp, 'data');
  const baselineFile = options.baseline ? path.join(tmp, 'electron-store-baseline.json') : null;
  console.log(`\n▶ ${contacts.toLocaleString('en')} contacts (${tmp})`);
  const loadBefore = os.loadavg()[0] ?? 0;
  try {
    const generated = runWorker<GenerateInput, GenerateOutput>(
      'generate',
      { contacts, dataDir, baselineFile, cacheDir: options.cache ? cacheDirFor(contacts) : null },
      contacts,
      tmp,
    );
    const measured = runWorker<MeasureInput, MeasureOutput>(
      'measure',
      {
        dataDir,
        facts: generated.facts,
        baselineFile,
        // The baseline is slow at a million contacts: a few runs per question there (≥ 3 always).
        baselineBudgetMs: contacts >= 1_000_000 ? 15_000 : 5_000,
      },
      contacts,
      tmp,
    );
    const letters = options.questionsOnly
      ? { rows: [], batch: 0, peakRssBytes: 0 }
      : runWorker<LettersInput, LettersOutput>(
          'letters',
          { batch: Math.min(contacts, LETTER_BATCH) },
          contacts,
          tmp,
        );
    const imported = options.questionsOnly ? null : importRows(contacts, tmp);
    // The Protokoll's CSV export of a million audit rows, at the largest size only (scripts/bench/auditExport.ts).
    const audit =
      !options.questionsOnly && contacts === Math.max(...options.sizes)
        ? runWorker<AuditExportInput, AuditExportOutput>(
            'auditExport',
            { rows: AUDIT_EXPORT_ROWS },
            contacts,
            tmp,
          ).rows
        : [];
    const rows = [...measured.rows, ...letters.rows, ...(imported?.rows ?? []), ...audit];
    const notes = [...measured.notes];
    if (generated.baseline?.note) notes.push(generated.baseline.note);
    return {
      contacts,
      measuredAt: new Date().toISOString(),
      machine,
      facts: generated.facts,
      generation: {
        generateMs: generated.generateMs,
        writeMs: generated.writeMs,
        dbBytes: generated.dbBytes,
        heapAfterGenerateBytes: generated.heapAfterGenerateBytes,
        baseline: generated.baseline,
      },
      open: { appMs: measured.openMs, baselineLoadMs: measured.baselineLoadMs },
      memory: {
        rssBeforeOpenBytes: measured.rssBeforeOpenBytes,
        rssAfterOpenBytes: measured.rssAfterOpenBytes,
        rssBytes: measured.rssBytes,
        heapUsedBytes: measured.heapUsedBytes,
        heapTotalBytes: measured.heapTotalBytes,
        externalBytes: measured.externalBytes,
        baselineRssBytes: measured.baselineRssBytes,
      },
      loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
      rows,
      letters: { batch: letters.batch, peakRssBytes: letters.peakRssBytes },
      searchByLength: measured.searchByLength,
      targets: checkTargets(rows, measured.rssBytes, letters, imported),
      notes,
    };
  } finally {
    if (options.keep) console.log(`  data dir kept: ${dataDir}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
if (options.markdown) {
  const results = readResults(resultsFile);
  console.log(results === null ? 'No bench/results.json yet: run `npm run bench`.' : formatMarkdown(results));
  process.exit(0);
}
if (options.importOnly) {
  for (const contacts of options.sizes) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `portal-bench-import-${contacts}-`));
    try {
      const imported = importRows(contacts, tmp);
      for (const row of imported.rows) {
        console.log(`${row.question}: ${formatMs(row.app?.p50)} (${row.info ?? ''})`);
      }
      for (const target of checkTargets(imported.rows, 0, { batch: 0, peakRssBytes: 0 }, imported)) {
        if (target.target.includes('import'))
          console.log(`${target.met ? '✔' : '✘'} ${target.target}: ${target.value} (${target.limit})`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  process.exit(0);
}
const machine = machineInfo();
console.log(
  `Benchmark on ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${machine.node}, SQLite ${machine.sqlite}; sizes ${options.sizes.map((n) => n.toLocaleString('en')).join(', ')}`,
);
const results: SizeResult[] = [];
for (const contacts of options.sizes) {
  const result = benchSize(contacts, options, machine);
  results.push(result);
  console.log(`\n${formatTable(result)}`);
  // Written after every size, so that a long run keeps what it measured so far.
  writeResults(resultsFile, mergeResults(resultsFile, machine, results));
}
console.log(`\nResults written to ${path.relative(process.cwd(), resultsFile)}`);
