import { sql, type RawBuilder } from 'kysely';
import { auditSubjectsStatement, recordAuditSubjects } from './auditSubjects';
import type { Db } from './connection';
import { textList } from './engineSql';
import { auditSubjectsStatementPostgres } from './postgres/auditSubjects';
import type { Store } from './store';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** An entry as it is written: when and by whom. */
export interface AuditRecord {
  at: string;
  actor: string;
  entry: AuditEntry;
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

/** Open ends as bounds every ISO timestamp lies within, so that the range stays one index range. */
const OPEN_FROM = '';
const OPEN_UNTIL = '~';

/** The range and the filter's conditions. */
function whereSql(range: AuditRange, filter: AuditFilter): RawBuilder<unknown> {
  const conditions = [sql`at >= ${range.from ?? OPEN_FROM} AND at < ${range.until ?? OPEN_UNTIL}`];
  for (const [key, kind] of SUBJECTS) {
    const id = filter[key];
    if (id !== null)
      conditions.push(
        sql`id IN (SELECT audit_id FROM audit_subject WHERE kind = ${kind} AND subject_id = ${id})`,
      );
  }
  if (filter.action !== null) conditions.push(sql`action = ${filter.action}`);
  if (filter.actor !== null) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.importId !== null)
    conditions.push(
      sql`id BETWEEN (SELECT first_audit_id FROM imports WHERE id = ${filter.importId}) AND (SELECT last_audit_id FROM imports WHERE id = ${filter.importId})`,
    );
  return sql.join(conditions, sql` AND `);
}

/**
 * The reading statements of the audit log (exported for the query-plan test). Newest first by
 * (at, id), an index range on audit_by_at (migration 4) whatever the range.
 */
export function auditStatements(range: AuditRange, filter: AuditFilter = noAuditFilter) {
  const where = whereSql(range, filter);
  return {
    page: (offset: number, limit: number) =>
      sql<AuditRow>`SELECT * FROM audit WHERE ${where} ORDER BY at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`,
    count: () => sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit WHERE ${where}`,
    /** Oldest first, as a log file reads: the rows after (at, id), a page at a time. */
    after: (last: Pick<AuditRow, 'at' | 'id'> | null, limit: number) =>
      sql<AuditRow>`SELECT * FROM audit WHERE ${where} AND (at, id) > (${last?.at ?? ''}, ${last?.id ?? 0})
        ORDER BY at, id LIMIT ${limit}`,
  };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The subjects of the rows from `first` on (db/auditSubjects.ts), in the engine's statement. */
function subjectsSql(store: Store, first: number): RawBuilder<unknown> {
  const [text, marker] =
    store.engine === 'sqlite' ? [auditSubjectsStatement, ':first'] : [auditSubjectsStatementPostgres, '$1'];
  return sql.join(
    text.split(marker).map((part) => sql.raw(part)),
    sql`${first}`,
  );
}

export function auditRepository(store: Store) {
  return {
    /**
     * Writes rows in order, with their subjects: only inside the transaction of the change they
     * record (context.ts writes a change's rows once its work has resolved).
     */
    async record(records: readonly AuditRecord[]): Promise<void> {
      if (!store.inTransaction()) throw new Error('audit rows are written inside the change they record');
      let first: number | undefined;
      for (const { at, actor, entry } of records) {
        const row = await store.first(
          sql<{ id: number }>`INSERT INTO audit (at, actor, action, entity, entity_id, before, after)
            VALUES (${at}, ${actor}, ${entry.action}, ${entry.entity},
              ${entry.entityId == null ? null : String(entry.entityId)}, ${json(entry.before)}, ${json(entry.after)})
            RETURNING id`,
        );
        first ??= row!.id;
      }
      if (first !== undefined) await store.run(subjectsSql(store, first));
    },

    latest(limit: number): Promise<AuditRow[]> {
      return store.all(sql<AuditRow>`SELECT * FROM audit ORDER BY id DESC LIMIT ${limit}`);
    },

    /** One page of the log within `range` and `filter`, newest first, and how many rows match. */
    async page(
      range: AuditRange,
      filter: AuditFilter,
      offset: number,
      limit: number,
    ): Promise<{ total: number; rows: AuditRow[] }> {
      const statements = auditStatements(range, filter);
      const counted = await store.first(statements.count());
      return { total: counted?.n ?? 0, rows: await store.all(statements.page(offset, limit)) };
    },

    /**
     * Up to `limit` rows within `range` and `filter` that come after `last` (null: from the first),
     * oldest first: the CSV export reads the log a page at a time, however long it is.
     */
    after(range: AuditRange, filter: AuditFilter, last: AuditRow | null, limit: number): Promise<AuditRow[]> {
      return store.all(auditStatements(range, filter).after(last, limit));
    },

    /** Everyone who has changed something, by name. */
    async actors(): Promise<string[]> {
      const rows = await store.all(sql<{ actor: string }>`SELECT DISTINCT actor FROM audit ORDER BY actor`);
      return rows.map((row) => row.actor);
    },

    /** The rows about some entities of one kind (e.g. entity 'contact', ids ['42']), oldest first. */
    async ofEntities(entity: string, entityIds: readonly string[]): Promise<AuditRow[]> {
      if (entityIds.length === 0) return [];
      return store.all(
        sql<AuditRow>`SELECT * FROM audit WHERE entity = ${entity} AND entity_id IN (${textList(store, entityIds)})
          ORDER BY id`,
      );
    },

    /**
     * Replaces the recorded values of one row: only to remove personal data of an anonymised
     * contact (services/dataProtectionService.ts); the row itself — when, who, what — stays.
     */
    async redact(id: number, before: string | null, after: string | null): Promise<void> {
      if (!store.inTransaction())
        throw new Error('audit rows are redacted inside the change that records it');
      await store.run(sql`UPDATE audit SET before = ${before}, after = ${after} WHERE id = ${id}`);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;

/**
 * Writes one row on an SQLite handle, inside its transaction: a backup's own copy before it is
 * restored, and a restore made before the store opened (services/backupService.ts).
 */
export function recordOnHandle(db: Db, { at, actor, entry }: AuditRecord): void {
  if (!db.inTransaction) throw new Error('audit rows are written inside the change they record');
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      at,
      actor,
      entry.action,
      entry.entity,
      entry.entityId == null ? null : String(entry.entityId),
      json(entry.before),
      json(entry.after),
    );
  recordAuditSubjects(db, Number(lastInsertRowid));
}
