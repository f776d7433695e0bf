/**
 * The audit log pages newest first straight from the index audit_by_at (migration 4), whatever the
 * range, never sorting the whole log; the deletion candidates read contracts from a covering index
 * only (one pass, no table rows).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/connection';
import { auditStatements, noAuditFilter } from '../../../src-main/core/db/auditRepository';
import { dataProtectionStatements } from '../../../src-main/core/db/dataProtectionRepository';

function plan(sql: string, params: Record<string, unknown>): string[] {
  const db = openDatabase(':memory:');
  try {
    return db
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => row.detail);
  } finally {
    db.close();
  }
}

describe('query plans', () => {
  it.each(Object.entries(auditStatements()))('audit %s: an index range on audit_by_at', (_name, sql) => {
    const steps = plan(sql, { from: '', until: '~', limit: 50, offset: 0, afterAt: '', afterId: 0 });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^SEARCH audit USING (COVERING )?INDEX audit_by_at \(at>\? AND at<\?\)$/);
  });

  it.each(Object.entries(auditStatements({ ...noAuditFilter, contactId: 7, action: 'sharing.share' })))(
    'audit %s about a contact: its rows from audit_subject by primary key, then by id',
    (_name, sql) => {
      const steps = plan(sql, {
        ...{ from: '', until: '~', limit: 50, offset: 0, afterAt: '', afterId: 0 },
        contactId: 7,
        action: 'x',
      });
      expect(steps.join('\n')).toMatch(
        /SEARCH audit_subject USING PRIMARY KEY \(kind=\? AND subject_id=\?\)/,
      );
      expect(steps.join('\n')).not.toMatch(/SCAN audit\b/);
    },
  );

  it.each(Object.entries(dataProtectionStatements))(
    'candidates %s: contracts through a covering index',
    (_name, sql) => {
      const steps = plan(sql, { endLimit: '2024-11-27', limit: 50, offset: 0 });
      const contracts = steps.filter((step) => /\bcontracts\b/.test(step));
      expect(contracts).toEqual(['SCAN contracts USING COVERING INDEX contracts_by_contact']);
      expect(steps).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    },
  );
});
