import type Database from 'better-sqlite3';
import type { Migration } from './migration';
import { v1 } from './v01-settingsAndAudit';
import { v2 } from './v02-portfolio';
import { v3 } from './v03-contactList';
import { v4 } from './v04-dataProtection';
import { v5 } from './v05-contactSearch';
import { v6 } from './v06-imports';
import { v7 } from './v07-outboxFacts';
import { v8 } from './v08-accessFigures';
import { v9 } from './v09-auditSubjects';
import { v10 } from './v10-salutations';
import { v11 } from './v11-automation';

export type { Migration } from './migration';

/** Every migration in order; each lives in a file of its own. */
export const migrations: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;

/** Thrown when the data store was written by a newer version of the app: we never downgrade it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than this app supports (${supported})`);
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the stored `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, upTo: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION);
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.withoutForeignKeys) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        migration.backfill?.(db);
        if (migration.withoutForeignKeys && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.version} broke a foreign key`);
        }
        record.run(migration.version, migration.name, new Date().toISOString());
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.withoutForeignKeys) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
}
