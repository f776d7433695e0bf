/**
 * The Stammdaten-Import's rows (issue 12 item 7), in a process of their own so that its peak RSS
 * is the import's: a flat ERP export of N rows (the usual shape: property, unit, contract, two
 * persons on one row in one in two rows, so ≈ 1.5 contracts a row) is opened, previewed and
 * committed into an empty data store through `core.invoke`, as the window does. Beside the times:
 * the peak RSS, and the longest stall of the core — the longest the event loop could not answer
 * another request (a 10 ms timer's worst lateness) — which slicing keeps short while reading and
 * matching; the commit's one transaction is one stall.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/core';
import { pinnedClock } from '../../src-main/core/clock';
import { BENCH_TODAY } from './portfolio';
import type { Row } from './session';
import { formatBytes, formatMs, single, timeOnce } from './stats';

export interface ImportInput {
  /** Rows of the file (without the header). */
  rows: number;
}

export interface ImportOutput {
  rows: Row[];
  fileRows: number;
  peakRssBytes: number;
  /** Longest stall of the event loop during preview and commit. */
  stallMs: { preview: number; commit: number };
}

const HEADER =
  'Objekt-Nr.;Objektbezeichnung;WE-Nr.;Lage;Vertragsart;Vertrags-Nr.;Mietbeginn;Mietende;' +
  'Mieter 1 Personen-Nr.;Mieter 1 Anrede;Mieter 1 Vorname;Mieter 1 Nachname;Mieter 1 E-Mail;' +
  'Mieter 2 Personen-Nr.;Mieter 2 Vorname;Mieter 2 Nachname';

/** 100 units a property; every other row names a second person. */
export function erpExport(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const property = `L-${Math.ceil(i / 100)}`;
    const start = `01.${String((i % 12) + 1).padStart(2, '0')}.${2015 + (i % 11)}`;
    const end = i % 7 === 0 ? `31.12.${2026 + (i % 3)}` : '';
    const second = i % 2 === 0 ? `K-${i}-2;Anna;Beispiel ${i}` : ';;';
    lines.push(
      `${property};Haus ${property};${property}-W${i};WE ${i};M;V-${i};${start};${end};` +
        `K-${i};Herr;Jürgen;Müller ${i};mieter${i}@example.com;${second}`,
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** The worst lateness of a 10 ms timer while `work` runs: how long the core could not answer. */
async function withStallWatch<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let worst = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - expected);
    expected = now + 10;
  }, 10);
  try {
    return { value: await work(), stallMs: worst };
  } finally {
    clearInterval(timer);
  }
}

export async function measureImport(input: ImportInput): Promise<ImportOutput> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-import-'));
  const core = createCore({ dataDir, clock: pinnedClock(BENCH_TODAY), actor: 'bench' });
  try {
    const bytes = erpExport(input.rows);
    const invoke = async (channel: string, payload: unknown) => {
      const result = await core.invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as never;
    };
    const opened = await timeOnce((): Promise<{ fileId: string; suggested: unknown }> =>
      invoke('imports.open', { fileName: 'erp.csv', dataBase64: bytes.toString('base64'), sheet: null }),
    );
    const run = { fileId: opened.value.fileId, mapping: opened.value.suggested, values: {} };
    const preview = await withStallWatch(() =>
      timeOnce((): Promise<{ counts: { contract: { created: number } } }> => invoke('imports.preview', run)),
    );
    const commit = await withStallWatch(() =>
      timeOnce(() => invoke('imports.commit', { ...run, mappingName: null })),
    );
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const contracts = preview.value.value.counts.contract.created;
    const n = input.rows.toLocaleString('en');
    const row = (key: string, question: string, via: string, ms: number, info: string): Row => ({
      key,
      question,
      via,
      app: single(ms),
      floor: null,
      baseline: null,
      info,
    });
    return {
      fileRows: input.rows,
      peakRssBytes,
      stallMs: { preview: preview.stallMs, commit: commit.stallMs },
      rows: [
        row(
          'importOpen',
          `import: read a ${n}-row CSV`,
          'imports.open',
          opened.ms,
          formatBytes(bytes.length),
        ),
        row(
          'importPreview',
          `import: open + dry run of a ${n}-row CSV`,
          'imports.open + imports.preview',
          opened.ms + preview.value.ms,
          `${contracts.toLocaleString('en')} contracts; longest stall ${formatMs(preview.stallMs)}`,
        ),
        row(
          'importCommit',
          `import: commit of a ${n}-row CSV (backup + one change)`,
          'imports.commit',
          commit.value.ms,
          `longest stall ${formatMs(commit.stallMs)}, peak RSS ${formatBytes(peakRssBytes)}`,
        ),
      ],
    };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
