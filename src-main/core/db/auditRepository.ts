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

/** A range of instants: `from` ≤ at < `until` (ISO timestamps, UTC); null = open. */
export interface AuditRange {
  from: string | null;
  until: string | null;
}

const IN_RANGE = 'at >= :from AND at < :until';
/** Open ends as bounds every ISO timestamp lies within, so that the range stays one index range. */
const OPEN_FROM = '';
const OPEN_UNTIL = '~';
function bounds(range: AuditRange): { from: string; until: string } {
  return { from: range.from ?? OPEN_FROM, until: range.until ?? OPEN_UNTIL };
}
/**
 * The reading statements of the audit log (exported for the query-plan test). Newest first by
 * (at, id), an index range on audit_by_at (migration 4) whatever the range.
 */
export const auditStatements = {
  page: `SELECT * FROM audit WHERE ${IN_RANGE} ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset`,
  count: `SELECT COUNT(*) AS n FROM audit WHERE ${IN_RANGE}`,
  /** Oldest first, as a log file reads. */
  all: `SELECT * FROM audit WHERE ${IN_RANGE} ORDER BY at, id`,
} as const;

/**
 * The rows one Stammdaten-Import wrote (imports.first_audit_id … last_audit_id, migration 6) within
 * the range: a primary-key range of the audit table, newest first.
 */
const importStatements = {
  importPage: `SELECT a.* FROM audit a JOIN imports i ON a.id BETWEEN i.first_audit_id AND i.last_audit_id
    WHERE i.id = :importId AND a.at >= :from AND a.at < :until ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset`,
  importCount: `SELECT COUNT(*) AS n FROM audit a JOIN imports i ON a.id BETWEEN i.first_audit_id AND i.last_audit_id
    WHERE i.id = :importId AND a.at >= :from AND a.at < :until`,
} as const;

export function auditRepository(db: Db) {
  const insert = db.prepare<[string, string, string, string, string | null, string | null, string | null]>(
    'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  type Bounds = ReturnType<typeof bounds>;
  const page = db.prepare<Bounds & { limit: number; offset: number }, AuditRow>(auditStatements.page);
  const count = db.prepare<Bounds, { n: number }>(auditStatements.count);
  const all = db.prepare<Bounds, AuditRow>(auditStatements.all);
  type OfImport = Bounds & { importId: number };
  const importPage = db.prepare<OfImport & { limit: number; offset: number }, AuditRow>(
    importStatements.importPage,
  );
  const importCount = db.prepare<OfImport, { n: number }>(importStatements.importCount);
  const ofEntities = db.prepare<[string, string], AuditRow>(
    'SELECT * FROM audit WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const rewrite = db.prepare<[string | null, string | null, number]>(
    'UPDATE audit SET before = ?, after = ? WHERE id = ?',
  );
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

    /** One page of the log within `range`, newest first, and how many rows the range holds. */
    page(range: AuditRange, offset: number, limit: number): { total: number; rows: AuditRow[] } {
      const b = bounds(range);
      return { total: count.get(b)?.n ?? 0, rows: page.all({ ...b, offset, limit }) };
    },

    /** Like `page`, only the rows written by one import (shared/contract/imports.ts). */
    pageOfImport(
      importId: number,
      range: AuditRange,
      offset: number,
      limit: number,
    ): { total: number; rows: AuditRow[] } {
      const b = { ...bounds(range), importId };
      return { total: importCount.get(b)?.n ?? 0, rows: importPage.all({ ...b, offset, limit }) };
    },

    /** Every row within `range`, oldest first (the CSV export). */
    all(range: AuditRange): AuditRow[] {
      return all.all(bounds(range));
    },

    /** The rows about some entities of one kind (e.g. entity 'contact', ids ['42']), oldest first. */
    ofEntities(entity: string, entityIds: readonly string[]): AuditRow[] {
      if (entityIds.length === 0) return [];
      return ofEntities.all(entity, JSON.stringify(entityIds));
    },

    /**
     * Replaces the recorded values of one row: only to remove personal data of an anonymised
     * contact (services/dataProtectionService.ts); the row itself — when, who, what — stays.
     */
    redact(id: number, before: string | null, after: string | null): void {
      if (!db.inTransaction) throw new Error('audit rows are redacted inside the change that records it');
      rewrite.run(before, after, id);
    },
  };
}
