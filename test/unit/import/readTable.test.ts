import { describe, expect, it } from 'vitest';
import { ok, refused, testCore } from '../support';
import { fixture, openFixture } from './support';

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('Stammdaten-Import: reading a file', () => {
  it('reads a Windows-1252 export with ; and German dates, and suggests the mapping from ERP headers', async () => {
    const core = testCore();
    const view = await openFixture(core, 'erp-windows1252.csv');
    expect(view).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 5 });
    expect(view.sample[2]).toContain('Änne');
    expect(view.sample[2]).toContain('Weiß');
    const byHeader = Object.fromEntries(view.headers.map((h, i) => [h, view.suggested[i]?.field ?? null]));
    expect(byHeader).toEqual({
      'Objekt-Nr.': 'property.referenceId',
      Objektbezeichnung: 'property.name',
      'WE-Nr.': 'unit.referenceId',
      Lage: 'unit.name',
      Vertragsart: 'contract.type',
      'Vertrags-Nr.': 'contract.number',
      Mietbeginn: 'contract.start',
      Mietende: 'contract.end',
      'Personen-Nr.': 'contact.referenceId',
      Anrede: 'contact.salutation',
      Vorname: 'contact.firstName',
      Nachname: 'contact.lastName',
      'E-Mail': 'contact.email',
    });
  });

  it('reads UTF-8 with a BOM and , and English headers', async () => {
    const view = await openFixture(testCore(), 'utf8-bom-comma.csv');
    expect(view).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', rowCount: 3 });
    expect(view.headers[0]).toBe('Property ID');
    expect(view.sample[0]?.[1]).toBe('Harbour View, Block A');
    expect(view.suggested.every((target) => target !== null)).toBe(true);
  });

  it('reads an .xlsx: visible sheets to choose from, date cells and serials as days, formulas as their result', async () => {
    const core = testCore();
    const view = await openFixture(core, 'serial-dates.xlsx');
    expect(view.sheets).toEqual(['Mietverträge', 'Eigentümer', 'Verbunden']);
    expect(view.sheet).toBe('Mietverträge');
    expect(view.sample[0]?.[5]).toBe('2024-01-01');
    expect(view.sample[1]?.[5]).toBe('2026-12-15');
    expect(view.sample[2]?.[4]).toBe('XV-3');
    const other = await openFixture(core, 'serial-dates.xlsx', 'Eigentümer');
    expect(other.headers).toEqual(['Objekt-Nr.', 'WE-Nr.', 'Personen-Nr.', 'Nachname', 'Vertragsbeginn']);
    expect(
      await refused(core, 'imports.open', {
        fileName: 'a.xlsx',
        dataBase64: fixture('serial-dates.xlsx'),
        sheet: 'Hilfstabelle',
      }),
    ).toMatchObject({ code: 'IMPORT_UNKNOWN_SHEET' });
    expect(
      await refused(core, 'imports.open', {
        fileName: 'a.xlsx',
        dataBase64: fixture('serial-dates.xlsx'),
        sheet: 'Verbunden',
      }),
    ).toMatchObject({ code: 'IMPORT_MERGED_CELLS', params: { range: 'A2:B2' } });
  });

  it.each([
    ['an empty file', 'leer.csv', '', 'IMPORT_EMPTY_FILE'],
    ['only blank lines', 'leer.csv', csv('\r\n \r\n'), 'IMPORT_EMPTY_FILE'],
    [
      'a PDF renamed to .csv',
      'export.csv',
      Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n').toString('base64'),
      'IMPORT_NOT_A_TABLE',
    ],
    [
      'binary garbage',
      'export.csv',
      Buffer.from([0, 1, 2, 3, 255, 254, 7, 8, 0, 0, 12]).toString('base64'),
      'IMPORT_NOT_A_TABLE',
    ],
    ['a header only', 'export.csv', csv('Objekt-Nr.;WE-Nr.\r\n'), 'IMPORT_HEADER_ONLY'],
    ['a duplicate header', 'export.csv', csv('Name;WE-Nr.;name\r\n1;2;3\r\n'), 'IMPORT_DUPLICATE_HEADER'],
    ['an empty header over values', 'export.csv', csv('Name;;WE\r\n1;2;3\r\n'), 'IMPORT_EMPTY_HEADER'],
    [
      'a million-character cell',
      'export.csv',
      csv(`Name;WE\r\n${'x'.repeat(1_000_000)};1\r\n`),
      'IMPORT_CELL_TOO_LONG',
    ],
    ['another format', 'export.pdf', csv('a;b\r\n1;2\r\n'), 'IMPORT_UNSUPPORTED_FORMAT'],
    ['a broken .xlsx', 'export.xlsx', csv('not a workbook'), 'IMPORT_UNREADABLE_XLSX'],
  ])('refuses %s with a code', async (_what, fileName, dataBase64, code) => {
    const error = await refused(testCore(), 'imports.open', { fileName, dataBase64, sheet: null });
    expect(error.code).toBe(code);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = 'A'.repeat(Math.ceil((64 * 1024 * 1024) / 3) * 4 + 4);
    expect(
      await refused(testCore(), 'imports.open', { fileName: 'x.csv', dataBase64: huge, sheet: null }),
    ).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
  });

  it('ignores trailing empty columns and empty rows as Excel writes them', async () => {
    const view = await ok(testCore(), 'imports.open', {
      fileName: 'x.csv',
      dataBase64: csv('Objekt-Nr.;WE-Nr.;;\r\nL-1;W-1;;\r\n;;;\r\n'),
      sheet: null,
    });
    expect(view.headers).toEqual(['Objekt-Nr.', 'WE-Nr.']);
    expect(view.rowCount).toBe(1);
  });
});
