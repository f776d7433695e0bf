/**
 * Kontakte › Exportieren: the contacts of the list's filters, in the list's order, one row per
 * contract (a contact without a contract: one row without one), in the columns the import reads —
 * headed by the import's own field names and with the values it reads back, so the file imports
 * again without remapping — and, read-only, each contact's access today, its end and the invitation
 * state (by the same policy as the list).
 *
 * Two halves, kept apart: `contactExportRows` produces the rows batch by batch (the reads awaited,
 * so it runs over an async store too), and `contactsExportChunks` turns them into a .csv
 * (import/excelCsv.ts) or .xlsx (exceljs's streaming writer) file in parts, which
 * exports/saveExport.ts writes to the file the user chose: memory stays bounded by a batch.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  importFields,
  importValueFields,
  type ContactsExportQuery,
  type ImportFormat,
  type ImportField,
  type ImportValueField,
} from '../../../shared/contract/imports';
import type { AccessSettings, IsoDate } from '../../../shared/domain';
import { fieldLabel } from '../../../shared/importTexts';
import type { AccessBounds } from '../db/accessRepository';
import type { ExportChunks } from '../exports/saveExport';
import type {
  ContactExportRepository,
  ExportContactRow,
  ExportContractRow,
  ExportKey,
} from '../db/contactExportRepository';
import { toContractFacts } from '../db/contractRepository';
import { contactAccess } from '../policy';
import { contactFacts } from '../services/portfolioViews';
import { excelCsv } from './excelCsv';
import { exportTexts } from './exportTexts';

type Language = 'de' | 'en';
type Awaitable<T> = T | Promise<T>;

/** A cell: a text, or a calendar day (null = none) that each format writes its own way. */
export type ExportCell = string | { day: IsoDate | null };

export interface ExportBatch {
  contacts: number;
  records: ExportCell[][];
}

/** What the rows are read from (contactExportRepository, or its async twin). */
export type ExportSource = {
  [K in keyof ContactExportRepository]: (
    ...args: Parameters<ContactExportRepository[K]>
  ) => Awaitable<ReturnType<ContactExportRepository[K]>>;
};

/** Contacts per batch: one read of contacts and one of their contracts. */
const BATCH = 500;

const LEVEL_ORDER = ['contact', 'contract', 'unit', 'property'] as const;
/** The importable columns: the contact first, then its contract, unit and property. */
export const EXPORT_FIELDS: readonly ImportField[] = LEVEL_ORDER.flatMap((level) =>
  importFields.filter((field) => field.startsWith(`${level}.`)),
);
const DAY_FIELDS = new Set<ImportField>(['contract.start', 'contract.end']);

/** The header row: the import's field names, then the read-only columns. */
export function contactExportHeader(language: Language): string[] {
  const { columns } = exportTexts[language];
  return [
    ...EXPORT_FIELDS.map((field) => fieldLabel(language, field)),
    columns.access,
    columns.until,
    columns.invitation,
  ];
}

type Values = Partial<Record<ImportField, string | null>>;

function contactValues(c: ExportContactRow): Values {
  return {
    'contact.referenceId': c.reference_id,
    'contact.salutation': c.salutation,
    'contact.title': c.title,
    'contact.firstName': c.first_name,
    'contact.lastName': c.last_name,
    'contact.company': c.company,
    'contact.email': c.email,
    'contact.phone': c.phone,
    'contact.language': c.language,
    'contact.preference': c.preference,
    'contact.street': c.street,
    'contact.houseNo': c.house_no,
    'contact.postcode': c.postcode,
    'contact.city': c.city,
  };
}

function contractValues(k: ExportContractRow): Values {
  return {
    'contract.type': k.type,
    'contract.number': k.number,
    'contract.start': k.start_date,
    'contract.end': k.end_date,
    'unit.referenceId': k.unit_reference_id,
    'unit.number': k.unit_number,
    'unit.name': k.unit_name,
    'unit.usage': k.unit_usage,
    'property.referenceId': k.property_reference_id,
    'property.name': k.property_name,
    'property.street': k.street,
    'property.houseNo': k.house_no,
    'property.postcode': k.postcode,
    'property.city': k.city,
  };
}

const VALUE_FIELDS = new Set<string>(importValueFields);

function cellOf(field: ImportField, value: string | null | undefined, language: Language): ExportCell {
  if (DAY_FIELDS.has(field)) return { day: value ?? null };
  if (value === null || value === undefined) return '';
  if (!VALUE_FIELDS.has(field)) return value;
  const words = exportTexts[language].values[field as ImportValueField] as Record<string, string>;
  return words[value] ?? value;
}

