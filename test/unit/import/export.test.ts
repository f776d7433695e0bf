import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importFields } from '../../../shared/contract/imports';
import type { Core } from '../../../src-main/core/core';
import { exportTexts } from '../../../src-main/core/import/exportTexts';
import { mapValue } from '../../../src-main/core/import/values';
import { ok, savedFile, testCore } from '../support';

const HEADER =
  'Objekt-Nr.;Objektbezeichnung;WE-Nr.;Vertragsart;Vertrags-Nr.;Mietbeginn;Mietende;Personen-Nr.;Anrede;Nachname;Telefon;E-Mail';
const ROWS = [
  'L-1;Lindenhof;L-1-01;M;V-1;01.01.2020;;K-1;Herr;Müller;+49 30 1234;mueller@example.com',
  'L-1;Lindenhof;L-1-02;M;V-2;01.12.2026;;K-1;Herr;Müller;+49 30 1234;mueller@example.com',
  'L-1;Lindenhof;L-1-03;E;V-3;01.01.2019;31.10.2026;K-2;Frau;=HYPERLINK("x");;',
  'L-1;Lindenhof;L-1-04;M;V-4;01.01.2021;;K-3;Eheleute;Weiß;;',
];

type ExportCore = ReturnType<typeof testCore>;

async function importRows(core: Core, rows = ROWS) {
  const dataBase64 = Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
  const view = await ok(core, 'imports.open', { fileName: 'erp.csv', dataBase64, sheet: null });
  await ok(core, 'imports.commit', { fileId: view.fileId, mapping: view.suggested, values: {} });
}

/** Exported where the save dialog pointed, and read back from there. */
async function exported(core: ExportCore, query: Record<string, unknown>) {
  const file = savedFile(
    core,
    await ok(core, 'contacts.export', { format: 'csv', language: 'de', ...query }),
  );
  return { file, bytes: file.bytes, records: parse(file.bytes, { delimiter: ';', bom: true }) as string[][] };
}

describe('Kontakte › Exportieren', () => {
  it('writes a CSV for Excel: BOM, ";", one row per contract, formulas escaped, access today read-only', async () => {
    const core = testCore('2026-11-27');
    await ok(core, 'settings.updateAccess', {
      preContract: { enabled: true, days: 30 },
      postContract: { enabled: true, days: 30 },
      seatQuota: null,
    });
    await importRows(core);
    const { file, bytes, records } = await exported(core, {});
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    // The count is the contacts (Müller has two contracts, so two rows).
    expect(file).toMatchObject({ fileName: 'kontakte-2026-11-27.csv', count: 3 });
    expect(records).toHaveLength(1 + 4);
    const [header = [], ...rows] = records;
    expect(header.slice(-3)).toEqual(['Zugang heute', 'Zugang bis', 'Einladung']);
    const col = (name: string) => header.indexOf(name);
    // The list's order (sort name): the "=HYPERLINK" contact sorts first; Müller has two contracts.
    expect(rows.map((r) => r[col('Referenz-ID des Kontakts')])).toEqual(['K-2', 'K-1', 'K-1', 'K-3']);
    const [k2, k1a, k1b, k3] = rows as [string[], string[], string[], string[]];
    expect(k2[col('Nachname')]).toBe(`'=HYPERLINK("x")`);
    expect(k1a[col('Telefon')]).toBe(`'+49 30 1234`);
    expect([k1a[col('Vertragsnummer')], k1a[col('Vertragsbeginn')], k1a[col('Vertragsende')]]).toEqual([
      'V-1',
      '01.01.2020',
      '',
    ]);
    expect(k1b[col('Vertragsnummer')]).toBe('V-2');
    expect(k3[col('Anrede')]).toBe('Eheleute');
    // Access today as the contacts list shows it (post window of 30 days after 31.10.2026).
    expect([k2[col('Zugang heute')], k2[col('Zugang bis')], k2[col('Einladung')]]).toEqual([
      'Nach Vertragsende',
      '30.11.2026',
      'Nicht eingeladen',
    ]);
    expect(k1a[col('Zugang heute')]).toBe('Aktiver Vertrag');
    expect(k2[col('Vertragsart')]).toBe('Eigentümer');
  });

  it('exports the list as filtered: search, access and contract type narrow it as they narrow the list', async () => {
    const core = testCore('2026-11-27');
    await importRows(core);
    for (const filter of [
      { search: 'weiß' },
      { access: 'none' as const },
      { contractType: 'owner' as const },
    ]) {
      const list = await ok(core, 'contacts.list', filter);
      const { file, records } = await exported(core, filter);
      const refs = new Set(
        records.slice(1).map((r) => r[(records[0] ?? []).indexOf('Referenz-ID des Kontakts')]),
      );
      expect([...refs]).toEqual(list.items.map((c) => c.referenceId));
      expect(file.count).toBe(list.total);
    }
  });

  it('headers and values are the import’s own: the file maps itself, the read-only columns are not imported', async () => {
    const core = testCore('2026-11-27');
    await importRows(core);
    for (const language of ['de', 'en'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const file = savedFile(core, await ok(core, 'contacts.export', { format, language }));
        const view = await ok(core, 'imports.open', {
          fileName: file.fileName,
          dataBase64: file.bytes.toString('base64'),
          sheet: null,
        });
        expect(new Set(view.suggested.map((t) => t.field))).toEqual(new Set([...importFields, null]));
        expect(view.suggested.slice(-3)).toEqual(Array(3).fill({ field: null, person: 1 }));
      }
      for (const [field, words] of Object.entries(exportTexts[language].values)) {
        for (const [value, word] of Object.entries(words)) {
          expect(mapValue(field as keyof typeof exportTexts.de.values, word, {})).toBe(value);
        }
      }
    }
  });

  it('writes an .xlsx with real date cells', async () => {
    const core = testCore('2026-11-27');
    await importRows(core);
    const file = savedFile(core, await ok(core, 'contacts.export', { format: 'xlsx', language: 'en' }));
    expect(file.fileName).toBe('contacts-2026-11-27.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contacts');
    const header = (sheet?.getRow(1).values as string[]).slice(1);
    const start = sheet?.getRow(2).getCell(header.indexOf('Contract start') + 1).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe('2019-01-01');
    expect(sheet?.rowCount).toBe(5);
  });
});
