/**
 * The audit log pages newest first straight from the index audit_by_at (migration 4), whatever the
 * range, never sorting the whole log; the deletion candidates read contracts from a covering index
 * only (one pass, no table rows).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/connection';
import type { RawBuilder } from 'kysely';
import { auditStatements, noAuditFilter, type AuditFilter } from '../../../src-main/core/db/auditRepository';
import { dataProtectionStatements } from '../../../src-main/core/db/dataProtectionRepository';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';

/** The plan of a statement of the port, compiled for SQLite. */
function plan(query: RawBuilder<unknown>): string[] {
  const db = openDatabase(':memory:');
  try {
    const compiled = query.compile(sqliteStore(db).executor());
    return db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${compiled.sql}`)
      .all(...compiled.parameters)
      .map((row) => row.detail);
  } finally {
    db.close();
  }
}

/** The audit log's reading statements over the whole range, with a filter. */
function auditQueries(filter: AuditFilter): [string, RawBuilder<unknown>][] {
  const statements = auditStatements({ from: null, until: null }, filter);
  return [
    ['page', statements.page(0, 50)],
    ['count', statements.count()],
    ['after', statements.after(null, 50)],
  ];
}

describe('query plans', () => {
  it.each(auditQueries(noAuditFilter))('audit %s: an index range on audit_by_at', (_name, query) => {
    const steps = plan(query);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^SEARCH audit USING (COVERING )?INDEX audit_by_at \(at>\? AND at<\?\)$/);
  });

  it.each(auditQueries({ ...noAuditFilter, contactId: 7, action: 'sharing.share' }))(
    'audit %s about a contact: its rows from audit_subject by primary key, then by id',
    (_name, query) => {
      const steps = plan(query);
      expect(steps.join('\n')).toMatch(
        /SEARCH audit_subject USING PRIMARY KEY \(kind=\? AND subject_id=\?\)/,
      );
      expect(steps.join('\n')).not.toMatch(/SCAN audit\b/);
    },
  );

  it.each([
    ['candidatePage', dataProtectionStatements.candidatePage('2024-11-27', 0, 50)],
    ['candidateCount', dataProtectionStatements.candidateCount('2024-11-27')],
  ] as const)('candidates %s: contracts through a covering index', (_name, query) => {
    const steps = plan(query);
    const contracts = steps.filter((step) => /\bcontracts\b/.test(step));
    expect(contracts).toEqual(['SCAN contracts USING COVERING INDEX contracts_by_contact']);
    expect(steps).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
  });
});
