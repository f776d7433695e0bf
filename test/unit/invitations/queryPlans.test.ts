/**
 * Inviting a property of thousands of contacts must stay a handful of index lookups: every reading
 * statement of invitationRepository and outboxRepository reaches contracts, invitations, contacts
 * and the outbox through an index, never by scanning the table.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { invitationStatements } from '../../../src-main/core/db/invitationRepository';
import { outboxStatements } from '../../../src-main/core/db/outboxRepository';
import { tempDir } from '../support';

const params = {
  contactId: 1,
  propertyId: 1,
  codeHash: 'x',
  state: 'queued',
  limit: 50,
  offset: 0,
  maxAttempts: 5,
};

let db: Db;
beforeAll(() => {
  db = openDatabase(path.join(tempDir('portal-invitation-plans-'), 'plans.db'));
});
afterAll(() => db.close());

function plan(sql: string): string[] {
  const names = new Set([...sql.matchAll(/:(\w+)/g)].map((m) => m[1]!));
  const bound = Object.fromEntries(Object.entries(params).filter(([key]) => names.has(key)));
  return db
    .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(bound)
    .map((row) => row.detail);
}

const { pageAll, ...searched } = outboxStatements;
const statements = { ...invitationStatements, ...searched };

describe('query plans of the invitation and outbox statements', () => {
  it.each(Object.entries(statements))('%s never scans a table', (_name, sql) => {
    const steps = plan(sql);
    const scans = steps.filter(
      (step) => /^SCAN (?!CONSTANT)/.test(step) && !/USING (COVERING )?INDEX/.test(step),
    );
    expect(scans, steps.join('\n')).toEqual([]);
  });

  it('pages the whole outbox by walking the rowid backwards (stops after the page; no sort)', () => {
    expect(plan(pageAll)).toEqual(['SCAN outbox']);
    expect(plan(outboxStatements.pageByState)).toEqual([
      expect.stringMatching(/^SEARCH outbox USING INDEX outbox_by_state \(state=\?\)$/),
    ]);
  });
});
