/**
 * Content (Inhalte) of five kinds: Mitteilungen, Termine, Dokumente, SmartPost and Vorgänge
 * (SmartTask processes) — list, detail, create, edit, and a document's file.
 *
 * Storage: `contents.body` holds the long text (announcement/appointment text, SmartPost template,
 * process description), `contents.data` the other kind-specific fields as JSON:
 * appointment {startsAt, endsAt, place}; document {fileName, mimeType, size, sha256};
 * process {state, contactIds}. A document's bytes are a content-addressed file
 * (storage/documentStore.ts), written before the transaction that refers to it.
 *
 * Rules: a property must exist (UNKNOWN_PROPERTY); an appointment ends after it starts
 * (INVALID_TIME_RANGE; an impossible date or time is INVALID_DATE); a document is at most
 * MAX_DOCUMENT_BYTES (FILE_TOO_LARGE) and of a type in `documentTypes` whose bytes match it
 * (UNSUPPORTED_FILE_TYPE); a SmartPost template uses only the known placeholders
 * (UNKNOWN_PLACEHOLDER); a process links existing contacts (UNKNOWN_CONTACT). An edit keeps the kind
 * (INVALID_PAYLOAD otherwise); editing a document with an empty `dataBase64` keeps its file.
 * Every create and edit is one transaction with its audit row; an edit that changes nothing writes
 * nothing.
 */
import type { z } from 'zod';
import { isIsoDate } from '../../../shared/dates';
import { DomainError } from '../../../shared/errors';
import { processStates, type contentInputSchema } from '../../../shared/contract/content';
import type {
  ContentData,
  ContentDeleteResult,
  ContentDetail,
  ContentKind,
  ContentSummary,
  ShareView,
} from '../../../shared/ipc';
import { portfolioChanged, type CoreContext } from '../context';
import { accessBounds } from '../db/accessRepository';
import { contentRepository, type ContentRow, type ContentValues } from '../db/contentRepository';
import { shareRepository } from '../db/shareRepository';
import {
  checkContent,
  checkFileName,
  decodeDocument,
  safeFileName,
  type DocumentMimeType,
} from '../storage/documentCheck';
import { documentStore } from '../storage/documentStore';
import type { SettingsService } from './settingsService';
import { checkTemplate } from '../policy/smartPostTemplate';

export type ContentInputValue = z.output<typeof contentInputSchema>;

/** The kind-specific fields of a stored content, as entered (documents: no bytes). */
export function contentData(row: Pick<ContentRow, 'kind' | 'body' | 'data'>): ContentData {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.data);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      stored = parsed as Record<string, unknown>;
    }
  } catch {
    // A hand-edited row: show what the columns hold.
  }
  const text = (key: string): string | null => {
    const value = stored[key];
    return typeof value === 'string' ? value : null;
  };
  switch (row.kind) {
    case 'announcement':
      return { kind: row.kind, data: { text: row.body ?? '' } };
    case 'appointment':
      return {
        kind: row.kind,
        data: { startsAt: text('startsAt'), endsAt: text('endsAt'), place: text('place'), text: row.body },
      };
    case 'document':
      return {
        kind: row.kind,
        data: {
          fileName: text('fileName'),
          mimeType: text('mimeType'),
          size: typeof stored.size === 'number' ? stored.size : 0,
          sha256: text('sha256'),
        },
      };
    case 'smartpost':
      return { kind: row.kind, data: { template: row.body ?? '' } };
    case 'process': {
      const ids = Array.isArray(stored.contactIds)
        ? stored.contactIds.filter((id): id is number => Number.isSafeInteger(id))
        : [];
      const state = processStates.find((known) => known === text('state')) ?? 'open';
      return { kind: row.kind, data: { description: row.body, state, contactIds: ids } };
    }
  }
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

function checkDateTime(value: string, field: string): void {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match === null || !isIsoDate(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59) {
    throw new DomainError('INVALID_DATE', { field });
  }
}

/** A document's file as stored: hash and size. */
interface StoredFile {
  sha256: string;
  size: number;
}

