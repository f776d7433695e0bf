import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportAccessEffect, ImportPreview } from '../../../shared/contract/imports';
import type { Core } from '../../../src-main/core/core';
import { DATABASE_FILE } from '../../../src-main/core/db/connection';
import { recordAuditSubjects } from '../../../src-main/core/db/auditSubjects';
import { ok, readDatabase, refused, savedFile, testCore } from '../support';
import { openFixture, runOf } from './support';

const WINDOWS = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 30 },
  seatQuota: 10,
};

async function importFixture(core: Core, name: string) {
  const view = await openFixture(core, name);
  const preview = await ok(core, 'imports.preview', runOf(view));
  const summary = await ok(core, 'imports.commit', runOf(view));
  return { view, preview, summary };
}

/** The access the app shows for the contact with this Referenz-ID (contacts.list → contacts.get). */
async function accessOf(core: Core, referenceId: string) {
  const page = await ok(core, 'contacts.list', { search: referenceId, includeArchived: true });
  const item = page.items.find((c) => c.referenceId === referenceId);
  if (item === undefined) throw new Error(`no contact ${referenceId}`);
  return (await ok(core, 'contacts.get', { id: item.id })).access;
}

function refs(effects: { items: ImportAccessEffect[] }): string[] {
  return effects.items.map((e) => e.referenceId).sort();
}

const portfolioTables = (core: { dataDir: string }) =>
  readDatabase(core, (db) =>
    JSON.stringify(
      ['properties', 'property_addresses', 'units', 'contacts', 'contracts'].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
      ),
    ),
  );

