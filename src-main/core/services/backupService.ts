/**
 * Administration › Datensicherung: backups made on request, automatically once a day, restored
 * while the app runs, and deleted. The files themselves are handled by core/backup/backupFiles.ts.
 *
 * A restore copies the backup INTO the open data store with SQLite's backup API (backup read-only →
 * live file), in one step and one write transaction: the core's connection and its prepared
 * statements stay valid, and a failure leaves the store as it was. It then migrates an older backup,
 * records its audit row in the restored store and tells every screen to reload.
 *
 * A restore from the start-up fault screen happens while no core is open (backupFiles.ts,
 * restoreBackupOffline); the core opened on the restored store then records it: `recordOfflineRestore`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  BackupInfo,
  BackupKind,
  BackupOverview,
  RestoredBackup,
} from '../../../shared/contract/backups';
import { berlinToday } from '../../../shared/dates';
import { DomainError } from '../../../shared/errors';
import {
  backupFolder,
  findBackup,
  hiddenBackups,
  hideBackup,
  listBackups,
  pruneAutomaticBackups,
  verifyBackupFile,
  writeBackup,
  type HiddenBackup,
  type OfflineRestore,
} from '../backup/backupFiles';
import { refusingChanges, type CoreContext } from '../context';
import { auditRepository, recordOnHandle, type AuditEntry } from '../db/auditRepository';
import { migrate } from '../db/migrations';
import { isDiskFull } from '../storage/diskFull';
import { startHourly } from './hourly';
import type { SettingsService } from './settingsService';

/** Pages per backup step when restoring: all of them at once (the largest number SQLite accepts). */
const ALL_PAGES = 0x7fffffff;

/**
 * Backups and restores of one data store run one after another: kept per database (like the outbox's
 * delivery queue), so the automatic schedule and the requests share it.
 */
const queues = new WeakMap<object, Promise<unknown>>();

function serialized<T>(db: object, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(db) ?? Promise.resolve()).then(task);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

