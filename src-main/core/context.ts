import { DomainError } from '../../shared/errors';
import type { EventName, EventPayloads } from '../../shared/ipc';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { Store } from './db/store';
import { accessFigures, type AccessFigures } from './db/accessFigures';
import { auditRepository, type AuditEntry, type AuditRecord } from './db/auditRepository';
import type { PreferenceStore } from './preferences';
import { noSaveDialog, type SaveDialog } from './exports/saveExport';
import type { SecretStore } from './secrets';

/**
 * How a change's work records its audit rows: a plain call, the row kept in order and written in the
 * change's transaction once the work has resolved. `flush` writes the rows recorded so far at once,
 * for a work that reads its own rows back (the import notes the range of ids it wrote).
 */
export interface Audit {
  (entry: AuditEntry): void;
  flush(): Promise<void>;
}

/** The events a change announces once it has committed, with their payloads. */
export type Emits = { readonly [E in EventName]?: EventPayloads[E] };

/** What most changes announce: the portfolio (or something shown with it) changed. */
export const portfolioChanged: Emits = { 'portfolio.changed': {} };

const unchanged = Symbol('unchanged');

/** What a change's work returns when it found nothing to write: the answer to give instead. */
export interface NoChange<T> {
  readonly [unchanged]: T;
}

export function noChange<T>(answer: T): NoChange<T> {
  return { [unchanged]: answer };
}

function isNoChange<T>(outcome: T | NoChange<T>): outcome is NoChange<T> {
  return typeof outcome === 'object' && outcome !== null && unchanged in outcome;
}

/** Thrown only inside `change`, where it is caught: throwing is how a store's transaction rolls back. */
const rollback = new Error('rollback');

/** What every service gets: the store, the clock, who is acting, and the one way to write. */
/** Data stores being restored: every change on them is refused meanwhile (RESTORE_IN_PROGRESS). */
const restoring = new WeakSet<Db>();

/**
 * Runs `task` — a restore, which holds the store's write lock across event-loop turns — with every
 * change on `db` refused at once as RESTORE_IN_PROGRESS instead of waiting out the busy timeout.
 */
export async function refusingChanges<T>(db: Db, task: () => Promise<T>): Promise<T> {
  restoring.add(db);
  try {
    return await task();
  } finally {
    restoring.delete(db);
  }
}

export interface CoreContext {
  /** The storage port (db/store.ts): repositories on it are async. */
  store: Store;
  /** The SQLite handle under `store`, for the repositories not yet on the port (and SQLite-only work). */
  db: Db;
  /** The data folder: the database file and the content-addressed documents live here. */
  dataDir: string;
  clock: Clock;
  actor: string;
  preferences: PreferenceStore;
  secrets: SecretStore;
  /** The shell's save dialog: where an export goes (exports/saveExport.ts). */
  saveDialog: SaveDialog;
  /**
   * Runs one mutation as one transaction of the store (store.ts: one at a time, found by every
   * query made while `work` runs). `work` records its audit row(s) with `audit`; a change
   * that records none is rolled back, so no mutation can skip the audit. After the commit, and only
   * then, the declared `emits` go out, so no mutation can skip its events either. When `work` finds
   * nothing to write it returns `noChange(answer)`: the transaction is rolled back, nothing is
   * announced, and `change` returns `answer`. `actor` names who acts when it is not the core's
   * (the automatic rules: 'automatisch').
   */
  change<T>(
    work: (audit: Audit) => Promise<T | NoChange<T>>,
    declared: { emits: Emits; actor?: string },
  ): Promise<T>;
  /**
   * Announces a change made outside `change`: a restore copies a whole store in, its audit row
   * written into the copy beforehand, so the store and its row arrive in one transaction.
   */
  announce(emits: Emits): void;
  /**
   * The maintained access figures (db/accessFigures.ts) to read, brought up to date first when a
   * writer outside a change left marks (another connection, a bulk load): every change settles its own.
   */
  figures(): Promise<AccessFigures>;
}

export function createContext(options: {
  store: Store;
  db: Db;
  dataDir: string;
  clock: Clock;
  actor: string;
  preferences: PreferenceStore;
  secrets: SecretStore;
  /** None: every export is cancelled. */
  saveDialog?: SaveDialog;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Runs inside every change's transaction after its work, before the commit (the access figures). */
  settle(): void | Promise<void>;
}): CoreContext {
  const { emit, settle, ...rest } = options;
  const audit = auditRepository(options.store);
  const announce = (emits: Emits) => {
    for (const [event, payload] of Object.entries(emits) as [EventName, never][]) emit(event, payload);
  };
  const figures = accessFigures(options.db);
  return {
    ...rest,
    saveDialog: options.saveDialog ?? noSaveDialog,
    announce,
    async figures() {
      if (figures.marked()) await options.store.transaction(async () => settle());
      return figures;
    },
    async change<T>(
      work: (audit: Audit) => Promise<T | NoChange<T>>,
      { emits, actor = options.actor }: { emits: Emits; actor?: string },
    ): Promise<T> {
      if (restoring.has(options.db)) throw new DomainError('RESTORE_IN_PROGRESS');
      let skipped: NoChange<T> | undefined;
      let result: T;
      try {
        result = await options.store.transaction(async (): Promise<T> => {
          // Kept in order while the work runs and written once it has resolved, in this transaction:
          // `audit` stays a plain call for the services, and a work that throws writes no row.
          const pending: AuditRecord[] = [];
          let written = 0;
          const flush = async () => {
            written += pending.length;
            await audit.record(pending.splice(0));
          };
          const record = (entry: AuditEntry) => {
            pending.push({ at: options.clock.now(), actor, entry });
          };
          const outcome = await work(Object.assign(record, { flush }));
          if (isNoChange(outcome)) {
            skipped = outcome;
            throw rollback;
          }
          await flush();
          if (written === 0) throw new Error('a mutation must record an audit row');
          await settle();
          return outcome;
        });
      } catch (error) {
        if (error === rollback && skipped !== undefined) return skipped[unchanged];
        throw error;
      }
      announce(emits);
      return result;
    },
  };
}