/** The rows of the export, batch by batch, in the list's order. */
export async function* contactExportRows(
  source: ExportSource,
  query: ContactsExportQuery,
  settings: AccessSettings,
  bounds: AccessBounds,
  today: IsoDate,
): AsyncGenerator<ExportBatch> {
  const texts = exportTexts[query.language];
  let after: ExportKey | null = null;
  for (;;) {
    const contacts = await source.contactsAfter(query, bounds, after, BATCH);
    if (contacts.length === 0) return;
    const contracts = await source.contractsOf(contacts.map((c) => c.id));
    const byContact = new Map<number, ExportContractRow[]>();
    for (const k of contracts) byContact.set(k.contact_id, [...(byContact.get(k.contact_id) ?? []), k]);
    const records: ExportCell[][] = [];
    for (const contact of contacts) {
      const own = byContact.get(contact.id) ?? [];
      const access = contactAccess(
        contactFacts(contact, contact.registered === 1),
        own.map(toContractFacts),
        settings,
        today,
      );
      const readOnly: ExportCell[] = [
        texts.grants[access.grant],
        { day: access.until },
        texts.invitation[contact.invitation],
      ];
      const person = contactValues(contact);
      for (const contract of own.length === 0 ? [null] : own) {
        const values = contract === null ? person : { ...person, ...contractValues(contract) };
        records.push([...EXPORT_FIELDS.map((f) => cellOf(f, values[f], query.language)), ...readOnly]);
      }
    }
    yield { contacts: contacts.length, records };
    const last = contacts.at(-1);
    if (last === undefined || contacts.length < BATCH) return;
    after = { sortName: last.sort_name, id: last.id };
  }
}

/** 31.12.2026 in German, 2026-12-31 in English (both read by the import). */
function dayText(day: IsoDate | null, language: Language): string {
  if (day === null) return '';
  if (language === 'en') return day;
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** The name suggested in the save dialog: "Kontakte-2026-11-27.xlsx". */
export function contactsExportName(
  query: Pick<ContactsExportQuery, 'format' | 'language'>,
  today: IsoDate,
): { suggestedName: string; kind: ImportFormat } {
  return {
    suggestedName: `${exportTexts[query.language].fileName}-${today}.${query.format}`,
    kind: query.format,
  };
}

/** The CSV in parts: the header (with the byte order mark), then one part per batch. */
async function* csvChunks(
  batches: AsyncIterable<ExportBatch>,
  header: string[],
  language: Language,
): ExportChunks {
  let contacts = 0;
  yield excelCsv([header], ';');
  for await (const batch of batches) {
    contacts += batch.contacts;
    const records = batch.records.map((record) =>
      record.map((cell) => (typeof cell === 'string' ? cell : dayText(cell.day, language))),
    );
    if (records.length > 0) yield excelCsv(records, ';', { bom: false });
  }
  return contacts;
}

/**
 * The workbook through exceljs's streaming writer: each row is committed (written out and
 * forgotten) as it comes, and the zip's bytes are yielded as the writer makes them.
 */
async function* xlsxChunks(
  batches: AsyncIterable<ExportBatch>,
  header: string[],
  language: Language,
): ExportChunks {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(exportTexts[language].sheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = header.map((title) => ({ width: Math.max(12, title.length + 2) }));
  const dayFormat = language === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  const written = (async () => {
    let contacts = 0;
    const top = sheet.addRow(header);
    top.font = { bold: true };
    top.commit();
    for await (const batch of batches) {
      contacts += batch.contacts;
      for (const record of batch.records) {
        const row = sheet.addRow(
          record.map((cell) =>
            typeof cell === 'string' ? cell : cell.day === null ? null : new Date(`${cell.day}T00:00:00Z`),
          ),
        );
        record.forEach((cell, index) => {
          if (typeof cell !== 'string') row.getCell(index + 1).numFmt = dayFormat;
        });
        row.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
    return contacts;
  })();
  // A failure ends the stream with it, so that reading it below fails too.
  written.catch((error: unknown) => stream.destroy(error as Error));
  for await (const chunk of stream) yield chunk as Buffer;
  return await written;
}

/**
 * The rows as a file in the chosen format, in parts for saveExport (see the file comment); the
 * count at the end is the contacts written.
 */
export function contactsExportChunks(
  batches: AsyncIterable<ExportBatch>,
  query: Pick<ContactsExportQuery, 'format' | 'language'>,
): ExportChunks {
  const header = contactExportHeader(query.language);
  return query.format === 'csv'
    ? csvChunks(batches, header, query.language)
    : xlsxChunks(batches, header, query.language);
}
