/**
 * Large outputs: letters rendered off the main thread with progress, and exports written by the
 * main process to a file the user chose in the system's save dialog (never a path from the page).
 */

/** The most letters one request renders into one PDF (a share, a property's invitations, a print batch). */
export const MAX_LETTERS = 10_000;

/** A running letters PDF: letters set so far of all. */
export interface LettersProgress {
  done: number;
  total: number;
}

/**
 * What an export to a file answered: written in full to the file the user chose (its name, and
 * how many rows or letters it holds), or nothing written because the save dialog was cancelled.
 */
export type SavedExport = { saved: true; fileName: string; count: number } | { saved: false };