/** Copies the whole backup file into the live store, through a connection of its own. */
async function copyIntoLiveStore(backupFile: string, liveFile: string): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(liveFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

function makeBackup(ctx: CoreContext, kind: BackupKind): Promise<BackupInfo> {
  return writeBackup(ctx.db, ctx.dataDir, kind, ctx.clock.now()).catch((error: unknown) => {
    // A store closed under a running backup (the app quitting) is no failure worth a log line.
    if (ctx.db.open) console.error('core: backup failed', error);
    if (isDiskFull(error)) throw new DomainError('DISK_FULL', { folder: backupFolder(ctx.dataDir) });
    throw new DomainError('BACKUP_FAILED', { folder: backupFolder(ctx.dataDir) });
  });
}

async function recordCreated(ctx: CoreContext, backup: BackupInfo, pruned: string[] = []): Promise<void> {
  await ctx.change(
    async (audit) =>
      audit({
        action: 'backup.created',
        entity: 'backup',
        entityId: backup.name,
        after: { kind: backup.kind, sizeBytes: backup.sizeBytes, ...(pruned.length ? { pruned } : {}) },
      }),
    { emits: {} },
  );
}

/**
 * The audit row of a restore: the backup and where the state before it went (a 'beforeRestore'
 * backup, or the store file moved aside by the start-up screen).
 */
function restoredEntry(
  restored: BackupInfo,
  previous: { beforeRestore: string } | { replaced: string; from: 'startupScreen' },
): AuditEntry {
  return {
    action: 'backup.restored',
    entity: 'backup',
    entityId: restored.name,
    after: { createdAt: restored.createdAt, ...previous },
  };
}

/**
 * A copy of the backup file, migrated, with the restore's audit row already in it: copied into the
 * live store in one transaction, the restored state and its row arrive together or not at all. Its
 * temporary name is swept by the next backup should a crash leave it.
 */
function preparedCopy(ctx: CoreContext, file: string, entry: AuditEntry): string {
  const temporary = path.join(backupFolder(ctx.dataDir), `.${randomBytes(6).toString('hex')}.tmp`);
  fs.copyFileSync(file, temporary);
  const copy = new Database(temporary);
  try {
    migrate(copy);
    copy.transaction(() => recordOnHandle(copy, { at: ctx.clock.now(), actor: ctx.actor, entry }))();
  } finally {
    copy.close();
  }
  return temporary;
}

/**
 * Records a restore made by the start-up fault screen, once the restored store is open. It announces
 * nothing: the core is still being built, nobody listens yet.
 */
export function recordOfflineRestore(ctx: CoreContext, { backup, replaced }: OfflineRestore): void {
  // At open, before any request: written on the SQLite handle like the migrations, so that the
  // open fails (and the start-up screen says so) when it cannot be recorded.
  const entry = restoredEntry(backup, { replaced, from: 'startupScreen' });
  ctx.db.transaction(() => recordOnHandle(ctx.db, { at: ctx.clock.now(), actor: ctx.actor, entry }))();
}

/**
 * Finishes deletions a crash interrupted between hiding a backup and removing it (see `delete`): one
 * whose `backup.deleted` row committed is removed, one whose row did not is listed again.
 */
async function settleInterruptedDeletions(ctx: CoreContext): Promise<void> {
  const hidden = hiddenBackups(ctx.dataDir);
  if (hidden.length === 0) return;
  const audit = auditRepository(ctx.store);
  for (const backup of hidden) {
    const recorded = (await audit.ofEntities('backup', [backup.name])).some(
      (row) => row.action === 'backup.deleted',
    );
    if (recorded) backup.discard();
    else backup.putBack();
  }
}

/** The Berlin calendar day of an instant: automatic backups follow the clock's instants. */
function dayOf(instant: string): string {
  return berlinToday(new Date(instant));
}

/**
 * Makes today's automatic backup unless one exists, and keeps the newest KEEP_AUTOMATIC. "Today" is
 * the day of `ctx.clock.now()`, not `ctx.clock.today()`: with a pinned business day (`--today`) the
 * schedule still follows the real calendar, one backup per real day. Null when none was due.
 */
function automaticBackupIfDue(ctx: CoreContext): Promise<BackupInfo | null> {
  return serialized(ctx.db, async () => {
    await settleInterruptedDeletions(ctx);
    const today = dayOf(ctx.clock.now());
    const done = listBackups(ctx.dataDir).some(
      (backup) => backup.kind === 'automatic' && dayOf(backup.createdAt) === today,
    );
    if (done) return null;
    const backup = await makeBackup(ctx, 'automatic');
    await recordCreated(ctx, backup, pruneAutomaticBackups(ctx.dataDir));
    return backup;
  });
}

/** The automatic schedule: a check now and then every hour. Returns the function that stops it. */
export function startAutomaticBackups(ctx: CoreContext): () => void {
  return startHourly('automatic backup', () => automaticBackupIfDue(ctx));
}

export function backupService(ctx: CoreContext, settings: SettingsService) {
  return {
    /** Answers after any backup or restore under way has finished. */
    overview(): Promise<BackupOverview> {
      return serialized(ctx.db, async () => ({
        folder: backupFolder(ctx.dataDir),
        backups: listBackups(ctx.dataDir),
      }));
    },

    /** "Sicherung erstellen": a manual backup, never pruned automatically. */
    create(): Promise<BackupInfo> {
      return serialized(ctx.db, async () => {
        const backup = await makeBackup(ctx, 'manual');
        await recordCreated(ctx, backup);
        return backup;
      });
    },

    /** The backup "Vor Import" the Stammdaten-Import makes before it writes (importService). */
    beforeImport(): Promise<BackupInfo> {
      return serialized(ctx.db, async () => {
        const backup = await makeBackup(ctx, 'beforeImport');
        await recordCreated(ctx, backup);
        return backup;
      });
    },

    /**
     * "Sicherung wiederherstellen": verify (a refusal touches nothing), save the current state as a
     * 'beforeRestore' backup, copy the backup in, migrate, audit, announce.
     */
    restore(name: string): Promise<RestoredBackup> {
      return serialized(ctx.db, async () => {
        const { backup: restored, file } = findBackup(ctx.dataDir, name);
        verifyBackupFile(file);
        const beforeRestore = await makeBackup(ctx, 'beforeRestore');
        let copy: string | undefined;
        try {
          copy = preparedCopy(ctx, file, restoredEntry(restored, { beforeRestore: beforeRestore.name }));
          // Copied in across event-loop turns, holding the write lock: other changes are refused meanwhile.
          const incoming = copy;
          await refusingChanges(ctx.db, () => copyIntoLiveStore(incoming, ctx.db.name));
        } catch (error) {
          // The copy is one write transaction on the live store: it failed as a whole.
          console.error('core: restore failed', error);
          throw new DomainError('RESTORE_FAILED');
        } finally {
          if (copy !== undefined) fs.rmSync(copy, { force: true });
        }
        migrate(ctx.db);
        // Everything may have changed: the settings and the portfolio.
        ctx.announce({ 'settings.changed': settings.getAccess(), 'portfolio.changed': {} });
        return { restored, beforeRestore };
      });
    },

    /**
     * Deletes one backup for good (e.g. one that still holds an anonymised contact's data). The
     * order keeps the folder and the audit log in step: the file is first renamed out of the list,
     * then the audit row commits, then the file is removed. A failed commit renames it back, so no
     * backup vanishes unaudited; deleting first could not be undone, and auditing first would record
     * a deletion that a failing unlink left undone. A crash in between is settled next time. Queued
     * like backups and restores, so it never removes a file one of them is still reading.
     */
    delete(name: string): Promise<BackupInfo> {
      return serialized(ctx.db, async () => {
        await settleInterruptedDeletions(ctx);
        const { backup } = findBackup(ctx.dataDir, name);
        let hidden: HiddenBackup | undefined;
        try {
          hidden = hideBackup(ctx.dataDir, backup.name);
          await ctx.change(
            async (audit) =>
              audit({
                action: 'backup.deleted',
                entity: 'backup',
                entityId: backup.name,
                before: { kind: backup.kind, createdAt: backup.createdAt },
              }),
            { emits: {} },
          );
        } catch (error) {
          hidden?.putBack();
          console.error('core: deleting a backup failed', error);
          throw new DomainError('BACKUP_DELETE_FAILED', { folder: backupFolder(ctx.dataDir) });
        }
        try {
          hidden.discard();
        } catch (error) {
          // Recorded and no longer listed; the file goes at the next settling.
          console.error('core: removing a deleted backup failed', error);
        }
        return backup;
      });
    },
  };
}
