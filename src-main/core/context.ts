import type { EventName, EventPayloads } from '../../shared/ipc';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import { auditRepository, type AuditEntry } from './db/auditRepository';
import type { PreferenceStore } from './preferences';
import type { SecretStore } from './secrets';

/** What every service gets: the store, the clock, who is acting, and the way to announce changes. */
export interface CoreContext {
  db: Db;
  /** The data folder: the database file and the content-addressed documents live here. */
  dataDir: string;
  clock: Clock;
  actor: string;
  preferences: PreferenceStore;
  secrets: SecretStore;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /**
   * Runs one mutation as one transaction. `change` records its audit row(s) with `audit`;
   * a change that records none is rolled back, so no mutation can skip the audit.
   */
  change<T>(change: (audit: (entry: AuditEntry) => void) => T): T;
}

export function createContext(options: {
  db: Db;
  dataDir: string;
  clock: Clock;
  actor: string;
  preferences: PreferenceStore;
  secrets: SecretStore;
  emit: CoreContext['emit'];
}): CoreContext {
  const audit = auditRepository(options.db);
  return {
    ...options,
    change(change) {
      return options.db.transaction(() => {
        let recorded = 0;
        const result = change((entry) => {
          audit.record(options.clock.now(), options.actor, entry);
          recorded += 1;
        });
        if (recorded === 0) throw new Error('a mutation must record an audit row');
        return result;
      })();
    },
  };
}