/** The row values of a checked input (documents: with the stored file). */
function valuesOf(input: ContentInputValue, file: StoredFile | null): ContentValues {
  const base = { kind: input.kind, title: input.title, property_id: input.propertyId };
  switch (input.kind) {
    case 'announcement':
      return { ...base, body: input.text, data: '{}' };
    case 'appointment':
      return {
        ...base,
        body: input.text,
        data: JSON.stringify({ startsAt: input.startsAt, endsAt: input.endsAt, place: input.place }),
      };
    case 'document':
      if (file === null) throw new Error('a document needs its file');
      return {
        ...base,
        body: null,
        data: JSON.stringify({ fileName: input.fileName, mimeType: input.mimeType, ...file }),
      };
    case 'smartpost':
      return { ...base, body: input.template, data: '{}' };
    case 'process':
      return {
        ...base,
        body: input.description,
        data: JSON.stringify({ state: input.state, contactIds: [...new Set(input.contactIds)] }),
      };
  }
}

/** What the audit keeps of a content: every field as entered, never a document's bytes. */
function auditValues(values: ContentValues): Record<string, unknown> {
  return {
    kind: values.kind,
    title: values.title,
    propertyId: values.property_id,
    ...contentData({ kind: values.kind, body: values.body, data: values.data }).data,
  };
}

