/**
 * "Write this export to a file the user chooses" — the one way large outputs leave the app (the
 * Protokoll's CSV, the print batch's letters; more exports plug in the same way). Designed as VS
 * Code and Element do it: the shell owns the save dialog and the path; the page only asks for an
 * export by its channel and never names a path, so a hostile page can make the app write nowhere
 * but where the user has just pointed the system's dialog, for this very request.
 *
 * The content is streamed: the exporter yields chunks (pages of rows read from the database), and
 * they are written with back-pressure into a temporary file beside the chosen one, flushed to disk,
 * then renamed over it — memory stays bounded by a page, and a failed export (full disk, no right to
 * write) leaves the chosen place as it was, with no half-written file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SavedExport } from '../../../shared/contract/exports';
import { DomainError } from '../../../shared/errors';
import { isDiskFull } from '../storage/diskFull';

export type ExportKind = 'csv' | 'pdf' | 'xlsx' | 'sqlite';

/** The shell's save dialog (Electron: dialog.showSaveDialog; tests: a folder of their own). */
export interface SaveDialog {
  /** Asks the user where to save; the chosen absolute path, or null when the dialog was cancelled. */
  choose(request: { suggestedName: string; kind: ExportKind }): Promise<string | null>;
}

/** Where no one can be asked (the CLI, the benchmark): every export is cancelled. */
export const noSaveDialog: SaveDialog = { choose: () => Promise.resolve(null) };

/**
 * What an exporter yields: the file's chunks in order; what it returns: how many rows or letters
 * the file holds.
 */
export type ExportChunks = AsyncGenerator<string | Uint8Array, number, undefined>;

/** A file already made in memory (bounded elsewhere), as the exporter of saveExport. */
export async function* whole(bytes: string | Uint8Array, count: number): ExportChunks {
  yield bytes;
  return count;
}

/** Flushes a written file to the disk (before it is renamed into its place). */
export function syncToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Asks the shell's dialog for a file, then writes `produce()`'s chunks into it (see the file
 * comment). Cancelled: nothing is produced, nothing written. The exporter's own refusals (a
 * DomainError) come back as they are; a full disk is DISK_FULL, any other failure to write
 * EXPORT_FAILED with the system's code.
 */
export async function saveExport(
  dialog: SaveDialog,
  request: { suggestedName: string; kind: ExportKind },
  produce: () => ExportChunks,
): Promise<SavedExport> {
  const chosen = await dialog.choose({ ...request, suggestedName: path.basename(request.suggestedName) });
  if (chosen === null) return { saved: false };
  if (!path.isAbsolute(chosen)) throw new DomainError('EXPORT_FAILED', { reason: 'NOT_ABSOLUTE' });
  const target = path.resolve(chosen);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`,
  );
  let count = 0;
  async function* counted() {
    count = yield* produce();
  }
  const out = fs.createWriteStream(temp, { flags: 'wx' });
  try {
    await pipeline(Readable.from(counted()), out);
    syncToDisk(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    // The file may still be opening when the pipeline gives up: remove it once it is closed.
    if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
    fs.rmSync(temp, { force: true });
    if (error instanceof DomainError) throw error;
    if (isDiskFull(error)) throw new DomainError('DISK_FULL', { folder: path.dirname(target) });
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
    console.warn('export: writing failed', error);
    throw new DomainError('EXPORT_FAILED', { reason: code });
  }
  return { saved: true, fileName: path.basename(target), count };
}
