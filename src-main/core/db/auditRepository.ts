import { auditSubjectsStatement } from './auditSubjects';
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

/** What the Protokoll narrows the range to; null = any. */
export interface AuditFilter {
  /** Rows about this contact (db/auditSubjects.ts). */
  contactId: number | null;
  propertyId: number | null;
  contentId: number | null;
  action: string | null;
  /** Who did it. */
  actor: string | null;
  /** The rows one Stammdaten-Import wrote (imports.first_audit_id … last_audit_id, migration 6). */
  importId: number | null;
}

export const noAuditFilter: AuditFilter = {
  contactId: null,
  propertyId: null,
  contentId: null,
  action: null,
  actor: null,
  importId: null,
};

const SUBJECTS = [
  ['contactId', 'contact'],
  ['propertyId', 'property'],
  ['contentId', 'content'],
] as const;

/** The conditions of a filter beside the range; the parameters are the filter's own names. */
function filterSql(filter: AuditFilter): string {
  const conditions = SUBJECTS.filter(([key]) => filter[key] !== null).map(
    ([key, kind]) =>
      `id IN (SELECT audit_id FROM audit_subject WHERE kind = '${kind}' AND subject_id = :${key})`,
  );
  if (filter.action !== null) conditions.push('action = :action');
  if (filter.actor !== null) conditions.push('actor = :actor');
  if (filter.importId !== null)
    conditions.push(
      'id BETWEEN (SELECT first_audit_id FROM imports WHERE id = :importId) AND (SELECT last_audit_id FROM imports WHERE id = :importId)',
    );
  return conditions.map((condition) => ` AND ${condition}`).join('');
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
export function auditStatements(filter: AuditFilter = noAuditFilter) {
  const where = `${IN_RANGE}${filterSql(filter)}`;
  return {
    page: `SELECT * FROM audit WHERE ${where} ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset`,
    count: `SELECT COUNT(*) AS n FROM audit WHERE ${where}`,
    /** Oldest first, as a log file reads: the rows after (at, id), a page at a time. */
    after: `SELECT * FROM audit WHERE ${where} AND (at, id) > (:afterAt, :afterId) ORDER BY at, id LIMIT :limit`,
  } as const;
}

export function auditRepository(db: Db) {
  const insert = db.prepare<[string, string, string, string, string | null, string | null, string | null]>(
    'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const subjects = db.prepare<{ first: number }>(auditSubjectsStatement);
  const latest = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  const actors = db.prepare<[], { actor: string }>('SELECT DISTINCT actor FROM audit ORDER BY actor');
  type Params = ReturnType<typeof bounds> & Record<string, unknown>;
  // One set of statements per combination of filters (at most 2⁶), prepared when first used.
  const prepared = new Map<string, ReturnType<typeof prepare>>();
  function prepare(filter: AuditFilter) {
    const sql = auditStatements(filter);
    return {
      page: db.prepare<Params, AuditRow>(sql.page),
      count: db.prepare<Params, { n: number }>(sql.count),
      after: db.prepare<Params, AuditRow>(sql.after),
    };
  }
  function statements(range: AuditRange, filter: AuditFilter) {
    const key = filterSql(filter);
    let found = prepared.get(key);
    if (found === undefined) {
      found = prepare(filter);
      prepared.set(key, found);
    }
    const used = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== null));
    return { ...found, params: { ...bounds(range), ...used } };
  }
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
      const { lastInsertRowid } = insert.run(
        at,
        actor,
        entry.action,
        entry.entity,
        entry.entityId == null ? null : String(entry.entityId),
        json(entry.before),
        json(entry.after),
      );
      subjects.run({ first: Number(lastInsertRowid) });
    },
    latest(limit: number): AuditRow[] {
      return latest.all(limit);
    },

    /** One page of the log within `range` and `filter`, newest first, and how many rows match. */
    page(
      range: AuditRange,
      filter: AuditFilter,
      offset: number,
      limit: number,
    ): { total: number; rows: AuditRow[] } {
      const { page, count, params } = statements(range, filter);
      return { total: count.get(params)?.n ?? 0, rows: page.all({ ...params, offset, limit }) };
    },

    /**
     * Up to `limit` rows within `range` and `filter` that come after `last` (null: from the first),
     * oldest first: the CSV export reads the log a page at a time, however long it is.
     */
    after(range: AuditRange, filter: AuditFilter, last: AuditRow | null, limit: number): AuditRow[] {
      const { after, params } = statements(range, filter);
      return after.all({ ...params, afterAt: last?.at ?? '', afterId: last?.id ?? 0, limit });
    },

    /** Everyone who has changed something, by name. */
    actors(): string[] {
      return actors.all().map((row) => row.actor);
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
