/**
 * Letters a change has made (a property's invitation letters with their registration codes, a
 * SmartPost share's letters) cannot be made again later — the codes are stored only as hashes — and
 * the user has not chosen a place for them yet when the change commits. They are rendered before
 * the commit (a refusal then changes nothing), held here in the main process's memory, never on
 * disk and never sent to the page, and written where the user chooses with `exports.save`
 * (saveExport.ts), as often as wanted. The newest MAX_HELD per core are kept; an older one answers
 * EXPORT_GONE, as does any after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { HeldFile, SavedExport } from '../../../shared/contract/exports';
import { DomainError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { safeFileName } from '../storage/documentCheck';
import { saveExport, whole, type ExportKind } from './saveExport';

/** Held files per core: a few batches of letters, at most MAX_LETTERS each. */
export const MAX_HELD = 4;

interface Held extends HeldFile {
  kind: ExportKind;
  bytes: Uint8Array;
}

const letterFileNames = {
  invitation: { de: 'Einladungsbrief', en: 'Invitation-letter' },
  invitations: { de: 'Einladungsbriefe', en: 'Invitation-letters' },
  smartpost: { de: 'SmartPost', en: 'SmartPost' },
} as const;

/** The name suggested for a PDF of letters, in the app's language: "Einladungsbriefe-<property>.pdf". */
export function lettersFileName(
  ctx: CoreContext,
  kind: keyof typeof letterFileNames,
  subject: string,
): string {
  const language = ctx.preferences.read().language ?? 'de';
  return safeFileName(`${letterFileNames[kind][language]}-${subject}.pdf`);
}

const heldByCore = new WeakMap<CoreContext, Map<string, Held>>();

export function heldFiles(ctx: CoreContext) {
  let held = heldByCore.get(ctx);
  if (held === undefined) {
    held = new Map();
    heldByCore.set(ctx, held);
  }
  const files = held;
  return {
    /** Keeps `bytes` for saving; the answer names it for the page. */
    hold(file: { fileName: string; kind: ExportKind; count: number; bytes: Uint8Array }): HeldFile {
      const id = randomUUID();
      files.set(id, { id, ...file });
      for (const oldest of files.keys()) {
        if (files.size <= MAX_HELD) break;
        files.delete(oldest);
      }
      return { id, fileName: file.fileName, count: file.count };
    },

    /** Writes a held file where the user chooses in the save dialog (cancelled: nothing written). */
    async save(id: string): Promise<SavedExport> {
      const file = files.get(id);
      if (file === undefined) throw new DomainError('EXPORT_GONE');
      return await saveExport(ctx.saveDialog, { suggestedName: file.fileName, kind: file.kind }, () =>
        whole(file.bytes, file.count),
      );
    },
  };
}
