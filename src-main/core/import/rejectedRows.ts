/**
 * The rejected rows given back in the input's format (csv: UTF-8 with BOM, the file's delimiter and
 * formula cells escaped — import/excelCsv.ts; xlsx: one sheet), with the original columns and a "Fehler" column saying why, in the user's
 * language, so the manager can fix them in Excel and import them again.
 */
import ExcelJS from 'exceljs';
import type {
  ImportField,
  ImportFormat,
  ImportLevel,
  ImportRejection,
} from '../../../shared/contract/imports';
import { fieldLabel, importTexts } from '../../../shared/importTexts';
import { excelCsv } from './excelCsv';
import type { ImportTable } from './readTable';

/** The reason of one rejection as a sentence in `language`. */
export function rejectionText(
  language: 'de' | 'en',
  rejection: Pick<ImportRejection, 'code' | 'params'>,
): string {
  const texts = importTexts[language];
  const params = { ...rejection.params };
  if (typeof params.field === 'string') {
    params.field = fieldLabel(language, params.field as ImportField, Number(params.person ?? 1));
  }
  if (typeof params.level === 'string')
    params.level = texts.levels[params.level as ImportLevel] ?? params.level;
  return texts.rejections[rejection.code].replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    String(params[key] ?? ''),
  );
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/**
 * The rejected rows as a file made in memory (bounded by the import's own limit on its input), for
 * saveExport: the name to suggest, its kind, its bytes and its data rows.
 */
export interface RejectedRowsFile {
  suggestedName: string;
  kind: ImportFormat;
  bytes: Uint8Array | string;
  rows: number;
}

export async function rejectedRowsFile(
  fileName: string,
  table: ImportTable,
  rejected: ReadonlyMap<number, ImportRejection>,
  language: 'de' | 'en',
): Promise<RejectedRowsFile> {
  const texts = importTexts[language];
  const header = [...table.headers, texts.errorColumn];
  const rows = [...rejected.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, rejection]) => [...(table.rows[index] ?? []), rejectionText(language, rejection)]);
  const suffix = language === 'de' ? 'abgelehnt' : 'rejected';
  if (table.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(table.sheet ?? 'Import');
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
    return {
      suggestedName: `${baseName(fileName)}-${suffix}.xlsx`,
      kind: 'xlsx',
      bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
      rows: rows.length,
    };
  }
  return {
    suggestedName: `${baseName(fileName)}-${suffix}.csv`,
    kind: 'csv',
    bytes: excelCsv([header, ...rows], table.delimiter ?? ';'),
    rows: rows.length,
  };
}
