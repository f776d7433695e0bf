/**
 * CSV as Excel opens it by double click, for every file the app writes (the contacts export, the
 * rejected rows of an import, the Protokoll): UTF-8 with a byte order mark (else Excel reads umlauts
 * as Windows-1252), CRLF line ends, the given separator, and every cell that Excel would take for a
 * formula (starting with = + - @, tab or carriage return, or their full-width forms) prefixed with
 * an apostrophe, so that no cell can run as a formula (CSV injection). The import reads such a
 * cell back without the apostrophe (`unescapeFormula`), so what the app writes imports again as it was.
 */
import { stringify } from 'csv-stringify/sync';

/** `bom: false` for a later chunk of a file written in parts (the Protokoll export). */
export function excelCsv(
  records: readonly (readonly string[])[],
  delimiter: string,
  { bom = true }: { bom?: boolean } = {},
): string {
  return stringify(
    records.map((record) => [...record]),
    {
      bom,
      delimiter,
      record_delimiter: 'windows',
      escape_formulas: true,
      // A line break inside a cell must be quoted; csv-stringify quotes only the record delimiter.
      quoted_match: /[\r\n]/,
    },
  );
}

/** The characters after which csv-stringify's `escape_formulas` puts an apostrophe. */
const ESCAPED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell as it was before `excelCsv` escaped it. */
export function unescapeFormula(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}
