/**
 * Large outputs: letters rendered off the main thread with progress, and exports written by the
 * main process to a file the user chose in the system's save dialog (never a path from the page).
 * No file travels over IPC: the page gets a file's name and count, never its bytes.
 */
import { z } from 'zod';
import { channel } from './channel';

/** The most letters one request renders into one PDF (a share, a property's invitations, a print batch). */
export const MAX_LETTERS = 10_000;

/** A running letters PDF: letters set so far of all. */
export interface LettersProgress {
  done: number;
  total: number;
}

/**
 * What an export to a file answered: written in full to the file the user chose (its name, and
 * how many rows, contacts or letters it holds — each export says which), or nothing written
 * because the save dialog was cancelled.
 */
export type SavedExport = { saved: true; fileName: string; count: number } | { saved: false };

/**
 * Letters made by a change (a property's invitation letters with their registration codes, a
 * SmartPost share's letters): rendered before the change commits, then held in the main process's
 * memory (never on disk) until the user saves them with `exports.save` — as often as wanted, until
 * newer ones replace them or the app ends.
 */
export interface HeldFile {
  id: string;
  /** The name suggested in the save dialog. */
  fileName: string;
  /** Letters in the file. */
  count: number;
}

export const exportChannels = {
  /** Asks the save dialog where a held file goes and writes it there (EXPORT_GONE once dropped). */
  'exports.save': channel<SavedExport>()(z.strictObject({ id: z.uuid() })),
} as const;
