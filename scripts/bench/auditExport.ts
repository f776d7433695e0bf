/**
 * The Protokoll's CSV export at size (issue 14): N audit rows of contact edits (before → after of a
 * few fields, as the app writes them) are exported through `auditLog.export` into a file "chosen"
 * in a save dialog, as the window does. The rows: the time, the file's size and the peak RSS of a
 * process that holds nothing else — the export streams (1,000 rows a page), so the RSS must not
 * grow with N. Run by the benchmark worker (phase `auditExport`) in a process of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pinnedClock } from '../../src-main/core/clock';
import { createCore, DATABASE_FILE } from '../../src-main/core/core';
import { noAuditFilter } from '../../src-main/core/db/auditRepository';
import type { SavedExport } from '../../shared/ipc';
import { BENCH_TODAY } from './portfolio';
import type { Row } from './session';
import { formatBytes, single, timeOnce } from './stats';

/** The audit rows exported at the largest bench size. */
export const AUDIT_EXPORT_ROWS = 1_000_000;

export interface AuditExportInput {
  rows: number;
}

export interface AuditExportOutput {
  rows: Row[];
  peakRssBytes: number;
}

/** N contact edits, one a minute back from the bench's day, written straight into the store. */
function writeAuditRows(dataDir: string, rows: number): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    const insert = db.prepare(
      'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const start = Date.parse(`${BENCH_TODAY}T12:00:00Z`) - rows * 60_000;
    db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const before = { email: `mieter${i}@example.com`, phone: '+49 30 1234567', city: 'Berlin' };
        const after = { email: `neu.mieter${i}@example.com`, phone: '+49 30 7654321', city: 'Potsdam' };
        insert.run(
          new Date(start + i * 60_000).toISOString(),
          `benutzer${i % 5}`,
          'contact.update',
          'contact',
          String((i % 5000) + 1),
          JSON.stringify(before),
          JSON.stringify(after),
        );
      }
    })();
  } finally {
    db.close();
  }
}

export async function measureAuditExport(input: AuditExportInput): Promise<AuditExportOutput> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-audit-'));
  const file = path.join(dataDir, 'protokoll.csv');
  createCore({ dataDir, clock: pinnedClock(BENCH_TODAY), actor: 'bench' }).close();
  writeAuditRows(dataDir, input.rows);
  const core = createCore({
    dataDir,
    clock: pinnedClock(BENCH_TODAY),
    actor: 'bench',
    saveDialog: { choose: () => Promise.resolve(file) },
  });
  try {
    const rssBefore = process.memoryUsage().rss;
    const exported = await timeOnce(async (): Promise<SavedExport> => {
      const result = await core.invoke('auditLog.export', {
        from: null,
        to: null,
        ...noAuditFilter,
        language: 'de',
      });
      if (!result.ok) throw new Error(`auditLog.export: ${result.error.code}`);
      return result.value as SavedExport;
    });
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const count = exported.value.saved ? exported.value.count : 0;
    const n = input.rows.toLocaleString('en');
    return {
      peakRssBytes,
      rows: [
        {
          key: 'auditExport',
          question: `Protokoll: export ${n} audit rows as CSV to a chosen file`,
          via: 'auditLog.export',
          app: single(exported.ms),
          floor: null,
          baseline: null,
          info:
            `${count.toLocaleString('en')} rows, ${formatBytes(fs.statSync(file).size)}; ` +
            `peak RSS ${formatBytes(peakRssBytes)} (${formatBytes(rssBefore)} before)`,
        },
      ],
    };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
