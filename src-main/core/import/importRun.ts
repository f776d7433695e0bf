/**
 * A running read, dry run or commit of one file: its progress (event `imports.progress`) and its
 * cancel. The long loops of an import (parsing, reading rows, matching them) run in slices; between
 * two slices `step` reports how far it got and gives the event loop back, so the core answers every
 * other request meanwhile (the window never waits for an import), and a cancel that arrived is
 * honoured there (IMPORT_CANCELLED, nothing written). Once a commit writes — the backup, then the
 * one change — it can no longer be cancelled: it is one transaction and finishes or rolls back whole.
 *
 * Why slices on the core's thread and not a worker_threads worker: the dry run reads the store
 * through the core's own connection (soon its async storage port, possibly PostgreSQL), and the
 * commit must write the plan it computed on that same connection; a worker would need a second
 * connection and would ship a plan of 100,000 rows back by structured clone. Slicing keeps one
 * store and one plan and bounds every stall of the core to one slice.
 */
import type { ImportPhase, ImportProgress } from '../../../shared/contract/imports';
import { DomainError } from '../../../shared/errors';

/** Rows (or records) per slice of work. */
export const IMPORT_SLICE = 2000;

/** Lets the event loop run: IPC requests, timers and I/O waiting behind the import go first. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Between two slices of one run: report, yield, stop when cancelled. */
export type ImportStep = (phase: ImportPhase, done: number, total: number, rows?: number) => Promise<void>;

export interface ImportRunControl {
  step: ImportStep;
  /** Reports progress without yielding (inside the commit's transaction). */
  report(phase: ImportPhase, done: number, total: number): void;
  /** From here on the run writes: a cancel is refused (too late), the run finishes. */
  startWriting(): void;
}

/** The runs of one core, at most one per file. */
export function importRuns(emit: (progress: ImportProgress) => void) {
  const running = new Map<string, { cancelled: boolean; writing: boolean }>();

  return {
    /** Runs `work` as the run of `fileId`; another run of that file waits its turn (IMPORT_BUSY). */
    async run<T>(fileId: string, work: (control: ImportRunControl) => Promise<T>): Promise<T> {
      if (running.has(fileId)) throw new DomainError('IMPORT_BUSY');
      const state = { cancelled: false, writing: false };
      running.set(fileId, state);
      let rows = 0;
      const report = (phase: ImportPhase, done: number, total: number) =>
        emit({ fileId, phase, done, total, rows });
      try {
        return await work({
          async step(phase, done, total, read = done) {
            rows = read;
            report(phase, done, total);
            await yieldToLoop();
            if (state.cancelled) throw new DomainError('IMPORT_CANCELLED');
          },
          report,
          startWriting() {
            state.writing = true;
          },
        });
      } finally {
        running.delete(fileId);
      }
    },

    /** Cancels the run of `fileId`; false when it already writes (then it finishes). */
    cancel(fileId: string): boolean {
      const state = running.get(fileId);
      if (state === undefined) return true;
      if (state.writing) return false;
      state.cancelled = true;
      return true;
    },
  };
}
export type ImportRuns = ReturnType<typeof importRuns>;
