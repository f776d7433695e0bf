import type { Db } from './connection';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export function auditRepository(db: Db) {
  const insert = db.prepare<[string, string, string, string, string | null, string | null, string | null]>(
    'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    /** Must run inside the transaction of the change it records. */
    record(at: string, actor: string, entry: AuditEntry): void {
      if (!db.inTransaction) throw new Error('audit rows are written inside the change they record');
      insert.run(
        at,
        actor,
        entry.action,
        entry.entity,
        entry.entityId == null ? null : String(entry.entityId),
        json(entry.before),
        json(entry.after),
      );
    },
    latest(limit: number): AuditRow[] {
      return latest.all(limit);
    },
  };
}