describe('Stammdaten-Import: dry run and commit', () => {
  it('previews a Windows-1252 export: counts per level and the access consequences today', async () => {
    const core = testCore('2026-11-27');
    await ok(core, 'settings.updateAccess', WINDOWS);
    const view = await openFixture(core, 'erp-windows1252.csv');
    const before = portfolioTables(core);
    const preview: ImportPreview = await ok(core, 'imports.preview', runOf(view));
    expect(portfolioTables(core)).toBe(before);
    expect(preview.rows).toEqual({ total: 5, imported: 5, rejected: 0 });
    expect(preview.counts).toEqual({
      property: { created: 1, changed: 0, unchanged: 0 },
      unit: { created: 5, changed: 0, unchanged: 0 },
      // K-1 rents a flat and a parking space: one contact, two contracts.
      contact: { created: 4, changed: 0, unchanged: 0 },
      contract: { created: 5, changed: 0, unchanged: 0 },
    });
    expect(refs(preview.access.gained)).toEqual(['K-1', 'K-2', 'K-3', 'K-4']);
    expect(refs(preview.access.enteredWindow)).toEqual(['K-2', 'K-4']);
    expect(refs(preview.access.invitePossible)).toEqual(['K-1', 'K-2', 'K-3', 'K-4']);
    expect(preview.seats).toEqual({ before: 0, after: 0, quota: 10 });

    const summary = await ok(core, 'imports.commit', runOf(view));
    expect(summary.counts).toEqual(preview.counts);
    expect(summary.backup?.kind).toBe('beforeImport');
    // The preview's "after" is what the app's policy says once the rows are in.
    for (const effect of preview.access.gained.items) {
      const access = await accessOf(core, effect.referenceId);
      expect({ ref: effect.referenceId, grant: access.grant, until: access.until }).toEqual({
        ref: effect.referenceId,
        grant: effect.after,
        until: effect.until,
      });
    }
    const k1 = await ok(core, 'contacts.list', { search: 'K-1' });
    expect(k1.items[0]).toMatchObject({
      displayName: expect.stringContaining('Müller'),
      email: 'juergen.mueller@example.com',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const core = testCore('2026-11-27');
    await importFixture(core, 'erp-windows1252.csv');
    const after = portfolioTables(core);
    const again = await importFixture(core, 'erp-windows1252.csv');
    expect(again.preview.counts.contract).toEqual({ created: 0, changed: 0, unchanged: 5 });
    expect(again.preview.changes.total).toBe(0);
    expect(portfolioTables(core)).toBe(after);
  });

  it('reads a Mieterwechsel: the old contract ends, the new tenant gets a contract and a pre-contract window', async () => {
    const core = testCore('2026-11-27');
    await ok(core, 'settings.updateAccess', WINDOWS);
    await importFixture(core, 'erp-windows1252.csv');
    const view = await openFixture(core, 'mieterwechsel.csv');
    const preview = await ok(core, 'imports.preview', runOf(view));
    expect(preview.counts.contract).toEqual({ created: 1, changed: 1, unchanged: 0 });
    expect(preview.counts.contact).toEqual({ created: 1, changed: 0, unchanged: 1 });
    expect(preview.changes.items).toContainEqual(
      expect.objectContaining({
        level: 'contract',
        kind: 'changed',
        fields: [{ field: 'contract.end', before: '2026-12-31', after: '2026-11-30' }],
      }),
    );
    expect(refs(preview.access.gained)).toEqual(['K-5']);
    expect(preview.access.gained.items[0]).toMatchObject({ after: 'pre', until: '2026-11-30' });
    // The export names only WE-1: the other running contracts of Lindenhof are listed, never deleted.
    expect(preview.missingContracts.items.map((m) => m.number).sort()).toEqual(['V-2', 'V-3', 'V-5']);
    await ok(core, 'imports.commit', runOf(view));
    expect((await accessOf(core, 'K-5')).grant).toBe('pre');
    expect((await accessOf(core, 'K-2')).grant).toBe('pre');
  });

  it('ends the missing contracts the manager chose, on the chosen day', async () => {
    const core = testCore('2026-11-27');
    await importFixture(core, 'erp-windows1252.csv');
    const view = await openFixture(core, 'mieterwechsel.csv');
    const preview = await ok(core, 'imports.preview', runOf(view));
    const v3 = preview.missingContracts.items.find((m) => m.number === 'V-3');
    // Named although the file no longer names its contact.
    expect(v3?.contactName).toBe('Hausbau GmbH');
    const run = runOf(view, { endMissing: { contractIds: [v3!.contractId], end: '2026-11-26' } });
    const ending = await ok(core, 'imports.preview', run);
    expect(refs(ending.access.lost)).toEqual(['K-3']);
    expect(
      (
        await refused(
          core,
          'imports.preview',
          runOf(view, { endMissing: { contractIds: [999], end: '2026-11-26' } }),
        )
      ).code,
    ).toBe('IMPORT_UNKNOWN_CONTRACT');
    const summary = await ok(core, 'imports.commit', run);
    expect(summary.endedContracts).toBe(1);
    expect((await accessOf(core, 'K-3')).grant).toBe('none');
  });

  it('files every record row under the contacts and properties the general audit rule names', async () => {
    const core = testCore('2026-11-27');
    await importFixture(core, 'erp-windows1252.csv');
    const view = await openFixture(core, 'mieterwechsel.csv');
    const preview = await ok(core, 'imports.preview', runOf(view));
    const missing = preview.missingContracts.items.map((m) => m.contractId);
    await ok(
      core,
      'imports.commit',
      runOf(view, { endMissing: { contractIds: missing, end: '2026-11-30' } }),
    );
    const db = new Database(path.join(core.dataDir, DATABASE_FILE));
    try {
      const subjects = () => db.prepare('SELECT * FROM audit_subject ORDER BY 1, 2, 3').all();
      const written = subjects();
      expect(written.length).toBeGreaterThan(0);
      db.prepare('DELETE FROM audit_subject').run();
      recordAuditSubjects(db, 0);
      expect(subjects()).toEqual(written);
    } finally {
      db.close();
    }
  });

  it('rejects every kind of bad row with its line and code, and imports the rest', async () => {
    const core = testCore('2026-11-27');
    const view = await openFixture(core, 'rejected-rows.csv');
    const preview = await ok(core, 'imports.preview', runOf(view));
    expect(preview.rejected.items.map((r) => [r.line, r.code])).toEqual([
      [3, 'MISSING_REFERENCE_ID'],
      [4, 'END_BEFORE_START'],
      [5, 'UNREADABLE_DATE'],
      [6, 'INVALID_EMAIL'],
      [7, 'UNKNOWN_VALUE'],
      [8, 'CONFLICTING_ROWS'],
      [9, 'DATE_OUT_OF_RANGE'],
      [10, 'UNIT_IN_OTHER_PROPERTY'],
      [11, 'MISSING_REFERENCE_ID'],
      [12, 'TOO_LONG'],
      [13, 'MISSING_VALUE'],
    ]);
    expect(preview.rows).toEqual({ total: 12, imported: 1, rejected: 11 });
    // Written where the save dialog pointed.
    const file = savedFile(core, await ok(core, 'imports.rejectedRows', { ...runOf(view), language: 'de' }));
    expect(file.count).toBe(11);
    const text = file.bytes.toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/;Fehler$/);
    expect(lines).toHaveLength(12);
    expect(lines[2]).toContain('Das Vertragsende liegt vor dem Vertragsbeginn.');
    expect(file.fileName).toBe('rejected-rows-abgelehnt.csv');
  });

  it('"Nur aktualisieren" creates nothing', async () => {
    const core = testCore('2026-11-27');
    const view = await openFixture(core, 'utf8-bom-comma.csv');
    const preview = await ok(core, 'imports.preview', runOf(view, { updateOnly: true }));
    expect(preview.rejected.items.map((r) => r.code)).toEqual(['NOT_IN_APP', 'NOT_IN_APP', 'NOT_IN_APP']);
    expect((await refused(core, 'imports.commit', runOf(view, { updateOnly: true }))).code).toBe(
      'IMPORT_NOTHING_TO_IMPORT',
    );
  });

  it('imports an .xlsx with serial dates and a formula cell', async () => {
    const core = testCore('2026-11-27');
    await ok(core, 'settings.updateAccess', WINDOWS);
    const { preview } = await importFixture(core, 'serial-dates.xlsx');
    expect(preview.rows.rejected).toBe(0);
    expect(preview.counts.contract.created).toBe(3);
    expect(refs(preview.access.enteredWindow)).toEqual(['XK-2']);
    const detail = await accessOf(core, 'XK-3');
    expect(detail.grant).toBe('active');
  });

  it('restores the state before an import from its backup, and filters the Protokoll by import', async () => {
    const core = testCore('2026-11-27');
    const { summary } = await importFixture(core, 'erp-windows1252.csv');
    const log = await ok(core, 'auditLog.list', { importId: summary.id, language: 'de' });
    // One row for the import, one per record written: 1 property, 5 units, 4 contacts, 5 contracts.
    expect(log.total).toBe(16);
    expect(log.items.map((i) => i.action)).toContain('import.commit');
    const history = await ok(core, 'imports.history');
    expect(history.map((h) => h.id)).toEqual([summary.id]);
    await ok(core, 'imports.restoreBefore', { id: summary.id });
    expect((await ok(core, 'contacts.list', {})).total).toBe(0);
  });

  it('refuses a mapping that does not fit the file, or leaves a required field unmapped', async () => {
    const core = testCore('2026-11-27');
    const view = await openFixture(core, 'erp-windows1252.csv');
    expect(
      (await refused(core, 'imports.preview', runOf(view, { mapping: view.suggested.slice(1) }))).code,
    ).toBe('IMPORT_MAPPING_MISMATCH');
    const withoutStart = view.suggested.map((t) =>
      t.field === 'contract.start' ? { field: null, person: 1 } : t,
    );
    expect(await refused(core, 'imports.preview', runOf(view, { mapping: withoutStart }))).toMatchObject({
      code: 'IMPORT_REQUIRED_UNMAPPED',
      params: { field: 'contract.start' },
    });
    await ok(core, 'imports.cancel', { fileId: view.fileId });
    expect((await refused(core, 'imports.preview', runOf(view))).code).toBe('IMPORT_FILE_GONE');
  });
});
