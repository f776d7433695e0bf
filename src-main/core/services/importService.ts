/**
 * Administration › Stammdaten-Import: open a file (kept in memory by its id until it is committed,
 * cancelled or another one is opened), the dry run, the rejected rows as a file, the commit — a
 * backup "Vor Import", then every valid row in ONE change with one audit row for the import and one
 * per record — the imports made, and the restore of the state before one of them.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  IMPORT_PREVIEW_LIMIT,
  KEPT_IMPORT_MAPPINGS,
  type ImportFileView,
  type ImportPreview,
  type ImportRunValue,
  type ImportSummary,
  type SavedImportMapping,
} from '../../../shared/contract/imports';
import type { RestoredBackup } from '../../../shared/contract/backups';
import type { IsoDate } from '../../../shared/domain';
import type { SavedExport } from '../../../shared/contract/exports';
import { DomainError } from '../../../shared/errors';
import { listBackups } from '../backup/backupFiles';
import { portfolioChanged, type CoreContext } from '../context';
import { accessRepository } from '../db/accessRepository';
import { importRepository, type ImportRow } from '../db/importRepository';
import { saveExport, whole } from '../exports/saveExport';
import { accessEffects, touchedContacts } from '../import/accessEffects';
import { applyPlan } from '../import/apply';
import { levelCounts, planChanges, recordChanges, type PlanChanges } from '../import/changes';
import { checkMapping } from '../import/mapping';
import { importRuns, type ImportRunControl, type ImportStep } from '../import/importRun';
import { endingOf, planImport, type ImportPlan } from '../import/plan';
import { readImportFile, type ImportTable } from '../import/readTable';
import { rejectedRowsFile } from '../import/rejectedRows';
import { rejectedByLevel } from '../import/rejectionLevels';
import { suggestMapping } from '../import/suggest';
import { displayName, nameOfRow } from './portfolioViews';
import type { backupService } from './backupService';
import type { SettingsService } from './settingsService';

/**
 * The last dry run's plan, kept for the commit that follows it: made again only when the run
 * differs (but for the missing contracts to end), the day changed, or the store did (its mark).
 */
interface KeptPlan {
  key: string;
  today: IsoDate;
  mark: string;
  plan: ImportPlan;
  changes: PlanChanges;
}

/** SQLite's page cache while a commit writes (KiB; db/importRepository.ts cacheKib). */
const IMPORT_CACHE_KIB = 128 * 1024;

function planKey(run: ImportRunValue): string {
  return JSON.stringify([run.fileId, run.mapping, run.values, run.updateOnly]);
}

interface OpenedFile {
  fileId: string;
  fileName: string;
  sha256: string;
  table: ImportTable;
}

/**
 * The opened file is kept on disk too (`<dataDir>/imports/<fileId>.json` + `.bin`), the latest one
 * only: a reloaded window, or a core opened again on the same data, carries on with it.
 */
