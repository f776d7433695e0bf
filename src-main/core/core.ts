import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DomainError, errorCodes, type AppError, type ErrorCode, type Result } from '../../shared/errors';
import { contract, isChannel, type EventName, type EventPayloads } from '../../shared/ipc';
import { isPlainJson } from '../../shared/plainJson';
import { systemClock, type Clock } from './clock';
import { createContext } from './context';
import { accessFigures } from './db/accessFigures';
import { DATABASE_FILE, openDatabase } from './db/connection';
import { settingsRepository } from './db/settingsRepository';
import { sqliteStore } from './db/sqliteStore';
import { filePreferenceStore, type PreferenceStore } from './preferences';
import { guardedSecretStore, memorySecretStore, type SecretStore } from './secrets';
import { createHandlers } from './handlers';
import type { Handlers } from './handlers/types';
import { createServices } from './services';
import { recordOfflineRestore, startAutomaticBackups } from './services/backupService';
import { startHourly } from './services/hourly';
import { storedAccessSettings } from './services/settingsService';
import type { OfflineRestore } from './backup/backupFiles';
import { lockDataDir } from './startup/dataDirLock';
import type { SaveDialog } from './exports/saveExport';

export interface CoreOptions {
  /** Folder holding the data store (created if missing). */
  dataDir: string;
  clock?: Clock;
  /** Who is acting, for the audit log. */
  actor?: string;
  preferences?: PreferenceStore;
  /** Defaults to memory: secrets then last as long as the process. */
  secrets?: SecretStore;
  /** Where exports are saved: the shell's save dialog (none by default: every export is cancelled). */
  saveDialog?: SaveDialog;
  /** A backup a day in `<dataDir>/backups/` (the app turns it on; off by default, so tests stay quiet). */
  automaticBackups?: boolean;
  /**
   * The automatic rules' hourly check (the app turns it on; off by default, so tests run them with
   * `automation.run` on the day they choose). The rules themselves are switched in the settings.
   */
  automaticRules?: boolean;
  /**
   * Set once, by the start-up fault screen right after it restored this backup with no core open:
   * the core records the restore in the audit log as soon as the store is open.
   */
  restoredAtStartup?: OfflineRestore;
}

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;

export interface Core {
  /** The one entry point of every request: validate, run, answer with a typed result. */
  invoke(channel: unknown, payload?: unknown): Promise<Result<unknown>>;
  events: {
    on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
    /** Every event, for transports that forward them all (IPC, the UI harness). */
    onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  };
  close(): void;
}

export { DATABASE_FILE } from './db/connection';

/** The listeners of a core's events: the `events` it hands out, and `emit` to reach them all. */
export function eventHub(): {
  events: Core['events'];
  emit(event: EventName, payload: unknown): void;
  clear(): void;
} {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  return {
    events: {
      on(event, listener) {
        const forward = (name: EventName, payload: unknown) => {
          if (name === event) listener(payload as EventPayloads[typeof event]);
        };
        listeners.add(forward);
        return () => listeners.delete(forward);
      },
      onAny(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    clear() {
      listeners.clear();
    },
  };
}

const codeSet: ReadonlySet<string> = new Set(errorCodes);

/** A zod failure becomes the code its schema named (e.g. DAYS_OUT_OF_RANGE) or INVALID_PAYLOAD. */
function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const named = issue?.message && codeSet.has(issue.message) ? (issue.message as ErrorCode) : null;
  return { code: named ?? 'INVALID_PAYLOAD', params: { field } };
}

/** Validates a request and runs its handler: the one way into the core (also of the start-up fault core). */
export function dispatcher(handlers: Handlers): Core['invoke'] {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', params: { channel: String(channel).slice(0, 80) } },
      };
    }
    if (!isPlainJson(payload))
      return { ok: false, error: { code: 'INVALID_PAYLOAD', params: { field: '' } } };
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof DomainError)
        return { ok: false, error: { code: error.code, params: error.params } };
      console.error(`core: ${channel} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', params: {} } };
    }
  };
}

export function createCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(path.join(options.dataDir, DATABASE_FILE));
  } catch (error) {
    unlock();
    throw error;
  }
  const hub = eventHub();
  const clock = options.clock ?? systemClock;
  // The access figures follow every change (context.ts) and are brought up to date once at open:
  // the first fill after migration 8, writes made with no core open, a new day (db/accessFigures.ts).
  const figures = accessFigures(db);
  const settingsRows = settingsRepository(db);
  const settle = () => figures.settle(storedAccessSettings(settingsRows), clock.today());
  try {
    db.transaction(settle)();
  } catch (error) {
    db.close();
    throw error;
  }
  const ctx = createContext({
    store: sqliteStore(db),
    db,
    dataDir: options.dataDir,
    clock,
    settle,
    actor: options.actor ?? 'local',
    preferences: options.preferences ?? filePreferenceStore(path.join(options.dataDir, 'preferences.json')),
    secrets: guardedSecretStore(options.secrets ?? memorySecretStore()),
    saveDialog: options.saveDialog,
    emit: hub.emit,
  });
  const services = createServices(ctx);
  const handlers = createHandlers(services);
  if (options.restoredAtStartup) {
    try {
      recordOfflineRestore(ctx, options.restoredAtStartup);
    } catch (error) {
      db.close();
      unlock();
      throw error;
    }
  }
  const stopAutomaticBackups = options.automaticBackups ? startAutomaticBackups(ctx) : undefined;
  const stopAutomation = options.automaticRules
    ? startHourly('automatic rules', services.automation.run)
    : undefined;
  let closed = false;

  return {
    invoke: dispatcher(handlers),
    events: hub.events,
    close() {
      if (closed) return;
      closed = true;
      stopAutomaticBackups?.();
      stopAutomation?.();
      hub.clear();
      db.close();
      unlock();
    },
  };
}
