/**
 * Protokoll: the audit log, paged newest first within a range of days, and its CSV export.
 *
 * The CSV is made for Excel as a property manager opens it by double click (README "Audit log"):
 * UTF-8 with a byte order mark (else Excel reads umlauts as Windows-1252), CRLF line ends, the
 * separator Excel expects in the export's language — ';' for German (where ',' is the decimal
 * comma), ',' for English — and every cell that Excel would take for a formula (starting with
 * = + - @, tab or carriage return) prefixed with an apostrophe, so no cell of the log can run as a
 * formula (CSV injection). Times are local (Europe/Berlin), the days of the range are too.
 */
import { tz, TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/domain';
import type { AuditLogEntry, AuditLogExport, AuditLogPage, Language } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import { auditRepository, type AuditRange, type AuditRow } from '../db/auditRepository';
import { addDays } from '../../../shared/dates';

const ZONE = 'Europe/Berlin';

/** The instant a Berlin calendar day starts, as an ISO timestamp in UTC (what `audit.at` holds). */
export function dayStartInstant(day: IsoDate): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, ZONE).getTime()).toISOString();
}

/** From the first instant of `from` to the last of `to` (both Berlin days, inclusive). */
function rangeOf(from: IsoDate | null, to: IsoDate | null): AuditRange {
  if (from !== null && to !== null && to < from) throw new DomainError('INVALID_DATE_RANGE', { from, to });
  return {
    from: from === null ? null : dayStartInstant(from),
    until: to === null ? null : dayStartInstant(addDays(to, 1)),
  };
}

function toEntry(row: AuditRow): AuditLogEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
  };
}

const CSV = {
  de: {
    delimiter: ';',
    header: ['Nr.', 'Zeitpunkt', 'Benutzer', 'Aktion', 'Objekt', 'Objekt-ID', 'Vorher', 'Nachher'],
    fileName: (from: string, to: string) => `protokoll_${from}_bis_${to}.csv`,
    open: 'beginn',
  },
  en: {
    delimiter: ',',
    header: ['No.', 'Time', 'User', 'Action', 'Entity', 'Entity ID', 'Before', 'After'],
    fileName: (from: string, to: string) => `audit-log_${from}_to_${to}.csv`,
    open: 'start',
  },
} as const;

/** The audit rows as a CSV file (see the file comment), header first. */
export function auditCsv(rows: readonly AuditRow[], language: Language): string {
  const csv = CSV[language];
  const inBerlin = tz(ZONE);
  return stringify(
    [
      [...csv.header],
      ...rows.map((row) => [
        row.id,
        format(Date.parse(row.at), 'yyyy-MM-dd HH:mm:ss', { in: inBerlin }),
        row.actor,
        row.action,
        row.entity,
        row.entity_id,
        row.before,
        row.after,
      ]),
    ],
    {
      bom: true,
      delimiter: csv.delimiter,
      record_delimiter: 'windows',
      escape_formulas: true,
      // A line break inside a cell must be quoted; csv-stringify quotes only the record delimiter.
      quoted_match: /[\r\n]/,
    },
  );
}

export function auditLogService(ctx: CoreContext) {
  const audit = auditRepository(ctx.db);
  return {
    /** `importId`: only the rows of that Stammdaten-Import. */
    page(
      from: IsoDate | null,
      to: IsoDate | null,
      offset: number,
      limit: number,
      importId: number | null = null,
    ): AuditLogPage {
      const range = rangeOf(from, to);
      const { total, rows } =
        importId === null
          ? audit.page(range, offset, limit)
          : audit.pageOfImport(importId, range, offset, limit);
      return { total, items: rows.map(toEntry) };
    },

    /** The rows of the range, oldest first, as a CSV download. */
    export(from: IsoDate | null, to: IsoDate | null, language: Language): AuditLogExport {
      const rows = audit.all(rangeOf(from, to));
      const csv = CSV[language];
      return {
        fileName: csv.fileName(from ?? csv.open, to ?? ctx.clock.today()),
        csvBase64: Buffer.from(auditCsv(rows, language), 'utf8').toString('base64'),
        rows: rows.length,
      };
    },
  };
}
