/**
 * Protokoll: the audit log as sentences (auditLog/sentences.ts), paged newest first within a range
 * of days and the filters (contact, property, content, action, person), and its CSV export.
 *
 * The CSV is made for Excel as a property manager opens it by double click (README "Audit log"):
 * UTF-8 with a byte order mark (else Excel reads umlauts as Windows-1252), CRLF line ends, the
 * separator Excel expects in the export's language — ';' for German (where ',' is the decimal
 * comma), ',' for English — and every cell that Excel would take for a formula (starting with
 * = + - @, tab or carriage return) prefixed with an apostrophe, so no cell of the log can run as a
 * formula (CSV injection). Times are local (Europe/Berlin), the days of the range are too.
 *
 * The file is written by the main process to the place the user chooses (exports/saveExport.ts),
 * read from the database a page of rows at a time: a Protokoll of a million rows needs no more
 * memory than one page.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { DomainError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/domain';
import type { AuditLogEntry, AuditLogFacets, AuditLogPage, Language, SavedExport } from '../../../shared/ipc';
import { saveExport, type ExportChunks } from '../exports/saveExport';
import { dayStartInstant } from '../clock';
import type { CoreContext } from '../context';
import { auditNames } from '../db/auditNames';
import { excelCsv } from '../import/excelCsv';
import { auditRepository, type AuditFilter, type AuditRange, type AuditRow } from '../db/auditRepository';
import { auditTexts } from './auditLog/reader';
import { auditSentences, type AuditSentence } from './auditLog/sentences';
import { auditActions } from './auditLog/texts';
import { addDays } from '../../../shared/dates';

const ZONE = 'Europe/Berlin';

/** From the first instant of `from` to the last of `to` (both Berlin days, inclusive). */
function rangeOf(from: IsoDate | null, to: IsoDate | null): AuditRange {
  if (from !== null && to !== null && to < from) throw new DomainError('INVALID_DATE_RANGE', { from, to });
  return {
    from: from === null ? null : dayStartInstant(from),
    until: to === null ? null : dayStartInstant(addDays(to, 1)),
  };
}

/** What the Protokoll is narrowed to: the days (Berlin, inclusive) and the filters. */
export type AuditQuery = { from: IsoDate | null; to: IsoDate | null } & AuditFilter;

function filterOf({ contactId, propertyId, contentId, action, actor, importId }: AuditQuery): AuditFilter {
  return { contactId, propertyId, contentId, action, actor, importId };
}

function toEntry(row: AuditRow, read: (row: AuditRow) => AuditSentence): AuditLogEntry {
  const sentence = read(row);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    actionLabel: sentence.action,
    object: sentence.object,
    description: sentence.description,
  };
}

const CSV = {
  de: {
    delimiter: ';',
    header: ['Zeit', 'Person', 'Aktion', 'Objekt', 'Beschreibung'],
    time: 'dd.MM.yyyy HH:mm:ss',
    fileName: (from: string, to: string) => `protokoll_${from}_bis_${to}.csv`,
    open: 'beginn',
  },
  en: {
    delimiter: ',',
    header: ['Time', 'Person', 'Action', 'Object', 'Description'],
    time: 'yyyy-MM-dd HH:mm:ss',
    fileName: (from: string, to: string) => `audit-log_${from}_to_${to}.csv`,
    open: 'start',
  },
} as const;

/** Audit rows read from the database per chunk of the CSV file. */
const EXPORT_PAGE = 1000;

/**
 * The records of audit rows in the CSV file: what each says, in the reader's language — local
 * time, who, what, to whom or what, and the sentence; no codes, no JSON. Kept apart from how the
 * file is delivered.
 */
export function auditCsvRecords(
  rows: readonly AuditRow[],
  language: Language,
  read: (row: AuditRow) => AuditSentence,
): string[][] {
  const csv = CSV[language];
  const inBerlin = tz(ZONE);
  return rows.map((row) => {
    const sentence = read(row);
    const time = format(Date.parse(row.at), csv.time, { in: inBerlin });
    return [time, row.actor, sentence.action, sentence.object, sentence.description];
  });
}

/**
 * Records as CSV lines (see the file comment; import/excelCsv.ts); `first`: the file's start, with
 * the byte order mark and the header line before them.
 */
export function auditCsv(
  records: readonly (readonly string[])[],
  language: Language,
  { first }: { first: boolean },
): string {
  const lines = first ? [[...CSV[language].header], ...records] : records;
  return excelCsv(lines, CSV[language].delimiter, { bom: first });
}

export function auditLogService(ctx: CoreContext) {
  const audit = auditRepository(ctx.store);
  /** The sentences of one page or export, and how to render with every name they ask for read. */
  const reading = (language: Language) => {
    const { names, resolve } = auditNames(ctx.store);
    return { read: auditSentences(language, names), resolve };
  };
  return {
    async page(query: AuditQuery, language: Language, offset: number, limit: number): Promise<AuditLogPage> {
      const { total, rows } = await audit.page(rangeOf(query.from, query.to), filterOf(query), offset, limit);
      const { read, resolve } = reading(language);
      return { total, items: await resolve(() => rows.map((row) => toEntry(row, read))) };
    },

    /** The rows of the range and filters, oldest first, as a CSV file where the user chooses. */
    async export(query: AuditQuery, language: Language): Promise<SavedExport> {
      const range = rangeOf(query.from, query.to);
      const filter = filterOf(query);
      const csv = CSV[language];
      const { read, resolve } = reading(language);
      async function* chunks(): ExportChunks {
        yield auditCsv([], language, { first: true });
        let rows = 0;
        let last: AuditRow | null = null;
        for (;;) {
          const page = await audit.after(range, filter, last, EXPORT_PAGE);
          if (page.length === 0) return rows;
          yield auditCsv(await resolve(() => auditCsvRecords(page, language, read)), language, {
            first: false,
          });
          rows += page.length;
          last = page[page.length - 1]!;
        }
      }
      return saveExport(
        ctx.saveDialog,
        { suggestedName: csv.fileName(query.from ?? csv.open, query.to ?? ctx.clock.today()), kind: 'csv' },
        chunks,
      );
    },

    /** The actions the app writes, by their names in `language`, and everyone who changed something. */
    async facets(language: Language): Promise<AuditLogFacets> {
      const texts = auditTexts[language];
      const actions = auditActions
        .map((value) => ({ value, label: texts.actions[value] }))
        .sort((a, b) => a.label.localeCompare(b.label, language));
      return { actions, actors: await audit.actors() };
    },
  };
}