function keptFiles(dataDir: string) {
  const folder = path.join(dataDir, 'imports');
  const meta = (fileId: string) => path.join(folder, `${fileId}.json`);
  const bytes = (fileId: string) => path.join(folder, `${fileId}.bin`);
  return {
    keep(fileId: string, fileName: string, sheet: string | null, data: Buffer): void {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(bytes(fileId), data);
      fs.writeFileSync(meta(fileId), JSON.stringify({ fileName, sheet }));
    },
    read(fileId: string): { fileName: string; sheet: string | null; data: Buffer } | null {
      if (!fs.existsSync(meta(fileId))) return null;
      const { fileName, sheet } = JSON.parse(fs.readFileSync(meta(fileId), 'utf8')) as {
        fileName: string;
        sheet: string | null;
      };
      return { fileName, sheet, data: fs.readFileSync(bytes(fileId)) };
    },
    forget(): void {
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function importService(
  ctx: CoreContext,
  settings: SettingsService,
  backups: ReturnType<typeof backupService>,
) {
  const repo = importRepository(ctx.db);
  const access = accessRepository(ctx.db);
  const files = keptFiles(ctx.dataDir);
  let opened: OpenedFile | null = null;
  let kept: KeptPlan | null = null;
  const runs = importRuns((progress) => ctx.announce({ 'imports.progress': progress }));
  let committing = false;

  function forgetFile(): void {
    opened = null;
    kept = null;
    files.forget();
  }

  async function fileOf(fileId: string, step: ImportStep): Promise<OpenedFile> {
    if (opened?.fileId === fileId) return opened;
    const stored = files.read(fileId);
    if (stored === null) throw new DomainError('IMPORT_FILE_GONE');
    opened = {
      fileId,
      fileName: stored.fileName,
      sha256: sha256Of(stored.data),
      table: await readImportFile(stored.fileName, stored.data, stored.sheet, step),
    };
    return opened;
  }

  function savedFor(headers: readonly string[]): SavedImportMapping[] {
    const same = JSON.stringify(headers);
    const all = repo.savedMappings();
    return [
      ...all.filter((m) => JSON.stringify(m.headers) === same),
      ...all.filter((m) => JSON.stringify(m.headers) !== same),
    ];
  }

  /** The plan and its changes for a run, on the store as it is now, computed in slices (`step`). */
  async function computed(run: ImportRunValue, step: ImportStep) {
    const file = await fileOf(run.fileId, step);
    checkMapping(run.mapping, file.table.headers.length);
    const today = ctx.clock.today();
    const key = planKey(run);
    const mark = repo.stateMark();
    if (kept?.key !== key || kept.today !== today || kept.mark !== mark) {
      kept = null;
      const plan = await planImport(file.table, run, repo, today, step);
      kept = { key, today, mark, plan, changes: planChanges(plan) };
    }
    const plan = { ...kept.plan, ending: endingOf(kept.plan.missing, run.endMissing) };
    return { file, today, mark: kept.mark, plan, changes: kept.changes };
  }

  async function previewOf(run: ImportRunValue, step: ImportStep): Promise<ImportPreview> {
    const { file, today, plan, changes } = await computed(run, step);
    const current = settings.getAccess();
    const touched = touchedContacts(plan, changes, repo);
    const rejected = [...plan.rejected.values()].sort((a, b) => a.line - b.line);
    const labels = new Map(
      repo.unitLabels([...new Set(plan.missing.map((k) => k.unit_id))]).map((u) => [u.id, u]),
    );
    const names = new Map(
      touched.filter((t) => t.contactId !== null).map((t) => [t.contactId, t.displayName] as const),
    );
    // The missing contracts' contacts the file does not name (unless chosen to end: then touched).
    const listed = plan.missing.slice(0, IMPORT_PREVIEW_LIMIT);
    const unnamed = [...new Set(listed.map((k) => k.contact_id))].filter((id) => !names.has(id));
    for (const row of repo.contactsById(unnamed)) names.set(row.id, displayName(nameOfRow(row)));
    return {
      fileId: file.fileId,
      today,
      rows: { total: plan.rows, imported: plan.rows - plan.rejected.size, rejected: plan.rejected.size },
      counts: levelCounts(changes),
      changes: recordChanges(changes, IMPORT_PREVIEW_LIMIT),
      rejected: {
        total: rejected.length,
        byLevel: rejectedByLevel(rejected),
        items: rejected.slice(0, IMPORT_PREVIEW_LIMIT),
      },
      ...accessEffects(touched, current, today, access.seatsUsed(current, today)),
      missingContracts: {
        total: plan.missing.length,
        items: listed.map((k) => ({
          contractId: k.id,
          contactName: names.get(k.contact_id) ?? '',
          propertyName: labels.get(k.unit_id)?.property_name ?? '',
          unitLabel: labels.get(k.unit_id)?.label ?? '',
          number: k.number,
          start: k.start_date,
          end: k.end_date,
        })),
      },
      archivedContacts: plan.archivedContacts,
    };
  }

  async function commitRun(
    run: ImportRunValue & { mappingName: string | null },
    control: ImportRunControl,
  ): Promise<ImportSummary> {
    const { file, plan, changes, mark } = await computed(run, control.step);
    if (plan.rows === plan.rejected.size) throw new DomainError('IMPORT_NOTHING_TO_IMPORT');
    control.startWriting();
    control.report('writing', 0, plan.rows);
    const backup = await backups.beforeImport();
    const cacheBefore = repo.cacheKib(IMPORT_CACHE_KIB);
    const summary = await ctx
      .change(
        async (audit) => {
          if (repo.stateMark() !== mark) throw new DomainError('IMPORT_STORE_CHANGED');
          const now = ctx.clock.now();
          const counted = {
            rows: {
              total: plan.rows,
              imported: plan.rows - plan.rejected.size,
              rejected: plan.rejected.size,
            },
            counts: levelCounts(changes),
            endedContracts: plan.ending.filter((e) => e.row.end_date !== e.end).length,
          };
          const importId = repo.insertImport({
            at: now,
            actor: ctx.actor,
            file_name: file.fileName,
            sha256: file.sha256,
            summary: JSON.stringify(counted),
            backup_name: backup.name,
            first_audit_id: null,
            last_audit_id: null,
          });
          const firstAudit = repo.lastAuditId() + 1;
          audit({
            action: 'import.commit',
            entity: 'import',
            entityId: importId,
            after: {
              fileName: file.fileName,
              sha256: file.sha256,
              mapping: run.mapping,
              values: run.values,
              ...counted,
              backup: backup.name,
            },
          });
          // Written now, so that it is the import's first row (firstAudit); the records follow.
          await audit.flush();
          const records = plan.properties.size + plan.units.size + plan.contacts.size + plan.contracts.size;
          await applyPlan(
            ctx.db,
            ctx.store,
            repo,
            plan,
            changes,
            (entry) => repo.recordAudit(now, ctx.actor, entry),
            now,
            (done) => control.report('writing', done, records),
          );
          repo.auditSubjectsFrom(firstAudit + 1);
          repo.setAuditRange(importId, firstAudit, repo.lastAuditId());
          repo.saveMapping(
            {
              name: run.mappingName ?? file.fileName,
              headers: file.table.headers,
              mapping: run.mapping,
              values: run.values,
              usedAt: now,
            },
            KEPT_IMPORT_MAPPINGS,
          );
          const result: ImportSummary = {
            id: importId,
            at: now,
            actor: ctx.actor,
            fileName: file.fileName,
            sha256: file.sha256,
            ...counted,
            backup,
          };
          return result;
        },
        { emits: portfolioChanged },
      )
      .finally(() => repo.cacheKib(cacheBefore));
    forgetFile();
    return summary;
  }

  function summaryOf(row: ImportRow): ImportSummary {
    const counted = JSON.parse(row.summary) as Pick<ImportSummary, 'rows' | 'counts' | 'endedContracts'>;
    const backup = listBackups(ctx.dataDir).find((b) => b.name === row.backup_name) ?? null;
    return {
      id: row.id,
      at: row.at,
      actor: row.actor,
      fileName: row.file_name,
      sha256: row.sha256,
      ...counted,
      backup,
    };
  }

  return {
    async open(fileName: string, dataBase64: string, sheet: string | null): Promise<ImportFileView> {
      const bytes = Buffer.from(dataBase64, 'base64');
      const fileId = randomUUID();
      const table = await runs.run(fileId, ({ step }) => readImportFile(fileName, bytes, sheet, step));
      const file: OpenedFile = { fileId, fileName, sha256: sha256Of(bytes), table };
      files.keep(file.fileId, fileName, sheet, bytes);
      opened = file;
      return {
        fileId: file.fileId,
        fileName,
        sha256: file.sha256,
        format: table.format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        sheets: table.sheets,
        sheet: table.sheet,
        headers: table.headers,
        sample: table.rows.slice(0, 10),
        rowCount: table.rows.length,
        suggested: suggestMapping(table.headers),
        savedMappings: savedFor(table.headers),
      };
    },

    /** The dry run, in slices with progress; cancelled by `cancel`. */
    preview: (run: ImportRunValue): Promise<ImportPreview> =>
      runs.run(run.fileId, ({ step }) => previewOf(run, step)),

    /** The rejected rows as a file, written where the user chooses (made before the dialog opens). */
    async rejectedRows(run: ImportRunValue & { language: 'de' | 'en' }): Promise<SavedExport> {
      const made = await runs.run(run.fileId, async ({ step }) => {
        const { file, plan } = await computed(run, step);
        return rejectedRowsFile(file.fileName, file.table, plan.rejected, run.language);
      });
      const { suggestedName, kind, bytes, rows } = made;
      return await saveExport(ctx.saveDialog, { suggestedName, kind }, () => whole(bytes, rows));
    },

    /**
     * The plan in slices (cancellable), then backup "Vor Import" and the valid rows in one change
     * (no longer cancellable); refused when nothing can be imported, or when the portfolio changed
     * while the plan was made (IMPORT_STORE_CHANGED: the plan would be stale).
     */
    async commit(run: ImportRunValue & { mappingName: string | null }): Promise<ImportSummary> {
      if (committing) throw new DomainError('IMPORT_BUSY');
      committing = true;
      try {
        return await runs.run(run.fileId, (control) => commitRun(run, control));
      } finally {
        committing = false;
      }
    },

    /**
     * Stops a running read, dry run or commit of the file (IMPORT_CANCELLED, nothing written) and
     * forgets the file if it is the one kept; another id changes nothing. A commit that already
     * writes finishes (its one transaction cannot be stopped halfway).
     */
    cancel(fileId: string): null {
      if (!runs.cancel(fileId)) return null;
      if (opened?.fileId !== fileId && files.read(fileId) === null) return null;
      forgetFile();
      return null;
    },

    history: (): ImportSummary[] => repo.history().map(summaryOf),

    /** "Zustand vor diesem Import wiederherstellen": the backup made just before it. */
    restoreBefore(id: number): Promise<RestoredBackup> {
      const row = repo.get(id);
      if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'import', id });
      const backup = listBackups(ctx.dataDir).find((b) => b.name === row.backup_name);
      if (backup === undefined) throw new DomainError('IMPORT_BACKUP_GONE');
      return backups.restore(backup.name);
    },

    /** The audit rows of one import (the Protokoll filter): first and last id, or null. */
    auditRange(id: number): { first: number; last: number } | null {
      const row = repo.get(id);
      if (row?.first_audit_id == null || row.last_audit_id == null) return null;
      return { first: row.first_audit_id, last: row.last_audit_id };
    },
  };
}
export type ImportService = ReturnType<typeof importService>;
