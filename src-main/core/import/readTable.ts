/**
 * Reads an ERP export into a table of texts: .csv/.txt through csv-parse (delimiter ; , tab | taken
 * from the header line; UTF-8 with or without BOM, else Windows-1252 through iconv-lite — decided by
 * whether the bytes are valid UTF-8; a cell the app's own CSV escaped as a formula read without its
 * apostrophe), .xlsx through exceljs (one visible sheet; date cells as ISO
 * days, formula cells as their result, merged cells refused). Everything that is not a table it can
 * read is refused with an IMPORT_* code before anything is kept.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELL,
  type ImportEncoding,
  type ImportFileView,
  type ImportFormat,
} from '../../../shared/contract/imports';
import { DomainError } from '../../../shared/errors';
import { unescapeFormula } from './excelCsv';
import type { ImportStep } from './importRun';

/** A file read as a table: its shape as the file view shows it, and every data row. */
export type ImportTable = Pick<
  ImportFileView,
  'format' | 'encoding' | 'delimiter' | 'sheets' | 'sheet' | 'headers'
> & {
  /** Data rows, one text per column (as many as headers), empty rows left out. */
  rows: string[][];
  /** The line (csv) or row (xlsx) of each data row in the file; the header is 1. */
  lines: number[];
};

const DELIMITERS = [';', ',', '\t', '|'] as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function formatOfName(fileName: string): ImportFormat {
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', { fileName });
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: ImportEncoding } {
  if (UTF8_BOM.every((byte, i) => bytes[i] === byte)) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter found most often in the header line (ties in the order ; , tab |). */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Control characters other than tab, CR, LF: a text export has none, binary data has many. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls > 0;
}

async function refuseOtherFormats(bytes: Buffer, expected: ImportFormat): Promise<void> {
  const detected = await fileTypeFromBuffer(bytes);
  if (expected === 'xlsx' && detected?.ext === 'xlsx') return;
  if (detected !== undefined)
    throw new DomainError('IMPORT_NOT_A_TABLE', { detected: detected.ext.toUpperCase() });
}

/** Headers trimmed; the table's columns cut to the last one with a header or a value. */
function shapeTable(
  raw: { cells: string[]; line: number }[],
): Pick<ImportTable, 'headers' | 'rows' | 'lines'> {
  const [head, ...body] = raw.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (head === undefined) throw new DomainError('IMPORT_EMPTY_FILE');
  let width = head.cells.length;
  while (
    width > 0 &&
    head.cells[width - 1]?.trim() === '' &&
    body.every((r) => !r.cells[width - 1]?.trim())
  ) {
    width--;
  }
  const headers = head.cells.slice(0, width).map((cell) => cell.trim());
  const seen = new Map<string, number[]>();
  headers.forEach((header, index) => {
    if (header === '') throw new DomainError('IMPORT_EMPTY_HEADER', { column: index + 1 });
    const key = header.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), index + 1]);
  });
  for (const [, columns] of seen) {
    if (columns.length > 1) {
      const header = headers[(columns[0] ?? 1) - 1] ?? '';
      throw new DomainError('IMPORT_DUPLICATE_HEADER', { header, columns: columns.join(', ') });
    }
  }
  if (body.length === 0) throw new DomainError('IMPORT_HEADER_ONLY');
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const row of [head, ...body]) {
    row.cells.forEach((cell, index) => {
      if (cell.length > MAX_IMPORT_CELL) {
        throw new DomainError('IMPORT_CELL_TOO_LONG', {
          line: row.line,
          header: headers[index] ?? String(index + 1),
          max: MAX_IMPORT_CELL,
        });
      }
    });
    if (row === head) continue;
    rows.push(Array.from({ length: width }, (_, i) => (row.cells[i] ?? '').trim()));
    lines.push(row.line);
  }
  return { headers, rows, lines };
}

type CsvRecord = { record: string[]; info: { lines: number } };

/** Characters parsed per slice (a slice of a 64 MB file takes a few milliseconds). */
const CSV_SLICE = 1 << 20;

/** csv-parse fed in slices, with a step after each (progress, a turn of the event loop, cancel). */
async function parseCsv(text: string, delimiter: string, step: ImportStep): Promise<CsvRecord[]> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const records: CsvRecord[] = [];
  let failed = false;
  parser.on('readable', () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) records.push(record);
  });
  parser.on('error', () => (failed = true));
  const ended = new Promise<void>((resolve) => parser.on('close', resolve));
  for (let at = 0; at < text.length && !failed; at += CSV_SLICE) {
    parser.write(text.slice(at, at + CSV_SLICE));
    await step('reading', at, text.length, Math.max(0, records.length - 1));
  }
  parser.end();
  await ended;
  if (failed) throw new DomainError('IMPORT_NOT_A_TABLE', { detected: '?' });
  await step('reading', text.length, text.length, Math.max(0, records.length - 1));
  return records;
}

async function readCsv(bytes: Buffer, step: ImportStep): Promise<ImportTable> {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw new DomainError('IMPORT_NOT_A_TABLE', { detected: '?' });
  if (text.trim() === '') throw new DomainError('IMPORT_EMPTY_FILE');
  const delimiter = detectDelimiter(text);
  const records = await parseCsv(text, delimiter, step);
  const table = shapeTable(
    records.map(({ record, info }) => ({ cells: record.map(unescapeFormula), line: info.lines })),
  );
  return { format: 'csv', encoding, delimiter, sheets: [], sheet: null, ...table };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell's value as the text the import reads: dates as ISO days, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer, wanted: string | null): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('IMPORT_UNREADABLE_XLSX');
  }
  const visible = workbook.worksheets.filter((sheet) => sheet.state === 'visible');
  if (visible.length === 0) throw new DomainError('IMPORT_NO_SHEET');
  const sheet = wanted === null ? visible[0] : visible.find((s) => s.name === wanted);
  if (sheet === undefined) throw new DomainError('IMPORT_UNKNOWN_SHEET', { sheet: wanted ?? '' });
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0)
    throw new DomainError('IMPORT_MERGED_CELLS', { range: merges.slice(0, 3).join(', ') });
  const raw: { cells: string[]; line: number }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value));
    raw.push({ cells, line });
  });
  const table = shapeTable(raw);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets: visible.map((s) => s.name),
    sheet: sheet.name,
    ...table,
  };
}

/** Reads a file's bytes as a table, or refuses it with an IMPORT_* code; a csv in slices (`step`). */
export async function readImportFile(
  fileName: string,
  bytes: Buffer,
  sheet: string | null,
  step: ImportStep,
): Promise<ImportTable> {
  const format = formatOfName(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) throw new DomainError('IMPORT_FILE_TOO_LARGE');
  if (bytes.length === 0) throw new DomainError('IMPORT_EMPTY_FILE');
  await refuseOtherFormats(bytes, format);
  return format === 'csv' ? readCsv(bytes, step) : readXlsx(bytes, sheet);
}