export function contentService(
  ctx: CoreContext,
  settings: SettingsService,
  shareViews: (contentId: number) => Promise<ShareView[]>,
) {
  const contents = contentRepository(ctx.store);
  const shares = shareRepository(ctx.db);
  const documents = documentStore(ctx.dataDir);

  async function requireContent(id: number): Promise<ContentRow> {
    const row = await contents.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'content', id });
    return row;
  }

  /** Checks everything but the file; the file is decoded and checked by `storeFile`. */
  async function check(input: ContentInputValue): Promise<void> {
    if (input.propertyId !== null && !(await contents.propertyExists(input.propertyId))) {
      throw new DomainError('UNKNOWN_PROPERTY', { propertyId: input.propertyId });
    }
    switch (input.kind) {
      case 'appointment':
        checkDateTime(input.startsAt, 'startsAt');
        checkDateTime(input.endsAt, 'endsAt');
        if (input.endsAt <= input.startsAt) {
          throw new DomainError('INVALID_TIME_RANGE', { startsAt: input.startsAt, endsAt: input.endsAt });
        }
        break;
      case 'smartpost':
        checkTemplate(input.template);
        break;
      case 'process': {
        const known = await contents.existingContacts(input.contactIds);
        const unknown = input.contactIds.find((id) => !known.has(id));
        if (unknown !== undefined) throw new DomainError('UNKNOWN_CONTACT', { contactId: unknown });
        break;
      }
      default:
        break;
    }
  }

  /** Decodes, checks (bytes by content, name by type) and stores a document's file (before the transaction). */
  async function storeFile(input: Extract<ContentInputValue, { kind: 'document' }>): Promise<StoredFile> {
    const mimeType = input.mimeType as DocumentMimeType;
    const bytes = decodeDocument(input.dataBase64, mimeType);
    await checkContent(mimeType, bytes);
    return documents.put(bytes);
  }

  /** The input with a document's name made safe and checked against its type. */
  function withSafeName(input: ContentInputValue): ContentInputValue {
    if (input.kind !== 'document') return input;
    return { ...input, fileName: checkFileName(input.fileName, input.mimeType as DocumentMimeType) };
  }

  function summaryOf(row: ContentRow, visibleTo: number): ContentSummary {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      propertyId: row.property_id,
      propertyName: row.property_name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      visibleTo,
    };
  }

  /** Summaries with "visible to (today)", in the order of the rows. */
  function summariesOf(rows: readonly ContentRow[]): ContentSummary[] {
    const bounds = accessBounds(settings.getAccess(), ctx.clock.today());
    const counts = shares.visibleCounts(
      rows.map((row) => row.id),
      bounds,
    );
    return rows.map((row) => summaryOf(row, counts.get(row.id) ?? 0));
  }

  async function detail(id: number): Promise<ContentDetail> {
    const row = await requireContent(id);
    return {
      ...contentData(row),
      id: row.id,
      title: row.title,
      propertyId: row.property_id,
      propertyName: row.property_name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      shares: await shareViews(row.id),
    };
  }

  return {
    detail,
    requireContent,

    /** One page, newest first, with how many contacts see each item today. */
    async list(query: { kind: ContentKind | null; offset: number; limit: number }): Promise<{
      total: number;
      items: ContentSummary[];
    }> {
      const { total, rows } = await contents.page(query.kind, query.offset, query.limit);
      return { total, items: summariesOf(rows) };
    },

    /** Summaries of some contents, newest first (unknown ids are left out). */
    async summaries(ids: readonly number[]): Promise<ContentSummary[]> {
      return summariesOf(await contents.getMany(ids));
    },

    async create(entered: ContentInputValue): Promise<ContentDetail> {
      const input = withSafeName(entered);
      await check(input);
      const file = input.kind === 'document' ? await storeFile(input) : null;
      const values = valuesOf(input, file);
      const id = await ctx.change(
        async (audit) => {
          const created = await contents.insert(values, ctx.clock.now());
          audit({
            action: 'content.create',
            entity: 'content',
            entityId: created,
            after: auditValues(values),
          });
          return created;
        },
        { emits: {} },
      );
      return detail(id);
    },

    async update(id: number, entered: ContentInputValue): Promise<ContentDetail> {
      const input = withSafeName(entered);
      const row = await requireContent(id);
      if (row.kind !== input.kind) {
        throw new DomainError('INVALID_PAYLOAD', { field: 'input.kind', kind: row.kind });
      }
      await check(input);
      let file: StoredFile | null = null;
      if (input.kind === 'document') {
        const current = contentData(row);
        if (input.dataBase64.trim() === '') {
          // Keeps the stored file; its type cannot change without new bytes.
          if (
            current.kind !== 'document' ||
            input.mimeType !== current.data.mimeType ||
            current.data.sha256 === null
          ) {
            throw new DomainError('UNSUPPORTED_FILE_TYPE', { mimeType: input.mimeType });
          }
          file = { sha256: current.data.sha256, size: current.data.size };
        } else {
          file = await storeFile(input);
        }
      }
      const values = valuesOf(input, file);
      const before: ContentValues = {
        kind: row.kind,
        title: row.title,
        body: row.body,
        property_id: row.property_id,
        data: row.data,
      };
      const beforeAudit = auditValues(before);
      const afterAudit = auditValues(values);
      if (JSON.stringify(beforeAudit) === JSON.stringify(afterAudit)) return detail(id);
      await ctx.change(
        async (audit) => {
          await contents.update(id, values, ctx.clock.now());
          audit({
            action: 'content.update',
            entity: 'content',
            entityId: id,
            before: beforeAudit,
            after: afterAudit,
          });
        },
        { emits: {} },
      );
      return detail(id);
    },

    /**
     * Withdraws a content (e.g. a document uploaded for the wrong tenants): its shares are revoked,
     * so nobody sees it any more, and nobody is notified again; a document's file is erased once no
     * other content refers to it (after the commit). Refused with NOT_FOUND when it is unknown or
     * already withdrawn.
     */
    async delete(id: number): Promise<ContentDeleteResult> {
      const row = await requireContent(id);
      const content = contentData(row);
      const sha256 = content.kind === 'document' ? content.data.sha256 : null;
      const result = await ctx.change(
        async (audit) => {
          const now = ctx.clock.now();
          const sharesRevoked = shares
            .liveOfContent(id)
            .filter((share) => shares.revoke(share.id, now)).length;
          await contents.markDeleted(id, now);
          const fileErased = sha256 === null ? null : (await contents.fileUsers(sha256)) === 0;
          audit({
            action: 'content.delete',
            entity: 'content',
            entityId: id,
            before: { kind: row.kind, title: row.title, propertyId: row.property_id },
            after: { sharesRevoked, fileErased },
          });
          return { sharesRevoked, fileErased };
        },
        { emits: portfolioChanged },
      );
      if (sha256 !== null && result.fileErased === true) documents.remove(sha256);
      return result;
    },

    /** A document's bytes; NOT_FOUND for other kinds or a missing file. */
    async documentFile(id: number): Promise<{ fileName: string; mimeType: string; dataBase64: string }> {
      const row = await requireContent(id);
      const content = contentData(row);
      const sha256 = content.kind === 'document' ? content.data.sha256 : null;
      if (content.kind !== 'document' || sha256 === null) {
        throw new DomainError('NOT_FOUND', { entity: 'document', id });
      }
      const { data } = content;
      const bytes = documents.read(sha256);
      return {
        // Made safe again: names stored before they were checked.
        fileName: safeFileName(data.fileName ?? row.title) || `document-${sha256.slice(0, 8)}`,
        mimeType: data.mimeType ?? 'application/octet-stream',
        dataBase64: bytes.toString('base64'),
      };
    },
  };
}
export type ContentService = ReturnType<typeof contentService>;
