import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract/imports';
import { listBackups } from '../../../src-main/core/backup/backupFiles';
import type { Core } from '../../../src-main/core/core';
import { ok, readDatabase, refused, testCore } from '../support';

/** A flat ERP export of `rows` tenancies: several slices of work for the importer. */
function largeFile(rows: number): string {
  const lines = ['Objekt-Nr.;WE-Nr.;Vertragsart;Vertrags-Nr.;Mietbeginn;Mietende;Personen-Nr.;Nachname'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`L-${i % 40};L-${i % 40}-W${i};M;V-${i};01.01.2020;;K-${i};Mieter ${i}`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

async function opened(core: Core, rows = 2500) {
  const view = await ok(core, 'imports.open', {
    fileName: 'gross.csv',
    dataBase64: largeFile(rows),
    sheet: null,
  });
  return { fileId: view.fileId, mapping: view.suggested, values: {} };
}

function progressOf(core: Core): ImportProgress[] {
  const seen: ImportProgress[] = [];
  core.events.on('imports.progress', (progress) => seen.push(progress));
  return seen;
}

const counts = (core: { dataDir: string }) =>
  readDatabase(core, (db) =>
    ['contacts', 'contracts', 'audit'].map(
      (t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    ),
  );

describe('Stammdaten-Import of a large file: progress, a core that keeps answering, cancel', () => {
  it('reports reading, checking and writing with the rows done, up to the whole file', async () => {
    const core = testCore();
    const seen = progressOf(core);
    const run = await opened(core);
    expect(seen.filter((p) => p.phase === 'reading').at(-1)).toMatchObject({ rows: 2500 });
    await ok(core, 'imports.preview', run);
    const checking = seen.filter((p) => p.phase === 'checking' && p.fileId === run.fileId);
    expect(checking.length).toBeGreaterThan(2);
    expect(checking.map((p) => p.done)).toEqual([...checking.map((p) => p.done)].sort((a, b) => a - b));
    expect(checking.at(-1)).toMatchObject({ done: 5000, total: 5000, rows: 2500 });
    seen.length = 0;
    await ok(core, 'imports.commit', { ...run, mappingName: null });
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.at(-1)?.done).toBe(40 + 2500 * 3);
  }, 90_000);

  it('answers other requests while a dry run is under way', async () => {
    const core = testCore();
    const run = await opened(core);
    const order: string[] = [];
    const preview = ok(core, 'imports.preview', run).then(() => order.push('preview'));
    const list = ok(core, 'contacts.list', {}).then(() => order.push('list'));
    await Promise.all([preview, list]);
    expect(order).toEqual(['list', 'preview']);
  });

  it('a cancelled dry run answers IMPORT_CANCELLED and forgets the file', async () => {
    const core = testCore();
    const run = await opened(core);
    core.events.on('imports.progress', (p) => {
      if (p.phase === 'checking' && p.done > 0) void core.invoke('imports.cancel', { fileId: run.fileId });
    });
    expect((await refused(core, 'imports.preview', run)).code).toBe('IMPORT_CANCELLED');
    expect((await refused(core, 'imports.preview', run)).code).toBe('IMPORT_FILE_GONE');
  });

  it('a commit cancelled while it checks writes nothing, not even the backup', async () => {
    const core = testCore();
    const run = await opened(core);
    const before = counts(core);
    core.events.on('imports.progress', (p) => {
      if (p.phase === 'checking' && p.done > 0) void core.invoke('imports.cancel', { fileId: run.fileId });
    });
    expect((await refused(core, 'imports.commit', { ...run, mappingName: null })).code).toBe(
      'IMPORT_CANCELLED',
    );
    expect(counts(core)).toEqual(before);
    expect(listBackups(core.dataDir)).toEqual([]);
    expect(await ok(core, 'imports.history', undefined)).toEqual([]);
  });

  it('a commit whose portfolio changed while it was planned is refused (IMPORT_STORE_CHANGED)', async () => {
    const core = testCore();
    const run = await opened(core);
    let changed = false;
    core.events.on('imports.progress', (p) => {
      if (p.phase !== 'checking' || changed) return;
      changed = true;
      void core.invoke('properties.create', {
        name: 'Neubau',
        referenceId: 'L-NEU',
        addresses: [{ street: 'Neuweg', houseNo: '1', postcode: '10115', city: 'Berlin' }],
      });
    });
    expect((await refused(core, 'imports.commit', { ...run, mappingName: null })).code).toBe(
      'IMPORT_STORE_CHANGED',
    );
    expect(counts(core).slice(0, 2)).toEqual([0, 0]);
  });
});
